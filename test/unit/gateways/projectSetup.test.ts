import { describe, expect, it } from 'vitest';
import { validateProjectSetup, type ProjectSetupInput } from '../../../bot/migration/gateways/projectSetup';

const good: ProjectSetupInput = {
  organisationName: '  Riverside Hospitals NHS Foundation Trust ',
  odsCode: ' rh8 ',
  migrationMethod: 'self-migration',
  approximateUsers: '5,000',
  newAccounts: '120',
  phasing: 'phased',
  plannedStart: '2026-03-30',
  cutover: '2026-10-26',
};

function errorsFor(input: ProjectSetupInput): Record<string, string> {
  const result = validateProjectSetup(input);
  if (result.ok) throw new Error('expected errors');
  return Object.fromEntries(result.errors.map((e) => [e.field, e.message]));
}

describe('project set-up validation', () => {
  it.each([
    ['RH8', false],
    ['RH802', true],
    ['ZZZZ9', true],
    ['A81001', false],
  ])('when the ODS code is %s, then stopping to confirm is %s', (odsCode, confirm) => {
    const result = validateProjectSetup({ ...good, odsCode });
    expect(result.ok && result.hints.find((h) => h.field === 'odsCode')?.confirm).toBe(confirm);
  });

  it('when every answer is good, then the cleaned value comes back with a trust hint for the ODS code', () => {
    const result = validateProjectSetup(good);
    expect(result).toEqual({
      ok: true,
      value: {
        organisationName: 'Riverside Hospitals NHS Foundation Trust',
        odsCode: 'RH8',
        odsCodeKind: 'nhs-trust',
        migrationMethod: 'self-migration',
        approximateUsers: 5000,
        newAccounts: 120,
        phasing: 'phased',
        plannedStart: '2026-03-30',
        cutover: '2026-10-26',
      },
      hints: [{ field: 'odsCode', message: 'RH8 looks like an NHS trust code.', confirm: false }],
    });
  });

  it('when numbers arrive as numbers rather than card strings, then they are accepted', () => {
    const result = validateProjectSetup({ ...good, approximateUsers: 40, newAccounts: 0 });
    expect(result.ok && [result.value.approximateUsers, result.value.newAccounts]).toEqual([40, 0]);
  });

  it('when everything is missing, then every field error is reported at once', () => {
    expect(Object.keys(errorsFor({})).sort()).toEqual(
      ['approximateUsers', 'cutover', 'migrationMethod', 'newAccounts', 'odsCode', 'organisationName', 'phasing', 'plannedStart'].sort(),
    );
  });

  it('when the organisation name is blank or over 200 characters, then it is refused; 200 is fine', () => {
    expect(errorsFor({ ...good, organisationName: '   ' })).toHaveProperty('organisationName');
    expect(errorsFor({ ...good, organisationName: 'x'.repeat(201) })['organisationName']).toMatch(/200 characters/);
    expect(validateProjectSetup({ ...good, organisationName: 'x'.repeat(200) }).ok).toBe(true);
  });

  it.each(['RH', 'RH8000000X', 'RH-8', 'R H8'])('when the ODS code is %s, then it is refused with an example', (odsCode) => {
    expect(errorsFor({ ...good, odsCode })['odsCode']).toMatch(/3 to 9 letters and numbers/);
  });

  it.each([
    ['RH802', /site belonging to NHS trust RH8/],
    ['fvr79', /pharmacy/],
    ['A81001', /GP practice/],
    ['Y01234', /newer practices in England start with Y/],
    ['V12345', /social care/],
    ['8HA03', /couldn't match 8HA03 to a known ODS pattern; please double-check it/],
  ])('when the ODS code is %s, then it is accepted with a hint, never rejected', (odsCode, hint) => {
    const result = validateProjectSetup({ ...good, odsCode });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.hints.find((h) => h.field === 'odsCode')?.message).toMatch(hint);
  });

  it.each(['managed', 'Self-migration', '', undefined])('when the migration method is %s, then it is refused', (migrationMethod) => {
    expect(errorsFor({ ...good, migrationMethod })).toHaveProperty('migrationMethod');
  });

  it.each(['managed-service', 'third-party'])('when the migration method is %s, then it is accepted', (migrationMethod) => {
    expect(validateProjectSetup({ ...good, migrationMethod }).ok).toBe(true);
  });

  it.each(['0', '-5', '12.5', 'lots', 0, 2.5, Number.NaN])('when approximate users is %s, then it is refused', (approximateUsers) => {
    expect(errorsFor({ ...good, approximateUsers })).toHaveProperty('approximateUsers');
  });

  it.each(['-1', '3.5', 'none', -1])('when new accounts is %s, then it is refused', (newAccounts) => {
    expect(errorsFor({ ...good, newAccounts })).toHaveProperty('newAccounts');
  });

  it('when new accounts are over the approval threshold, then a hint says to allow 14 extra days after the pilot', () => {
    const result = validateProjectSetup({ ...good, newAccounts: '501' });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.hints.find((h) => h.field === 'newAccounts')?.message).toBe(
        'You need more than 500 new accounts, so allow an extra 14 days for NHS Digital to approve them. Approval is only given after a successful pilot.',
      );
    }
  });

  it('when new accounts are exactly at the threshold, then there is no hint', () => {
    const result = validateProjectSetup({ ...good, newAccounts: 500 });
    expect(result.ok && result.hints.some((h) => h.field === 'newAccounts')).toBe(false);
  });

  it('when the threshold is configured differently, then the hint follows the settings', () => {
    const result = validateProjectSetup({ ...good, newAccounts: 300 }, { newAccountApprovalThreshold: 250, extraApprovalDays: 21 });
    expect(result.ok && result.hints.find((h) => h.field === 'newAccounts')?.message).toMatch(/more than 250 .* extra 21 days/);
  });

  it.each(['big bang', 'Phased', ''])('when phasing is %s, then it is refused', (phasing) => {
    expect(errorsFor({ ...good, phasing })).toHaveProperty('phasing');
  });

  it('when dates are not real ISO dates, then each is refused', () => {
    const errors = errorsFor({ ...good, plannedStart: '30/03/2026', cutover: '2026-02-30' });
    expect(Object.keys(errors).sort()).toEqual(['cutover', 'plannedStart']);
  });

  it('when cutover is on or before the start, then it is refused', () => {
    expect(errorsFor({ ...good, cutover: '2026-03-30' })['cutover']).toBe('The cutover date needs to be after the planned start.');
    expect(errorsFor({ ...good, cutover: '2026-03-29' })).toHaveProperty('cutover');
  });

  it('when start and cutover fall on the clock-change days, then they are fine', () => {
    expect(validateProjectSetup({ ...good, plannedStart: '2026-03-29', cutover: '2026-10-25' }).ok).toBe(true);
  });

  it('when the start is invalid, then cutover is not also blamed for ordering', () => {
    expect(Object.keys(errorsFor({ ...good, plannedStart: 'soon' }))).toEqual(['plannedStart']);
  });

  it.each(['rıx', 'ſſſ', 'ＲＨ８', 'Rh8é'])('when the ODS code %s has letters outside A to Z, then it is refused, not folded into another code', (odsCode) => {
    expect(errorsFor({ ...good, odsCode })['odsCode']).toMatch(/only the letters A to Z and the numbers 0 to 9/);
  });

  it('when the cutover has already passed, then it is refused; today and later are fine', () => {
    const today = '2026-12-01';
    const past = { ...good, plannedStart: '2001-01-01', cutover: '2001-06-01' };
    const result = validateProjectSetup(past, undefined, today);
    expect(result.ok ? {} : Object.fromEntries(result.errors.map((e) => [e.field, e.message]))).toEqual({
      cutover: 'The cutover date has already passed. Please choose today or a later date.',
    });
    expect(validateProjectSetup({ ...good, plannedStart: '2026-11-01', cutover: '2026-11-30' }, undefined, today).ok).toBe(false);
    expect(validateProjectSetup({ ...good, plannedStart: '2026-11-01', cutover: today }, undefined, today).ok).toBe(true);
    expect(validateProjectSetup({ ...good, plannedStart: '2026-11-01', cutover: '2027-03-01' }, undefined, today).ok).toBe(true);
  });

  it('when the planned start is after a cutover that has passed, then the cutover is named once', () => {
    const errors = validateProjectSetup({ ...good, plannedStart: '2026-11-15', cutover: '2026-11-10' }, undefined, '2026-12-01');
    expect(errors.ok ? [] : errors.errors.map((e) => e.field)).toEqual(['cutover']);
  });
});

