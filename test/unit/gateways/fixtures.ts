import { DEFAULT_GATEWAY_CATALOGUE, getStage } from '../../../bot/migration/gateways/catalogue';
import type { StageNumber } from '../../../bot/migration/gateways/catalogueTypes';
import type { GatewayState, ItemState, PersonRef } from '../../../bot/migration/gateways/gatewayState';

/** Shared test data: people, timestamps and item states built the way stored documents look. */
export const catalogue = DEFAULT_GATEWAY_CATALOGUE;

export const priya: PersonRef = { id: 'aad-priya', name: 'Priya Shah' };
export const tom: PersonRef = { id: 'aad-tom', name: 'Tom Evans' };
export const AT = '2026-11-25T14:05:00.000Z';

export function itemState(itemId: string, overrides: Partial<ItemState> = {}): ItemState {
  return {
    itemId,
    status: 'open',
    notes: [],
    evidence: [],
    updatedBy: priya,
    updatedAt: AT,
    version: 1,
    ...overrides,
  };
}

/** Every mandatory item of `stage` done, with evidence where the catalogue asks for it. */
export function mandatoryDone(stage: StageNumber): ItemState[] {
  return getStage(catalogue, stage)
    .items.filter((i) => i.mandatory)
    .map((i) =>
      itemState(i.id, {
        status: 'done',
        evidence: i.evidenceRequired ? [{ url: `https://nhs.sharepoint.com/${i.id}.docx`, by: priya, at: AT }] : [],
      }),
    );
}

export function passed(stage: StageNumber): GatewayState {
  return { stage, decision: { outcome: 'go', by: priya, at: AT, comment: '' }, reopened: [] };
}
