import type { ProjectAuditEntry } from './auditEntries';
import type { Project } from './project';

/** What a decision does to a project: its next record and the audit entries that explain it. */
export interface ProjectChange {
  readonly project: Project;
  readonly audit: readonly ProjectAuditEntry[];
}

export type CreateProjectOutcome =
  | { readonly outcome: 'created' }
  /** The team already has a project; nothing of the new one is reachable. */
  | { readonly outcome: 'team-taken'; readonly existingProjectId: string }
  /** The id generator repeated itself. */
  | { readonly outcome: 'id-taken' };

/**
 * Persistence of project records, their lookups and their audit log.
 *
 * Why `tryUpdate` makes one attempt: retrying is a rule of the use cases
 * (see `retryOnConflict`), the same for every store; a store only has to
 * detect that the record changed between its read and its write.
 */
export interface ProjectRepository {
  get(projectId: string): Promise<Project | undefined>;

  /**
   * Stores a new project with its first audit entries, then makes it findable
   * by its team and by its members. The team is claimed atomically: two
   * set-ups for one team give one 'created' and one 'team-taken'.
   */
  create(project: Project, audit: readonly ProjectAuditEntry[]): Promise<CreateProjectOutcome>;

  findByTeam(tenantId: string, teamId: string): Promise<Project | undefined>;

  /** Projects of the tenant that list this Teams user as a member (any role). */
  findByMember(tenantId: string, userId: string): Promise<readonly Project[]>;

  /**
   * Reads the project, asks `decide` what to do, and saves the result only if
   * nobody saved the project in between; otherwise throws
   * `ConcurrentModification`. `decide` returning undefined saves nothing.
   * Errors thrown by `decide` pass through and nothing is saved. Throws
   * NotFound for a missing project. Returns the project as it now stands.
   */
  tryUpdate(projectId: string, decide: (current: Project) => ProjectChange | undefined): Promise<Project>;

  /** The project's own audit entries, oldest first. */
  history(projectId: string): Promise<readonly ProjectAuditEntry[]>;
}
