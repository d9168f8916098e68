import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_GATEWAY_CATALOGUE } from '../../bot/migration/gateways/catalogue';
import type { Actor } from '../../bot/migration/projects/actor';
import { assignRole } from '../../bot/migration/projects/assignRole';
import { setUpProject } from '../../bot/migration/projects/setUpProject';
import { CosmosQuestionnaireRepository } from '../../bot/storage/questionnaire/cosmosQuestionnaireRepository';
import { executeActivity, postActivity, TEST_TENANT } from '../harness/activities';
import { startGatewayUnderTest } from '../harness/gatewayUnderTest';
import type { GatewayUnderTest } from '../harness/gatewayUnderTest';
import { elementsOf } from '../harness/cardSearch';
import { projectForm } from '../harness/projectForms';

/**
 * Many people of one project team saving at the same moment, each from their own chat, over real HTTP: the turn
 * queue keeps different chats apart, so only the project's stored documents are shared between them.
 */

type Json = Record<string, unknown>;
interface InvokeBody {
  readonly type: string;
  readonly value: unknown;
}

const CARD = 'application/vnd.microsoft.card.adaptive';

const form = projectForm();

const itemsOf = (stage: number): readonly string[] => DEFAULT_GATEWAY_CATALOGUE.stages.find((s) => s.number === stage)!.items.map((i) => i.id);

/** Setting up a team of 50 and answering 50 presses is slow on a busy two-core machine; this is a guard, not a timing. */
const GENEROUS = 90_000;

