import type { RiskEntry } from './riskEntry';
import type { RiskSettings } from './riskSettings';

/**
 * Score and RAG of an entry, always derived: storing them would let an entry
 * keep an old colour after the organisation changed its thresholds.
 */

export type Rag = 'red' | 'amber' | 'green';

export const RAG_LABELS: Readonly<Record<Rag, string>> = { red: 'Red', amber: 'Amber', green: 'Green' };

/** Likelihood times impact: 1 to 25. */
export function riskScore(entry: Pick<RiskEntry, 'likelihood' | 'impact'>): number {
  return entry.likelihood * entry.impact;
}

export function ragOfScore(score: number, settings: Pick<RiskSettings, 'redScore' | 'amberScore'>): Rag {
  if (score >= settings.redScore) return 'red';
  if (score >= settings.amberScore) return 'amber';
  return 'green';
}

export function riskRag(entry: Pick<RiskEntry, 'likelihood' | 'impact'>, settings: Pick<RiskSettings, 'redScore' | 'amberScore'>): Rag {
  return ragOfScore(riskScore(entry), settings);
}
