import type { GatewayOutcome, ItemStatus, MilestoneKind } from '../bot/migration/gateways/gatewayState';
import type { MigrationMethod, Phasing } from '../bot/migration/gateways/projectSetup';
import type { ProjectRole } from '../bot/migration/gateways/roles';

/**
 * The words cards use for domain values. One table each, so the checklist, the item card and the history all say
 * "Not applicable" the same way, and a status is always shown as a word (colour alone is lost on some screens and
 * to people who cannot tell red from green).
 */

export const STATUS_WORDS: Readonly<Record<ItemStatus, string>> = {
  open: 'Open',
  done: 'Done',
  'not-applicable': 'Not applicable',
  skipped: 'Skipped',
};

/** Adaptive Card text colours; the word carries the meaning, the colour only helps. */
export type CardColour = 'Default' | 'Good' | 'Warning' | 'Attention' | 'Accent';

export const STATUS_COLOURS: Readonly<Record<ItemStatus, CardColour>> = {
  open: 'Default',
  done: 'Good',
  'not-applicable': 'Default',
  skipped: 'Warning',
};

export const ROLE_NAMES: Readonly<Record<ProjectRole, string>> = {
  'project-manager': 'Project manager',
  sro: 'Senior responsible owner',
  'team-member': 'Project team member',
  'local-admin': 'Local administrator',
  staff: 'Staff',
};

/** A role in a sentence: "Tom Evans is now a project team member." */
export const ROLE_PHRASES: Readonly<Record<ProjectRole, string>> = {
  'project-manager': 'a project manager',
  sro: 'the senior responsible owner (SRO)',
  'team-member': 'a project team member',
  'local-admin': 'a local administrator',
  staff: 'staff (they can follow the plan but change nothing)',
};

export const OUTCOME_WORDS: Readonly<Record<GatewayOutcome, string>> = {
  go: 'Go',
  'no-go': 'No-go',
};

export const METHOD_NAMES: Readonly<Record<MigrationMethod, string>> = {
  'self-migration': 'Self-migration (your own team moves the email)',
  'managed-service': 'Managed migration service',
  'third-party': 'A third-party supplier',
};

export const PHASING_NAMES: Readonly<Record<Phasing, string>> = {
  'big-bang': 'Big bang (everyone moves on one day)',
  phased: 'Phased (people move in groups)',
};

export const MILESTONE_NAMES: Readonly<Record<MilestoneKind, string>> = {
  'pipeline-slot': 'Migration pipeline slot',
  'pilot-go-no-go': 'Pilot go / no-go',
  'extra-approval-days': 'Approval of extra new accounts',
  'questionnaire-submitted': 'Discovery questionnaire submitted',
  other: 'Milestone',
};

/** "1 item", "3 items": cards are read quickly, and "1 items" trips the eye. */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "Gateway 4: Migration readiness", the way every card names a gateway. */
export function gatewayHeading(stage: number, title: string): string {
  return `Gateway ${stage}: ${title}`;
}

/** The same words starting a line or a segment: "due today" → "Due today". */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
