import type { Container } from '@azure/cosmos';
import type { Logger } from 'pino';
import type { ProjectAuditEntry } from '../../migration/projects/auditEntries';
import { ConcurrentModification } from '../../migration/projects/conflictRetry';
import type { Project } from '../../migration/projects/project';
import { projectNotFound } from '../../migration/projects/projectAccess';
import type { CreateProjectOutcome, ProjectChange, ProjectRepository } from '../../migration/projects/projectRepository';
import { mergeBySeq, pageOutOldest, sequence } from '../auditPages';
import { forEachBounded } from '../boundedParallel';
import { cosmosStatusCode, describeError, isPreconditionFailed } from '../cosmosErrors';
import { decideOne, GroupCommit, type Outcome } from '../groupCommit';
import { deleteDocument, queryPartition, readDocument } from './cosmosDocuments';
import {
  assertSchema,
  memberLinkId,
  projectAuditPageId,
  PROJECT_DOCUMENT_ID,
  SCHEMA_VERSION,
  teamLinkId,
  tenantPartition,
  type MemberLinkDocument,
  type ProjectAuditPageDocument,
  type ProjectDocument,
  type TeamLinkDocument,
} from './projectDocuments';

export interface CosmosProjectRepositoryOptions {
  /** Audit entries kept inside the project document before the oldest move to a page. */
  readonly inlineAuditLimit?: number;
  /** Entries moved per page. */
  readonly auditPageSize?: number;
  /** For the best-effort index repairs and audit paging that must not fail a saved change. */
  readonly logger?: Logger;
}

/**
 * As for gateways: a role change or milestone entry is a few hundred bytes, a
 * details change with its before and after under 2 KB, so 200 inline stay
 * well below Cosmos's 2 MB next to up to MAX_PROJECT_MEMBERS members.
 */
const DEFAULT_INLINE_AUDIT_LIMIT = 200;
const DEFAULT_AUDIT_PAGE_SIZE = 100;
/** Link writes in flight at once for one save, so a first save of many members does not flood the account. */
const LINK_WRITE_CONCURRENCY = 8;

/**
 * Projects in Cosmos. The project document is the truth; team and member
 * links in the tenant partition are indexes over it, written after it:
 *
 * - set-up writes the project, then claims the team (create-if-absent); a
 *   lost claim deletes the new project again, so the loser leaves nothing
 *   reachable. A crash before the claim leaves a project nobody can reach.
 * - member links are brought in line with the members (idempotent upserts and
 *   deletes) after every save that changes the members, comparing with the
 *   links stored, so a link missed by a crash is repaired by the next role
 *   change; readers check membership on the project itself, so a link left
 *   behind by a removal shows nothing.
 *
 * The audit log pages out like a gateway's (see `pageOutOldest`): past a
 * limit, the oldest entries are copied to `project-audit-page` documents and
 * then trimmed, so the document stays bounded however long the project runs.
 * Members stay inline (see `MAX_PROJECT_MEMBERS` for why, and the bound).
 */
export class CosmosProjectRepository implements ProjectRepository {
  /** Saves of one project made at the same time share one read and one write (see `GroupCommit`). */
  private readonly saves = new GroupCommit<(current: Project) => ProjectChange | undefined, Project>((projectId, _id, decisions) => this.commit(projectId, decisions));
  private readonly inlineAuditLimit: number;
  private readonly auditPageSize: number;

