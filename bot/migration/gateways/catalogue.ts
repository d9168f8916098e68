import { NotFound } from '../shared/errors';
import { resolveCatalogueSettings, type CatalogueSettings } from './catalogueSettings';
import type { CatalogueItem, GatewayCatalogue, GatewayStage, StageNumber } from './catalogueTypes';
import { OMITTED_GUIDE_BULLETS } from './omittedGuideBullets';
import { initialPreparationsStage } from './stages/initialPreparations';
import { initiationStage } from './stages/initiation';
import { migrationReadinessStage } from './stages/migrationReadiness';
import { postMigrationReviewStage } from './stages/postMigrationReview';
import { rollOutStage } from './stages/rollOut';
import { runningTheProjectStage } from './stages/runningTheProject';

/**
 * The gateway catalogue: the six stages of NHS Digital's self-migration guide
 * (v5, November 2017) and their checklist items, derived bullet by bullet from
 * sections 2 to 7 plus the project plan's extra tasks.
 *
 * Why built from settings: contact addresses, limits and the co-existence
 * period appear in item wording and may have changed since 2017, so each
 * organisation's catalogue is built from its own settings. The result is
 * frozen: it is reference data, shared between turns.
 */
export function buildGatewayCatalogue(overrides: Partial<CatalogueSettings> = {}): GatewayCatalogue {
  const settings = resolveCatalogueSettings(overrides);
  return deepFreeze({
    stages: [
      initialPreparationsStage(settings),
      initiationStage(settings),
      runningTheProjectStage(settings),
      migrationReadinessStage(settings),
      rollOutStage(),
      postMigrationReviewStage(settings),
    ],
    omitted: OMITTED_GUIDE_BULLETS,
  });
}

/** The catalogue with the guide's own values. */
export const DEFAULT_GATEWAY_CATALOGUE: GatewayCatalogue = buildGatewayCatalogue();

export function getStage(catalogue: GatewayCatalogue, stage: StageNumber): GatewayStage {
  const found = catalogue.stages.find((s) => s.number === stage);
  if (!found) throw new NotFound('gateway', String(stage));
  return found;
}

/** Every item of every stage, in catalogue order. */
export function allItems(catalogue: GatewayCatalogue): readonly CatalogueItem[] {
  return catalogue.stages.flatMap((s) => s.items);
}

/** The item and the stage it sits in; throws {@link NotFound} for an unknown id. */
export function findItem(catalogue: GatewayCatalogue, itemId: string): { item: CatalogueItem; stage: GatewayStage } {
  for (const stage of catalogue.stages) {
    const item = stage.items.find((i) => i.id === itemId);
    if (item) return { item, stage };
  }
  throw new NotFound('checklist item', itemId, 'The checklist may have changed: refresh it and try again.');
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
