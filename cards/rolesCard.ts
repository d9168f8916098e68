import type { Project, ProjectMember } from '../bot/migration/projects/project';
import { PROJECT_ROLES } from '../bot/migration/gateways/roles';
import type { CardChoice } from './cardChoice';
import { preview } from './itemDetail';
import { plural, ROLE_NAMES } from './labels';
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

/**
 * A project can list hundreds of staff: the card lists the project team in full and staff up to `STAFF_LISTED`
 * with a count, offers at most `PERSON_CHOICES_SHOWN` people to give a role to (the team, then people not yet on
 * the project, then staff), and cuts names at `NAME_SHOWN` characters, so it stays within a Teams message.
 */
export const STAFF_LISTED = 20;
export const PERSON_CHOICES_SHOWN = 100;
const NAME_SHOWN = 60;

/** What `templates/roles.json` binds. */
interface RolesTemplateData {
  readonly verbs: typeof Verbs;
  readonly inputs: typeof ROLES_INPUTS;
  readonly projectId: string;
  readonly message: string;
  readonly organisationName: string;
  readonly odsCode: string;
  readonly members: readonly { readonly name: string; readonly role: string }[];
  /** "And 220 more staff." Empty when everyone is listed. */
  readonly moreMembersLine: string;
  /** Said when not everyone fits in the person list. */
  readonly choicesLine: string;
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
  const team = members.filter((m) => m.role !== 'staff');
  const staff = members.filter((m) => m.role === 'staff');
  const listed = [...team, ...staff.slice(0, STAFF_LISTED)];
  const memberChoice = (m: ProjectMember): CardChoice => ({ title: `${preview(m.name, NAME_SHOWN)} (${ROLE_NAMES[m.role].toLowerCase()})`, value: m.userId });
  const candidates = extras.candidates.filter((c) => !members.some((m) => m.userId === c.value)).map((c) => ({ title: preview(c.title, NAME_SHOWN), value: c.value }));
  const everyone = [...team.map(memberChoice), ...candidates, ...staff.map(memberChoice)];
  const personChoices = everyone.slice(0, PERSON_CHOICES_SHOWN);
  return {
    verbs: Verbs,
    inputs: ROLES_INPUTS,
    projectId: project.projectId,
    message: extras.message ?? '',
    organisationName: project.organisationName,
    odsCode: project.odsCode,
    members: listed.map((m) => ({ name: preview(m.name, NAME_SHOWN), role: ROLE_NAMES[m.role] })),
    moreMembersLine: staff.length > STAFF_LISTED ? `And ${plural(staff.length - STAFF_LISTED, 'more member', 'more members')} of staff.` : '',
    choicesLine:
      everyone.length > personChoices.length
        ? `The list shows the first ${personChoices.length} of ${everyone.length} people: the project team, then people not yet on the project, then staff.`
        : '',
    canAssign: extras.canAssign,
    personChoices,
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
