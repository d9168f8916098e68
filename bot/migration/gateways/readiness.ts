import { InvalidState } from '../shared/errors';
import { getStage } from './catalogue';
import type { GatewayCatalogue, StageNumber } from './catalogueTypes';
import { isPassed, type GatewayState, type ItemState, type ItemStatus } from './gatewayState';
import { indexItemStates, isSettled } from './itemStateIndex';

/**
 * What stops a gateway being signed off as a 'go'.
 *
 * Why a list rather than a yes/no: the project manager needs to see exactly
 * what is left, and the same list explains a refused sign-off.
 */
export type SignOffBlocker =
  | { readonly kind: 'mandatory-item-open'; readonly itemId: string; readonly action: string; readonly status: ItemStatus }
  | { readonly kind: 'evidence-missing'; readonly itemId: string; readonly action: string }
  | { readonly kind: 'earlier-gateway-not-passed'; readonly stage: StageNumber; readonly title: string };

/**
 * Blockers for signing off `stage`, in this order: earlier gateways, open
 * mandatory items, missing evidence.
 *
 * Stages that cannot run in parallel (roll-out, post-migration review) need
 * every earlier gateway passed: stages 1 to 4 may overlap, so roll-out must
 * wait for all four, not just the migration readiness gateway.
 */
export function signOffBlockers(
  catalogue: GatewayCatalogue,
  stage: StageNumber,
  items: readonly ItemState[],
  gateways: readonly GatewayState[],
): readonly SignOffBlocker[] {
  const target = getStage(catalogue, stage);
  const blockers: SignOffBlocker[] = [];

  if (!target.canRunInParallel) {
    for (const earlier of catalogue.stages.filter((s) => s.number < stage)) {
      if (!isPassed(gateways.find((g) => g.stage === earlier.number))) {
        blockers.push({ kind: 'earlier-gateway-not-passed', stage: earlier.number, title: earlier.title });
      }
    }
  }

  const index = indexItemStates(items);
  for (const item of target.items.filter((i) => i.mandatory)) {
    const state = index.get(item.id);
    const status = state?.status ?? 'open';
    if (!isSettled(status)) {
      blockers.push({ kind: 'mandatory-item-open', itemId: item.id, action: item.action, status });
    } else if (status === 'done' && item.evidenceRequired === true && (state?.evidence.length ?? 0) === 0) {
      blockers.push({ kind: 'evidence-missing', itemId: item.id, action: item.action });
    }
  }
  return blockers;
}

export function isReadyForSignOff(
  catalogue: GatewayCatalogue,
  stage: StageNumber,
  items: readonly ItemState[],
  gateways: readonly GatewayState[],
): boolean {
  return signOffBlockers(catalogue, stage, items, gateways).length === 0;
}

/** One blocker as a sentence for a card or message. */
export function describeBlocker(blocker: SignOffBlocker): string {
  switch (blocker.kind) {
    case 'earlier-gateway-not-passed':
      return `Gateway ${blocker.stage} (${blocker.title}) needs to be passed first.`;
    case 'mandatory-item-open':
      return blocker.status === 'skipped'
        ? `"${blocker.action}" was skipped, but it is required: complete it or mark it not applicable with a reason.`
        : `"${blocker.action}" is still open.`;
    case 'evidence-missing':
      return `"${blocker.action}" is marked done but needs a link to the document.`;
  }
}

/** A 'go' was refused because the gateway is not ready; carries the blockers so the reply can list them. */
export class SignOffBlocked extends InvalidState {
  readonly blockers: readonly SignOffBlocker[];

  constructor(stage: StageNumber, blockers: readonly SignOffBlocker[]) {
    super(
      `Gateway ${stage} can't be signed off as a go yet. ${blockers.length === 1 ? 'One thing is' : `${blockers.length} things are`} still outstanding:\n${blockers.map((b) => `- ${describeBlocker(b)}`).join('\n')}`,
      'Finish these, or record a no-go with a comment saying what needs to change.',
    );
    this.blockers = Object.freeze([...blockers]);
  }
}
