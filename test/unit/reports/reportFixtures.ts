import { DEFAULT_GATEWAY_CATALOGUE, findItem, getStage } from '../../../bot/migration/gateways/catalogue';
import type { StageNumber } from '../../../bot/migration/gateways/catalogueTypes';
import type { GatewayDecision, ItemState, ItemStatus } from '../../../bot/migration/gateways/gatewayState';
import type { GatewayAuditEntry } from '../../../bot/migration/projects/auditEntries';
import { newGatewayRecord } from '../../../bot/migration/projects/gatewayRecord';
import type { Project } from '../../../bot/migration/projects/project';
import type { GatewayWithAudit, HighlightInput } from '../../../bot/migration/reports/composeHighlight';
import type { RiskEntry } from '../../../bot/migration/risks/riskEntry';
import { aProject } from '../projects/repositoryContract';
import { aRisk } from '../risks/riskRepositoryContract';

export const catalogue = DEFAULT_GATEWAY_CATALOGUE;
export const tomRef = { id: '29:tom', name: 'Tom Evans' };
export const priyaRef = { id: '29:priya', name: 'Priya Shah' };

/** Set up on Mon 5 Jan 2026, cutover Thu 28 May 2026. */
export function reportProject(overrides: Partial<Project> = {}): Project {
  return aProject({ plannedStart: '2026-01-05', plannedCutover: '2026-05-28', createdAt: '2026-01-05T09:00:00.000Z', ...overrides });
}

export interface StatusEvent {
  readonly itemId: string;
  readonly at: string;
  readonly status: ItemStatus;
  readonly due?: string;
  readonly owner?: { id: string; name: string };
  /** Adds an evidence link, as sign-off asks for on some items. */
  readonly evidence?: boolean;
}

export interface DecisionEvent {
  readonly stage: StageNumber;
  readonly decision: GatewayDecision;
}

/** Gateway records and audit trails as the use cases would have left them after these changes, in order. */
export function gatewaysFrom(projectId: string, events: readonly StatusEvent[], decisions: readonly DecisionEvent[] = []): GatewayWithAudit[] {
  const byStage = new Map<StageNumber, { items: Map<string, ItemState>; audit: GatewayAuditEntry[]; decision?: GatewayDecision }>();
  const slot = (stage: StageNumber): { items: Map<string, ItemState>; audit: GatewayAuditEntry[]; decision?: GatewayDecision } => {
    let s = byStage.get(stage);
    if (!s) {
      s = { items: new Map(), audit: [] };
      byStage.set(stage, s);
    }
    return s;
  };
  for (const e of [...events].sort((a, b) => a.at.localeCompare(b.at))) {
    const stage = findItem(catalogue, e.itemId).stage.number;
    const s = slot(stage);
    const before = s.items.get(e.itemId);
    const next: ItemState = {
      itemId: e.itemId,
      status: e.status,
      notes: [],
      evidence: e.evidence === true ? [{ url: `https://nhs.sharepoint.com/${e.itemId}.docx`, by: tomRef, at: e.at }] : (before?.evidence ?? []),
      ...(e.status === 'not-applicable' ? { naReason: 'Not for us' } : {}),
      ...(e.due !== undefined ? { due: e.due } : before?.due !== undefined ? { due: before.due } : {}),
      ...(e.owner ? { owner: e.owner } : before?.owner ? { owner: before.owner } : {}),
      updatedBy: tomRef,
      updatedAt: e.at,
      version: (before?.version ?? 0) + 1,
    };
    s.items.set(e.itemId, next);
    if ((before?.status ?? 'open') !== e.status) {
      s.audit.push({ kind: 'item-changed', at: e.at, by: tomRef, itemId: e.itemId, field: 'status', before: before?.status ?? 'open', after: e.status });
    }
  }
  for (const d of decisions) {
    const s = slot(d.stage);
    s.decision = d.decision;
    s.audit.push({ kind: 'gateway-decided', at: d.decision.at, by: d.decision.by, stage: d.stage, outcome: d.decision.outcome, comment: d.decision.comment });
  }
  return [...byStage.entries()].map(([stage, s]) => ({
    record: { ...newGatewayRecord(projectId, stage), state: { stage, reopened: [], ...(s.decision ? { decision: s.decision } : {}) }, items: [...s.items.values()] },
    audit: s.audit,
  }));
}

/** The required items of gateways 1 to 4, in catalogue order: the burn-down's scope. */
export function requiredBeforeCutover(): string[] {
  return ([1, 2, 3, 4] as const).flatMap((stage) => getStage(catalogue, stage).items.filter((i) => i.mandatory).map((i) => i.id));
}

/** `count` required items done, `perWeek` on each Tuesday at noon from `firstTuesday`. */
export function doneWeekly(itemIds: readonly string[], firstTuesday: string, perWeek: number): StatusEvent[] {
  return itemIds.map((itemId, i) => {
    const day = new Date(`${firstTuesday}T12:00:00.000Z`);
    day.setUTCDate(day.getUTCDate() + Math.floor(i / perWeek) * 7);
    return { itemId, at: day.toISOString(), status: 'done' as const };
  });
}

export function input(project: Project, gateways: GatewayWithAudit[], risks: RiskEntry[] = []): HighlightInput {
  return { project, gateways, risks: risks.map((r) => ({ ...r, projectId: project.projectId })), catalogue };
}

export { aRisk };
