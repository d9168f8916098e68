import type { Container } from '@azure/cosmos';
import type { StaffLink, StaffLinkStore } from '../../migration/answers/personal/personalPorts';
import { readDocument } from '../projects/cosmosDocuments';
import { STAFF_SCHEMA_VERSION } from './staffDocuments';

export const STAFF_LINK_TYPE = 'staff-link';

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

  async save(link: StaffLink): Promise<void> {
    const stored = await this.get(link.projectId, link.localId);
    if (stored !== undefined && stored.tenantId === link.tenantId && stored.userId === link.userId && stored.aadObjectId === link.aadObjectId) return;
    const document: StaffLinkDocument = { ...link, id: staffLinkDocumentId(link.localId), type: STAFF_LINK_TYPE, schemaVersion: STAFF_SCHEMA_VERSION };
    await this.container.items.upsert(document);
  }
}
