import { describe, expect, it } from 'vitest';
import { classifyOdsCode, describeOdsCode, isValidOdsCode, normaliseOdsCode } from '../../../bot/migration/gateways/odsCode';

describe('ODS codes', () => {
  it.each([
    ['RH8', 'nhs-trust'],
    ['RH802', 'nhs-trust-site'],
    ['FVR79', 'pharmacy'],
    ['A81001', 'gp-practice'],
    ['Y12345', 'new-gp-practice'],
    ['V12345', 'social-care'],
    ['TAK', 'unknown'],
    ['8HA03', 'unknown'],
    ['FZ123', 'unknown'],
    ['R1234567', 'unknown'],
  ] as const)('when the code is %s, then it looks like %s', (code, kind) => {
    expect(classifyOdsCode(code)).toBe(kind);
  });

  it('when a code is typed in lower case with spaces, then it is normalised', () => {
    expect(normaliseOdsCode('  rh8 ')).toBe('RH8');
  });

  it.each([
    ['rıx', 'RıX'],
    ['ſſſ', 'ſſſ'],
    ['straße', 'STRAßE'],
  ])('when %s carries letters outside ASCII, then only a to z are upper-cased (no Unicode folding into another code)', (typed, normalised) => {
    expect(normaliseOdsCode(typed)).toBe(normalised);
    expect(isValidOdsCode(normaliseOdsCode(typed))).toBe(false);
  });

  it.each(['RH', 'RH8000000X', 'RH-8', 'rh8', ''])('when the code is %s, then its shape is invalid', (code) => {
    expect(isValidOdsCode(code)).toBe(false);
  });

  it('when describing codes, then hints are friendly and unknown codes ask for a double-check', () => {
    expect(describeOdsCode('RH8')).toBe('RH8 looks like an NHS trust code.');
    expect(describeOdsCode('RH802')).toContain('NHS trust RH8');
    expect(describeOdsCode('Y12345')).toMatch(/newer practices in England start with Y/);
    expect(describeOdsCode('8HA03')).toBe("We couldn't match 8HA03 to a known ODS pattern; please double-check it.");
  });
});
