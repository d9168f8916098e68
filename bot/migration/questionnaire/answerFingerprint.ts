import type { TypedAnswer } from './answerTypes';

/**
 * A short fingerprint of an answer.
 *
 * Why: a section card submits every field, including those the person did
 * not touch. Comparing each submitted answer's fingerprint with the one of
 * the answer they were shown tells "left as it was" from "changed", so
 * saving one field never reverts someone else's newer answer to another.
 * Fingerprints are short so a card can carry one per question; a collision
 * (chance about 1 in 2^53) would only make one change look untouched.
 */

/** '' for no answer. */
export function answerFingerprint(answer: TypedAnswer | undefined): string {
  return answer === undefined ? '' : cyrb53(canonicalJson(answer));
}

/** JSON with object keys sorted and undefined properties dropped, so equal answers give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${(value as readonly unknown[]).map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** cyrb53: a fast 53-bit string hash (public domain), as 14 hex digits. */
function cyrb53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}
