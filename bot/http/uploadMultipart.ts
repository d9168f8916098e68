/**
 * The one file of a `multipart/form-data` body the upload page posts (RFC 7578): the first part with a filename.
 * The page has one input, so a full parser library is not needed; anything that does not look like that form's
 * post gives undefined (answered "no file"), never a guess.
 */
export function readMultipartFile(body: Buffer, contentType: string): { readonly name: string; readonly bytes: Uint8Array } | undefined {
  const boundary = /boundary=(?:"([^"]{1,70})"|([^;\s]{1,70}))/i.exec(contentType);
  const mark = boundary?.[1] ?? boundary?.[2];
  if (mark === undefined) return undefined;
  const delimiter = Buffer.from(`--${mark}`);
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') return undefined;
    const headerEnd = body.indexOf('\r\n\r\n', start);
    if (headerEnd < 0) return undefined;
    const headers = body.subarray(start, headerEnd).toString('utf8');
    const next = body.indexOf(Buffer.from(`\r\n--${mark}`), headerEnd + 4);
    if (next < 0) return undefined;
    const disposition = /content-disposition:[^\r\n]*filename="([^"\r\n]*)"/i.exec(headers);
    if (disposition) {
      const name = (disposition[1] ?? '').split(/[\\/]/).pop() ?? '';
      return { name: name === '' ? 'staff.csv' : name, bytes: new Uint8Array(body.subarray(headerEnd + 4, next)) };
    }
    at = next + 2;
  }
  return undefined;
}
