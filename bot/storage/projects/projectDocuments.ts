import type { StageNumber } from '../../migration/gateways/catalogueTypes';
import type { GatewayState, IsoTimestamp, ItemState } from '../../migration/gateways/gatewayState';
import type { GatewayAuditEntry, ProjectAuditEntry } from '../../migration/projects/auditEntries';
import type { Project } from '../../migration/projects/project';
import type { Sequenced } from '../auditPages';
import { stateDocumentId } from '../stateDocumentId';

export { withoutSeq, type Sequenced } from '../auditPages';

/**
 * The documents of the `projects` container (partition key `/projectId`).
 *
 * A project's own records share the partition `<projectId>`: one `project`
 * document (details, members, milestones, project audit) and up to six
 * `gateway` documents (decision history, item states, gateway audit), plus
 * `gateway-audit-page` and `project-audit-page` documents once a log grows
 * long (see `pageOutOldest`). A status
 * view is then one point read and one single-partition query.
 *
 * Lookups that start from something other than a project id live in the
 * tenant's partition `tenant:<tenantId>`: a `team-link` per team (created
 * with create-if-absent, which is what makes "one team, one project" hold
 * under races) and a `member-link` per (member, project) pair. Project ids
 * never contain ':' (see isProjectId), so the two kinds of partition cannot
 * collide.
 *
 * Every document carries `type` (queries filter on it) and `schemaVersion`
 * (so a later shape can be migrated on read).
 */

export const SCHEMA_VERSION = 1;

interface BaseDocument {
  readonly id: string;
  /** The partition key: a project id, or `tenant:<tenantId>` for lookups. */
  readonly projectId: string;
  readonly schemaVersion: typeof SCHEMA_VERSION;
}

export interface ProjectDocument extends BaseDocument {
  readonly type: 'project';
  readonly project: Project;
  /** Appended in the same write as the change it records; the newest entries only, older ones move to audit pages. */
  readonly audit: readonly Sequenced<ProjectAuditEntry>[];
  readonly nextAuditSeq: number;
  /** True once an audit page exists, so a history read only queries pages when there are some; absent on documents written before pages. */
  readonly auditArchived?: boolean;
}

export interface ProjectAuditPageDocument extends BaseDocument {
  readonly type: 'project-audit-page';
  readonly entries: readonly Sequenced<ProjectAuditEntry>[];
}

export interface GatewayDocument extends BaseDocument {
  readonly type: 'gateway';
  readonly stage: StageNumber;
  readonly gateway: GatewayState;
  readonly items: readonly ItemState[];
  /** The newest entries; older ones move to audit pages so the document stays well below Cosmos's 2 MB. */
  readonly audit: readonly Sequenced<GatewayAuditEntry>[];
  readonly nextAuditSeq: number;
  /** True once an audit page exists, so a history read only queries pages when there are some. */
  readonly auditArchived: boolean;
}

export interface GatewayAuditPageDocument extends BaseDocument {
  readonly type: 'gateway-audit-page';
  readonly stage: StageNumber;
  readonly entries: readonly Sequenced<GatewayAuditEntry>[];
}

export interface TeamLinkDocument extends BaseDocument {
  readonly type: 'team-link';
  readonly tenantId: string;
  readonly teamId: string;
  readonly targetProjectId: string;
  readonly createdAt: IsoTimestamp;
}

export interface MemberLinkDocument extends BaseDocument {
  readonly type: 'member-link';
  readonly tenantId: string;
  readonly userId: string;
  readonly targetProjectId: string;
}

/** What a read gives back on top of the body. */
export interface CosmosSystemProperties {
  readonly _etag: string;
}

export const PROJECT_DOCUMENT_ID = 'project';

export function gatewayDocumentId(stage: StageNumber): string {
  return `gateway-${stage}`;
}

/** Named after its first entry, so archiving the same entries twice (after a crash) hits the same id. */
export function gatewayAuditPageId(stage: StageNumber, firstSeq: number): string {
  return `gateway-${stage}-audit-${String(firstSeq).padStart(8, '0')}`;
}

/** Named after its first entry, so archiving the same entries twice (after a crash) hits the same id. */
export function projectAuditPageId(firstSeq: number): string {
  return `project-audit-${String(firstSeq).padStart(8, '0')}`;
}

export function tenantPartition(tenantId: string): string {
  return `tenant:${tenantId}`;
}

/** Team and user ids hold ':' '@' and may hold characters Cosmos ids forbid; escape (or hash) them as state keys are. */
export function teamLinkId(teamId: string): string {
  return stateDocumentId(`team-link:${teamId}`);
}

export function memberLinkId(userId: string, projectId: string): string {
  return stateDocumentId(`member-link:${projectId}:${userId}`);
}

export function assertSchema(document: { readonly schemaVersion?: unknown; readonly id?: unknown }): void {
  if (document.schemaVersion !== SCHEMA_VERSION) {
    throw new Error(`Project document ${String(document.id)} has schema version ${String(document.schemaVersion)}, expected ${SCHEMA_VERSION}`);
  }
}
