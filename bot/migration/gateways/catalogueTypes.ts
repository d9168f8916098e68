import type { ItemOwnerRole } from './roles';

/**
 * Shapes of the gateway catalogue: the six stages of NHS Digital's
 * self-migration guide and the checklist items inside each.
 *
 * Why separate from the data: cards, progress rules and storage all need the
 * shapes, and none of them should have to import the (large) catalogue text.
 */

export const STAGE_IDS = [
  'initial-preparations',
  'initiation',
  'running-the-project',
  'migration-readiness',
  'roll-out',
  'post-migration-review',
] as const;
export type StageId = (typeof STAGE_IDS)[number];

export type StageNumber = 1 | 2 | 3 | 4 | 5 | 6;
export const STAGE_NUMBERS: readonly StageNumber[] = [1, 2, 3, 4, 5, 6];

/** Where an item comes from: a bullet of the guide, or the NHSmail self-migration project plan's task list. */
export type ItemSource = 'guide' | 'project-plan';

export interface CatalogueItem {
  /** Stable: stored progress refers to it, so never rename one. `g<stage>-<words>`. */
  readonly id: string;
  /** What to do, as a short plain-English action. */
  readonly action: string;
  /** Section of the guide it belongs to, e.g. '2' or '4.2'. */
  readonly guideSection: string;
  /** Must be done (or marked not applicable) before the gateway can be signed off. */
  readonly mandatory: boolean;
  /** Who would normally do it. */
  readonly ownerRole: ItemOwnerRole;
  /** Where the guide or plan gives a duration. */
  readonly plannedWorkingDays?: number;
  readonly source: ItemSource;
  /**
   * Distinctive fragments of the guide text this item comes from. The coverage
   * test checks every guide bullet is matched by one of these (or is
   * deliberately omitted), so the catalogue cannot quietly drift from the guide.
   */
  readonly guideRefs: readonly string[];
  /** The guide expects a document; a 'done' needs a link to it before sign-off. */
  readonly evidenceRequired?: boolean;
  /** Caveat shown with the item, e.g. where the 2017 guide may be out of date. */
  readonly note?: string;
}

export interface GatewayStage {
  readonly number: StageNumber;
  readonly id: StageId;
  readonly title: string;
  /** Guide section, e.g. '2' for stage 1 (the guide's section 1 is its introduction). */
  readonly guideSection: string;
  readonly summary: string;
  /** Planned effort for about 5,000 users; null where the guide gives none. */
  readonly plannedWorkingDays: number | null;
  /** Stages 1 to 4 may overlap; 5 and 6 follow in order. */
  readonly canRunInParallel: boolean;
  readonly items: readonly CatalogueItem[];
}

/** A guide bullet deliberately left out of the checklist, and why. */
export interface OmittedGuideBullet {
  /** A distinctive fragment of the bullet's text. */
  readonly guideText: string;
  readonly reason: string;
}

export interface GatewayCatalogue {
  readonly stages: readonly GatewayStage[];
  readonly omitted: readonly OmittedGuideBullet[];
}
