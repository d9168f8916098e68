import { describe, expect, it } from 'vitest';
import {
  PROJECT_ACTIONS,
  PROJECT_ROLES,
  assertCan,
  can,
  isProjectRole,
  rolesThatCan,
  type ProjectAction,
  type ProjectRole,
} from '../../../bot/migration/gateways/roles';
import { PermissionDenied } from '../../../bot/migration/shared/errors';

const expected: Record<ProjectRole, readonly ProjectAction[]> = {
  'project-manager': PROJECT_ACTIONS,
  sro: ['read', 'update-item', 'sign-off-gateway', 'reopen-gateway', 'record-milestone', 'edit-project', 'read-rollout'],
  'team-member': ['read', 'update-item', 'read-rollout'],
  'local-admin': ['read', 'update-item', 'read-rollout', 'change-rollout', 'set-staff-status', 'import-staff'],
  staff: ['read'],
};

describe('project permissions', () => {
  it.each(PROJECT_ROLES.flatMap((role) => PROJECT_ACTIONS.map((action) => [role, action] as const)))(
    'when a %s tries to %s, then the table decides',
    (role, action) => {
      expect(can(role, action)).toBe(expected[role].includes(action));
    },
  );

  it('when staff try anything but reading, then they are refused', () => {
    expect(PROJECT_ACTIONS.filter((a) => can('staff', a))).toEqual(['read']);
  });

  it('when someone other than the project manager assigns roles, then they are refused', () => {
    expect(rolesThatCan('assign-role')).toEqual(['project-manager']);
  });

  it('when a team member tries to sign off, then PermissionDenied gives a friendly reason', () => {
    let caught: unknown;
    try {
      assertCan('team-member', 'sign-off-gateway');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PermissionDenied);
    expect((caught as PermissionDenied).reason).toBe('Only the project manager or SRO can sign off a gateway.');
    expect((caught as PermissionDenied).code).toBe('permission-denied');
  });

  it('when the role is allowed, then assertCan does not throw', () => {
    expect(() => assertCan('sro', 'reopen-gateway')).not.toThrow();
  });

  it('when checking a role name from outside, then only known roles pass', () => {
    expect(isProjectRole('local-admin')).toBe(true);
    expect(isProjectRole('admin')).toBe(false);
    expect(isProjectRole(undefined)).toBe(false);
  });
});
