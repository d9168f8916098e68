import type { ProjectRole } from '../gateways/roles';
import type { Actor } from '../projects/actor';
import type { Project, ProjectSummary } from '../projects/project';
import { summariseProject } from '../projects/project';
import { loadProjectFor } from '../projects/projectAccess';
import { PermissionDenied } from '../shared/errors';
import type { QuestionnaireRecord } from './answerRecord';
import { assertCanAnswer, assertCanSubmit } from './permissions';
import type { QuestionnaireDeps } from './questionnaireDeps';
import { can } from '../gateways/roles';

/**
 * Loading a project's questionnaire for one person, and what they may do with it.
 *
 * Why flags as well as the asserting checks: a card shows only the buttons the
 * person may press, and it must agree with what the use case would allow, so
 * both come from the same rules in `permissions.ts`.
 */

export interface QuestionnairePermissions {
  readonly answer: boolean;
  readonly submit: boolean;
  readonly export: boolean;
}

export interface QuestionnaireAccess {
  readonly project: Project;
  readonly summary: ProjectSummary;
  readonly role: ProjectRole;
  readonly may: QuestionnairePermissions;
  readonly record: QuestionnaireRecord;
}

/** Everyone in the project may read progress; a project of another tenant answers as not found. */
export async function loadQuestionnaireFor(deps: QuestionnaireDeps, actor: Actor, projectId: unknown): Promise<QuestionnaireAccess> {
  const { project, role } = await loadProjectFor(deps, actor, projectId);
  const record = await deps.questionnaires.get(project.projectId);
  return { project, summary: summariseProject(project), role, may: questionnairePermissions(role), record };
}

export function questionnairePermissions(role: ProjectRole): QuestionnairePermissions {
  return { answer: allowed(() => assertCanAnswer(role)), submit: allowed(() => assertCanSubmit(role)), export: allowed(() => assertCanExport(role)) };
}

/**
 * The export holds contacts' names and email addresses and goes to NHS
 * Digital, so it is for the project team, like answering; staff being
 * migrated can follow progress but not take the document.
 */
export function assertCanExport(role: ProjectRole): void {
  if (!can(role, 'update-item')) {
    throw new PermissionDenied('Only members of the project team can export the discovery questionnaire.', 'Ask your project manager for a copy.');
  }
}

function allowed(check: () => void): boolean {
  try {
    check();
    return true;
  } catch (error) {
    if (error instanceof PermissionDenied) return false;
    throw error;
  }
}
