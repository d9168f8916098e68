import { createHash } from 'node:crypto';

/** Cosmos allows longer ids in bytes, but 255 is the limit botbuilder and every Cosmos tool agree on. */
export const MAX_STATE_DOCUMENT_ID_LENGTH = 255;

/** Characters Cosmos ids may not hold, plus the escape character itself so escaping stays reversible. */
const ESCAPED_CHARACTERS = /[\\/?#*]/g;

/**
 * Maps a botbuilder storage key (e.g. `msteams/conversations/19:…@thread.tacv2/users/29:…`)
 * to a legal Cosmos document id. Forbidden characters become `*` plus two hex digits (the
 * same scheme botbuilder-azure uses), so distinct keys never share an id. Keys still too long
 * become `sha256:<hex>`: deterministic with no salt, so a long key can always be read back,
 * unlike botbuilder-azure's default compatibility mode.
 */
export function stateDocumentId(key: string): string {
  const escaped = key.replace(ESCAPED_CHARACTERS, (c) => `*${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  if (Buffer.byteLength(escaped, 'utf8') <= MAX_STATE_DOCUMENT_ID_LENGTH) return escaped;
  return `sha256:${createHash('sha256').update(key, 'utf8').digest('hex')}`;
}
