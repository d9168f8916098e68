import type { DueProject } from '../jobs/ports';
import type { ReferenceKey, ReferenceStore } from './conversationReferences';
import type { ProactiveTarget } from './proactiveSender';
import type { ReportsTarget } from './conversationRef';

export type TargetResolution =
  | { readonly ok: true; readonly target: ProactiveTarget }
  | { readonly ok: false; readonly reason: 'no-target' | 'removed' };

/**
 * Where a project's report goes now: the channel the project names, through its team's freshest reference (Teams
 * may have moved the service URL since set-up). A project from before references were kept falls back to what it
 * stored at set-up. A team the bot was removed from is not posted to (Teams would answer 403); installing the bot
 * again refreshes the reference and the next run posts.
 */
export async function resolveReportsTarget(project: DueProject, references: ReferenceStore, fallbackBotId: string | undefined): Promise<TargetResolution> {
  const parsed = parseReportsTarget(project.reportsTarget);
  if (!parsed) return { ok: false, reason: 'no-target' };
  const key: ReferenceKey = project.teamId !== undefined ? { kind: 'team', teamId: project.teamId } : { kind: 'chat', conversationId: parsed.conversationId };
  const stored = await references.get(project.tenantId, key);
  if (stored && !stored.reachable && stored.unreachableReason === 'removed') return { ok: false, reason: 'removed' };
  const botId = stored?.botId ?? fallbackBotId;
  const serviceUrl = stored?.serviceUrl ?? parsed.serviceUrl;
  if (botId === undefined || botId === '' || serviceUrl === '') return { ok: false, reason: 'no-target' };
  return {
    ok: true,
    target: {
      tenantId: project.tenantId,
      conversationId: parsed.conversationId,
      serviceUrl,
      botId,
      conversationType: key.kind === 'team' ? 'channel' : (stored?.conversationType ?? 'groupChat'),
      referenceKey: key,
    },
  };
}

function parseReportsTarget(raw: string): ReportsTarget | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return undefined;
    const { serviceUrl, conversationId, tenantId } = value as Record<string, unknown>;
    if (typeof serviceUrl !== 'string' || typeof conversationId !== 'string' || conversationId === '') return undefined;
    return { serviceUrl, conversationId, tenantId: typeof tenantId === 'string' ? tenantId : '' };
  } catch {
    return undefined;
  }
}
