import { describe, expect, it } from 'vitest';
import { NotFound } from '../../../bot/migration/shared/errors';
import { validateSection } from '../../../bot/migration/questionnaire/validateSection';
import { set } from './fixtures';

describe('validating a section', () => {
  it('when one field is wrong, then the good ones still come back valid to be saved', () => {
    const result = validateSection(set, 'users-and-accounts', {
      'users-existing': '1,200',
      'users-new-accounts': 'about 600',
      'users-current-service': 'exchange-outsourced',
    });
    expect(result).toEqual({
      sectionId: 'users-and-accounts',
      valid: {
        'users-existing': { type: 'number', value: 1200 },
        'users-current-service': { type: 'choice', value: 'exchange-outsourced' },
      },
      cleared: [],
      errors: [{ questionId: 'users-new-accounts', message: 'Enter a whole number of 0 or more.' }],
    });
  });

  it('when a field is missing from the card, then it is left alone; when it is sent empty, then it is to be cleared', () => {
    const result = validateSection(set, 'organisation-and-contacts', {
      'org-name': 'Ysbyty Gwynedd',
      'org-technical-lead-email': '',
      'org-project-manager-name': '   ',
      'org-business-case': undefined,
    });
    expect(Object.keys(result.valid)).toEqual(['org-name']);
    expect(result.cleared).toEqual(['org-project-manager-name', 'org-technical-lead-email']);
    expect(result.errors).toEqual([]);
  });

  it('when the card sends other data (a verb, an edit base, another section\'s field), then it is ignored', () => {
    const result = validateSection(set, 'mobile-devices', { verb: 'saveSection', base: {}, 'users-existing': 'x', 'mobile-users': '12' });
    expect(result.valid).toEqual({ 'mobile-users': { type: 'number', value: 12 } });
    expect(result.errors).toEqual([]);
  });

  it('when several fields are wrong, then each has its own message, in question order', () => {
    const result = validateSection(set, 'migration-method-and-phasing', {
      'method-cutover': '31/02/2027',
      'method-approach': 'do it ourselves',
    });
    expect(result.errors.map((e) => e.questionId)).toEqual(['method-approach', 'method-cutover']);
  });

  it('when the section does not exist, then NotFound is thrown', () => {
    expect(() => validateSection(set, 'finance', {})).toThrow(NotFound);
  });
});
