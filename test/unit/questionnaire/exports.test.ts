import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyQuestionnaire } from '../../../bot/migration/questionnaire/answerRecord';
import { csvCell, CSV_HEADER, exportCsv } from '../../../bot/migration/questionnaire/exportCsv';
import { escapeHtml, exportHtml } from '../../../bot/migration/questionnaire/exportHtml';
import { escapeMarkdown, exportMarkdown } from '../../../bot/migration/questionnaire/exportMarkdown';
import { fixtureRecord, set } from './fixtures';

/**
 * Exports are compared byte for byte with files a person has read. After a
 * deliberate change, regenerate them with `UPDATE_FIXTURES=1 npx vitest run
 * test/unit/questionnaire` and review the diff.
 */
const FIXTURES = join(__dirname, 'fixtures');
const EXPORTED_AT = '2026-11-26T09:00:00.000Z';

function matchesFixture(name: string, actual: string): void {
  const path = join(FIXTURES, name);
  if (process.env.UPDATE_FIXTURES === '1') writeFileSync(path, actual, 'utf8');
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

/** A strict RFC 4180 reader, to prove the CSV reads back to the intended cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else cell += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else if (ch === '\r' || ch === '\n' || ch === '"') throw new Error(`bare ${JSON.stringify(ch)} at ${i}`);
    else cell += ch;
    i += 1;
  }
  if (cell !== '' || row.length > 0) throw new Error('last record has no CRLF');
  return rows;
}

describe('exports of the fixture project', () => {
  const record = fixtureRecord();

  it('when exported as Markdown, then it matches expected.md byte for byte', () => {
    matchesFixture('expected.md', exportMarkdown(set, record, { exportedAt: EXPORTED_AT }));
  });

  it('when exported as HTML, then it matches expected.html byte for byte', () => {
    matchesFixture('expected.html', exportHtml(set, record, { exportedAt: EXPORTED_AT }));
  });

  it('when exported as CSV, then it matches expected.csv byte for byte', () => {
    matchesFixture('expected.csv', exportCsv(set, record));
  });

  it('when exported twice, or without an export time, then the output is the same each time and mentions no time', () => {
    expect(exportMarkdown(set, record)).toBe(exportMarkdown(set, fixtureRecord()));
    expect(exportMarkdown(set, record)).not.toContain('Exported');
    expect(exportHtml(set, record)).not.toContain('Exported');
  });
});

describe('the CSV export', () => {
  const csv = exportCsv(set, fixtureRecord());

  it('when opened, then it starts with a byte order mark and the agreed header, and ends every record with CRLF', () => {
    expect(csv.startsWith('\uFEFFsection,question_id,question,answer,answered_by,answered_at\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '').includes('\r')).toBe(false);
  });

  it('when read back by an RFC 4180 reader, then every row has six cells and tricky values survive', () => {
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([...CSV_HEADER]);
    expect(rows.every((r) => r.length === 6)).toBe(true);
    expect(rows).toHaveLength(1 + 49 + 2);
    const byId = new Map(rows.map((r) => [r[1], r]));
    expect(byId.get('org-name')?.[3]).toBe('Ysbyty Gwynedd – Bangor');
    expect(byId.get('org-project-manager-name')?.[3]).toBe('Siân Hughes, "PM"');
    expect(byId.get('org-technical-lead-name')?.[3]).toBe('\'=HYPERLINK("http://evil.example","click")');
    expect(byId.get('shared-public-folders-detail')?.[3]).toBe("'-Finance archive\nRotas, about 2 GB");
    expect(byId.get('legacy-detail')?.[3]).toBe("'+ keep 7 years; <b>not</b> *all* mail & calendars");
    expect(byId.get('apps-list')?.[3]).toContain('\n@Alert, "critical": System alerts; not known how it sends mail; flagged for re-integration');
    expect(byId.get('method-cutover')?.slice(3)).toEqual(['Mon 28 Jun 2027', 'Priya Shah', 'Wed 25 Nov 2026, 14:05']);
    expect(byId.get('shared-mailboxes')?.slice(4)).toEqual(["Tom O'Neill", 'Wed 10 Jun 2026, 09:30']);
  });

  it('when no cell is read, then none starts with a formula character', () => {
    const cells = parseCsv(csv.slice(1)).flat();
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
  });

  it('when nothing is answered, then every question is still listed with empty answer cells', () => {
    const rows = parseCsv(exportCsv(set, emptyQuestionnaire()).slice(1));
    expect(rows).toHaveLength(50);
    expect(rows[1]).toEqual(['Organisation and contacts', 'org-name', "What is your organisation's name?", '', '', '']);
  });
});

describe('escaping', () => {
  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+44 1248 384384', "'+44 1248 384384"],
    ['-3', "'-3"],
    ['@cmd', "'@cmd"],
    ['\tindent', "'\tindent"],
    ['\rreturn', '"\'\rreturn"'],
    ['a=b', 'a=b'],
    ['plain', 'plain'],
    ['', ''],
    ['say "hi", then go', '"say ""hi"", then go"'],
    ['two\nlines', '"two\nlines"'],
    ['=1,"2"', '"\'=1,""2"""'],
  ])('when a CSV cell is %j, then it is written %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('when text holds markup, then the HTML export shows it as text', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
    const html = exportHtml(set, fixtureRecord());
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;b&gt;not&lt;/b&gt;');
  });

  it('when text would become Markdown formatting, a heading or a list, then it is escaped', () => {
    expect(escapeMarkdown('*bold* _it_ [link](x) <b> a|b')).toBe('\\*bold\\* \\_it\\_ \\[link\\](x) \\<b\\> a\\|b');
    expect(escapeMarkdown('# heading\n- item\n2. step\n  + more')).toBe('\\# heading\n\\- item\n2\\. step\n  \\+ more');
    expect(escapeMarkdown('Ysbyty Gwynedd – Bangor')).toBe('Ysbyty Gwynedd – Bangor');
  });
});
