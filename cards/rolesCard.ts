import type { Project, ProjectMember } from '../bot/migration/projects/project';
import { PROJECT_ROLES } from '../bot/migration/gateways/roles';
import type { CardChoice } from './cardChoice';
import { ROLE_NAMES } from './labels';
import { defineTemplate, renderCardJson } from './render';
import template from './templates/roles.json';
import { Verbs } from './verbs';
import type { AdaptiveCardJson } from './adaptiveCardJson';

/** Input ids on the roles card, merged into the `role-assign` data. */
export const ROLES_INPUTS = {
  /** A Teams user id: a member's, or a candidate's from the team roster (the route looks their name up). */
  person: 'userId',
  /** A project role, or {@link REMOVE_FROM_PROJECT}. */
  role: 'role',
} as const;

/** The role choice that takes someone off the project (the domain's `role: null`). */
export const REMOVE_FROM_PROJECT = 'remove';

export interface RolesCardExtras {
  /** People in the team who are not yet project members: `title` their name, `value` their Teams user id. */
  readonly candidates: readonly CardChoice[];
  /** Whether the viewer may assign roles (only the project manager may). */
  readonly canAssign: boolean;
  /** Shown at the top, e.g. "Aisha Khan is now a project team member." or why a change was refused. */
  readonly message?: string;
}

/** What `templates/roles.json` binds. */
interface RolesTemplateData {
  readonly verbs: typeof Verbs;
  readonly inputs: typeof ROLES_INPUTS;
  readonly projectId: string;
  readonly message: string;
  readonly organisationName: string;
  readonly odsCode: string;
  readonly members: readonly { readonly name: string; readonly role: string }[];
  readonly canAssign: boolean;
  readonly personChoices: readonly CardChoice[];
  readonly roleChoices: readonly CardChoice[];
}

const rolesTemplate = defineTemplate<RolesTemplateData>('roles', template);

/**
 * Who is in the project and in what role, because roles decide who can update items and sign off gateways and
 * people ask "why can't I?". The project manager can give anyone in the team a role, or change or remove one.
 */
export function rolesCardJson(project: Project, extras: RolesCardExtras): AdaptiveCardJson {
  return renderCardJson(rolesTemplate, rolesData(project, extras));
}

function rolesData(project: Project, extras: RolesCardExtras): RolesTemplateData {
  const members = [...project.members].sort(byRoleThenName);
  return {
    verbs: Verbs,
    inputs: ROLES_INPUTS,
    projectId: project.projectId,
    message: extras.message ?? '',
    organisationName: project.organisationName,
    odsCode: project.odsCode,
    members: members.map((m) => ({ name: m.name, role: ROLE_NAMES[m.role] })),
    canAssign: extras.canAssign,
    personChoices: [
      ...members.map((m) => ({ title: `${m.name} (${ROLE_NAMES[m.role].toLowerCase()})`, value: m.userId })),
      ...extras.candidates.filter((c) => !members.some((m) => m.userId === c.value)),
    ],
    roleChoices: [
      ...PROJECT_ROLES.map((r) => ({ title: ROLE_NAMES[r], value: r })),
      { title: 'Remove from the project', value: REMOVE_FROM_PROJECT },
    ],
  };
}

/** Leaders first (the table's order), then by name, so the list reads like a project organogram. */
function byRoleThenName(a: ProjectMember, b: ProjectMember): number {
  return PROJECT_ROLES.indexOf(a.role) - PROJECT_ROLES.indexOf(b.role) || a.name.localeCompare(b.name, 'en-GB');
}
