import type { RunningGateway } from '../../bot/runtime';
import { visibleText } from './cardText';
import { ADAPTIVE_CARD, adaptiveCardOf, inConversation } from './playgroundClient';
import type { ActivityPredicate, PlaygroundClient } from './playgroundClient';
import type { ProjectForm } from './projectForms';

/** The bot's reply shows `text`, as Teams shows it (its text, or its card's text blocks and facts). */
const shows =
  (text: string): ActivityPredicate =>
  (activity) =>
    [activity.text ?? '', visibleText({ attachments: [{ contentType: ADAPTIVE_CARD, content: adaptiveCardOf(activity) ?? {} }] })].join('\n').includes(text);

/**
 * What a project manager does first in the Agents Playground: adds Gateway to the team (and sees its welcome), types
 * set up project in the channel and presses "Create the project" on the card with these answers. The project's id;
 * throws if none was made.
 */
export async function setUpProjectInPlayground(gateway: RunningGateway, client: PlaygroundClient, form: ProjectForm, waitMs: number): Promise<string> {
  let marker = client.mark();
  await client.install('team');
  await client.nextReply(marker, shows('Welcome to Gateway'), waitMs);
  marker = client.mark();
  const sent = await client.sendChannel('set up project');
  const card = await client.nextReply(marker, (a) => inConversation(sent.conversationId)(a) && adaptiveCardOf(a) !== undefined, waitMs);
  marker = client.mark();
  await client.submit(card.messageId, { verb: 'project-setup-confirm', ...form });
  await client.nextReply(marker, shows('is set up'), waitMs);
  const project = await gateway.projects.projects.findByTeam(client.context.tenantId, client.context.teamId);
  if (!project) throw new Error('set-up did not create the project');
  return project.projectId;
}
