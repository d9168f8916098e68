import type { StaffMember } from '../../staff/staffMember';

/**
 * How a Teams identity is matched to a line of the staff list (DOMAIN.md, "Teams and NHSmail identities").
 *
 * Why both addresses: many staff already use Teams with an `@nhs.net` identity while their mail is still local, so
 * the person asking may be known to Teams by their NHSmail address and to the list by their current email, or the
 * other way round. Why refuse rather than guess when two records fit: showing someone a record that may be another
 * person's would break the one rule of these answers, that staff only ever see their own.
 */

/** What Teams' roster says about the person asking: their user principal name and email, as given. */
export interface TeamsIdentity {
  readonly userPrincipalName?: string;
  readonly email?: string;
}

/** An address as the list keeps it: trimmed and lower-cased; undefined when it is not an address at all. */
export function normaliseAddress(value: string | undefined): string | undefined {
  const trimmed = (value ?? '').trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+$/.test(trimmed) ? trimmed : undefined;
}

/** The distinct addresses among `values`, normalised, in order; what is not an address is left out. */
export function distinctAddresses(values: readonly (string | undefined)[]): readonly string[] {
  const found = values.map(normaliseAddress).filter((a): a is string => a !== undefined);
  return [...new Set(found)];
}

/** The distinct addresses a Teams identity can be found under. */
export function addressesOf(identity: TeamsIdentity): readonly string[] {
  return distinctAddresses([identity.userPrincipalName, identity.email]);
}

export type IdentityMatch =
  | { readonly kind: 'matched'; readonly member: StaffMember }
  | { readonly kind: 'not-on-list' }
  /** More than one record fits equally well: the person is told to ask their project team, and sees none of them. */
  | { readonly kind: 'ambiguous'; readonly count: number };

/**
 * Picks the person's own record among the candidates the directory found for their addresses (already limited to
 * their tenant's projects). A record whose NHSmail address matches beats one whose current email does (it is the
 * identity Teams signs them in with); a person's own mailbox beats a shared or resource one listed under the same
 * address. Whatever is still tied is ambiguous.
 */
export function matchIdentity(addresses: readonly string[], candidates: readonly StaffMember[]): IdentityMatch {
  const wanted = new Set(addresses);
  const scored = candidates
    .map((member) => ({ member, score: scoreOf(member, wanted) }))
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (best === undefined) return { kind: 'not-on-list' };
  if (second !== undefined && second.score === best.score) return { kind: 'ambiguous', count: scored.filter((c) => c.score === best.score).length };
  return { kind: 'matched', member: best.member };
}

function scoreOf(member: StaffMember, wanted: ReadonlySet<string>): number {
  const byNhsmail = member.nhsmailAddress !== undefined && wanted.has(member.nhsmailAddress.toLowerCase());
  const byCurrent = member.currentEmail !== undefined && wanted.has(member.currentEmail.toLowerCase());
  if (!byNhsmail && !byCurrent) return 0;
  return (byNhsmail ? 2 : 1) + (member.accountType === 'person' ? 4 : 0);
}
