import { PermissionDenied } from '../shared/errors';

/**
 * Project roles and what each may do.
 *
 * Why a table: the permissions are a policy people will ask about ("why can't
 * I sign this off?"), so they live in one readable place rather than in `if`s
 * scattered through use cases, and every refusal comes with a reason that says
 * who *can* do it.
 */

/** Everyone the assistant knows in a project. `staff` are the people being migrated. */
export const PROJECT_ROLES = ['project-manager', 'sro', 'team-member', 'local-admin', 'staff'] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];

/** Roles that can own a checklist item: staff being migrated never own project work. */
export type ItemOwnerRole = Exclude<ProjectRole, 'staff'>;

export const PROJECT_ACTIONS = [
  'read',
  'update-item',
  'assign-role',
  'sign-off-gateway',
  'reopen-gateway',
  'record-milestone',
  'edit-project',
  'read-rollout',
  'change-rollout',
  'set-staff-status',
  'import-staff',
  'delete-project',
] as const;
export type ProjectAction = (typeof PROJECT_ACTIONS)[number];

interface Permission {
  readonly allowed: readonly ProjectRole[];
  /** Shown when someone else tries. */
  readonly reason: string;
}

const PERMISSIONS: Readonly<Record<ProjectAction, Permission>> = {
  read: {
    allowed: PROJECT_ROLES,
    reason: 'Everyone in the project can see its progress.',
  },
  'update-item': {
    allowed: ['project-manager', 'sro', 'team-member', 'local-admin'],
    reason: 'Only members of the project team can update checklist items.',
  },
  'assign-role': {
    allowed: ['project-manager'],
    reason: 'Only the project manager can assign project roles.',
  },
  'sign-off-gateway': {
    allowed: ['project-manager', 'sro'],
    reason: 'Only the project manager or SRO can sign off a gateway.',
  },
  'reopen-gateway': {
    allowed: ['project-manager', 'sro'],
    reason: 'Only the project manager or SRO can reopen a gateway.',
  },
  'record-milestone': {
    allowed: ['project-manager', 'sro'],
    reason: 'Only the project manager or SRO can record a milestone.',
  },
  'edit-project': {
    allowed: ['project-manager', 'sro'],
    reason: 'Only the project manager or SRO can change the project details.',
  },
  'read-rollout': {
    allowed: ['project-manager', 'sro', 'team-member', 'local-admin'],
    reason: 'The roll-out plan and the staff list are for the project team only.',
  },
  'change-rollout': {
    allowed: ['project-manager', 'local-admin'],
    reason: 'Only the project manager or a local administrator can change the roll-out groups.',
  },
  'set-staff-status': {
    allowed: ['project-manager', 'local-admin'],
    reason: "Only the project manager or a local administrator can set people's migration status.",
  },
  'import-staff': {
    allowed: ['project-manager', 'local-admin'],
    reason: 'Only the project manager or a local administrator can import or change the staff list.',
  },
  'delete-project': {
    allowed: ['project-manager'],
    reason: 'Only the project manager can delete the project.',
  },
};

/** Whether someone in `role` may do `action`. */
export function can(role: ProjectRole, action: ProjectAction): boolean {
  return PERMISSIONS[action].allowed.includes(role);
}

/** Throws {@link PermissionDenied} with a friendly reason when `role` may not do `action`. */
export function assertCan(role: ProjectRole, action: ProjectAction): void {
  if (!can(role, action)) {
    throw new PermissionDenied(PERMISSIONS[action].reason, 'Ask your project manager if you think you should have access.');
  }
}

/** Roles allowed to do `action`, e.g. to tell people who to ask. */
export function rolesThatCan(action: ProjectAction): readonly ProjectRole[] {
  return PERMISSIONS[action].allowed;
}

export function isProjectRole(value: unknown): value is ProjectRole {
  return typeof value === 'string' && (PROJECT_ROLES as readonly string[]).includes(value);
}
