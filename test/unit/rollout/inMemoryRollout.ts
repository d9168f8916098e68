import { ConcurrentModification } from '../../../bot/migration/projects/conflictRetry';
import { NotFound } from '../../../bot/migration/shared/errors';
import { todayInLondon } from '../../../bot/migration/shared/ukDates';
import type { RolloutGroup } from '../../../bot/migration/staff/rolloutGroup';
import { emptyPlan, type IsoMonth, type RegistrationCounts, type RolloutPlan, type RolloutPlanRepository } from '../../../bot/migration/staff/rollout/rolloutPlan';
import type { StaffHistoryEntry, StaffMember } from '../../../bot/migration/staff/staffMember';
import type { RolloutGroupRepository, StaffFilter, StaffRepository } from '../../../bot/migration/staff/staffRepository';

/** Fakes of the staff and roll-out ports for pure unit tests (the Cosmos ones are tested over HTTP). */
export class InMemoryRollout {
  readonly members = new Map<string, StaffMember>();
  readonly history = new Map<string, StaffHistoryEntry[]>();
  readonly groupsById = new Map<string, RolloutGroup>();
  plan: RolloutPlan | undefined;

  private matches(m: StaffMember, projectId: string, f: StaffFilter): boolean {
    return (
      m.projectId === projectId &&
      (f.groupId === undefined || m.groupId === f.groupId) &&
      (f.ungrouped !== true || m.groupId === undefined) &&
      (f.status === undefined || m.status === f.status) &&
      (f.department === undefined || m.department === f.department) &&
      (f.accountType === undefined || m.accountType === f.accountType)
    );
  }

  readonly staff: StaffRepository = {
    get: (projectId, localId) => Promise.resolve([...this.members.values()].find((m) => m.projectId === projectId && m.localId === localId)),
    list: (projectId, query) => {
      const all = [...this.members.values()]
        .filter((m) => this.matches(m, projectId, query.filter))
        .sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName) || a.localId.localeCompare(b.localId));
      const start = query.after === undefined ? 0 : Number(query.after);
      const members = all.slice(start, start + query.limit);
      const next = start + query.limit < all.length ? String(start + query.limit) : undefined;
      return Promise.resolve({ members, ...(next === undefined ? {} : { next }) });
    },
    count: (projectId, filter) => Promise.resolve([...this.members.values()].filter((m) => this.matches(m, projectId, filter)).length),
    tryUpdate: (projectId, localId, decide) => {
      const current = this.members.get(localId);
      if (!current || current.projectId !== projectId) return Promise.reject(new NotFound('person', localId));
      try {
        const change = decide(current);
        if (!change) return Promise.resolve(current);
        this.members.set(localId, change.member);
        this.history.set(localId, [...(this.history.get(localId) ?? []), ...change.history]);
        return Promise.resolve(change.member);
      } catch (err) {
        return Promise.reject(err instanceof Error ? err : new Error(String(err)));
      }
    },
    remove: (_projectId, localId) => Promise.resolve(this.members.delete(localId)),
    removeAll: () => {
      const n = this.members.size;
      this.members.clear();
      return Promise.resolve(n);
    },
  };

  readonly groups: RolloutGroupRepository = {
    all: (projectId) => Promise.resolve([...this.groupsById.values()].filter((g) => g.projectId === projectId)),
    get: (projectId, groupId) => Promise.resolve([...this.groupsById.values()].find((g) => g.projectId === projectId && g.groupId === groupId)),
    create: (group) => {
      if (this.groupsById.has(group.groupId)) return Promise.resolve('exists' as const);
      this.groupsById.set(group.groupId, group);
      return Promise.resolve('created' as const);
    },
    replace: (group, expectedVersion) => {
      if (this.groupsById.get(group.groupId)?.version !== expectedVersion) return Promise.reject(new ConcurrentModification('group'));
      this.groupsById.set(group.groupId, group);
      return Promise.resolve(group);
    },
    remove: (_projectId, groupId) => Promise.resolve(this.groupsById.delete(groupId)),
  };

  readonly plans: RolloutPlanRepository = {
    get: (projectId) => Promise.resolve(this.plan ?? emptyPlan(projectId)),
    tryUpdate: (projectId, decide) => {
      try {
        const current = this.plan ?? emptyPlan(projectId);
        const next = decide(current);
        if (next) this.plan = next;
        return Promise.resolve(next ?? current);
      } catch (err) {
        return Promise.reject(err instanceof Error ? err : new Error(String(err)));
      }
    },
  };

  /** Counts registrations from the history the fakes kept, as the Cosmos store does from its history records. */
  readonly registrations: RegistrationCounts = {
    registeredByMonth: () => {
      const months = new Map<IsoMonth, number>();
      for (const entries of this.history.values()) {
        const first = entries.find((e) => e.field === 'status' && (e.to === 'activated' || e.to === 'migrated'));
        if (first) {
          const month = todayInLondon(new Date(first.at)).slice(0, 7);
          months.set(month, (months.get(month) ?? 0) + 1);
        }
      }
      return Promise.resolve(months);
    },
  };
}

let next = 0;
/** A person on the list, with what a test names. */
export function person(projectId: string, partial: Partial<StaffMember> & { localId?: string } = {}): StaffMember {
  next += 1;
  return {
    projectId,
    localId: partial.localId ?? `E${String(next).padStart(5, '0')}`,
    firstName: 'Alex',
    lastName: `Person${String(next).padStart(5, '0')}`,
    accountType: 'person',
    delegateLocalIds: [],
    status: 'not-started',
    updatedAt: '2026-11-01T09:00:00.000Z',
    version: 1,
    ...partial,
  };
}
