import type { RiskStatus } from '../bot/migration/risks/riskEntry';
import type { Rag } from '../bot/migration/risks/riskScore';
import type { CardColour } from './labels';

/** Red, amber and green as Adaptive Card colours; Teams has no amber, so Warning stands in for it. */
export const RAG_COLOURS: Readonly<Record<Rag, CardColour>> = { red: 'Attention', amber: 'Warning', green: 'Good' };

export const RISK_STATUS_WORDS: Readonly<Record<RiskStatus, string>> = { open: 'Open', mitigating: 'Mitigating', closed: 'Closed' };
