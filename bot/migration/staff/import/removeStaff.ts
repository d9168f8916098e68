import type { Actor } from '../../projects/actor';
import type { Clock } from '../../projects/clock';
import type { ProjectRepository } from '../../projects/projectRepository';
import { InvalidState, NotFound, ValidationFailed } from '../../shared/errors';
import { fullName } from '../staffMember';
import type { StaffRepository } from '../staffRepository';
import { loadStaffImportFor } from './importStaffList';
import type { StaffImportStore } from './staffImportStore';

/**
 * Removing people from the staff list: one on request (a data protection request: the record, its history and the
 * link to their Teams identity all go), or everyone a later file no longer lists, once the PM confirms. Only the PM
 * and local administrators may (`import-staff`).
 */
export interface StaffRemovalDeps {
  readonly projects: ProjectRepository;
  readonly staff: Pick<StaffRepository, 'get' | 'remove'>;
  /** Who a record belongs to in Teams, kept beside it (forgotten both ways). */
  readonly links: { remove(projectId: string, localId: string): Promise<boolean> };
  readonly imports: Pick<StaffImportStore, 'get' | 'markMissingRemoved'>;
  readonly clock: Clock;
}

/** Removals in flight at once: each is a few point operations. */
const REMOVE_PARALLEL = 16;

export async function removeStaffMember(deps: StaffRemovalDeps, input: { readonly actor: Actor; readonly projectId: unknown; readonly localId: string }): Promise<{ readonly localId: string; readonly name: string }> {
  const access = await loadStaffImportFor(deps, input.actor, input.projectId);
  const localId = input.localId.trim();
  if (localId === '') throw new ValidationFailed([{ field: 'localId', message: 'Say whose record to remove: remove staff followed by their local ID.' }]);
  const member = await deps.staff.get(access.project.projectId, localId);
  if (!member) throw new NotFound('person on the staff list', localId, 'Check the local ID: it is the first column of the staff file.');
  await deps.links.remove(access.project.projectId, localId);
  await deps.staff.remove(access.project.projectId, localId);
  return { localId, name: fullName(member) };
}

/**
 * Removes the people an import reported as missing from its file, once. People added back since (a later file)
 * are only those still on the list and still not in this file: the import's own list is what the PM saw.
 */
export async function removeMissing(deps: StaffRemovalDeps, input: { readonly actor: Actor; readonly projectId: unknown; readonly importId: string }): Promise<{ readonly removed: number }> {
  const access = await loadStaffImportFor(deps, input.actor, input.projectId);
  const projectId = access.project.projectId;
  const record = await deps.imports.get(projectId, input.importId);
  if (!record?.report) throw new NotFound('staff import', input.importId, 'Send the staff file again to see who is missing.');
  if (record.state !== 'done') throw new InvalidState('That import has not finished, so nobody can be removed from it yet.');
  if (record.missingRemovedAt !== undefined) throw new InvalidState('The people missing from that file were removed already.');
  const queue = [...record.report.missing];
  let removed = 0;
  await Promise.all(
    Array.from({ length: Math.min(REMOVE_PARALLEL, queue.length) }, async () => {
      for (let localId = queue.shift(); localId !== undefined; localId = queue.shift()) {
        await deps.links.remove(projectId, localId);
        if (await deps.staff.remove(projectId, localId)) removed += 1;
      }
    }),
  );
  await deps.imports.markMissingRemoved(projectId, input.importId, deps.clock.now().toISOString());
  return { removed };
}
