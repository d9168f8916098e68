import type { HighlightReport } from '../bot/migration/reports/composeHighlight';
import type { Rag } from '../bot/migration/risks/riskScore';
import type { RiskView } from '../bot/migration/risks/riskView';
import { londonDateOf } from '../bot/migration/reports/londonWeeks';
import { formatUkDate } from '../bot/migration/shared/ukDates';
import type { AdaptiveCardJson } from './adaptiveCardJson';
import { OUTCOME_WORDS, plural, type CardColour } from './labels';
import { defineTemplate, renderCardJson } from './render';
import template from './templates/highlight.json';

/**
 * The PRINCE2 highlight report as one card: the period, overall RAG and why, progress per gateway, what was done and
 * what is next, the top risks, the help needed, the days to cutover and the forecast with its workings, and the
 * burn-down as a `Chart.Line` (Teams draws it; other clients get the same figures as a table, from its `fallback`).
 * Lists are capped so the card keeps within Teams' limit beside the risks card it is posted with.
 */

/** Enough to read in the channel; the rest are on each gateway's checklist and in the risks log. */
export const MAX_COMPLETED_SHOWN = 15;
export const MAX_PLANNED_SHOWN = 10;
export const MAX_HELP_SHOWN = 8;

interface Fact {
  readonly title: string;
  readonly value: string;
}
interface Line {
  readonly text: string;
}
interface Point {
  readonly x: string;
  readonly y: number;
}

interface HighlightTemplateData {
  readonly heading: string;
  readonly periodLine: string;
  readonly ragWord: string;
  readonly ragColour: CardColour;
  readonly ragReason: string;
  readonly cutoverLine: string;
  readonly gateways: readonly Fact[];
  readonly forecastHeadline: string;
  readonly forecastColour: CardColour;
  readonly forecastWorkings: string;
  readonly burnDownOpen: readonly Point[];
  readonly burnDownIdeal: readonly Point[];
  readonly burnDownTable: readonly Fact[];
  readonly completed: readonly Line[];
  readonly completedMore: string;
  readonly planned: readonly Line[];
  readonly plannedMore: string;
  readonly topRisks: readonly (Line & { readonly colour: CardColour })[];
  readonly riskCountsLine: string;
  readonly help: readonly Line[];
  readonly helpMore: string;
  readonly footer: string;
}

const highlightTemplate = defineTemplate<HighlightTemplateData>('highlight', template);

export const RAG_WORDS: Readonly<Record<Rag, string>> = { red: 'Red', amber: 'Amber', green: 'Green' };
export const RAG_COLOURS: Readonly<Record<Rag, CardColour>> = { red: 'Attention', amber: 'Warning', green: 'Good' };

export interface HighlightCardOptions {
  /** "Draft", shown on `highlight` before the week's post; absent on the post itself. */
  readonly draft?: boolean;
  /** A line above everything else, e.g. that last week's report could not be posted and why. */
  readonly notice?: string;
}

export function highlightCardJson(report: HighlightReport, options: HighlightCardOptions = {}): AdaptiveCardJson {
  return renderCardJson(highlightTemplate, highlightData(report, options));
}

