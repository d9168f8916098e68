import { assertActor, findMember, type Actor } from '../../projects/actor';
import type { Clock } from '../../projects/clock';
import type { ProjectRepository } from '../../projects/projectRepository';
import type { ProjectRole } from '../../gateways/roles';
import { NotFound, PermissionDenied } from '../../shared/errors';
import type { RolloutGroupRepository } from '../../staff/staffRepository';
import { fullName, MIGRATION_STATUS_LABELS, type StaffMember } from '../../staff/staffMember';
import { formatUkDate, todayInLondon, type IsoDate } from '../../shared/ukDates';
import type { StaffDirectory } from './personalPorts';

export interface ColleagueDeps {
  readonly projects: Pick<ProjectRepository, 'get'>;
  readonly groups: Pick<RolloutGroupRepository, 'all'>;
  readonly directory: Pick<StaffDirectory, 'search'>;
  readonly clock: Clock;
}

/** The people who may look anyone up: the project team and local administrators. Staff see only their own record. */
export const LOOK_UP_ROLES: readonly ProjectRole[] = ['project-manager', 'sro', 'team-member', 'local-admin'];

/** Shown instead of anyone's record to a member of staff who asks about a colleague. */
export const COLLEAGUE_REFUSAL =
  'I can only tell you about your own move to NHSmail, not about other people. Ask me “when do I migrate?” for yours; your colleague can ask me for theirs, or ask your migration project team.';

/** At most this many people are shown; more means the search should be narrower (an email address). */
export const MAX_COLLEAGUES_SHOWN = 5;

export interface ColleagueRow {
  readonly name: string;
  readonly email?: string;
  readonly department?: string;
  readonly group: string;
  readonly cutover: string;
  readonly status: string;
}

export interface ColleagueLookup {
  readonly organisationName: string;
  readonly asked: string;
  readonly people: readonly ColleagueRow[];
  /** More matched than are shown. */
  readonly more: boolean;
  readonly today: IsoDate;
}

/**
 * `when does <name or email> migrate`, for the project team and LAs: each matching person's group, cutover date and
 * status. Anyone else is refused kindly and learns nothing, not even whether the person is on the list.
 */
export async function lookUpColleague(deps: ColleagueDeps, query: { readonly actor: Actor; readonly projectId: string; readonly who: string }): Promise<ColleagueLookup> {
  assertActor(query.actor);
  const project = await deps.projects.get(query.projectId);
  if (project === undefined || project.tenantId !== query.actor.tenantId) throw new NotFound('migration project', query.projectId);
  const role = findMember(project, query.actor)?.role ?? 'staff';
  if (!LOOK_UP_ROLES.includes(role)) throw new PermissionDenied(COLLEAGUE_REFUSAL);

  const who = query.who.trim();
  const [found, groups] = await Promise.all([deps.directory.search(project.projectId, who, MAX_COLLEAGUES_SHOWN + 1), deps.groups.all(project.projectId)]);
  const byId = new Map(groups.map((g) => [g.groupId, g]));
  const row = (member: StaffMember): ColleagueRow => {
    const group = member.groupId === undefined ? undefined : byId.get(member.groupId);
    const email = member.nhsmailAddress ?? member.currentEmail;
    return {
      name: fullName(member),
      ...(email === undefined ? {} : { email }),
      ...(member.department === undefined ? {} : { department: member.department }),
      group: group?.name ?? 'Not in a group yet',
      cutover: group?.cutoverDate === undefined ? 'Not scheduled yet' : formatUkDate(group.cutoverDate),
      status: MIGRATION_STATUS_LABELS[member.status],
    };
  };
  return {
    organisationName: project.organisationName,
    asked: who,
    people: found.slice(0, MAX_COLLEAGUES_SHOWN).map(row),
    more: found.length > MAX_COLLEAGUES_SHOWN,
    today: todayInLondon(deps.clock.now()),
  };
}

