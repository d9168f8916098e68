import type { StageNumber } from '../../../bot/migration/gateways/catalogueTypes';
import type { GatewayAuditEntry, ProjectAuditEntry } from '../../../bot/migration/projects/auditEntries';
import { ConcurrentModification } from '../../../bot/migration/projects/conflictRetry';
import { newGatewayRecord, type GatewayChange, type GatewayRecord } from '../../../bot/migration/projects/gatewayRecord';
import type { GatewayRepository } from '../../../bot/migration/projects/gatewayRepository';
import type { Project } from '../../../bot/migration/projects/project';
import type { CreateProjectOutcome, ProjectChange, ProjectRepository } from '../../../bot/migration/projects/projectRepository';
import { NotFound } from '../../../bot/migration/shared/errors';

interface Stored<T, A> {
  etag: number;
  value: T;
  audit: A[];
}

/**
 * The project ports in memory, with the Cosmos adapter's conflict semantics:
 * every read is a copy, and a save fails with ConcurrentModification when the
 * record was saved by anyone between this attempt's read and its write.
 *
 * Each attempt yields between its read and its write, as a network round
 * trip would, so use cases started together really do interleave. Tests that
 * need an exact interleaving use `beforeNextWrite`.
 */
export class InMemoryProjectStore {
  private readonly projectDocs = new Map<string, Stored<Project, ProjectAuditEntry>>();
  private readonly teamLinks = new Map<string, string>();
  private readonly gatewayDocs = new Map<string, Stored<GatewayRecord, GatewayAuditEntry>>();
  private hook: (() => Promise<void>) | undefined;
  private collisionsLeft = 0;
  /** Successful saves, to prove a refused change saved nothing. */
  writes = 0;
  /** Saves refused because the record had changed. */
  conflicts = 0;

  /** Runs `action` once, after the next attempt has read and decided but before it writes. */
  beforeNextWrite(action: () => Promise<void>): void {
    this.hook = action;
  }

  /** The next `attempts` write attempts collide, as if someone else saved just before each one. */
  collideNext(attempts: number): void {
    this.collisionsLeft = attempts;
  }

  readonly projects: ProjectRepository = {
    get: async (projectId) => {
      await tick();
      const doc = this.projectDocs.get(projectId);
      return doc ? copy(doc.value) : undefined;
    },

    create: async (project, audit): Promise<CreateProjectOutcome> => {
      await tick();
      if (this.projectDocs.has(project.projectId)) return { outcome: 'id-taken' };
      if (project.teamId !== undefined) {
        const existing = this.teamLinks.get(teamKey(project.tenantId, project.teamId));
        if (existing !== undefined) return { outcome: 'team-taken', existingProjectId: existing };
        this.teamLinks.set(teamKey(project.tenantId, project.teamId), project.projectId);
      }
      this.projectDocs.set(project.projectId, { etag: 1, value: copy(project), audit: copy([...audit]) });
      this.writes += 1;
      return { outcome: 'created' };
    },

    findByTeam: async (tenantId, teamId) => {
      const projectId = this.teamLinks.get(teamKey(tenantId, teamId));
      return projectId === undefined ? undefined : this.projects.get(projectId);
    },

    findByMember: async (tenantId, userId) => {
      await tick();
      return [...this.projectDocs.values()]
        .map((d) => d.value)
        .filter((p) => p.tenantId === tenantId && p.members.some((m) => m.userId === userId))
        .map(copy);
    },

    tryUpdate: async (projectId, decide: (current: Project) => ProjectChange | undefined) => {
      await tick();
      const read = this.projectDocs.get(projectId);
      if (!read) throw new NotFound('migration project', projectId);
      const change = decide(copy(read.value));
      if (!change) return copy(read.value);
      const collided = await this.runHook();
      const now = this.projectDocs.get(projectId);
      if (collided || now?.etag !== read.etag) {
        this.conflicts += 1;
        throw new ConcurrentModification('project');
      }
      this.projectDocs.set(projectId, { etag: read.etag + 1, value: copy(change.project), audit: [...read.audit, ...copy([...change.audit])] });
      this.writes += 1;
      return copy(change.project);
    },

    history: async (projectId) => {
      await tick();
      return copy(this.projectDocs.get(projectId)?.audit ?? []);
    },
  };

  readonly gateways: GatewayRepository = {
    list: async (projectId) => {
      await tick();
      return [...this.gatewayDocs.values()].map((d) => d.value).filter((r) => r.projectId === projectId).map(copy);
    },

    get: async (projectId, stage) => {
      await tick();
      const doc = this.gatewayDocs.get(gatewayKey(projectId, stage));
      return doc ? copy(doc.value) : newGatewayRecord(projectId, stage);
    },

    tryUpdate: async (projectId, stage, decide: (current: GatewayRecord) => GatewayChange | undefined) => {
      await tick();
      const key = gatewayKey(projectId, stage);
      const read = this.gatewayDocs.get(key);
      const current = read ? copy(read.value) : newGatewayRecord(projectId, stage);
      const change = decide(current);
      if (!change) return current;
      const collided = await this.runHook();
      const now = this.gatewayDocs.get(key);
      if (collided || now?.etag !== read?.etag) {
        this.conflicts += 1;
        throw new ConcurrentModification('gateway');
      }
      this.gatewayDocs.set(key, {
        etag: (read?.etag ?? 0) + 1,
        value: copy(change.record),
        audit: [...(read?.audit ?? []), ...copy([...change.audit])],
      });
      this.writes += 1;
      return copy(change.record);
    },

    history: async (projectId, stage) => {
      await tick();
      return copy(this.gatewayDocs.get(gatewayKey(projectId, stage))?.audit ?? []);
    },
  };

  /** Between an attempt's decision and its write; true when this attempt is told to collide. */
  private async runHook(): Promise<boolean> {
    const hook = this.hook;
    this.hook = undefined;
    if (hook) await hook();
    await tick();
    if (this.collisionsLeft === 0) return false;
    this.collisionsLeft -= 1;
    return true;
  }
}

function teamKey(tenantId: string, teamId: string): string {
  return JSON.stringify([tenantId, teamId]);
}

function gatewayKey(projectId: string, stage: StageNumber): string {
  return JSON.stringify([projectId, stage]);
}

/** What a database does to a value: the caller never shares an object with the store. */
function copy<T>(value: T): T {
  return structuredClone(value);
}

function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
