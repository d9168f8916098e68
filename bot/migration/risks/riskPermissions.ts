import type { ProjectRole } from '../gateways/roles';
import { PermissionDenied } from '../shared/errors';

/**
 * Who may do what with the risks and issues log, as a table in the style of
 * gateways/roles.ts (which holds the checklist's table).
 *
 * Why staff may not even read it: the log can hold sensitive matters (a
 * supplier dispute, a person's conduct, an information governance breach),
 * while staff may read the rest of the plan.
 */

export const RISK_ACTIONS = ['read-risks', 'add-risk', 'edit-risk', 'close-risk', 'reopen-risk', 'escalate-risk'] as const;
export type RiskAction = (typeof RISK_ACTIONS)[number];

const TEAM: readonly ProjectRole[] = ['project-manager', 'sro', 'team-member', 'local-admin'];
const LEADS: readonly ProjectRole[] = ['project-manager', 'sro'];

const PERMISSIONS: Readonly<Record<RiskAction, { readonly allowed: readonly ProjectRole[]; readonly reason: string }>> = {
  'read-risks': { allowed: TEAM, reason: 'Only the project team can see the risks and issues log.' },
  'add-risk': { allowed: TEAM, reason: 'Only members of the project team can add to the risks and issues log.' },
  'edit-risk': { allowed: TEAM, reason: 'Only members of the project team can edit the risks and issues log.' },
  'close-risk': { allowed: LEADS, reason: 'Only the project manager or SRO can close a risk or issue.' },
  'reopen-risk': { allowed: LEADS, reason: 'Only the project manager or SRO can reopen a risk or issue.' },
  'escalate-risk': { allowed: LEADS, reason: 'Only the project manager or SRO can escalate a risk or issue, or take it back.' },
};

export function canOnRisks(role: ProjectRole, action: RiskAction): boolean {
  return PERMISSIONS[action].allowed.includes(role);
}

/** Throws {@link PermissionDenied} with a reason that says who can. */
export function assertCanOnRisks(role: ProjectRole, action: RiskAction): void {
  if (!canOnRisks(role, action)) {
    throw new PermissionDenied(PERMISSIONS[action].reason, 'Ask your project manager if you think you should have access.');
  }
}
