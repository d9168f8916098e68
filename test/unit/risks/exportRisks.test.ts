import { csvStringifyWriter } from '../../../bot/exports/csvStringifyWriter';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { addRisk } from '../../../bot/migration/risks/addRisk';
import { exportRisks } from '../../../bot/migration/risks/exportRisks';
import { RISK_CSV_HEADER } from '../../../bot/migration/risks/riskCsv';
import { PermissionDenied } from '../../../bot/migration/shared/errors';
import { caught, priya, sue, tom } from '../projects/projectFixtures';
import { ARCHIVE_RISK, riskWorld } from './riskFixtures';

describe('exporting the log as CSV', () => {
  it('when the log is exported, then each entry is a row in list order, in UK dates, and cells that look like formulas are defused', async () => {
    const world = await riskWorld();
    const projectId = world.project.projectId;
    await addRisk(world.riskDeps, { actor: tom, projectId, input: { ...ARCHIVE_RISK, title: '=HYPERLINK("http://evil","click")', mitigation: '+SUM(A1)', actions: '@cmd, "quoted"\nnext line' } });
    await addRisk(world.riskDeps, { actor: tom, projectId, input: { ...ARCHIVE_RISK, title: 'Ysbyty Gwynedd – Bangor switchboard', likelihood: '5', impact: '5', description: '-1 staff' } });
    const file = await exportRisks(world.riskDeps, { actor: priya, projectId }, csvStringifyWriter);
    expect(file.fileName).toBe('risks-and-issues-RH8-2026-11-25.csv');
    expect(file.entryCount).toBe(2);
    expect(file.csv.startsWith('\uFEFF')).toBe(true);
    expect(file.csv).toContain('\r\n');
    const rows: string[][] = parse(file.csv, { bom: true });
    expect(rows[0]).toEqual([...RISK_CSV_HEADER]);
    const cell = (row: number, column: (typeof RISK_CSV_HEADER)[number]): string | undefined => rows[row]?.[RISK_CSV_HEADER.indexOf(column)];
    expect(cell(1, 'Title')).toBe('Ysbyty Gwynedd – Bangor switchboard');
    expect(cell(1, 'Description')).toBe("'-1 staff");
    expect(cell(1, 'Escalated')).toBe('Yes');
    expect(cell(1, 'Score')).toBe('25');
    expect(cell(2, 'Title')).toBe('\'=HYPERLINK("http://evil","click")');
    expect(cell(2, 'Mitigation')).toBe("'+SUM(A1)");
    expect(cell(2, 'Actions')).toBe('\'@cmd, "quoted"\nnext line');
    expect(cell(2, 'Review date')).toBe('Wed 2 Dec 2026');
    expect(cell(2, 'Added')).toBe('Wed 25 Nov 2026, 10:00');
    expect(cell(2, 'Owner')).toBe('Tom Evans');
    expect(cell(2, 'RAG')).toBe('Amber');
  });

  it('when staff ask for the export, then they are refused', async () => {
    const world = await riskWorld();
    expect(await caught(() => exportRisks(world.riskDeps, { actor: sue, projectId: world.project.projectId }, csvStringifyWriter))).toBeInstanceOf(PermissionDenied);
  });
});
