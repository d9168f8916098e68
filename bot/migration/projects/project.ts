import type { IsoTimestamp, Milestone, PersonRef } from '../gateways/gatewayState';
import type { MigrationMethod, Phasing, ProjectSetup } from '../gateways/projectSetup';
import type { ProjectRole } from '../gateways/roles';
import type { StoredHighlightSlot } from '../reports/highlightSchedule';
import type { IsoDate } from '../shared/ukDates';

/**
 * A migration project: one organisation's move to NHSmail, and the people
 * working on it.
 *
 * Why members live on the project: a role only means something within one
 * project (the PM of one practice is staff in another), and keeping them on
 * the project record means a role check needs no extra read: roles are
 * checked on every change, on the record the change is saved to, so a role
 * and the change it allows can never be read from two different versions.
 * The list is bounded (MAX_PROJECT_MEMBERS) so the record stays one small read.
 */

/**
 * The most people with a place on one project. A migration's working group
 * is tens of people, a large trust's champions and local admins a few
 * hundred; staff who are only told about the move need no place (anyone in
 * the team sees its project). 500 members of at most about 500 bytes each
 * (Teams and Entra ids, a name of up to 200 characters, a role) are about
 * 250 KB, an eighth of Cosmos's 2 MB document limit, leaving room for the
 * details, milestones and the inline part of the audit log (which pages out).
 */
export const MAX_PROJECT_MEMBERS = 500;

/** Someone the project knows, with the one role they hold in it. */
export interface ProjectMember {
  /** The Teams user id (`29:…`), which is what every activity carries. */
  readonly userId: string;
  /** The Entra ID object id, when Teams gave it: stable across bots, useful to the roster. */
  readonly aadObjectId?: string;
  /** The display name at the time they were added. */
  readonly name: string;
  readonly role: ProjectRole;
}

export interface Project {
  readonly projectId: string;
  readonly tenantId: string;
  /** The Teams team the project belongs to; absent for a project set up in a personal chat. One team holds at most one project. */
  readonly teamId?: string;
  /** Opaque reference to the channel conversation where reports go; the Teams layer knows what it means. */
  readonly reportsConversationRef?: string;
  /** `highlight settings`: the project's own day and time for the weekly report; absent means the default slot. */
  readonly highlightSlot?: StoredHighlightSlot;
  readonly organisationName: string;
  readonly odsCode: string;
  readonly method: MigrationMethod;
  readonly approximateUsers: number;
  readonly newAccounts: number;
  readonly phasing: Phasing;
  readonly plannedStart: IsoDate;
  readonly plannedCutover: IsoDate;
  readonly createdBy: PersonRef;
  readonly createdAt: IsoTimestamp;
  readonly members: readonly ProjectMember[];
  /** Dated events (pipeline slot, pilot go / no-go): few, rarely written, read by every status view. */
  readonly milestones: readonly Milestone[];
  /**
   * Goes up by one with every change of the details above (organisation name, numbers, method, phasing, dates); absent
   * means 0. The details form carries it, so a save made from an out-of-date form is refused rather than undoing a
   * colleague's change (role and milestone changes do not touch it, so they never block a details edit).
   */
  readonly detailsVersion?: number;
}

/** The set-up details that can be changed afterwards: not the ODS code, which names the organisation to NHS Digital. */
export const EDITABLE_DETAILS = ['organisationName', 'method', 'approximateUsers', 'newAccounts', 'phasing', 'plannedStart', 'plannedCutover'] as const;
export type EditableDetail = (typeof EDITABLE_DETAILS)[number];
export type ProjectDetails = Pick<Project, EditableDetail>;

/** The details a checked set-up form gives, in the project's own names: set-up and the details form both save these. */
export function projectDetailsOf(setup: ProjectSetup): ProjectDetails {
  return {
    organisationName: setup.organisationName,
    method: setup.migrationMethod,
    approximateUsers: setup.approximateUsers,
    newAccounts: setup.newAccounts,
    phasing: setup.phasing,
    plannedStart: setup.plannedStart,
    plannedCutover: setup.cutover,
  };
}

/** Enough to pick a project from a list or head a card. */
export interface ProjectSummary {
  readonly projectId: string;
  readonly organisationName: string;
  readonly odsCode: string;
  readonly teamId?: string;
  readonly plannedCutover: IsoDate;
}

/**
 * Project ids come from cards, which people can tamper with, and end up in
 * document ids and partition keys: only plain url-safe characters are ever
 * accepted, which also keeps them apart from the `tenant:` index partitions.
 */
const PROJECT_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function isProjectId(value: unknown): value is string {
  return typeof value === 'string' && PROJECT_ID.test(value);
}

export function summariseProject(project: Project): ProjectSummary {
  return {
    projectId: project.projectId,
    organisationName: project.organisationName,
    odsCode: project.odsCode,
    ...(project.teamId !== undefined ? { teamId: project.teamId } : {}),
    plannedCutover: project.plannedCutover,
  };
}

export function projectManagerCount(members: readonly ProjectMember[]): number {
  return members.filter((m) => m.role === 'project-manager').length;
}
