import type { IsoDate } from '../shared/ukDates';
import { isClosed, type RiskEntry } from './riskEntry';
import { riskRag, riskScore, type Rag } from './riskScore';
import type { RiskSettings } from './riskSettings';

/** An entry with what follows from it today, as the list, the cards and the highlight show it. */
export interface RiskView {
  readonly entry: RiskEntry;
  readonly score: number;
  readonly rag: Rag;
  /** Open and its review date is today or earlier. */
  readonly reviewDue: boolean;
  /** Open and its review date has passed: flagged in the list, to its owner, and in the highlight. */
  readonly reviewOverdue: boolean;
}

export function viewRisk(entry: RiskEntry, settings: Pick<RiskSettings, 'redScore' | 'amberScore'>, today: IsoDate): RiskView {
  const open = !isClosed(entry);
  return {
    entry,
    score: riskScore(entry),
    rag: riskRag(entry, settings),
    reviewDue: open && entry.reviewDate <= today,
    reviewOverdue: open && entry.reviewDate < today,
  };
}
