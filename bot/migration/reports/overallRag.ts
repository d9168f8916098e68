import type { StageNumber } from '../gateways/catalogueTypes';
import type { OverdueItem } from '../gateways/progress';
import type { Rag } from '../risks/riskScore';
import type { RiskView } from '../risks/riskView';
import { formatUkDate, type IsoDate } from '../shared/ukDates';
import type { Forecast } from './burnDown';

/**
 * The report's overall colour and why, by these rules (worst wins; every
 * rule that applies is listed, red ones first):
 *
 * Red
 * - an open risk or issue is escalated to senior management;
 * - a required item is more than `lateRedDays` (14) days overdue;
 * - a gateway is more than `lateRedDays` days behind its planned date.
 *
 * Amber
 * - an open risk or issue is rated red (and not escalated);
 * - a required item is overdue (by up to `lateRedDays` days);
 * - a gateway is behind its planned date (by up to `lateRedDays` days);
 * - the forecast says the gateways will not be finished by cutover;
 * - registrations are behind plan: by the end of the last whole month, fewer
 *   new accounts registered than planned (staff/rollout/registrations.ts).
 *
 * Green: none of these.
 */

export interface RagReason {
  readonly rag: Exclude<Rag, 'green'>;
  readonly rule: 'escalated-risk' | 'red-risk' | 'overdue-required-item' | 'gateway-behind-plan' | 'forecast-at-risk' | 'registrations-behind-plan';
  readonly text: string;
}

export interface OverallRag {
  readonly rag: Rag;
  /** One or two sentences: the reasons at the worst level, or why it is green. */
  readonly reason: string;
  readonly reasons: readonly RagReason[];
}

export interface GatewayBehind {
  readonly stage: StageNumber;
  readonly plannedDate: IsoDate;
  readonly daysBehind: number;
}

export interface RagFacts {
  readonly openRisks: readonly RiskView[];
  /** Overdue items that are required. */
  readonly overdueRequired: readonly OverdueItem[];
  readonly gatewaysBehind: readonly GatewayBehind[];
  readonly forecast: Forecast;
  readonly lateRedDays: number;
  /** Set when registrations are behind plan, with the sentence saying by how much. */
  readonly registrationsBehind?: { readonly text: string };
}

export function overallRag(facts: RagFacts): OverallRag {
  const reasons: RagReason[] = [];
  const escalated = facts.openRisks.filter((r) => r.entry.escalation.escalated);
  if (escalated.length > 0) {
    reasons.push({ rag: 'red', rule: 'escalated-risk', text: `${count(escalated.length, 'risk or issue is', 'risks or issues are')} escalated to senior management: ${titles(escalated)}.` });
  }
  const veryLate = facts.overdueRequired.filter((i) => i.daysOverdue > facts.lateRedDays);
  const late = facts.overdueRequired.filter((i) => i.daysOverdue <= facts.lateRedDays);
  if (veryLate.length > 0) {
    reasons.push({ rag: 'red', rule: 'overdue-required-item', text: `${count(veryLate.length, 'required item is', 'required items are')} more than ${facts.lateRedDays} days overdue.` });
  }
  const farBehind = facts.gatewaysBehind.filter((g) => g.daysBehind > facts.lateRedDays);
  const behind = facts.gatewaysBehind.filter((g) => g.daysBehind <= facts.lateRedDays);
  for (const g of farBehind) reasons.push({ rag: 'red', rule: 'gateway-behind-plan', text: behindText(g) });

  const red = facts.openRisks.filter((r) => r.rag === 'red' && !r.entry.escalation.escalated);
  if (red.length > 0) reasons.push({ rag: 'amber', rule: 'red-risk', text: `${count(red.length, 'open risk or issue is', 'open risks or issues are')} rated red: ${titles(red)}.` });
  if (late.length > 0) reasons.push({ rag: 'amber', rule: 'overdue-required-item', text: `${count(late.length, 'required item is', 'required items are')} overdue.` });
  for (const g of behind) reasons.push({ rag: 'amber', rule: 'gateway-behind-plan', text: behindText(g) });
  if (facts.forecast.outcome === 'at-risk') reasons.push({ rag: 'amber', rule: 'forecast-at-risk', text: facts.forecast.headline });
  if (facts.registrationsBehind) reasons.push({ rag: 'amber', rule: 'registrations-behind-plan', text: facts.registrationsBehind.text });

  const rag: Rag = reasons.some((r) => r.rag === 'red') ? 'red' : reasons.length > 0 ? 'amber' : 'green';
  const reason =
    rag === 'green'
      ? 'No required items are overdue, no risks or issues are red or escalated, and every gateway is on plan.'
      : reasons.filter((r) => r.rag === rag).map((r) => r.text).join(' ');
  return { rag, reason, reasons };
}

function behindText(g: GatewayBehind): string {
  return `Gateway ${g.stage} was planned to be passed by ${formatUkDate(g.plannedDate)} and is ${count(g.daysBehind, 'day', 'days')} behind.`;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function titles(risks: readonly RiskView[]): string {
  const shown = risks.slice(0, 3).map((r) => `“${r.entry.title}”`);
  return risks.length > 3 ? `${shown.join(', ')} and ${risks.length - 3} more` : shown.join(', ');
}
