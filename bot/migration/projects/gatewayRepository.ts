import type { StageNumber } from '../gateways/catalogueTypes';
import type { GatewayAuditEntry } from './auditEntries';
import type { GatewayChange, GatewayRecord } from './gatewayRecord';

/**
 * Persistence of a project's six gateway records and their audit log.
 *
 * Why `list` exists: the status view needs every gateway and every item of a
 * project, and that must cost one request, not one per gateway or item.
 */
export interface GatewayRepository {
  /** The gateways that have been written (any order); see `allGateways` for the full six. Never includes audit. */
  list(projectId: string): Promise<readonly GatewayRecord[]>;

  /** One gateway; a fresh record when it was never written. */
  get(projectId: string, stage: StageNumber): Promise<GatewayRecord>;

  /**
   * Reads the gateway (fresh if never written), asks `decide`, and saves the
   * next record together with the audit entries, in one write, only if
   * nobody saved the gateway in between; otherwise throws
   * `ConcurrentModification`. `decide` returning undefined saves nothing;
   * errors from `decide` pass through. Returns the gateway as it now stands.
   */
  tryUpdate(projectId: string, stage: StageNumber, decide: (current: GatewayRecord) => GatewayChange | undefined): Promise<GatewayRecord>;

  /** Every audit entry of the gateway, oldest first. */
  history(projectId: string, stage: StageNumber): Promise<readonly GatewayAuditEntry[]>;
}
