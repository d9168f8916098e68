import { DEFAULT_GATEWAY_CATALOGUE } from '../../../bot/migration/gateways/catalogue';
import type { RiskEntry, RiskHistoryEntry } from '../../../bot/migration/risks/riskEntry';
import { RISK_TEXT_MAX_LENGTH, RISK_TITLE_MAX_LENGTH } from '../../../bot/migration/risks/riskInput';
import { RISK_REASON_MAX_LENGTH } from '../../../bot/migration/risks/riskAccess';
import { DEFAULT_RISK_SETTINGS } from '../../../bot/migration/risks/riskSettings';
import { viewRisk, type RiskView } from '../../../bot/migration/risks/riskView';
import type { AdaptiveCardJson } from '../../../cards/adaptiveCardJson';
import { riskCardJson } from '../../../cards/riskCard';
import { riskExportCardJson } from '../../../cards/riskExportCard';
import { riskHistoryCardJson } from '../../../cards/riskHistoryCard';
import { riskListCardJson } from '../../../cards/riskListCard';
import { MEMBER_CHOICES, PROJECT_ID, TODAY } from './fixtures';
import { WORST_MEMBER_CHOICES } from './worstCase';

const AT = '2026-11-20T10:00:00.000Z';
const LONG_NAME = { id: `29:1${'x'.repeat(60)}`, name: 'N'.repeat(120) };

/** An entry at its longest: every text at its limit, closed with the longest reason, escalated by hand. */
export function worstRisk(index: number, overrides: Partial<RiskEntry> = {}): RiskEntry {
  return {
    projectId: PROJECT_ID,
    riskId: `risk-${String(index).padStart(4, '0')}-${'a'.repeat(60)}`,
    type: index % 2 === 0 ? 'risk' : 'issue',
    title: 'T'.repeat(RISK_TITLE_MAX_LENGTH),
    description: 'd'.repeat(RISK_TEXT_MAX_LENGTH),
    category: 'information-governance',
    likelihood: 1 + (index % 5),
    impact: 5,
    owner: LONG_NAME,
    mitigation: 'm'.repeat(RISK_TEXT_MAX_LENGTH),
    actions: 'a'.repeat(RISK_TEXT_MAX_LENGTH),
    link: { kind: 'item', stage: 1, itemId: 'g1-integrated-apps-review' },
    reviewDate: '2026-11-01',
    status: index % 3 === 0 ? 'closed' : 'open',
    ...(index % 3 === 0 ? { closure: { reason: 'r'.repeat(RISK_REASON_MAX_LENGTH), by: LONG_NAME, at: AT } } : {}),
    escalation: { escalated: true, setBy: 'hand', by: LONG_NAME, at: AT, reason: 'e'.repeat(RISK_REASON_MAX_LENGTH) },
    source: { kind: 'questionnaire', key: 'k', questionId: 'q' },
    createdBy: LONG_NAME,
    createdAt: AT,
    updatedBy: LONG_NAME,
    updatedAt: AT,
    version: 7,
    ...overrides,
  };
}

const view = (entry: RiskEntry): RiskView => viewRisk(entry, DEFAULT_RISK_SETTINGS, TODAY);

/** Every page of a 300-entry log at the default page size, as "More" reaches them. */
export function worstRiskListPages(pageSize = DEFAULT_RISK_SETTINGS.pageSize): AdaptiveCardJson[] {
  const all = Array.from({ length: 300 }, (_, i) => view(worstRisk(i)));
  const pages: AdaptiveCardJson[] = [];
  for (let start = 0; start < all.length; start += pageSize) {
    const next = start + pageSize < all.length ? 'c'.repeat(200) : undefined;
    pages.push(riskListCardJson({ projectId: PROJECT_ID, risks: all.slice(start, start + pageSize), filter: 'gateway', stage: 1, ...(next === undefined ? {} : { next }), continued: start > 0, message: 'x'.repeat(300) }));
  }
  return pages;
}

