import type { SignOffBlocker } from '../bot/migration/gateways/readiness';
import { plural } from './labels';

/**
 * One-line summaries of a gateway, shared by the checklist and the status card so both count the same way.
 */

/** "12 of 17 done or not applicable; 3 required still open". */
export function progressLine(completed: number, total: number, mandatoryOpen: number): string {
  const required = mandatoryOpen === 0 ? 'no required items still open' : `${mandatoryOpen} required still open`;
  return `${completed} of ${total} done or not applicable; ${required}`;
}

/** Counts by kind rather than the full list: the full list is on the sign-off card, and a checklist is long enough already. */
export function blockersSummary(blockers: readonly SignOffBlocker[]): string {
  if (blockers.length === 0) return '';
  const open = blockers.filter((b) => b.kind === 'mandatory-item-open').length;
  const evidence = blockers.filter((b) => b.kind === 'evidence-missing').length;
  const earlier = blockers.flatMap((b) => (b.kind === 'earlier-gateway-not-passed' ? [b.stage] : []));
  const parts = [
    ...(open > 0 ? [`${plural(open, 'required item', 'required items')} still to finish`] : []),
    ...(evidence > 0 ? [`${plural(evidence, 'item needs', 'items need')} a link to the document`] : []),
    ...(earlier.length > 0 ? [`${earlier.length === 1 ? 'gateway' : 'gateways'} ${listOf(earlier.map(String))} to pass first`] : []),
  ];
  return `Before sign-off: ${parts.join('; ')}.`;
}

/**
 * What stops a go, as a short phrase for one row of the status card: "4 required items open, 2 missing evidence,
 * gateways 3 and 4 not passed". A bare "11 things to finish" mixed the three kinds and was read as 11 items.
 */
export function blockersBreakdown(blockers: readonly SignOffBlocker[]): string {
  const open = blockers.filter((b) => b.kind === 'mandatory-item-open').length;
  const evidence = blockers.filter((b) => b.kind === 'evidence-missing').length;
  const earlier = blockers.flatMap((b) => (b.kind === 'earlier-gateway-not-passed' ? [b.stage] : []));
  return [
    ...(open > 0 ? [`${plural(open, 'required item', 'required items')} open`] : []),
    ...(evidence > 0 ? [`${evidence} missing evidence`] : []),
    ...(earlier.length > 0 ? [`${earlier.length === 1 ? 'gateway' : 'gateways'} ${listOf(earlier.map(String))} not passed`] : []),
  ].join(', ');
}

function listOf(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} and ${values[values.length - 1] ?? ''}`;
}
