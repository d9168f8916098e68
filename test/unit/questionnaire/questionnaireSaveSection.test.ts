import { describe, expect, it } from 'vitest';
import { openQuestionnaireSection } from '../../../bot/migration/questionnaire/questionnaireOpenSection';
import { getQuestionnaireOverview } from '../../../bot/migration/questionnaire/questionnaireProgressView';
import { saveQuestionnaireSection } from '../../../bot/migration/questionnaire/questionnaireSaveSection';
import { NotFound, PermissionDenied } from '../../../bot/migration/shared/errors';
import { caught, intruder, priya, sue, tom } from '../projects/projectFixtures';
import { fillSection, questionnaireWorld } from './questionnaireWorld';

const SHARED = 'shared-resources';

describe('opening and saving a questionnaire section', () => {
  it('when one field of a section is wrong, then the valid answers are saved and the wrong one comes back with its reason and the value as typed', async () => {
    const w = await questionnaireWorld();
    const result = await fillSection(w, tom, 'organisation-and-contacts', {
      'org-name': 'Royal Devon Hospital',
      'org-ods-code': 'RH8',
      'org-project-manager-email': 'priya at nhs dot net',
      'org-senior-approval': 'yes',
    });
    expect(result.outcome).toBe('saved');
    expect(result.errors).toEqual([{ questionId: 'org-project-manager-email', message: 'Enter a real email address, like name@nhs.net.' }]);
    expect(result.keep).toEqual({ 'org-project-manager-email': 'priya at nhs dot net' });
    const stored = await w.answers.get(w.project.projectId);
    expect(Object.keys(stored.answers).sort()).toEqual(['org-name', 'org-ods-code', 'org-senior-approval']);
    expect(stored.answers['org-name']?.answeredBy).toEqual({ id: tom.userId, name: 'Tom Evans' });
    expect(stored.answers['org-name']?.answeredAt).toBe('2026-11-25T10:00:00.000Z');
  });

  it('when every field is wrong, then nothing is written at all', async () => {
    const w = await questionnaireWorld();
    const result = await fillSection(w, tom, 'mailbox-sizes', { 'mailbox-over-quota': '-3', 'mailbox-largest-gb': 'lots' });
    expect(result.errors.map((e) => e.questionId)).toEqual(['mailbox-over-quota', 'mailbox-largest-gb']);
    expect(result.errors[0]?.message).toBe('Enter a whole number of 0 or more.');
    expect(w.answers.writes).toBe(0);
  });

  it('when a card is saved again without changes, then nothing is written', async () => {
    const w = await questionnaireWorld();
    await fillSection(w, tom, SHARED, { 'shared-mailboxes': '12', 'shared-public-folders': 'no' });
    const writes = w.answers.writes;
    const opened = await openQuestionnaireSection(w.deps, { actor: priya, projectId: w.project.projectId, section: SHARED });
    const again = await saveQuestionnaireSection(w.deps, {
      actor: priya,
      projectId: w.project.projectId,
      sectionId: SHARED,
      inputs: { 'shared-mailboxes': 12, 'shared-public-folders': 'no', 'shared-calendars': '' },
      base: opened.base,
    });
    expect(again.outcome === 'saved' && again.changes).toEqual([]);
    expect(w.answers.writes).toBe(writes);
  });

  it('when two people save different sections at the same moment, then both land and neither collides', async () => {
    const w = await questionnaireWorld();
    const [a, b] = await Promise.all([
      fillSection(w, tom, SHARED, { 'shared-mailboxes': '12' }),
      fillSection(w, priya, 'mobile-devices', { 'mobile-users': '300' }),
    ]);
    expect([a.outcome, b.outcome]).toEqual(['saved', 'saved']);
    expect(w.answers.conflicts).toBe(0);
    const stored = await w.answers.get(w.project.projectId);
    expect(stored.answers['shared-mailboxes']?.answeredBy.name).toBe('Tom Evans');
    expect(stored.answers['mobile-users']?.answeredBy.name).toBe('Priya Shah');
  });

  it('when two people change different questions of one section from cards opened together, then the second save is retried and both land', async () => {
    const w = await questionnaireWorld();
    const projectId = w.project.projectId;
    const tomsCard = await openQuestionnaireSection(w.deps, { actor: tom, projectId, section: SHARED });
    const priyasCard = await openQuestionnaireSection(w.deps, { actor: priya, projectId, section: SHARED });
    w.answers.beforeNextWrite(async () => {
      await saveQuestionnaireSection(w.deps, { actor: priya, projectId, sectionId: SHARED, inputs: { 'shared-mailboxes': '', 'shared-calendars': '4' }, base: priyasCard.base });
    });
    const toms = await saveQuestionnaireSection(w.deps, { actor: tom, projectId, sectionId: SHARED, inputs: { 'shared-mailboxes': '12', 'shared-calendars': '' }, base: tomsCard.base });
    expect(toms.outcome).toBe('saved');
    expect(w.answers.conflicts).toBe(1);
    expect(toms.record.answers['shared-mailboxes']?.value).toEqual({ type: 'number', value: 12 });
    expect(toms.record.answers['shared-calendars']?.value).toEqual({ type: 'number', value: 4 });
  });

  it('when two people change the same answer from cards opened together, then the later save is refused whole and their other changes stay on the card', async () => {
    const w = await questionnaireWorld();
    const projectId = w.project.projectId;
    await fillSection(w, tom, SHARED, { 'shared-distribution-lists': '3' });
    const tomsCard = await openQuestionnaireSection(w.deps, { actor: tom, projectId, section: SHARED });
    const priyasCard = await openQuestionnaireSection(w.deps, { actor: priya, projectId, section: SHARED });
    await saveQuestionnaireSection(w.deps, {
      actor: priya,
      projectId,
      sectionId: SHARED,
      inputs: { 'shared-mailboxes': '20', 'shared-distribution-lists': '5' },
      base: priyasCard.base,
    });
    const writes = w.answers.writes;

    const toms = await saveQuestionnaireSection(w.deps, {
      actor: tom,
      projectId,
      sectionId: SHARED,
      inputs: { 'shared-mailboxes': '12', 'shared-calendars': '4', 'shared-distribution-lists': '3', 'shared-public-folders': 'maybe' },
      base: tomsCard.base,
    });
    expect(toms.outcome).toBe('stale');
    expect(toms.outcome === 'stale' && toms.conflicts.map((c) => [c.questionId, c.changedBy?.name])).toEqual([['shared-mailboxes', 'Priya Shah']]);
    expect(w.answers.writes).toBe(writes);
    // Tom's own change and his wrong value come back; the clash and the field he left alone show Priya's answers.
    expect(toms.keep).toEqual({ 'shared-calendars': '4', 'shared-public-folders': 'maybe' });
    expect(toms.errors.map((e) => e.questionId)).toEqual(['shared-public-folders']);
    expect(toms.record.answers['shared-mailboxes']?.value).toEqual({ type: 'number', value: 20 });
    expect(toms.record.answers['shared-distribution-lists']?.value).toEqual({ type: 'number', value: 5 });

    const again = await saveQuestionnaireSection(w.deps, { actor: tom, projectId, sectionId: SHARED, inputs: { ...toms.keep, 'shared-public-folders': 'no', 'shared-distribution-lists': 5 }, base: toms.base });
    expect(again.outcome).toBe('saved');
    expect(again.record.answers['shared-calendars']?.answeredBy.name).toBe('Tom Evans');
    expect(again.record.answers['shared-distribution-lists']?.answeredBy.name).toBe('Priya Shah');
  });

  it('when applications are typed one a line, then they are saved as entries and the card shows them back so that saving again changes nothing', async () => {
    const w = await questionnaireWorld();
    const projectId = w.project.projectId;
    const typed = 'Mitel phones | VOIP phones | SMTP relay | ICT service desk | flag\nRicoh scanners | scan to email | exchange\n\nPager \\| bleeps | alerts';
    const saved = await fillSection(w, tom, 'applications', { 'apps-any': 'yes', 'apps-list': typed });
    expect(saved.errors).toEqual([]);
    expect(saved.record.answers['apps-list']?.value).toEqual({
      type: 'application-list',
      value: [
        { name: 'Mitel phones', purpose: 'voip', sendsMailVia: 'smtp-relay', contact: 'ICT service desk', flagged: true },
        { name: 'Ricoh scanners', purpose: 'scan-to-email', sendsMailVia: 'exchange' },
        { name: 'Pager | bleeps', purpose: 'alerts', sendsMailVia: 'unknown' },
      ],
    });
    const { answerAsInput } = await import('../../../bot/migration/questionnaire/questionnaireCardValues');
    const shown = answerAsInput(saved.record.answers['apps-list']!.value);
    const again = await saveQuestionnaireSection(w.deps, { actor: priya, projectId, sectionId: 'applications', inputs: { 'apps-any': 'yes', 'apps-list': shown }, base: saved.base });
    expect(again.outcome === 'saved' && again.changes).toEqual([]);
  });

  it('when a line of the application list is wrong, then the list is refused with the line named and the rest of the section is saved', async () => {
    const w = await questionnaireWorld();
    const saved = await fillSection(w, tom, 'applications', { 'apps-any': 'yes', 'apps-list': 'Mitel phones | fax machines', 'apps-automated-mailboxes': '2' });
    expect(saved.errors.map((e) => e.questionId)).toEqual(['apps-list']);
    expect(saved.errors[0]?.message).toContain('Application 1: choose what it is for');
    expect(Object.keys(saved.record.answers).sort()).toEqual(['apps-any', 'apps-automated-mailboxes']);
  });

  it('when staff open or save a section, then they are told only the project team can answer and nothing is written', async () => {
    const w = await questionnaireWorld();
    const refusal = await caught(() => openQuestionnaireSection(w.deps, { actor: sue, projectId: w.project.projectId, section: '1' }));
    expect(refusal).toBeInstanceOf(PermissionDenied);
    expect((refusal as PermissionDenied).message).toBe('Only members of the project team can answer the discovery questionnaire.');
    await expect(saveQuestionnaireSection(w.deps, { actor: sue, projectId: w.project.projectId, sectionId: SHARED, inputs: { 'shared-mailboxes': '1' }, base: {} })).rejects.toBeInstanceOf(PermissionDenied);
    expect(w.answers.writes).toBe(0);
    const overview = await getQuestionnaireOverview(w.deps, { actor: sue, projectId: w.project.projectId });
    expect(overview.may).toEqual({ answer: false, submit: false, export: false });
  });

  it('when a section is asked for by number, id or a word of its title, then it opens; when none or several fit, then it is not found with a hint', async () => {
    const w = await questionnaireWorld();
    const open = (section: unknown) => openQuestionnaireSection(w.deps, { actor: tom, projectId: w.project.projectId, section });
    expect((await open('3')).section.section.id).toBe(SHARED);
    expect((await open(SHARED)).section.number).toBe(3);
    expect((await open('Mobile')).section.section.id).toBe('mobile-devices');
    expect((await open('section 10')).section.section.id).toBe('registrations');
    const missing = await caught(() => open('11'));
    expect(missing).toBeInstanceOf(NotFound);
    expect((missing as NotFound).hint).toBe('Type questionnaire to see the 10 sections, then open one by its number.');
    await expect(open('and')).rejects.toBeInstanceOf(NotFound);
  });

  it('when someone from another tenant uses a card of this project, then it answers as not found', async () => {
    const w = await questionnaireWorld();
    await expect(openQuestionnaireSection(w.deps, { actor: intruder, projectId: w.project.projectId, section: '1' })).rejects.toBeInstanceOf(NotFound);
    await expect(getQuestionnaireOverview(w.deps, { actor: intruder, projectId: w.project.projectId })).rejects.toBeInstanceOf(NotFound);
  });

  it('when two people have answered, then the overview says who answered what, section by section', async () => {
    const w = await questionnaireWorld();
    await fillSection(w, tom, SHARED, { 'shared-mailboxes': '12', 'shared-calendars': '2' });
    await fillSection(w, priya, 'organisation-and-contacts', { 'org-name': 'Royal Devon Hospital' });
    const overview = await getQuestionnaireOverview(w.deps, { actor: tom, projectId: w.project.projectId });
    expect(overview.progress.contributors.map((c) => [c.person.name, c.answers])).toEqual([
      ['Tom Evans', 2],
      ['Priya Shah', 1],
    ]);
    expect(overview.progress.sections[2]?.answered).toBe(2);
    expect(overview.may).toEqual({ answer: true, submit: false, export: true });
  });
});