  constructor(
    private readonly container: Container,
    private readonly options: CosmosProjectRepositoryOptions = {},
  ) {
    this.inlineAuditLimit = options.inlineAuditLimit ?? DEFAULT_INLINE_AUDIT_LIMIT;
    this.auditPageSize = Math.min(options.auditPageSize ?? DEFAULT_AUDIT_PAGE_SIZE, this.inlineAuditLimit);
    if (this.auditPageSize < 1) throw new RangeError('auditPageSize and inlineAuditLimit must be at least 1');
  }

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
      audit: sequence(audit, 0),
      nextAuditSeq: audit.length,
      auditArchived: false,
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
    await this.linkMembers(project);
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
      audit: [...document.audit, ...sequence(audit, document.nextAuditSeq)],
      nextAuditSeq: document.nextAuditSeq + audit.length,
      auditArchived: document.auditArchived ?? false,
    };
    let etag: string | undefined;
    try {
      ({ etag } = await this.container.item(document.id, projectId).replace(next, { accessCondition: { type: 'IfMatch', condition: document._etag } }));
    } catch (err: unknown) {
      if (isPreconditionFailed(err)) throw new ConcurrentModification('project');
      throw err;
    }
    if (etag !== undefined) await this.archiveOldestAudit(next, etag);
    if (!sameMembers(document.project, current)) await this.linkMembers(current);
    return outcomes;
  }

  async history(projectId: string): Promise<readonly ProjectAuditEntry[]> {
    const document = await this.readProjectDocument(projectId);
    if (!document) return [];
    const pages = document.auditArchived === true
      ? await queryPartition<Pick<ProjectAuditPageDocument, 'id' | 'schemaVersion' | 'entries'>>(
          this.container,
          projectId,
          'c.id, c.schemaVersion, c.entries',
          "c.type = 'project-audit-page'",
        )
      : [];
    for (const page of pages) assertSchema(page);
    return mergeBySeq(pages, document.audit);
  }

  /** Best effort, after the change is saved; whatever is not archived now is archived by a later save. */
  private async archiveOldestAudit(saved: ProjectDocument, etag: string): Promise<void> {
    await pageOutOldest<ProjectAuditEntry, ProjectDocument>({
      container: this.container,
      saved,
      etag,
      inline: saved.audit,
      inlineLimit: this.inlineAuditLimit,
      pageSize: this.auditPageSize,
      page: (entries): ProjectAuditPageDocument => ({
        id: projectAuditPageId(entries[0]?.seq ?? 0),
        projectId: saved.projectId,
        type: 'project-audit-page',
        schemaVersion: SCHEMA_VERSION,
        entries,
      }),
      trimmed: (remaining) => ({ ...saved, audit: remaining, auditArchived: true }),
      ...(this.options.logger ? { logger: this.options.logger } : {}),
      logContext: { projectId: saved.projectId, log: 'project audit' },
    });
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
    await deleteDocument(this.container, PROJECT_DOCUMENT_ID, project.projectId);
    if (!holder) throw new Error('A team link reported as existing could not be read');
    return holder.targetProjectId;
  }

  /**
   * Makes the member links match the members: one query for the links there
   * are, then creates only the missing ones and deletes those of people no
   * longer on the project. Comparing with what is stored (rather than with the
   * previous members) is what repairs a link missed by a crash, and writing
   * only the difference keeps a role change on a project of MAX_PROJECT_MEMBERS
   * people at a few requests instead of hundreds.
   */
  private async linkMembers(project: Project): Promise<void> {
    const partition = tenantPartition(project.tenantId);
    const current = new Set(project.members.map((m) => m.userId));
    const warn = (err: unknown): void => this.options.logger?.warn({ err: describeError(err), projectId: project.projectId }, 'member link not updated');
    let stored: { id: string; userId: string }[];
    try {
      stored = await queryPartition<{ id: string; userId: string }>(
        this.container,
        partition,
        'c.id, c.userId',
        "c.type = 'member-link' AND c.targetProjectId = @projectId",
        [{ name: '@projectId', value: project.projectId }],
      );
    } catch (err: unknown) {
      // The project is saved whatever happens here; missed links are repaired by the next change of members.
      warn(err);
      return;
    }
    const linked = new Set(stored.map((l) => l.userId));
    const tasks: (() => Promise<void>)[] = [
      ...[...current]
        .filter((userId) => !linked.has(userId))
        .map((userId) => async () => {
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
        }),
      ...stored.filter((l) => !current.has(l.userId)).map((l) => async () => {
        await deleteDocument(this.container, l.id, partition);
      }),
    ];
    await forEachBounded(tasks, LINK_WRITE_CONCURRENCY, async (task) => {
      try {
        await task();
      } catch (err: unknown) {
        warn(err);
      }
    });
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
