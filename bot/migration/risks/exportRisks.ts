import type { Actor } from '../projects/actor';
import { loadRisksFor } from './riskAccess';
import { riskCsvRows, type CsvWriter } from './riskCsv';
import type { RiskDeps } from './riskDeps';

export interface RiskExport {
  readonly organisationName: string;
  readonly fileName: string;
  readonly csv: string;
  readonly entryCount: number;
}

/** The whole log as a formula-safe CSV file, for the project team only (staff never see the log). */
export async function exportRisks(
  deps: RiskDeps,
  query: { readonly actor: Actor; readonly projectId: string },
  /** The file format is the edge's concern (bot/exports/csvStringifyWriter.ts): the domain hands it rows. */
  writer: CsvWriter,
): Promise<RiskExport> {
  const { project, settings, today } = await loadRisksFor(deps, query.actor, query.projectId, 'read-risks');
  const entries = await deps.risks.all(project.projectId);
  return {
    organisationName: project.organisationName,
    fileName: `risks-and-issues-${project.odsCode}-${today}.csv`,
    csv: writer.write(riskCsvRows(entries, { catalogue: deps.catalogue, settings, today })),
    entryCount: entries.length,
  };
}
