import { findItem, getStage } from '../gateways/catalogue';
import type { GatewayCatalogue } from '../gateways/catalogueTypes';
import type { RiskLink } from './riskEntry';

/** A link as a person reads it, e.g. "Gateway 1: Review integrated applications". */
export function describeRiskLink(catalogue: GatewayCatalogue, link: RiskLink): string {
  if (link.kind === 'gateway') return `Gateway ${link.stage}: ${getStage(catalogue, link.stage).title}`;
  return `Gateway ${link.stage}: ${findItem(catalogue, link.itemId).item.action}`;
}

/**
 * The choice value for "no link". Not the empty string: the official Adaptive Cards renderer, which Teams' clients
 * use, treats a choice with an empty value as missing, so None could not be chosen.
 */
export const RISK_NO_LINK = 'none';

/** The value a card's choice carries for a link ({@link RISK_NO_LINK} for none), the one riskInput.ts reads back. */
export function riskLinkValue(link: RiskLink | undefined): string {
  if (!link) return RISK_NO_LINK;
  return link.kind === 'gateway' ? `gateway:${link.stage}` : link.itemId;
}
