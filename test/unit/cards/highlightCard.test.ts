import { describe, expect, it } from 'vitest';
import { highlightActivity } from '../../../bot/jobs/highlightPost';
import { highlightCardJson } from '../../../cards/highlightCard';
import { openRisksCardJson } from '../../../cards/openRisksCard';
import { CARD_BUDGET_BYTES, teamsMessageBytes } from '../../../cards/teamsMessageSize';
import { visibleText, type Json } from './cardWalk';
import { sampleHighlight, worstHighlight } from './highlightFixtures';

function findChart(card: unknown): Json | undefined {
  if (Array.isArray(card)) return card.map(findChart).find((c) => c !== undefined);
  if (typeof card !== 'object' || card === null) return undefined;
  const node = card as Json;
  if (node.type === 'Chart.Line') return node;
  return Object.values(node).map(findChart).find((c) => c !== undefined);
}

describe('the highlight card', () => {
  it('when a report is drawn, then it shows the period, the RAG and why, each gateway, the forecast with its workings and the days to cutover', () => {
    const report = sampleHighlight();
    const text = visibleText(highlightCardJson(report));
    expect(text).toContain('Week 11: Mon 9 Mar 2026 to Sun 15 Mar 2026.');
    expect(text).toContain(report.overall.reason);
    expect(text).toContain(report.forecast.headline);
    expect(text).toContain(report.forecast.workings);
    expect(text).toMatch(/Cutover on Thu 28 May 2026: \d+ days to go\./);
    for (const g of report.gateways) expect(text).toContain(`Gateway ${g.stage}: ${g.title}`);
    expect(text).toContain('Archive tool not approved by IG');
  });

  it('when the burn-down is drawn, then it is a Chart.Line of open items against the straight line, with a table fallback of every week', () => {
    const report = sampleHighlight();
    const chart = findChart(highlightCardJson(report));
    const data = chart?.data as { legend: string; values: { x: string; y: unknown }[] }[];
    expect(data.map((d) => d.legend)).toEqual(['Still open', 'Straight line to cutover']);
    expect(data[1]?.values).toHaveLength(report.burnDown.length);
    expect(data[0]?.values.length).toBe(report.burnDown.filter((p) => p.open !== undefined).length);
    expect(typeof data[0]?.values[0]?.y).toBe('number');
    const fallback = chart?.fallback as Json;
    expect(JSON.stringify(fallback)).toContain('open (line');
  });

  it('when it is a draft, then it says so', () => {
    expect(visibleText(highlightCardJson(sampleHighlight(), { draft: true }))).toMatch(/^Draft highlight report: /);
  });
});

describe('the open risks and issues card', () => {
  it('when the log is short, then every open entry is shown, escalated first', () => {
    const text = visibleText(openRisksCardJson(sampleHighlight(), CARD_BUDGET_BYTES));
    expect(text.indexOf('Archive tool not approved by IG')).toBeLessThan(text.indexOf('Shared mailboxes not yet mapped'));
    expect(text).toContain('Two sites still on Outlook 2013');
    expect(text).not.toContain('more open entr');
  });

  it('when 300 long entries are open, then the card keeps to the room it is given and says how many more there are', () => {
    const card = openRisksCardJson(worstHighlight(), 40 * 1024);
    expect(teamsMessageBytes(card)).toBeLessThanOrEqual(40 * 1024);
    expect(visibleText(card)).toMatch(/And \d+ more open entries: type risks to see the whole log\./);
  });

  it('when the worst-case report is posted, then both cards together are within the 80 KB budget', () => {
    const activity = highlightActivity(worstHighlight());
    expect(activity.attachments).toHaveLength(2);
    expect(teamsMessageBytes(activity.attachments?.map((a): unknown => a.content))).toBeLessThan(CARD_BUDGET_BYTES);
  });
});
