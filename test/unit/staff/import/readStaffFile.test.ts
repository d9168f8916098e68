import { describe, expect, it } from 'vitest';
import { csvParseReader } from '../../../../bot/imports/csvParseReader';
import { decodeStaffFile } from '../../../../bot/migration/staff/import/fileEncoding';
import { readStaffRecords } from '../../../../bot/migration/staff/import/readStaffRecords';
import { foldHeader, matchHeader } from '../../../../bot/migration/staff/import/staffColumns';
import { checkRow, parseMailboxSize } from '../../../../bot/migration/staff/import/staffRows';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

async function read(bytes: Uint8Array) {
  return readStaffRecords(bytes, csvParseReader);
}

describe('reading a staff file', () => {
  it('when headers differ in case, spacing and punctuation or use synonyms, then each finds its column', () => {
    const match = matchHeader(['  EMPLOYEE NUMBER ', 'Forename', 'surname', 'E-mail', 'NHSmail_Address', 'Work Area', 'Job Title', 'Mailbox Size (GB)', 'Mailbox Type', 'Owner', 'Shared with', 'Roll-out group', 'Favourite colour']);
    expect(match.problems).toEqual([]);
    expect(match.positions).toEqual({ localId: 0, firstName: 1, lastName: 2, currentEmail: 3, nhsmailAddress: 4, department: 5, jobRole: 6, mailboxSize: 7, accountType: 8, owner: 9, delegates: 10, group: 11 });
    expect(match.mailboxUnit).toBe('GB');
    expect(match.ignored).toEqual(['Favourite colour']);
    expect(foldHeader('Local ID')).toBe(foldHeader('local_id'));
  });

  it('when the Local ID column is missing or a column is given twice, then the file is refused naming the column', async () => {
    const missing = await read(utf8('First name,Last name\nAmelia,Jones\n'));
    expect(missing).toEqual({ ok: false, reason: expect.stringContaining('There is no Local ID column') as unknown });
    const twice = await read(utf8('Local ID,Staff number,First name,Last name\nE1,E2,Amelia,Jones\n'));
    expect(twice).toEqual({ ok: false, reason: expect.stringContaining('Two columns are both Local ID') as unknown });
  });

  it('when the file is empty or holds only the header, then it is refused with that reason', async () => {
    expect(await read(new Uint8Array())).toEqual({ ok: false, reason: 'The file is empty.' });
    expect(await read(utf8('\n\n'))).toEqual({ ok: false, reason: expect.stringContaining('no header line') as unknown });
    expect(await read(utf8('Local ID,First name,Last name\r\n'))).toEqual({ ok: false, reason: 'The file has a header line but no rows of staff.' });
  });

  it('when a file is Windows-1252 with accented names, then the names read correctly', async () => {
    const bytes = Uint8Array.from([...utf8('Local ID,First name,Last name\r\nE1,Ren'), 0xe9, ...utf8(',Zo'), 0xeb, ...utf8('\r\n')]);
    const result = await read(bytes);
    expect(result.ok && result.encoding).toBe('windows-1252');
    expect(result.ok && result.rows[0]?.fields).toMatchObject({ localId: 'E1', firstName: 'René', lastName: 'Zoë' });
  });

  it('when a file is not UTF-8, then the edge decodes it as Windows-1252 with iconv-lite (the euro sign and curly quotes too)', () => {
    const bytes = Uint8Array.from([0x80, 0x20, 0x93, 0x41, 0x94, 0x20, 0xe9]);
    expect(csvParseReader.windows1252(bytes)).toBe('€ “A” é');
    const seen: number[] = [];
    const decoded = decodeStaffFile(bytes, (b) => {
      seen.push(b.length);
      return 'decoded at the edge';
    });
    expect(decoded).toEqual({ ok: true, text: 'decoded at the edge', encoding: 'windows-1252' });
    expect(seen).toEqual([bytes.length]);
  });

  it('when a file is UTF-8 with a byte order mark, then the mark is not part of the first header', async () => {
    const result = await read(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('Local ID,First name,Last name\nE1,Chloé,Dubois\n')]));
    expect(result.ok && result.encoding).toBe('utf-8-bom');
    expect(result.ok && result.rows[0]?.fields).toMatchObject({ localId: 'E1', firstName: 'Chloé' });
  });

  it('when a file is UTF-16, a workbook, or neither UTF-8 nor Windows-1252, then it is refused saying how to save it', () => {
    expect(decodeStaffFile(Uint8Array.from([0xff, 0xfe, 0x4c, 0x00]), csvParseReader.windows1252)).toEqual({ ok: false, reason: expect.stringContaining('UTF-16') as unknown });
    expect(decodeStaffFile(Uint8Array.from([0x50, 0x4b, 0x03, 0x04]), csvParseReader.windows1252)).toEqual({ ok: false, reason: expect.stringContaining('Excel workbook') as unknown });
    expect(decodeStaffFile(Uint8Array.from([0x41, 0x81, 0x42]), csvParseReader.windows1252)).toEqual({ ok: false, reason: expect.stringContaining('neither UTF-8 nor Windows-1252') as unknown });
  });

  it('when cells hold quotes, commas and line breaks, then they are kept and line numbers count from where each row starts', async () => {
    const text = 'Local ID,First name,Last name,Job role\n"E1","Amelia","O""Brien","Nurse, ward 3"\n\nE2,Tom,"Evans\nSmith",Porter\nE3,,Patel,Cleaner\n';
    const result = await read(utf8(text));
    if (!result.ok) throw new Error(result.reason);
    expect(result.rows.map((r) => [r.line, r.fields.lastName, r.fields.jobRole])).toEqual([
      [2, 'O"Brien', 'Nurse, ward 3'],
      [4, 'Evans Smith', 'Porter'],
    ]);
    expect(result.rejections).toEqual([{ line: 6, localId: 'E3', reasons: ['the first name is empty'] }]);
  });

  it('when lines end in CRLF, as Excel writes them, then line numbers still count from where each row starts', async () => {
    const result = await read(utf8('Local ID,First name,Last name\r\nE1,Amelia,Jones\r\nE2,"Tom\r\nJr",\r\nE3,Priya,Shah\r\n'));
    if (!result.ok) throw new Error(result.reason);
    expect(result.rows.map((r) => r.line)).toEqual([2, 5]);
    expect(result.rejections.map((r) => r.line)).toEqual([3]);
  });

  it('when a quote is never closed, then the whole file is refused with the line, and nothing is imported', async () => {
    const result = await read(utf8('Local ID,First name,Last name\nE1,"Amelia,Jones\nE2,Tom,Evans\n'));
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/never closed.*Nothing was imported/) as unknown });
  });

  it('when rows are wrong in several ways, then each gives every reason at once', () => {
    const header = matchHeader(['Local ID', 'First name', 'Last name', 'Email', 'Mailbox size', 'Type', 'Delegates', 'Group']);
    const bad = checkRow(7, ['E 1', '', 'Jones', 'not-an-email', 'lots', 'robot', 'E2;bad id!', 'Phase 1'], header);
    expect(bad).toEqual({
      ok: false,
      rejection: {
        line: 7,
        localId: 'E 1',
        reasons: [
          'the local ID "E 1" may hold only letters, digits, full stops, hyphens and underscores (at most 64)',
          'the account type "robot" is not one of person, shared, resource, system',
          'the first name is empty',
          'the current email "not-an-email" is not an email address',
          'the mailbox size "lots" is not a size (write 1200, 1200 MB or 1.2 GB)',
          'the delegate "id!" is not a local ID',
        ],
      },
    });
    const shared = checkRow(8, ['M1', 'Radiology bookings', '', 'RADIOLOGY@Trust.nhs.uk', '5.5 GB', 'Shared mailbox', 'E2; E3', 'Phase 1'], header);
    expect(shared).toEqual({
      ok: true,
      row: { line: 8, fields: { localId: 'M1', firstName: '', lastName: 'Radiology bookings', currentEmail: 'radiology@trust.nhs.uk', mailboxMb: 5632, accountType: 'shared', delegateLocalIds: ['E2', 'E3'], groupId: 'phase-1' } },
    });
  });

  it('when a mailbox size is written in MB, GB or with separators, then it is read in megabytes', () => {
    expect(parseMailboxSize('1200', 'MB')).toBe(1200);
    expect(parseMailboxSize('1,200 MB', 'MB')).toBe(1200);
    expect(parseMailboxSize('4.5GB', 'MB')).toBe(4608);
    expect(parseMailboxSize('2', 'GB')).toBe(2048);
    expect(parseMailboxSize('1,5 gb', 'MB')).toBe(1536);
    expect(parseMailboxSize('big', 'MB')).toBeUndefined();
  });
});
