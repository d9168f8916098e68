import { validateProjectSetup, type ProjectSetupInput, type SetupHint } from '../gateways/projectSetup';
import { assertCan } from '../gateways/roles';
import { ValidationFailed } from '../shared/errors';
import { todayInLondon } from '../shared/ukDates';
import { findMember, personOf, type Actor } from './actor';
import { retryOnConflict } from './conflictRetry';
import { EDITABLE_DETAILS, projectDetailsOf, type EditableDetail, type Project, type ProjectDetails } from './project';
import { loadProjectFor } from './projectAccess';
import type { ProjectDeps } from './projectDeps';
import { ProjectDetailsChanged } from './projectErrors';

export interface EditProjectDetailsCommand {
  readonly actor: Actor;
  readonly projectId: string;
  /** The project's `detailsVersion` the form was drawn at (0 before any change). */
  readonly expectedVersion: number;
  /** The details form's inputs, untrusted, in set-up's shape; any ODS code in it is ignored. */
  readonly form: ProjectSetupInput;
}

export interface EditProjectDetailsResult {
  readonly project: Project;
  /** The form fields that changed, in form order; empty when nothing did (and nothing was saved). */
  readonly changedFields: readonly (keyof ProjectSetupInput)[];
  /** Set-up's "worth a second look" notes about the new values (many new accounts, say). */
  readonly hints: readonly SetupHint[];
}

/** Which form field holds each editable detail. */
const FORM_FIELD: Readonly<Record<EditableDetail, keyof ProjectSetupInput>> = {
  organisationName: 'organisationName',
  method: 'migrationMethod',
  approximateUsers: 'approximateUsers',
  newAccounts: 'newAccounts',
  phasing: 'phasing',
  plannedStart: 'plannedStart',
  plannedCutover: 'cutover',
};

/** The project's details as the form shows them, so an untouched form sends back exactly what it showed. */
export function projectDetailsForm(project: Project): ProjectSetupInput {
  return {
    organisationName: project.organisationName,
    migrationMethod: project.method,
    approximateUsers: String(project.approximateUsers),
    newAccounts: String(project.newAccounts),
    phasing: project.phasing,
    plannedStart: project.plannedStart,
    cutover: project.plannedCutover,
  };
}

/**
 * Changes the details given at set-up (organisation name, numbers, method, phasing, planned start and cutover),
 * checked by set-up's own rules plus one: the cutover cannot be in the past. Saved with its audit entry (who, when,
 * what it was, what it became) in one write. A form drawn before someone else's change is refused with
 * ProjectDetailsChanged, never retried: the person must see the other change first. Only the PM or SRO may.
 */
export async function editProjectDetails(deps: ProjectDeps, command: EditProjectDetailsCommand): Promise<EditProjectDetailsResult> {
  const { project, role } = await loadProjectFor(deps, command.actor, command.projectId);
  assertCan(role, 'edit-project');
  const today = todayInLondon(deps.clock.now());
  // The ODS code is not on the form: the project's own keeps set-up's validation whole.
  const checked = validateProjectSetup({ ...command.form, odsCode: project.odsCode }, deps.approvalSettings, today);
  if (!checked.ok) throw new ValidationFailed(checked.errors);
  const { value } = checked;
  const next: ProjectDetails = projectDetailsOf(value);
  const by = personOf(command.actor);
  const at = deps.clock.now().toISOString();
  let stale = false;
  let changed: readonly EditableDetail[] = [];

  const saved = await retryOnConflict(() =>
    deps.projects.tryUpdate(project.projectId, (current) => {
      assertCan(findMember(current, command.actor)?.role ?? 'staff', 'edit-project');
      stale = (current.detailsVersion ?? 0) !== command.expectedVersion;
      changed = stale ? [] : EDITABLE_DETAILS.filter((d) => current[d] !== next[d]);
      if (changed.length === 0) return undefined;
      return {
        project: { ...current, ...next, detailsVersion: (current.detailsVersion ?? 0) + 1 },
        audit: [{ kind: 'project-details-changed', at, by, before: pick(current, changed), after: pick(next, changed) }],
      };
    }),
  );
  if (stale) throw new ProjectDetailsChanged(await lastChangedBy(deps, project.projectId));
  return { project: saved, changedFields: changed.map((d) => FORM_FIELD[d]), hints: checked.hints.filter((h) => h.field !== 'odsCode') };
}

function pick(details: ProjectDetails, keys: readonly EditableDetail[]): Partial<ProjectDetails> {
  return Object.fromEntries(keys.map((k) => [k, details[k]]));
}

/** Who made the change that made this form out of date, to name them in the refusal. */
async function lastChangedBy(deps: ProjectDeps, projectId: string): Promise<string | undefined> {
  const history = await deps.projects.history(projectId);
  return history.findLast((e) => e.kind === 'project-details-changed')?.by.name;
}
