import type { ProjectRole } from '../gateways/roles';
import type { Actor } from '../projects/actor';
import type { Project, ProjectSummary } from '../projects/project';
import { isProjectId } from '../projects/project';
import { formatUkDateTime, todayInLondon } from '../shared/ukDates';
import type { QuestionnaireRecord } from './answerRecord';
import { exportCsv } from './exportCsv';
import { exportHtml } from './exportHtml';
import { exportMarkdown } from './exportMarkdown';
import type { ExportOptions } from './exportModel';
import { deriveOverlaps, type QuestionnaireOverlaps } from './overlaps';
import { questionnaireProgress, type QuestionnaireProgress } from './progress';
import { assertCanExport, loadQuestionnaireFor } from './questionnaireAccess';
import type { QuestionnaireDeps } from './questionnaireDeps';
import type { QuestionSet } from './questionTypes';

/**
 * Exporting the answers for NHS Digital's pipeline team.
 *
 * Why two steps: in Teams the project team asks for the export (their role is
 * checked, and they get a summary with download links); the download itself
 * comes later from a browser that carries no Teams identity, so it is
 * authorised by the signed link, and `exportQuestionnaire` only needs the
 * project id the link vouches for. Both are deterministic: the same answers
 * and the same clock give the same bytes.
 */

export const EXPORT_FORMATS = ['markdown', 'html', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

export interface QuestionnaireDocument {
  readonly fileName: string;
  readonly contentType: string;
  readonly body: string;
}

export interface ExportSummary {
  readonly project: ProjectSummary;
  readonly role: ProjectRole;
  readonly progress: QuestionnaireProgress;
  readonly overlaps: QuestionnaireOverlaps;
  /** London time of the summary, e.g. "25/11/2026 14:05". */
  readonly preparedAt: string;
}

/** For the person asking in Teams: refuses staff, and says what the export will hold. */
export async function prepareQuestionnaireExport(deps: QuestionnaireDeps, query: { readonly actor: Actor; readonly projectId: unknown }): Promise<ExportSummary> {
  const access = await loadQuestionnaireFor(deps, query.actor, query.projectId);
  assertCanExport(access.role);
  return {
    project: access.summary,
    role: access.role,
    progress: questionnaireProgress(deps.questionSet, access.record),
    overlaps: deriveOverlaps(deps.questionSet, access.record, deps.approvalSettings),
    preparedAt: formatUkDateTime(deps.clock.now()),
  };
}

/** The document for a download link; undefined for a project that does not exist (any more). */
export async function exportQuestionnaire(deps: QuestionnaireDeps, request: { readonly projectId: string; readonly format: ExportFormat }): Promise<QuestionnaireDocument | undefined> {
  if (!isProjectId(request.projectId)) return undefined;
  const project = await deps.projects.get(request.projectId);
  if (!project) return undefined;
  const record = await deps.questionnaires.get(project.projectId);
  return questionnaireDocument(deps.questionSet, record, project, request.format, deps.clock.now());
}

/** Pure: the document in one format, titled with the organisation and named for the file system. */
export function questionnaireDocument(set: QuestionSet, record: QuestionnaireRecord, project: Pick<Project, 'organisationName' | 'odsCode'>, format: ExportFormat, now: Date): QuestionnaireDocument {
  const answeredName = deriveOverlaps(set, record).organisationName;
  const options: ExportOptions = {
    exportedAt: now.toISOString(),
    ...(answeredName === undefined ? { title: `Discovery questionnaire: ${project.organisationName}` } : {}),
  };
  const stem = `discovery-questionnaire-${safeFilePart(project.odsCode)}-${todayInLondon(now)}`;
  switch (format) {
    case 'markdown':
      return { fileName: `${stem}.md`, contentType: 'text/markdown; charset=utf-8', body: exportMarkdown(set, record, options) };
    case 'html':
      return { fileName: `${stem}.html`, contentType: 'text/html; charset=utf-8', body: exportHtml(set, record, options) };
    case 'csv':
      return { fileName: `${stem}.csv`, contentType: 'text/csv; charset=utf-8', body: exportCsv(set, record) };
  }
}

/** File names travel in a header and land on people's disks: plain letters, digits and hyphens only. */
function safeFilePart(text: string): string {
  const cleaned = text.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  return cleaned === '' ? 'project' : cleaned.slice(0, 40);
}
