import type { Activity } from 'botbuilder';

/** Teams puts the tenant in `conversation.tenantId` and `channelData.tenant.id`; older clients only the latter. */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  const fromConversation = activity.conversation?.tenantId;
  if (typeof fromConversation === 'string' && fromConversation !== '') return fromConversation;
  const channelData: unknown = activity.channelData;
  if (typeof channelData === 'object' && channelData !== null && 'tenant' in channelData) {
    const tenant: unknown = channelData.tenant;
    if (typeof tenant === 'object' && tenant !== null && 'id' in tenant && typeof tenant.id === 'string') return tenant.id;
  }
  return undefined;
}

/**
 * An empty allow-list admits everyone (local mode); otherwise an activity with no tenant or another tenant is dropped
 * before any state is loaded, so a foreign tenant can neither read nor create records here.
 */
export function isAllowedTenant(activity: Partial<Activity>, allowedTenantIds: readonly string[]): boolean {
  if (allowedTenantIds.length === 0) return true;
  const tenant = tenantOf(activity);
  return tenant !== undefined && allowedTenantIds.includes(tenant);
}
