import { botInstalledActivity, channelMessage, executeActivity, messageActivity, postActivity, submitActivity, TEST_TENANT } from './activities';
import { visibleText } from './cardText';
import type { ConnectorCall, RosterMember } from './fakeConnector';
import { startGatewayUnderTest } from './gatewayUnderTest';
import type { GatewayUnderTest, GatewayUnderTestOptions } from './gatewayUnderTest';
import type { ProjectForm } from './projectForms';

/** Someone in the tests' Teams tenant: their Teams id and display name. */
export interface Person {
  readonly id: string;
  readonly name: string;
}

/**
 * Puts people on the team's roster, as Teams lists them. Their AAD object id is `aad-` and their Teams id unless given,
 * which is what `messageActivity` sends for them, so the bot matches what they say to who they are.
 */
export function addToRoster(bot: GatewayUnderTest, people: readonly (Person & Partial<RosterMember>)[]): void {
  for (const person of people) {
    bot.connector.addMember({
      id: person.id,
      name: person.name,
      aadObjectId: person.aadObjectId ?? `aad-${person.id}`,
      ...(person.userPrincipalName === undefined ? {} : { userPrincipalName: person.userPrincipalName }),
      ...(person.email === undefined ? {} : { email: person.email }),
    });
  }
}

/** What Teams sends when Gateway is added to a team: the bot joins, in the team's General channel. */
export async function installInTeam(bot: GatewayUnderTest, teamId: string): Promise<void> {
  await postActivity(bot.url, {
    ...botInstalledActivity({ serviceUrl: bot.connector.serviceUrl, conversationType: 'channel', conversationId: teamId, teamId }),
    channelData: { tenant: { id: TEST_TENANT }, eventType: 'teamMemberAdded', team: { id: teamId }, channel: { id: teamId } },
  });
}

export interface ProjectSetUp {
  readonly teamId: string;
  /** Who sets it up, and so becomes its project manager. */
  readonly pm: Person;
  readonly form: ProjectForm;
  /**
   * `form` (the default): asks for the set-up card in the channel, submits it, and confirms only when the card asks
   * to. `confirm`: presses "Create the project" straight away, as on a card that already asked, with no card asked for.
   */
  readonly through?: 'form' | 'confirm';
}

/** Sets up the team's project over HTTP, as its project manager would in the channel; the project's id, or throws. */
export async function setUpProjectInTeam(bot: GatewayUnderTest, setUp: ProjectSetUp): Promise<string> {
  const { teamId, pm, form } = setUp;
  const find = () => bot.gateway.projects.projects.findByTeam(TEST_TENANT, teamId);
  const submit = (verb: string) =>
    postActivity(bot.url, submitActivity({ serviceUrl: bot.connector.serviceUrl, value: { verb, ...form }, teamId, fromId: pm.id, fromName: pm.name }));
  if (setUp.through === 'confirm') await submit('project-setup-confirm');
  else {
    await postActivity(bot.url, channelMessage({ serviceUrl: bot.connector.serviceUrl, text: 'set up project', teamId, fromId: pm.id, fromName: pm.name }));
    await submit('project-setup-submit');
    if ((await find()) === undefined) await submit('project-setup-confirm');
  }
  const project = await find();
  if (!project) throw new Error('set-up did not create the project');
  return project.projectId;
}

/**
 * A new team with Gateway added and its project made by "Create the project", the bot's replies then cleared: for
 * tests of what the bot does later by itself (weekly reports, reminders), each in a team of its own.
 */
export async function newTeamWithProject(bot: GatewayUnderTest, setUp: Omit<ProjectSetUp, 'through'>): Promise<string> {
  await installInTeam(bot, setUp.teamId);
  const projectId = await setUpProjectInTeam(bot, { ...setUp, through: 'confirm' });
  bot.connector.reset();
  return projectId;
}

export interface TeamUnderTestOptions extends ProjectSetUp {
  readonly gateway?: GatewayUnderTestOptions;
  /** Everyone Teams lists on the team, the project manager included. */
  readonly roster: readonly (Person & Partial<RosterMember>)[];
  /** Adds Gateway to the team (its welcome in the channel) before the project is set up. */
  readonly installFirst?: boolean;
}

/** The gateway under test with one team's project set up: the bot, its connector, and the project's id. */
export async function startTeamUnderTest(options: TeamUnderTestOptions): Promise<{ readonly bot: GatewayUnderTest; readonly projectId: string }> {
  const bot = await startGatewayUnderTest(options.gateway);
  addToRoster(bot, options.roster);
  if (options.installFirst === true) await installInTeam(bot, options.teamId);
  const projectId = await setUpProjectInTeam(bot, options);
  return { bot, projectId };
}

type Json = Record<string, unknown>;

/**
 * Turns as people take them in the team's channel and in their personal chats (`a:personal-` and their id unless
 * `personalChat` says otherwise), each answering with what the bot sent for it. `bot` is asked at each turn, so this
 * can be made before `beforeAll` starts the bot.
 */
export function talkInTeam(bot: () => GatewayUnderTest, teamId: string, personalChat = (who: Person) => `a:personal-${who.id}`) {
  const turn = async (activity: Json): Promise<ConnectorCall[]> => {
    const before = bot().connector.calls.length;
    await postActivity(bot().url, activity);
    return bot().connector.postedSince(before);
  };
  return {
    say: (who: Person, text: string) => turn(channelMessage({ serviceUrl: bot().connector.serviceUrl, text, teamId, fromId: who.id, fromName: who.name })),
    sayInChat: (who: Person, text: string) => turn(messageActivity({ serviceUrl: bot().connector.serviceUrl, text, fromId: who.id, fromName: who.name, conversationId: personalChat(who) })),
    /** Presses an Execute button in the channel; the new card (or the refusal line) comes back in the invoke response. */
    press: async (who: Person, verb: string, data: Json): Promise<{ card: Json | undefined; text: string }> => {
      const result = await postActivity(bot().url, executeActivity({ serviceUrl: bot().connector.serviceUrl, fromId: who.id, fromName: who.name, verb, data: { verb, ...data }, teamId }));
      const body = result.body as { type: string; value: unknown };
      if (body.type === 'application/vnd.microsoft.card.adaptive') {
        const card = body.value as Json;
        return { card, text: visibleText({ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] }) };
      }
      return { card: undefined, text: String(body.value) };
    },
  };
}
