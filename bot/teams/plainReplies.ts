import type { Middleware, TurnContext } from 'botbuilder';
import { escapeMarkdown } from '../../cards/markdown';

/**
 * Message text is Markdown in Teams too, and replies quote what people typed (an organisation name, a project list,
 * a refusal naming a team's project). Gateway writes no Markdown of its own, so every outgoing message's text is
 * made plain on its way out, the same way card text is (cards/markdown.ts). Cards are made plain when rendered.
 */
export const plainReplies: Middleware = {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    context.onSendActivities(async (_context, activities, send) => {
      for (const activity of activities) {
        if (activity.type === 'message' && typeof activity.text === 'string') activity.text = escapeMarkdown(activity.text);
      }
      return send();
    });
    await next();
  },
};
