import { stringify } from 'csv-stringify/sync';
import type { CsvRow, CsvWriter } from '../migration/risks/riskCsv';

/**
 * CSV text for spreadsheets, written by `csv-stringify`: RFC 4180 quoting, CRLF
 * line ends, a byte order mark so Excel reads UTF-8, and `escape_formulas`,
 * which puts a quote before any cell starting like a formula (=, +, -, @, tab,
 * carriage return and their full-width forms) so a title typed into the log
 * can never run as a formula when the file is opened.
 */
export const csvStringifyWriter: CsvWriter = {
  write(rows: readonly CsvRow[]): string {
    return stringify(
      rows.map((r) => [...r]),
      { bom: true, record_delimiter: 'windows', escape_formulas: true },
    );
  },
};
