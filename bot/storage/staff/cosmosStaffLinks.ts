import type { Container } from '@azure/cosmos';
import type { StaffLink, StaffLinkStore } from '../../migration/answers/personal/personalPorts';
import { deleteDocument, readDocument } from '../projects/cosmosDocuments';
import { tenantPartition } from '../projects/projectDocuments';
import { STAFF_SCHEMA_VERSION } from './staffDocuments';

export const STAFF_LINK_TYPE = 'staff-link';
/** The same link from the person's side, in the tenant's partition (`tenant:<tenant id>`), where lookups by a Teams id live. */
export const STAFF_PERSON_LINK_TYPE = 'staff-person-link';

/**
 * Which Teams person a staff record belongs to, in the project's partition beside the record (`staff-link:<local
 * ID>`): written when a person is first matched, read by point read when a job needs to reach them. Kept apart from
 * the record so an import rewriting the record never loses it, and removed with the project's other documents.
 */
interface StaffLinkDocument extends StaffLink {
  readonly id: string;
  readonly type: typeof STAFF_LINK_TYPE;
  readonly schemaVersion: typeof STAFF_SCHEMA_VERSION;
}

export function staffLinkDocumentId(localId: string): string {
  return `staff-link:${localId}`;
}

interface StaffPersonLinkDocument {
  readonly id: string;
  /** `tenant:<tenant id>`: the partition of lookups that start from something other than a project. */
  readonly projectId: string;
  readonly type: typeof STAFF_PERSON_LINK_TYPE;
  readonly schemaVersion: typeof STAFF_SCHEMA_VERSION;
  readonly tenantId: string;
  readonly userId: string;
  readonly targetProjectId: string;
  readonly localId: string;
}

/** Teams user ids are `29:` and url-safe characters; encoded anyway, since an id ends up in a document id. */
const personLinkId = (userId: string): string => `staff-person:${encodeURIComponent(userId)}`;

export class CosmosStaffLinks implements StaffLinkStore {
  constructor(private readonly container: Container) {}

  async get(projectId: string, localId: string): Promise<StaffLink | undefined> {
    const document = await readDocument<StaffLinkDocument>(this.container, staffLinkDocumentId(localId), projectId);
    if (!document) return undefined;
    if (document.schemaVersion !== STAFF_SCHEMA_VERSION) throw new Error(`Staff link has schema version ${String(document.schemaVersion)}`);
    return {
      projectId: document.projectId,
      localId: document.localId,
      tenantId: document.tenantId,
      userId: document.userId,
      ...(document.aadObjectId === undefined ? {} : { aadObjectId: document.aadObjectId }),
      linkedAt: document.linkedAt,
    };
  }

  async recordOf(tenantId: string, userId: string): Promise<{ readonly projectId: string; readonly localId: string } | undefined> {
    const document = await readDocument<StaffPersonLinkDocument>(this.container, personLinkId(userId), tenantPartition(tenantId));
    if (!document || document.tenantId !== tenantId || document.userId !== userId) return undefined;
    return { projectId: document.targetProjectId, localId: document.localId };
  }

  /**
   * Forgets who a record belongs to, both ways (a data protection request, or the person removed from the list).
   * Call it beside `StaffRepository.remove`; false when there was no link.
   */
  async remove(projectId: string, localId: string): Promise<boolean> {
    const link = await this.get(projectId, localId);
    if (link === undefined) return false;
    const person = await this.recordOf(link.tenantId, link.userId);
    if (person?.projectId === projectId && person.localId === localId) await deleteDocument(this.container, personLinkId(link.userId), tenantPartition(link.tenantId));
    await deleteDocument(this.container, staffLinkDocumentId(localId), projectId);
    return true;
  }

  async save(link: StaffLink): Promise<void> {
    const stored = await this.get(link.projectId, link.localId);
    if (stored === undefined || stored.tenantId !== link.tenantId || stored.userId !== link.userId || stored.aadObjectId !== link.aadObjectId) {
      const document: StaffLinkDocument = { ...link, id: staffLinkDocumentId(link.localId), type: STAFF_LINK_TYPE, schemaVersion: STAFF_SCHEMA_VERSION };
      await this.container.items.upsert(document);
    }
    const person = await this.recordOf(link.tenantId, link.userId);
    if (person?.projectId === link.projectId && person.localId === link.localId) return;
    const personDocument: StaffPersonLinkDocument = {
      id: personLinkId(link.userId),
      projectId: tenantPartition(link.tenantId),
      type: STAFF_PERSON_LINK_TYPE,
      schemaVersion: STAFF_SCHEMA_VERSION,
      tenantId: link.tenantId,
      userId: link.userId,
      targetProjectId: link.projectId,
      localId: link.localId,
    };
    await this.container.items.upsert(personDocument);
  }
}
