import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';

/**
 * teams-ai's adapter with its `processActivity` made reachable, so the HTTP endpoint can check the activity and
 * map authentication failures itself instead of going through `process`, which logs whole errors to the console.
 */
export class GatewayAdapter extends TeamsAdapter {
  async handleActivity(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}
