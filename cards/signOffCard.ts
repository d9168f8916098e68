import type { StageNumber } from '../bot/migration/gateways/catalogueTypes';
import type { GatewayDecision } from '../bot/migration/gateways/gatewayState';
import { describeBlocker } from '../bot/migration/gateways/readiness';
import { DECISION_COMMENT_MAX_LENGTH } from '../bot/migration/gateways/signOff';
import type { Checklist } from '../bot/migration/projects/getChecklist';
import { formatUkDateTime } from '../bot/migration/shared/ukDates';
import type { CardChoice } from './cardChoice';
import { gatewayHeading, plural, type CardColour } from './labels';
import { defineTemplate, renderCardJson } from './render';
import template from './templates/signOff.json';
import { Verbs } from './verbs';
import type { AdaptiveCardJson } from './adaptiveCardJson';

/** Input ids on the sign-off card: `outcome` ("go" | "no-go") and `comment` for gateway-decide, `reason` for gateway-reopen. */
export const SIGN_OFF_INPUTS = {
  outcome: 'outcome',
  comment: 'comment',
  reason: 'reason',
} as const;

export interface SignOffCardExtras {
  /** Shown at the top, e.g. why a go was refused or that someone else decided first. */
  readonly message?: string;
}

/** What `templates/signOff.json` binds. */
interface SignOffTemplateData {
  readonly verbs: typeof Verbs;
  readonly inputs: typeof SIGN_OFF_INPUTS;
  readonly projectId: string;
  readonly stage: StageNumber;
  readonly message: string;
  readonly heading: string;
  readonly passed: boolean;
  readonly decisionLine: string;
  readonly decisionComment: string;
  readonly ready: boolean;
  readonly readinessLine: string;
  readonly readinessColour: CardColour;
  readonly blockers: readonly { readonly text: string }[];
  readonly canSignOff: boolean;
  readonly canDecide: boolean;
  readonly canReopen: boolean;
  readonly outcomeChoices: readonly CardChoice[];
  readonly commentMaxLength: number;
}

const signOffTemplate = defineTemplate<SignOffTemplateData>('signOff', template);

/**
 * Gateway sign-off: whether it is ready and, if not, exactly what is left; then the go / no-go for those who may
 * record one. A go is only offered when nothing blocks it (the domain would refuse it anyway), while a no-go is
 * always offered: saying "not yet" must never be blocked. A passed gateway shows who passed it and can be reopened.
 */
export function signOffCardJson(checklist: Checklist, extras: SignOffCardExtras = {}): AdaptiveCardJson {
  return renderCardJson(signOffTemplate, signOffData(checklist, extras));
}

function signOffData(checklist: Checklist, extras: SignOffCardExtras): SignOffTemplateData {
  const { blockers, passed, canSignOff } = checklist;
  const ready = !passed && blockers.length === 0;
  const decision = checklist.gateway.decision;
  return {
    verbs: Verbs,
    inputs: SIGN_OFF_INPUTS,
    projectId: checklist.projectId,
    stage: checklist.stage,
    message: extras.message ?? '',
    heading: gatewayHeading(checklist.stage, checklist.title),
    passed,
    decisionLine: decision ? decisionLine(decision) : '',
    decisionComment: decision && decision.comment.trim() !== '' ? `Comment: ${decision.comment}` : '',
    ready,
    readinessLine: ready
      ? 'Ready to sign off: every required item is done or not applicable.'
      : `Not ready yet: ${plural(blockers.length, 'thing is', 'things are')} outstanding.`,
    readinessColour: ready ? 'Good' : 'Attention',
    blockers: blockers.map((b) => ({ text: describeBlocker(b) })),
    canSignOff,
    canDecide: canSignOff && !passed,
    // Reopening needs the same roles as signing off (see roles.ts), so one flag serves both.
    canReopen: canSignOff && passed,
    outcomeChoices: [
      ...(ready ? [{ title: 'Go: the gateway is passed', value: 'go' }] : []),
      { title: 'No-go: more work is needed first', value: 'no-go' },
    ],
    commentMaxLength: DECISION_COMMENT_MAX_LENGTH,
  };
}

function decisionLine(decision: GatewayDecision): string {
  const when = formatUkDateTime(decision.at);
  return decision.outcome === 'go'
    ? `Passed: go recorded by ${decision.by.name} on ${when}.`
    : `Last decision: no-go recorded by ${decision.by.name} on ${when}.`;
}
