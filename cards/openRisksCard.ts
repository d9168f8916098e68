import type { HighlightReport } from '../bot/migration/reports/composeHighlight';
import { formatUkDate } from '../bot/migration/shared/ukDates';
import type { AdaptiveCardJson } from './adaptiveCardJson';
import { riskLine } from './highlightCard';
import { plural, type CardColour } from './labels';
import { defineTemplate, renderCardJson } from './render';
import { teamsMessageBytes } from './teamsMessageSize';
import template from './templates/openRisks.json';

/**
 * The open risks and issues that go out with the weekly highlight, as the guide pairs the two: escalated first, then
 * the most serious, as many as fit in `budgetBytes` (the post's room left beside the highlight card); the rest, and
 * the closed entries, are in the full log one button away.
 */

interface Row {
  readonly text: string;
  readonly colour: CardColour;
  readonly detail: string;
}

interface OpenRisksTemplateData {
  readonly heading: string;
  readonly summaryLine: string;
  readonly rows: readonly Row[];
  readonly moreLine: string;
}

const openRisksTemplate = defineTemplate<OpenRisksTemplateData>('openRisks', template);

/** The start of each mitigation; the whole of it is on the entry's own card. */
const MITIGATION_SHOWN = 160;

function shortened(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1).trimEnd()}…`;
}

/** Drawn first at this many rows, then fewer until the card fits its budget. */
export const MAX_RISKS_SHOWN = 40;

export function openRisksCardJson(report: HighlightReport, budgetBytes: number): AdaptiveCardJson {
  const rows = report.openRisks.map((v): Row => ({
    ...riskLine(v),
    detail: `Review by ${formatUkDate(v.entry.reviewDate)}.${v.entry.mitigation.trim() === '' ? '' : ` Mitigation: ${shortened(v.entry.mitigation, MITIGATION_SHOWN)}`}`,
  }));
  let shown = Math.min(rows.length, MAX_RISKS_SHOWN);
  for (;;) {
    const hidden = rows.length - shown;
    const card = renderCardJson(openRisksTemplate, {
      heading: `Risks and issues: ${report.project.organisationName}`,
      summaryLine:
        rows.length === 0
          ? 'No open risks or issues this week.'
          : `${plural(rows.length, 'open entry', 'open entries')}, escalated and red first${hidden > 0 ? `; the first ${shown} are shown` : ''}.`,
      rows: rows.slice(0, shown),
      moreLine: hidden > 0 ? `And ${plural(hidden, 'more open entry', 'more open entries')}: type risks to see the whole log.` : '',
    });
    if (shown === 0 || teamsMessageBytes(card) <= budgetBytes) return card;
    // Cut in proportion to the overshoot, at least one row, so a long log takes a couple of renders, not forty.
    const over = teamsMessageBytes(card) / budgetBytes;
    shown = Math.max(0, Math.min(shown - 1, Math.floor(shown / over)));
  }
}
