import type { Container } from '@azure/cosmos';
import type { StaffDirectory } from '../../migration/answers/personal/personalPorts';
import type { StaffMember } from '../../migration/staff/staffMember';
import { queryPartition } from '../projects/cosmosDocuments';
import { assertStaffSchema, foldForSort, STAFF_MEMBER_TYPE, type StaffDocument } from './staffDocuments';

/** Which tenant a project belongs to (a point read of the project), so a match never crosses tenants. */
export type TenantOfProject = (projectId: string) => Promise<string | undefined>;

/** The most records one address can bring back: anything more is a broken list, and the match is ambiguous anyway. */
const MAX_CANDIDATES = 20;

/**
 * Finding people on the staff lists by address or name, on the staff documents' top-level `currentEmail`,
 * `nhsmailAddress` and `sortKey` (see staffDocuments.ts).
 *
 * Why the address search crosses partitions: on a person's first question nothing yet says which project's list
 * they are on. It runs once per person (the match is then remembered), and every candidate's project is checked to
 * be in the asker's tenant before it counts.
 */
export class CosmosStaffDirectory implements StaffDirectory {
  constructor(
    private readonly container: Container,
    private readonly tenantOf: TenantOfProject,
  ) {}

  async findByAddresses(tenantId: string, addresses: readonly string[]): Promise<readonly StaffMember[]> {
    const wanted = [...new Set(addresses.map((a) => a.trim().toLowerCase()).filter((a) => a !== ''))];
    if (wanted.length === 0) return [];
    const { resources } = await this.container.items
      .query<Pick<StaffDocument, 'id' | 'schemaVersion' | 'member'>>({
        query: `SELECT TOP ${MAX_CANDIDATES} c.id, c.schemaVersion, c.member FROM c WHERE c.type = @type AND (ARRAY_CONTAINS(@addresses, c.currentEmail) OR ARRAY_CONTAINS(@addresses, c.nhsmailAddress))`,
        parameters: [
          { name: '@type', value: STAFF_MEMBER_TYPE },
          { name: '@addresses', value: wanted },
        ],
      })
      .fetchAll();
    const tenants = new Map<string, Promise<string | undefined>>();
    const members = resources.map((doc) => (assertStaffSchema(doc), doc.member));
    const inTenant = await Promise.all(
      members.map(async (member) => {
        let tenant = tenants.get(member.projectId);
        if (tenant === undefined) tenants.set(member.projectId, (tenant = this.tenantOf(member.projectId)));
        return (await tenant) === tenantId;
      }),
    );
    return members.filter((_m, i) => inTenant[i] === true);
  }

  async search(projectId: string, who: string, limit: number): Promise<readonly StaffMember[]> {
    const text = who.trim();
    const top = Math.max(1, Math.min(50, Math.floor(limit)));
    if (text.includes('@')) {
      const address = text.toLowerCase();
      const rows = await queryPartition<Pick<StaffDocument, 'id' | 'schemaVersion' | 'member'>>(
        this.container,
        projectId,
        `TOP ${top} c.id, c.schemaVersion, c.member`,
        'c.type = @type AND (c.currentEmail = @address OR c.nhsmailAddress = @address)',
        [
          { name: '@type', value: STAFF_MEMBER_TYPE },
          { name: '@address', value: address },
        ],
      );
      return rows.map((doc) => (assertStaffSchema(doc), doc.member));
    }
    // Every word of the name must appear in the sort key (last name, first name, local ID), in any order.
    const words = foldForSort(text).split(' ').filter((w) => w !== '').slice(0, 4);
    if (words.length === 0) return [];
    const { resources: rows } = await this.container.items
      .query<Pick<StaffDocument, 'id' | 'schemaVersion' | 'member' | 'sortKey'>>(
        {
          query: `SELECT TOP ${top} c.id, c.schemaVersion, c.member, c.sortKey FROM c WHERE c.projectId = @partition AND c.type = @type AND ${words.map((_w, i) => `CONTAINS(c.sortKey, @w${i})`).join(' AND ')} ORDER BY c.sortKey`,
          parameters: [{ name: '@partition', value: projectId }, { name: '@type', value: STAFF_MEMBER_TYPE }, ...words.map((w, i) => ({ name: `@w${i}`, value: w }))],
        },
        { partitionKey: projectId },
      )
      .fetchAll();
    return rows.map((doc) => (assertStaffSchema(doc), doc.member));
  }
}
