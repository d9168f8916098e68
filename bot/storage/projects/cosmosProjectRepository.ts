import type { Container } from '@azure/cosmos';
import type { Logger } from 'pino';
import type { ProjectAuditEntry } from '../../migration/projects/auditEntries';
import { ConcurrentModification } from '../../migration/projects/conflictRetry';
import type { Project } from '../../migration/projects/project';
import { projectNotFound } from '../../migration/projects/projectAccess';
import type { CreateProjectOutcome, ProjectChange, ProjectRepository } from '../../migration/projects/projectRepository';
import { cosmosStatusCode, describeError, isNotFound, isPreconditionFailed } from '../cosmosErrors';
import { decideOne, GroupCommit, type Outcome } from '../groupCommit';
import { queryPartition, readDocument } from './cosmosDocuments';
import {
  assertSchema,
  memberLinkId,
  PROJECT_DOCUMENT_ID,
  SCHEMA_VERSION,
  teamLinkId,
  tenantPartition,
  withoutSeq,
  type MemberLinkDocument,
  type ProjectDocument,
  type Sequenced,
  type TeamLinkDocument,
} from './projectDocuments';

export interface CosmosProjectRepositoryOptions {
  /** For the best-effort index repairs that must not fail a saved change. */
  readonly logger?: Logger;
}

/**
 * Projects in Cosmos. The project document is the truth; team and member
 * links in the tenant partition are indexes over it, written after it:
 *
 * - set-up writes the project, then claims the team (create-if-absent); a
 *   lost claim deletes the new project again, so the loser leaves nothing
 *   reachable. A crash before the claim leaves a project nobody can reach.
 * - member links are upserted (idempotent) after every save that changes the
 *   members, for all current members, so a link missed by a crash is
 *   repaired by the next role change; readers check membership on the project
 *   itself, so a link left behind by a removal shows nothing.
 */
export class CosmosProjectRepository implements ProjectRepository {
  /** Saves of one project made at the same time share one read and one write (see `GroupCommit`). */
  private readonly saves = new GroupCommit<(current: Project) => ProjectChange | undefined, Project>((projectId, _id, decisions) => this.commit(projectId, decisions));

  constructor(
    private readonly container: Container,
    private readonly options: CosmosProjectRepositoryOptions = {},
  ) {}

  async get(projectId: string): Promise<Project | undefined> {
    return (await this.readProjectDocument(projectId))?.project;
  }

  async create(project: Project, audit: readonly ProjectAuditEntry[]): Promise<CreateProjectOutcome> {
    const document: ProjectDocument = {
      id: PROJECT_DOCUMENT_ID,
      projectId: project.projectId,
      type: 'project',
      schemaVersion: SCHEMA_VERSION,
      project,
      audit: audit.map((entry, seq) => ({ ...entry, seq })),
      nextAuditSeq: audit.length,
    };
    try {
      await this.container.items.create(document);
    } catch (err: unknown) {
      if (cosmosStatusCode(err) === 409) return { outcome: 'id-taken' };
      throw err;
    }

    if (project.teamId !== undefined) {
      const claimed = await this.claimTeam(project, project.teamId);
      if (claimed !== undefined) return { outcome: 'team-taken', existingProjectId: claimed };
    }
    await this.linkMembers(project, []);
    return { outcome: 'created' };
  }

  async findByTeam(tenantId: string, teamId: string): Promise<Project | undefined> {
    const link = await readDocument<TeamLinkDocument>(this.container, teamLinkId(teamId), tenantPartition(tenantId));
    if (!link) return undefined;
    const project = await this.get(link.targetProjectId);
    return project?.tenantId === tenantId && project.teamId === teamId ? project : undefined;
  }

  async findByMember(tenantId: string, userId: string): Promise<readonly Project[]> {
    const links = await queryPartition<{ targetProjectId: string }>(
      this.container,
      tenantPartition(tenantId),
      'c.targetProjectId',
      "c.type = 'member-link' AND c.userId = @userId",
      [{ name: '@userId', value: userId }],
    );
    const projects = await Promise.all(links.map((link) => this.get(link.targetProjectId)));
    return projects.filter(
      (p): p is Project => p !== undefined && p.tenantId === tenantId && p.members.some((m) => m.userId === userId),
    );
  }

  tryUpdate(projectId: string, decide: (current: Project) => ProjectChange | undefined): Promise<Project> {
    return this.saves.submit(projectId, PROJECT_DOCUMENT_ID, decide);
  }

