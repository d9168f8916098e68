import { describe, expect, it } from 'vitest';
import { emptyQuestionnaire } from '../../../bot/migration/questionnaire/answerRecord';
import { deriveOverlaps } from '../../../bot/migration/questionnaire/overlaps';
import { fixtureRecord, recordWith, set } from './fixtures';

describe('what the answers feed into the rest of the product', () => {
  it('when nothing is answered, then there is nothing to feed', () => {
    expect(deriveOverlaps(set, emptyQuestionnaire())).toEqual({ flaggedApplications: [], notes: [] });
  });

  it('when the fixture project is read, then the set-up values, the plan and the flagged applications come out', () => {
    const overlaps = deriveOverlaps(set, fixtureRecord());
    expect(overlaps).toMatchObject({
      organisationName: 'Ysbyty Gwynedd – Bangor',
      odsCode: '7A1',
      approximateUsers: 1200,
      newAccounts: 650,
      migrationMethod: 'self-migration',
      phasing: 'phased',
      cutover: '2027-06-28',
      registrationsPerMonth: [
        { month: '2027-03', planned: 50 },
        { month: '2027-04', planned: 300 },
        { month: '2027-05', planned: 300 },
      ],
    });
    expect(overlaps.flaggedApplications.map((a) => a.name)).toEqual(['Mitel phones', '@Alert, "critical"']);
    expect(overlaps.flaggedApplications[0]?.note).toBe(
      "Re-integrate Mitel phones (VOIP phones) with NHSmail: it sends mail over SMTP, which NHS Digital's Applications Guide covers (application accounts and the relay service). Contact: ICT service desk.",
    );
    expect(overlaps.flaggedApplications[1]?.note).toBe('Re-integrate @Alert, "critical" (System alerts) with NHSmail: find out how it sends mail, and test it before the pilot.');
  });

  it('when the fixture project is read, then notes are suggested for the flagged systems, the extra approval time and old Office', () => {
    const notes = deriveOverlaps(set, fixtureRecord()).notes;
    expect(notes.map((n) => [n.kind, n.questionId])).toEqual([
      ['risk', 'apps-list'],
      ['risk', 'apps-list'],
      ['checklist-note', 'users-new-accounts'],
      ['risk', 'clients-outlook-versions'],
    ]);
    expect(notes[2]?.text).toBe(
      'You need 650 new accounts, more than 500: allow an extra 14 days for NHS Digital to approve them, which they only do after a successful pilot.',
    );
    expect(notes[3]?.text).toContain('Office 2007 or earlier, which NHSmail does not support');
  });

  it('when the monthly plan does not add up to the new accounts, then a note points it out', () => {
    const record = recordWith({
      'users-and-accounts': { 'users-new-accounts': '400' },
      registrations: { 'registrations-plan': '2027-01: 100\n2027-02: 200' },
    });
    expect(deriveOverlaps(set, record).notes).toEqual([
      {
        kind: 'checklist-note',
        questionId: 'registrations-plan',
        text: 'Your monthly registrations add up to 300, but you said you need 400 new accounts. Check which is right before sending them to the pipeline team.',
      },
    ]);
  });

  it('when the threshold is a setting, then the note follows it', () => {
    const record = recordWith({ 'users-and-accounts': { 'users-new-accounts': '650' } });
    expect(deriveOverlaps(set, record, { newAccountApprovalThreshold: 1000, extraApprovalDays: 14 }).notes).toEqual([]);
  });

  it('when the ODS code answer is not a valid code, then it is not passed on', () => {
    const record = recordWith({ 'organisation-and-contacts': { 'org-ods-code': 'R-H8' } });
    expect(deriveOverlaps(set, record).odsCode).toBeUndefined();
  });
});
