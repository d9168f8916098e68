import { createHash } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import { installedAddresses, type InstalledPeople, type InstalledPerson } from '../../migration/answers/personal/installedPeople';
import { deleteDocument, readDocument } from '../projects/cosmosDocuments';
import { tenantPartition } from '../projects/projectDocuments';
import { STAFF_SCHEMA_VERSION } from './staffDocuments';

export const STAFF_INSTALL_TYPE = 'staff-install';

/**
 * Someone the app was installed for whom no list had yet, once per address the roster gave, in the tenant's
 * partition (`tenant:<tenant id>`) beside the person links. The id is a hash of the address, so an address never
 * appears in a document id (ids turn up in diagnostics) and any character an address may hold is safe.
 */
interface InstalledPersonDocument extends InstalledPerson {
  readonly id: string;
  readonly projectId: string;
  readonly type: typeof STAFF_INSTALL_TYPE;
  readonly schemaVersion: typeof STAFF_SCHEMA_VERSION;
}

const installId = (address: string): string => `staff-install:${createHash('sha256').update(address).digest('hex')}`;

export class CosmosInstalledPeople implements InstalledPeople {
  constructor(private readonly container: Container) {}

  async keep(person: InstalledPerson): Promise<void> {
    for (const address of installedAddresses(person)) {
      const document: InstalledPersonDocument = {
        id: installId(address),
        projectId: tenantPartition(person.tenantId),
        type: STAFF_INSTALL_TYPE,
        schemaVersion: STAFF_SCHEMA_VERSION,
        tenantId: person.tenantId,
        userId: person.userId,
        ...(person.aadObjectId === undefined ? {} : { aadObjectId: person.aadObjectId }),
        identity: person.identity,
        installedAt: person.installedAt,
      };
      await this.container.items.upsert(document);
    }
  }

  async byAddress(tenantId: string, address: string): Promise<InstalledPerson | undefined> {
    const document = await readDocument<InstalledPersonDocument>(this.container, installId(address), tenantPartition(tenantId));
    if (!document || document.tenantId !== tenantId || document.schemaVersion !== STAFF_SCHEMA_VERSION) return undefined;
    return {
      tenantId: document.tenantId,
      userId: document.userId,
      ...(document.aadObjectId === undefined ? {} : { aadObjectId: document.aadObjectId }),
      identity: document.identity,
      installedAt: document.installedAt,
    };
  }

  /** Only the notes that are still this person's: someone else may have installed under a shared address since. */
  async forget(person: InstalledPerson): Promise<void> {
    for (const address of installedAddresses(person)) {
      const stored = await this.byAddress(person.tenantId, address);
      if (stored?.userId === person.userId) await deleteDocument(this.container, installId(address), tenantPartition(person.tenantId));
    }
  }
}
