import { parse, CsvError } from 'csv-parse';
import iconv from 'iconv-lite';
import { CsvFileError, type CsvRecord, type CsvRecordReader } from '../migration/staff/import/readStaffRecords';

/** Text handed to the parser per write, so a 20 MB file is parsed as a stream rather than one string copy at a time. */
const CHUNK = 64 * 1024;

/**
 * CSV records from text with `csv-parse` (streaming, RFC 4180: quoted cells
 * with commas, quotes and line breaks inside). Rows may have fewer or more
 * cells than the header (a row check says what is missing). Each record's
 * first line is counted from the raw text, because blank lines and quoted
 * line breaks make the parser's own line counter the record's last line.
 */
const records = (text: string): AsyncIterable<CsvRecord> => ({
  async *[Symbol.asyncIterator]() {
    const parser = parse({ raw: true, relax_column_count: true, skip_empty_lines: false, bom: true, max_record_size: 64 * 1024 });
    const feed = async (): Promise<void> => {
      for (let at = 0; at < text.length; at += CHUNK) {
        if (!parser.write(text.slice(at, at + CHUNK))) await new Promise<void>((resolve) => parser.once('drain', resolve));
      }
      parser.end();
    };
    const feeding = feed().catch((err: unknown) => parser.destroy(err instanceof Error ? err : new Error(String(err))));
    let line = 1;
    try {
      for await (const chunk of parser) {
        const { record, raw } = chunk as { record: string[]; raw: string };
        const leading = /^[\r\n]*/.exec(raw)?.[0] ?? '';
        const start = line + lineBreaks(leading);
        line += lineBreaks(raw);
        yield { line: start, cells: record };
      }
    } catch (err: unknown) {
      if (err instanceof CsvError) throw new CsvFileError(describe(err), typeof err.lines === 'number' ? err.lines : undefined);
      throw err;
    } finally {
      await feeding;
    }
  },
});

/** csv-parse for the records, iconv-lite for Windows-1252 (its table has the euro sign and curly quotes at 0x80–0x9F). */
export const csvParseReader: CsvRecordReader = Object.assign(records, {
  windows1252: (bytes: Uint8Array): string => iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1252'),
});

/** CRLF, LF or a lone CR (the parser's raw text keeps only the CR of a CRLF record end). */
function lineBreaks(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}

function describe(err: CsvError): string {
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'A quoted cell is never closed: a " opens a cell that runs to the end of the file';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'A quote inside a cell is not doubled (write "" for a " inside a quoted cell)';
    case 'CSV_MAX_RECORD_SIZE':
      return 'One row is longer than 64 KB, which no staff list row is';
    default:
      return 'The file could not be read as CSV';
  }
}