  private async commit(projectId: string, decisions: readonly ((current: Project) => ProjectChange | undefined)[]): Promise<readonly Outcome<Project>[]> {
    const document = await this.readProjectDocument(projectId);
    if (!document) throw projectNotFound(projectId);
    let current = document.project;
    const audit: ProjectAuditEntry[] = [];
    const outcomes = decisions.map((decide) =>
      decideOne(() => {
        const change = decide(current);
        if (!change) return current;
        assertSameIdentity(current, change.project);
        current = change.project;
        audit.push(...change.audit);
        return current;
      }),
    );
    if (current === document.project) return outcomes;

    const next: ProjectDocument = {
      id: document.id,
      projectId: document.projectId,
      type: 'project',
      schemaVersion: SCHEMA_VERSION,
      project: current,
      audit: [...document.audit, ...audit.map((entry, i) => ({ ...entry, seq: document.nextAuditSeq + i }))],
      nextAuditSeq: document.nextAuditSeq + audit.length,
    };
    try {
      await this.container.item(document.id, projectId).replace(next, { accessCondition: { type: 'IfMatch', condition: document._etag } });
    } catch (err: unknown) {
      if (isPreconditionFailed(err)) throw new ConcurrentModification('project');
      throw err;
    }
    if (!sameMembers(document.project, current)) await this.linkMembers(current, document.project.members.map((m) => m.userId));
    return outcomes;
  }

  async history(projectId: string): Promise<readonly ProjectAuditEntry[]> {
    const document = await this.readProjectDocument(projectId);
    return [...(document?.audit ?? [])].sort((a, b) => a.seq - b.seq).map((e: Sequenced<ProjectAuditEntry>) => withoutSeq(e));
  }

  private async readProjectDocument(projectId: string): Promise<(ProjectDocument & { _etag: string }) | undefined> {
    const document = await readDocument<ProjectDocument>(this.container, PROJECT_DOCUMENT_ID, projectId);
    if (document) assertSchema(document);
    return document;
  }

  /** Returns the id of the project that already holds the team, having removed the new one; undefined when claimed. */
  private async claimTeam(project: Project, teamId: string): Promise<string | undefined> {
    const partition = tenantPartition(project.tenantId);
    const link: TeamLinkDocument = {
      id: teamLinkId(teamId),
      projectId: partition,
      type: 'team-link',
      schemaVersion: SCHEMA_VERSION,
      tenantId: project.tenantId,
      teamId,
      targetProjectId: project.projectId,
      createdAt: project.createdAt,
    };
    try {
      await this.container.items.create(link);
      return undefined;
    } catch (err: unknown) {
      if (cosmosStatusCode(err) !== 409) throw err;
    }
    const holder = await readDocument<TeamLinkDocument>(this.container, link.id, partition);
    await this.deleteQuietly(PROJECT_DOCUMENT_ID, project.projectId);
    if (!holder) throw new Error('A team link reported as existing could not be read');
    return holder.targetProjectId;
  }

  /** Upserts a link for every current member and deletes those of people no longer in the project. */
  private async linkMembers(project: Project, previousUserIds: readonly string[]): Promise<void> {
    const partition = tenantPartition(project.tenantId);
    const current = new Set(project.members.map((m) => m.userId));
    const upserts = [...current].map(async (userId) => {
      const link: MemberLinkDocument = {
        id: memberLinkId(userId, project.projectId),
        projectId: partition,
        type: 'member-link',
        schemaVersion: SCHEMA_VERSION,
        tenantId: project.tenantId,
        userId,
        targetProjectId: project.projectId,
      };
      await this.container.items.upsert(link);
    });
    const removals = previousUserIds.filter((u) => !current.has(u)).map((userId) => this.deleteQuietly(memberLinkId(userId, project.projectId), partition));
    const results = await Promise.allSettled([...upserts, ...removals]);
    // The project is saved whatever happens here; a missed link is repaired by the next change of members.
    for (const result of results) {
      if (result.status === 'rejected') this.options.logger?.warn({ err: describeError(result.reason), projectId: project.projectId }, 'member link not updated');
    }
  }

  private async deleteQuietly(id: string, partition: string): Promise<void> {
    try {
      await this.container.item(id, partition).delete();
    } catch (err: unknown) {
      if (!isNotFound(err)) throw err;
    }
  }
}

/** The links are keyed on these, so a decision must never change them. */
function assertSameIdentity(before: Project, after: Project): void {
  if (before.projectId !== after.projectId || before.tenantId !== after.tenantId || before.teamId !== after.teamId) {
    throw new Error('A project change may not alter its id, tenant or team');
  }
}

function sameMembers(before: Project, after: Project): boolean {
  const ids = (p: Project): string => p.members.map((m) => m.userId).sort().join('\n');
  return ids(before) === ids(after);
}
