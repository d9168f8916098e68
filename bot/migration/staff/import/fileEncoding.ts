/**
 * Which character encoding a staff file is in. Excel in the UK saves "CSV
 * UTF-8" (with a byte order mark) or plain "CSV", which is Windows-1252, so an
 * accented name ("Zoë", "René") arrives as one byte that is not UTF-8. A file
 * is read as UTF-8 when it is valid UTF-8 (with or without the mark), else as
 * Windows-1252 when every byte means a character there, and refused otherwise
 * with the reason: guessing wrong would store mangled names for everyone.
 *
 * Which encoding it is is decided here; the Windows-1252 table itself is the
 * edge's (`iconv-lite`, the project's library for it), passed in, so this
 * stays pure.
 */

export type FileEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';

export type Decoded = { readonly ok: true; readonly text: string; readonly encoding: FileEncoding } | { readonly ok: false; readonly reason: string };

/** Bytes Windows-1252 leaves undefined, and the control characters no staff list holds (tab, CR and LF aside). */
function isForeignByte(byte: number): boolean {
  return byte === 0x81 || byte === 0x8d || byte === 0x8f || byte === 0x90 || byte === 0x9d || (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d);
}

/** Decodes bytes known to be Windows-1252; supplied by the edge. */
export type Windows1252Decoder = (bytes: Uint8Array) => string;

export function decodeStaffFile(bytes: Uint8Array, windows1252: Windows1252Decoder): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'The file is empty.' };
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    return { ok: false, reason: 'This looks like an Excel workbook (.xlsx), not a CSV file. In Excel choose File, Save As, "CSV UTF-8", and send that.' };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, reason: 'The file is saved as "Unicode text" (UTF-16), which Gateway does not read. In Excel choose File, Save As, "CSV UTF-8", and send that.' };
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    if (text.includes('\u0000')) return { ok: false, reason: 'The file holds binary data, not text. Send the staff list saved as CSV.' };
    return { ok: true, text, encoding: bom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    // Not UTF-8: Windows-1252 if every byte means a character there.
  }
  const foreign = body.findIndex(isForeignByte);
  if (foreign >= 0) {
    return {
      ok: false,
      reason: `The file is neither UTF-8 nor Windows-1252 (byte ${foreign + (bom ? 4 : 1)} cannot be read in either). In Excel choose File, Save As, "CSV UTF-8", and send that.`,
    };
  }
  return { ok: true, text: windows1252(body), encoding: 'windows-1252' };
}

export const ENCODING_LABELS: Readonly<Record<FileEncoding, string>> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 with a byte order mark',
  'windows-1252': 'Windows-1252 (Excel’s plain CSV)',
};