function highlightData(report: HighlightReport, options: HighlightCardOptions): HighlightTemplateData {
  const { project } = report;
  const completedLines: Line[] = [
    ...report.completed.decisions.map((d) => ({ text: `Gateway ${d.stage}: ${OUTCOME_WORDS[d.outcome]} by ${d.by.name} on ${formatUkDate(londonDateOf(d.at))}.` })),
    ...report.completed.items.map((i) => ({ text: `Gateway ${i.stage}: ${i.action} (${i.status === 'done' ? 'done' : 'not applicable'}, ${i.by.name})${i.mandatory ? '' : ', optional'}.` })),
    ...report.completed.risksClosed.map((r) => ({ text: `Closed: “${r.entry.title}” (${r.entry.type}).` })),
  ];
  const plannedLines: Line[] = [
    ...report.planned.milestones.map((m) => ({ text: `${formatUkDate(m.date)}: milestone${m.note.trim() === '' ? '' : `, ${m.note}`}.` })),
    ...report.planned.items.map((i) => ({ text: `${formatUkDate(i.due)}: ${i.action} (gateway ${i.stage}${i.owner ? `, ${i.owner.name}` : ', no owner yet'}).` })),
  ];
  const completed = completedLines.slice(0, MAX_COMPLETED_SHOWN);
  const planned = plannedLines.slice(0, MAX_PLANNED_SHOWN);
  const help = report.helpNeeded.slice(0, MAX_HELP_SHOWN);
  const open = report.burnDown.filter((p) => p.open !== undefined);
  const counts = report.riskCounts;
  return {
    heading: `${options.draft === true ? 'Draft highlight report' : 'Highlight report'}: ${project.organisationName} (${project.odsCode})`,
    periodLine: `${options.notice !== undefined ? `${options.notice} ` : ''}Week ${Number(report.weekKey.slice(6))}: ${report.period.label}.`,
    ragWord: `Overall: ${RAG_WORDS[report.overall.rag]}`,
    ragColour: RAG_COLOURS[report.overall.rag],
    ragReason: report.overall.reason,
    cutoverLine: cutoverLine(report.daysToCutover, formatUkDate(report.cutover)),
    gateways: report.gateways.map((g) => ({
      title: `Gateway ${g.stage}: ${g.title}`,
      value: g.passed
        ? 'Passed'
        : `${g.requiredFinished} of ${g.requiredTotal} required items (${g.percentRequiredFinished}%), ${g.finishedThisPeriod >= 0 ? '+' : ''}${g.finishedThisPeriod} this week${g.daysBehind > 0 ? `; ${plural(g.daysBehind, 'day', 'days')} behind plan` : ''}`,
    })),
    forecastHeadline: report.forecast.headline,
    forecastColour: report.forecast.outcome === 'at-risk' ? 'Attention' : report.forecast.outcome === 'too-early' ? 'Default' : 'Good',
    forecastWorkings: report.forecast.workings,
    burnDownOpen: open.map((p) => ({ x: shortDate(p.weekEnding), y: p.open ?? 0 })),
    burnDownIdeal: report.burnDown.map((p) => ({ x: shortDate(p.weekEnding), y: p.ideal })),
    burnDownTable: report.burnDown.map((p) => ({ title: shortDate(p.weekEnding), value: `${p.open === undefined ? '–' : String(p.open)} open (line ${p.ideal})` })),
    completed: completed.length > 0 ? completed : [{ text: 'Nothing was finished this week.' }],
    completedMore: more(completedLines.length - completed.length, 'more finished', 'on the gateways’ checklists'),
    planned: planned.length > 0 ? planned : [{ text: 'Nothing is due next week.' }],
    plannedMore: more(plannedLines.length - planned.length, 'more due', 'on the gateways’ checklists'),
    topRisks: report.topRisks.length > 0 ? report.topRisks.map(riskLine) : [{ text: 'No open risks or issues.', colour: 'Default' }],
    riskCountsLine: `${plural(counts.open, 'open risk or issue', 'open risks and issues')}: ${counts.red} red, ${counts.escalated} escalated, ${plural(counts.reviewsOverdue, 'review', 'reviews')} overdue.`,
    help: help.length > 0 ? help.map((h) => ({ text: h.text })) : [{ text: 'None this week.' }],
    helpMore: more(report.helpNeeded.length - help.length, 'more', 'in the risks log and on the checklists'),
    footer: `Composed ${formatUkDate(report.today)} from the project’s checklists, decisions and risks log.`,
  };
}

export function riskLine(v: RiskView): Line & { readonly colour: CardColour } {
  const flags = [v.entry.escalation.escalated ? 'escalated' : '', v.reviewOverdue ? 'review overdue' : ''].filter((f) => f !== '').join(', ');
  return {
    text: `${RAG_WORDS[v.rag]} ${v.score}: “${v.entry.title}” (${v.entry.type}, ${v.entry.owner.name})${flags === '' ? '' : `, ${flags}`}.`,
    colour: RAG_COLOURS[v.rag],
  };
}

function more(count: number, what: string, where: string): string {
  return count > 0 ? `And ${count} ${what}: see them ${where}.` : '';
}

/** "7 Dec" for a chart axis: the year is in the period line. */
function shortDate(date: string): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'Europe/London' });
}

function cutoverLine(days: number, cutover: string): string {
  if (days > 0) return `Cutover on ${cutover}: ${plural(days, 'day', 'days')} to go.`;
  if (days === 0) return `Cutover is today, ${cutover}.`;
  return `Cutover was on ${cutover}, ${plural(-days, 'day', 'days')} ago.`;
}
