import type { TurnContext } from 'botbuilder';
import type { Logger } from '../log';
import { linkOnInstall, type InstallLinkDeps } from '../migration/answers/personal/installedPeople';
import { tenantOf } from '../security/tenantGuard';
import type { GatewayTurnState } from '../state';
import { memberIdentityOf } from '../teams/memberIdentity';

export interface InstallLinkRouteDeps {
  readonly links: InstallLinkDeps;
  readonly logger: Logger;
}

/**
 * After the welcome to a personal install: who the person is on the staff list, so the cutover reminders reach
 * people who never write to Gateway (an administrator installs it for everyone). Never fails the turn and never
 * holds up the welcome, which has already gone: a roster that will not answer (403, 404, 5xx) or a store that
 * fails leaves nothing written, and the person's first question tries again. Logs carry the outcome only.
 */
export async function linkPersonalInstall(deps: InstallLinkRouteDeps, context: TurnContext, state: GatewayTurnState): Promise<void> {
  const log = deps.logger.child({ module: 'install-link' });
  const tenantId = tenantOf(context.activity);
  const { id: userId, aadObjectId } = context.activity.from;
  if (tenantId === undefined || userId === '') return;
  try {
    const result = await linkOnInstall(deps.links, { tenantId, userId, ...(aadObjectId === undefined || aadObjectId === '' ? {} : { aadObjectId }) }, () => memberIdentityOf(context));
    if (result.kind === 'linked') state.user.staffRecord = result.remember;
    log.info({ outcome: result.kind }, 'personal install matched against the staff lists');
  } catch (err: unknown) {
    log.warn({ err: err instanceof Error ? err.name : typeof err }, 'personal install not matched: the person is matched when they next ask');
  }
}
