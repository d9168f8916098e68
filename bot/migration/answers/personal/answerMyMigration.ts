import type { ProjectRepository } from '../../projects/projectRepository';
import type { RolloutGroupRepository } from '../../staff/staffRepository';
import { todayInLondon } from '../../shared/ukDates';
import { findMyRecord, type MyRecordDeps, type MyRecordQuery } from './findMyRecord';
import { composeMyMigration, type AnswerFocus, type AnswerSettings, type MyMigrationAnswer } from './myMigrationAnswer';
import type { RememberedRecord } from './personalPorts';

export interface MyMigrationDeps extends MyRecordDeps {
  readonly projects: Pick<ProjectRepository, 'get'>;
  readonly groups: Pick<RolloutGroupRepository, 'get'>;
  readonly settings: AnswerSettings;
}

export interface MyMigrationQuery extends MyRecordQuery {
  readonly focus: AnswerFocus;
  readonly department?: string;
}

export type MyMigrationResult =
  | { readonly kind: 'answer'; readonly answer: MyMigrationAnswer; readonly remember?: RememberedRecord }
  | { readonly kind: 'not-on-list'; readonly addresses: readonly string[]; readonly forget: boolean }
  | { readonly kind: 'ambiguous'; readonly forget: boolean }
  | { readonly kind: 'no-identity' };

/**
 * "When do I migrate?": the person's own record (one point read once they are known), their group and their
 * project (a point read each, whatever the list's size), composed into their answer. A record whose project is not
 * in the asker's tenant is treated as no match: a project's list never answers for another tenant.
 */
export async function answerMyMigration(deps: MyMigrationDeps, query: MyMigrationQuery): Promise<MyMigrationResult> {
  const record = await findMyRecord(deps, query);
  const forget = query.remembered !== undefined;
  if (record.kind === 'no-identity') return record;
  if (record.kind === 'ambiguous') return { kind: 'ambiguous', forget };
  if (record.kind === 'not-on-list') return { kind: 'not-on-list', addresses: record.addresses, forget };

  const { member } = record;
  const [project, group] = await Promise.all([
    deps.projects.get(member.projectId),
    member.groupId === undefined ? Promise.resolve(undefined) : deps.groups.get(member.projectId, member.groupId),
  ]);
  if (project === undefined || project.tenantId !== query.actor.tenantId) return { kind: 'not-on-list', addresses: [], forget };

  const answer = composeMyMigration({
    member,
    ...(group === undefined ? {} : { group }),
    organisationName: project.organisationName,
    projectMembers: project.members,
    settings: deps.settings,
    focus: query.focus,
    ...(query.department === undefined ? {} : { department: query.department }),
    today: todayInLondon(deps.clock.now()),
  });
  return { kind: 'answer', answer, ...(record.remember === undefined ? {} : { remember: record.remember }) };
}