function worstRiskHistory(): RiskHistoryEntry[] {
  return Array.from({ length: 20 }, (_, i) => ({ at: AT, by: LONG_NAME, change: i % 2 === 0 ? 'edited' : 'closed', field: 'mitigation', before: 'b'.repeat(RISK_TEXT_MAX_LENGTH), after: 'a'.repeat(RISK_TEXT_MAX_LENGTH), reason: 'r'.repeat(RISK_REASON_MAX_LENGTH) }));
}

/** The risk cards in their worst cases: for the budget, bindings and routes checks of every card. */
export function worstRiskCards(): [string, AdaptiveCardJson][] {
  const cards: [string, AdaptiveCardJson][] = worstRiskListPages().map((card, i) => [`risks list (300 entries), page ${i + 1}`, card]);
  const errors = ['type', 'title', 'likelihood', 'impact', 'owner', 'link', 'reviewDate', 'status', 'reason'].map((field) => ({ field, message: 'm'.repeat(120) }));
  const typed = { title: 'T'.repeat(400), description: 'd'.repeat(20_000 / 4), mitigation: 'm'.repeat(5000), actions: 'a'.repeat(5000), reason: 'r'.repeat(5000), likelihood: '7' };
  cards.push(['risk form (refused, as typed)', riskCardJson({ projectId: PROJECT_ID, catalogue: DEFAULT_GATEWAY_CATALOGUE, ownerChoices: WORST_MEMBER_CHOICES, risk: view(worstRisk(1)), canDecide: true, typed, errors, message: 'x'.repeat(300) })]);
  cards.push(['risk history', riskHistoryCardJson(PROJECT_ID, { risk: view(worstRisk(3)), entries: worstRiskHistory(), total: 500, nextOffset: 20 })]);
  return cards;
}

/** The risk cards as people usually meet them. */
export function sampleRiskCards(): [string, AdaptiveCardJson][] {
  const open = view(worstRisk(1, { title: 'Archive tool not approved by IG', description: '', mitigation: '', actions: '', owner: { id: '29:1tom', name: 'Tom Evans' } }));
  const closed = view(worstRisk(3, { title: 'Old scanner', closure: { reason: 'Replaced', by: LONG_NAME, at: AT } }));
  return [
    ['risk form (new)', riskCardJson({ projectId: PROJECT_ID, catalogue: DEFAULT_GATEWAY_CATALOGUE, ownerChoices: MEMBER_CHOICES, newTitle: 'Archive tool not approved by IG' })],
    ['risk form (new issue, errors)', riskCardJson({ projectId: PROJECT_ID, catalogue: DEFAULT_GATEWAY_CATALOGUE, ownerChoices: MEMBER_CHOICES, newType: 'issue', typed: { likelihood: '7' }, errors: [{ field: 'likelihood', message: 'The likelihood must be a whole number from 1 to 5.' }] })],
    ['risk form (PM, open)', riskCardJson({ projectId: PROJECT_ID, catalogue: DEFAULT_GATEWAY_CATALOGUE, ownerChoices: MEMBER_CHOICES, risk: open, canDecide: true })],
    ['risk form (PM, closed)', riskCardJson({ projectId: PROJECT_ID, catalogue: DEFAULT_GATEWAY_CATALOGUE, ownerChoices: MEMBER_CHOICES, risk: closed, canDecide: true })],
    ['risk form (team member)', riskCardJson({ projectId: PROJECT_ID, catalogue: DEFAULT_GATEWAY_CATALOGUE, ownerChoices: MEMBER_CHOICES, risk: open })],
    ['risks list', riskListCardJson({ projectId: PROJECT_ID, risks: [open, closed], filter: '' })],
    ['risk export', riskExportCardJson(PROJECT_ID, { url: `https://gateway.example.nhs.uk/api/exports/${PROJECT_ID}.risks.1.x.y`, expiresAt: new Date('2026-11-25T10:15:00Z') })],
    ['risks list (empty)', riskListCardJson({ projectId: PROJECT_ID, risks: [], filter: 'mine' })],
  ];
}
