import { findItem, getStage } from '../gateways/catalogue';
import type { GatewayCatalogue } from '../gateways/catalogueTypes';
import type { RiskLink } from './riskEntry';

/** A link as a person reads it, e.g. "Gateway 1: Review integrated applications". */
export function describeRiskLink(catalogue: GatewayCatalogue, link: RiskLink): string {
  if (link.kind === 'gateway') return `Gateway ${link.stage}: ${getStage(catalogue, link.stage).title}`;
  return `Gateway ${link.stage}: ${findItem(catalogue, link.itemId).item.action}`;
}

/** The value a card's choice carries for a link ('' for none), the one riskInput.ts reads back. */
export function riskLinkValue(link: RiskLink | undefined): string {
  if (!link) return '';
  return link.kind === 'gateway' ? `gateway:${link.stage}` : link.itemId;
}