describe('many people saving at once', () => {
  let bot: GatewayUnderTest;
  let teams = 0;

  beforeAll(async () => {
    bot = await startGatewayUnderTest();
  });
  afterAll(async () => {
    await bot.close();
  });

  /** A new project (its own team) with a project manager and `size` team members. */
  async function projectWithTeam(size: number): Promise<{ projectId: string; people: readonly Actor[] }> {
    teams += 1;
    const pm: Actor = { tenantId: TEST_TENANT, userId: `29:pm-${teams}`, name: 'Priya Shah' };
    const { project } = await setUpProject(bot.gateway.projects, { actor: pm, teamId: `19:many-${teams}@thread.tacv2`, form });
    const people = Array.from({ length: size }, (_, i): Actor => ({ tenantId: TEST_TENANT, userId: `29:member-${teams}-${i}`, name: `Member ${i}` }));
    for (const person of people) {
      await assignRole(bot.gateway.projects, { actor: pm, projectId: project.projectId, member: { userId: person.userId, name: person.name }, role: 'team-member' });
    }
    return { projectId: project.projectId, people };
  }

  /** A card button pressed by `who` in their own personal chat with the bot. */
  async function press(who: Actor, verb: string, data: Json): Promise<InvokeBody> {
    const activity = executeActivity({ serviceUrl: bot.connector.serviceUrl, fromId: who.userId, fromName: who.name, verb, data, conversationId: `a:chat-${who.userId}` });
    const result = await postActivity(bot.url, activity);
    expect(result.status).toBe(200);
    return result.body as InvokeBody;
  }

  async function pressDoneAtOnce(size: number, items: readonly (readonly [stage: number, itemId: string])[]): Promise<void> {
    const { projectId, people } = await projectWithTeam(size);
    const replies = await Promise.all(
      people.map((who, i) => press(who, 'item-done', { projectId, stage: items[i]![0], itemId: items[i]![1], expectedVersion: 0 })),
    );

    // Everyone got the refreshed checklist back, nobody a refusal.
    expect(replies.filter((r) => r.type !== CARD).map((r) => r.value)).toEqual([]);
    for (const [i, who] of people.entries()) {
      const [stage, itemId] = items[i]!;
      const item = (await bot.gateway.projects.gateways.get(projectId, stage as 1)).items.find((s) => s.itemId === itemId);
      expect(item, itemId).toMatchObject({ status: 'done', version: 1, updatedBy: { id: who.userId } });
    }
    const stages = [...new Set(items.map(([stage]) => stage))];
    const history = (await Promise.all(stages.map((stage) => bot.gateway.projects.gateways.history(projectId, stage as 1)))).flat();
    expect(history.filter((e) => e.kind === 'item-changed')).toHaveLength(size);
  }

  it('when 20 team members press Done on 20 different items of one gateway at the same moment, each in their own chat, then all 20 land', async () => {
    await pressDoneAtOnce(
      20,
      itemsOf(4).slice(0, 20).map((id) => [4, id] as const),
    );
  }, GENEROUS);

  it('when 50 team members press Done on 50 different items at the same moment, each in their own chat, then all 50 land', async () => {
    // No gateway has 50 items: gateway 4's 34 and 16 of gateway 3's.
    await pressDoneAtOnce(50, [...itemsOf(4).map((id) => [4, id] as const), ...itemsOf(3).slice(0, 16).map((id) => [3, id] as const)]);
  }, GENEROUS);

  it('when two people change the same item at the same moment from the same version, then exactly one lands and the other is told someone else updated it', async () => {
    const { projectId, people } = await projectWithTeam(2);
    const itemId = itemsOf(2)[0]!;
    const replies = await Promise.all(people.map((who) => press(who, 'item-done', { projectId, stage: 2, itemId, expectedVersion: 0 })));

    // The one refused gets the checklist as it now stands, headed by why; the other gets it without.
    const refused = replies.map((r) => JSON.stringify(r).includes('Someone else updated this item'));
    expect(refused.filter(Boolean)).toHaveLength(1);
    expect(replies.every((r) => r.type === CARD)).toBe(true);
    const winner = people[refused.indexOf(false)]!;
    const item = (await bot.gateway.projects.gateways.get(projectId, 2)).items.find((s) => s.itemId === itemId);
    expect(item).toMatchObject({ status: 'done', version: 1, updatedBy: { id: winner.userId } });
    expect((await bot.gateway.projects.gateways.history(projectId, 2)).filter((e) => e.kind === 'item-changed')).toHaveLength(1);
  });

  /** Question id, section id, what is typed: several questions of one section, and other sections. */
  const ANSWERS: readonly (readonly [questionId: string, sectionId: string, value: string])[] = [
    ['org-name', 'organisation-and-contacts', 'Ysbyty Example NHS Trust'],
    ['org-ods-code', 'organisation-and-contacts', 'RYX'],
    ['org-project-manager-name', 'organisation-and-contacts', 'Priya Shah'],
    ['org-technical-lead-name', 'organisation-and-contacts', 'Tom Evans'],
    ['org-senior-approval', 'organisation-and-contacts', 'yes'],
    ['org-business-case', 'organisation-and-contacts', 'no'],
    ['users-existing', 'users-and-accounts', '4200'],
    ['shared-calendars', 'shared-resources', '12'],
    ['mailbox-largest-gb', 'mailbox-sizes', '52'],
    ['mobile-users', 'mobile-devices', '800'],
    ['legacy-detail', 'legacy-data', 'PST files on the shared drive'],
    ['method-groups', 'migration-method-and-phasing', 'Wards first, then corporate teams'],
  ];

  async function saveAtOnce(answers: typeof ANSWERS): Promise<void> {
    const { projectId, people } = await projectWithTeam(answers.length);
    // Everyone opens their section first, so every card carries the same (empty) edit base, as when people start together.
    const saveData = new Map<string, Json>();
    for (const sectionId of new Set(answers.map(([, s]) => s))) {
      const opened = await press(people[0]!, 'questionnaire-section', { projectId, sectionId });
      expect(opened.type).toBe(CARD);
      saveData.set(sectionId, saveButtonData(opened.value));
    }

    const replies = await Promise.all(answers.map(([questionId, sectionId, value], i) => press(people[i]!, 'questionnaire-save', { ...saveData.get(sectionId), [questionId]: value })));

    expect(replies.filter((r) => r.type !== CARD).map((r) => r.value)).toEqual([]);
    for (const reply of replies) expect(JSON.stringify(reply.value)).toContain('Saved 1 answer.');
    const record = await new CosmosQuestionnaireRepository(bot.gateway.storage.containers.projects).get(projectId);
    for (const [i, [questionId]] of answers.entries()) {
      expect(record.answers[questionId], questionId).toMatchObject({ answeredBy: { id: people[i]!.userId } });
    }
  }

  it('when six people save different questions of one section at the same moment, then all six answers are kept', async () => {
    await saveAtOnce(ANSWERS.slice(0, 6));
  }, GENEROUS);

  it('when twelve people save questions across several sections at the same moment, then all twelve answers are kept', async () => {
    await saveAtOnce(ANSWERS);
  }, GENEROUS);
});

/** The data of a section card's Save button (verb, project, section and the edit base). */
function saveButtonData(card: unknown): Json {
  const [save] = elementsOf(card, (element) => element.title === 'Save' && typeof element.type === 'string' && element.type.startsWith('Action.'));
  if (!save) throw new Error('no Save button on the section card');
  return save.data as Json;
}
