/**
 * ODS (Organisation Data Service) codes: the check and the friendly guesses.
 *
 * Why guesses and not rules: ODS codes are 3 to 9 upper-case letters and
 * digits; the patterns for trusts, pharmacies, GP practices and social care
 * fit every published example but are not all stated as rules. So the shape
 * is validated, the type is only ever a hint, and a code is never rejected
 * because it doesn't match a known pattern.
 */

export const ODS_CODE_PATTERN = /^[A-Z0-9]{3,9}$/;

export type OdsCodeKind =
  | 'nhs-trust'
  | 'nhs-trust-site'
  | 'pharmacy'
  | 'gp-practice'
  | 'new-gp-practice'
  | 'social-care'
  | 'unknown';

/**
 * Trims and upper-cases a to z only, as people type codes in any case. Not `toUpperCase()`: Unicode case mapping
 * turns the dotless ı into I and the long ſ into S, so `rıx` would quietly become the trust code RIX; left as typed,
 * such letters fail the shape check instead.
 */
export function normaliseOdsCode(input: string): string {
  return input.trim().replace(/[a-z]/g, (letter) => letter.toUpperCase());
}

/** Letters and digits other than ASCII's (ı, ſ, é, full-width Ｒ): refused with their own message. */
export function hasNonAsciiLetters(code: string): boolean {
  return /[^ -~]/.test(code);
}

/** True for a normalised code of the right shape. */
export function isValidOdsCode(code: string): boolean {
  return ODS_CODE_PATTERN.test(code);
}

/** Best guess at what kind of organisation a (normalised, valid) code belongs to. */
export function classifyOdsCode(code: string): OdsCodeKind {
  if (/^R[A-Z0-9]{2}$/.test(code)) return 'nhs-trust';
  if (/^R[A-Z0-9]{4}$/.test(code)) return 'nhs-trust-site';
  if (/^F[A-Y][A-Z0-9]{3}$/.test(code)) return 'pharmacy';
  if (/^V\d{5}$/.test(code)) return 'social-care';
  if (/^Y\d{5}$/.test(code)) return 'new-gp-practice';
  if (/^[A-Z]\d{5}$/.test(code)) return 'gp-practice';
  return 'unknown';
}

/** A short, non-blocking hint for the person setting up the project. */
export function describeOdsCode(code: string): string {
  switch (classifyOdsCode(code)) {
    case 'nhs-trust':
      return `${code} looks like an NHS trust code.`;
    case 'nhs-trust-site':
      return `${code} looks like the code of a site belonging to NHS trust ${code.slice(0, 3)}. If you are migrating the whole trust, use the trust's 3-character code.`;
    case 'pharmacy':
      return `${code} looks like a pharmacy code.`;
    case 'gp-practice':
      return `${code} looks like a GP practice code.`;
    case 'new-gp-practice':
      return `${code} looks like a GP practice code (newer practices in England start with Y).`;
    case 'social-care':
      return `${code} looks like a social care provider code.`;
    case 'unknown':
      return `We couldn't match ${code} to a known ODS pattern; please double-check it.`;
  }
}
