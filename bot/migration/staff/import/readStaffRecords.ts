import { matchHeader, type HeaderMatch } from './staffColumns';
import { decodeStaffFile, type FileEncoding, type Windows1252Decoder } from './fileEncoding';
import { checkRow, type CheckedRow, type RowRejection } from './staffRows';

/** One CSV record as the parser gives it, with the file line it starts on. */
export interface CsvRecord {
  readonly line: number;
  readonly cells: readonly string[];
}

/**
 * Splits text into CSV records, and decodes Excel's plain CSV (Windows-1252); the edge supplies both (csv-parse,
 * iconv-lite), so the domain stays free of libraries.
 */
export interface CsvRecordReader {
  (text: string): AsyncIterable<CsvRecord>;
  readonly windows1252: Windows1252Decoder;
}

/** A CSV the parser could not read as a whole (an unclosed quote): refused, with where. */
export class CsvFileError extends Error {
  constructor(
    message: string,
    readonly line: number | undefined,
  ) {
    super(message);
    this.name = 'CsvFileError';
  }
}

export type ReadFile =
  | {
      readonly ok: true;
      readonly encoding: FileEncoding;
      readonly header: HeaderMatch;
      readonly rows: readonly CheckedRow[];
      readonly rejections: readonly RowRejection[];
    }
  | { readonly ok: false; readonly reason: string };

/**
 * A staff file from bytes to checked rows: its encoding found (or refused),
 * its header matched (a missing Local ID refuses the file: nothing could be
 * keyed), then every row checked on its own. A file that cannot be read as a
 * whole is refused whole; a bad row is refused alone and the others go on.
 */
export async function readStaffRecords(bytes: Uint8Array, reader: CsvRecordReader): Promise<ReadFile> {
  const decoded = decodeStaffFile(bytes, reader.windows1252);
  if (!decoded.ok) return decoded;
  let header: HeaderMatch | undefined;
  const rows: CheckedRow[] = [];
  const rejections: RowRejection[] = [];
  try {
    for await (const record of reader(decoded.text)) {
      if (record.cells.every((c) => c.trim() === '')) continue;
      if (!header) {
        header = matchHeader(record.cells);
        if (header.problems.length > 0) return { ok: false, reason: `The first line must name the columns. ${header.problems.join(' ')}` };
        continue;
      }
      const checked = checkRow(record.line, record.cells, header);
      if (checked.ok) rows.push(checked.row);
      else rejections.push(checked.rejection);
    }
  } catch (err: unknown) {
    if (err instanceof CsvFileError) return { ok: false, reason: `${err.message}${err.line !== undefined ? ` (line ${err.line})` : ''}. Nothing was imported.` };
    throw err;
  }
  if (!header) return { ok: false, reason: 'The file is empty: it has no header line and no rows.' };
  if (rows.length === 0 && rejections.length === 0) return { ok: false, reason: 'The file has a header line but no rows of staff.' };
  return { ok: true, encoding: decoded.encoding, header, rows, rejections };
}
