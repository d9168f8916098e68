import { Verbs } from '../../cards/verbs';
import { DEFAULT_GATEWAY_CATALOGUE } from '../../bot/migration/gateways/catalogue';
import type { Actor } from '../../bot/migration/projects/actor';
import { assignRole } from '../../bot/migration/projects/assignRole';
import { setUpProject } from '../../bot/migration/projects/setUpProject';
import { updateChecklistItem } from '../../bot/migration/projects/updateChecklistItem';
import type { RunningGateway } from '../../bot/runtime';
import { channelMessage, executeActivity, TEST_TENANT } from '../harness/activities';
import { summarise, type Target } from './load';

/**
 * The turns people make, as Teams sends them, each a real change or a real read: pressing Done on an untouched item
 * (one write, then the refreshed checklist card), typing `status` in the team channel, and saving an answer in a
 * questionnaire section (one write, then the section card, whose edit base the next save carries). Every client is
 * its own person in their own chat, so the turn queue never serialises them: only the project's documents are shared.
 */

const CARD = 'application/vnd.microsoft.card.adaptive';
const PM: Actor = { tenantId: TEST_TENANT, userId: '29:bench-pm', name: 'Bench PM' };
const FORM = {
  organisationName: 'Bench NHS Trust',
  odsCode: 'RBX',
  migrationMethod: 'self-migration',
  approximateUsers: '5000',
  newAccounts: '100',
  phasing: 'phased',
  plannedStart: '2026-12-01',
  cutover: '2027-06-30',
};

const ALL_ITEMS: readonly (readonly [stage: number, itemId: string])[] = DEFAULT_GATEWAY_CATALOGUE.stages.flatMap((s) => s.items.map((i) => [s.number, i.id] as const));

let teams = 0;

export function member(i: number): Actor {
  return { tenantId: TEST_TENANT, userId: `29:bench-member-${i}`, name: `Member ${i}` };
}

/** A new project with its own team, the bench PM and `size` team members (member(0) … member(size - 1)). */
export async function benchProject(gateway: RunningGateway, size: number): Promise<{ projectId: string; teamId: string }> {
  teams += 1;
  const teamId = `19:bench-${teams}@thread.tacv2`;
  const { project } = await setUpProject(gateway.projects, { actor: PM, teamId, form: FORM });
  for (let i = 0; i < size; i++) {
    const { userId, name } = member(i);
    await assignRole(gateway.projects, { actor: PM, projectId: project.projectId, member: { userId, name }, role: 'team-member' });
  }
  return { projectId: project.projectId, teamId };
}

function invoke(serviceUrl: string, who: Actor, verb: string, data: Record<string, unknown>): string {
  return JSON.stringify(executeActivity({ serviceUrl, fromId: who.userId, fromName: who.name, verb, data, conversationId: `a:bench-chat-${who.userId}` }));
}

function isCard(status: number, body: string): boolean {
  if (status !== 200) return false;
  try {
    return (JSON.parse(body) as { type?: unknown }).type === CARD;
  } catch {
    return false;
  }
}

/** Every turn presses Done on an item nobody has touched yet (counted across runs), over enough projects for `turns` presses. */
export async function pressDoneTurns(gateway: RunningGateway, serviceUrl: string, turns: number, clients: number): Promise<Target> {
  const projects: string[] = [];
  for (let p = 0; p * ALL_ITEMS.length < turns; p++) projects.push((await benchProject(gateway, clients)).projectId);
  let pressed = 0;
  return {
    name: 'press Done',
    url: gateway.url,
    body: (_turn, client) => {
      const i = pressed++;
      const projectId = projects[Math.floor(i / ALL_ITEMS.length)];
      const [stage, itemId] = ALL_ITEMS[i % ALL_ITEMS.length]!;
      if (projectId === undefined) throw new Error(`no untouched item left for press ${i}`);
      return invoke(serviceUrl, member(client % clients), Verbs.itemDone, { projectId, stage, itemId, expectedVersion: 0 });
    },
    accept: isCard,
  };
}

/** `status` typed in the team channel, each person in their own thread, on a project whose six gateways all have work. */
export async function statusTurns(gateway: RunningGateway, serviceUrl: string, clients: number): Promise<Target> {
  const { projectId, teamId } = await benchProject(gateway, clients);
  for (const stage of DEFAULT_GATEWAY_CATALOGUE.stages) {
    for (const item of stage.items.slice(0, 3)) {
      await updateChecklistItem(gateway.projects, { actor: PM, projectId, itemId: item.id, expectedVersion: 0, change: [{ field: 'due', due: '2027-01-15' }, { field: 'owner', owner: { id: PM.userId, name: '' } }] });
    }
  }
  return {
    name: 'status',
    url: gateway.url,
    body: (_i, client) => {
      const who = member(client % clients);
      return JSON.stringify(channelMessage({ serviceUrl, text: 'status', teamId, conversationId: `${teamId};messageid=${client}`, fromId: who.userId, fromName: who.name }));
    },
  };
}

/** One number question each, none of which feeds the checklist, in three sections, so several people share a section. */
const SAVE_QUESTIONS: readonly (readonly [sectionId: string, questionId: string])[] = [
  ['mailbox-sizes', 'mailbox-over-quota'],
  ['mailbox-sizes', 'mailbox-largest-gb'],
  ['mailbox-sizes', 'mailbox-total-gb'],
  ['shared-resources', 'shared-calendars'],
  ['shared-resources', 'shared-distribution-lists'],
  ['shared-resources', 'shared-mailboxes'],
  ['mobile-devices', 'mobile-users'],
  ['applications', 'apps-automated-mailboxes'],
];

/**
 * Each person saves a new number in their own question, pressing Save on the card the last save gave back, so every
 * save carries a current edit base and is a real write.
 */
export async function questionnaireSaveTurns(gateway: RunningGateway, serviceUrl: string, clients: number): Promise<Target> {
  if (clients > SAVE_QUESTIONS.length) throw new Error(`at most ${SAVE_QUESTIONS.length} clients save questionnaire answers`);
  const { projectId } = await benchProject(gateway, clients);
  const saveData: Record<string, unknown>[] = [];
  for (let c = 0; c < clients; c++) {
    const [sectionId] = SAVE_QUESTIONS[c]!;
    const response = await fetch(`${gateway.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: invoke(serviceUrl, member(c), Verbs.questionnaireSection, { projectId, sectionId }),
    });
    const data = saveButtonData(await response.text());
    if (!data) throw new Error(`section ${sectionId} did not open`);
    saveData.push(data);
  }
  let saved = 0;
  return {
    name: 'questionnaire save',
    url: gateway.url,
    body: (_turn, client) => {
      const [, questionId] = SAVE_QUESTIONS[client]!;
      // A number never saved before, so every save changes the answer.
      saved += 1;
      return invoke(serviceUrl, member(client), Verbs.questionnaireSave, { ...saveData[client], [questionId]: String(saved) });
    },
    accept: (status, body) => isCard(status, body) && body.includes('Saved 1 answer.'),
    reply: (client, body) => {
      const data = saveButtonData(body);
      if (data) saveData[client] = data;
    },
  };
}

/** The data of the Save button on the card an invoke answered with (verb, project, section and the edit base). */
function saveButtonData(invokeResponse: string): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  const visit = (node: unknown): void => {
    if (found) return;
    if (Array.isArray(node)) node.forEach(visit);
    else if (typeof node === 'object' && node !== null) {
      const record = node as Record<string, unknown>;
      if (record.title === 'Save' && typeof record.type === 'string' && record.type.startsWith('Action.')) found = record.data as Record<string, unknown>;
      else Object.entries(record).forEach(([key, child]) => key !== 'fallback' && visit(child));
    }
  };
  try {
    visit((JSON.parse(invokeResponse) as { value?: unknown }).value);
  } catch {
    return undefined;
  }
  return found;
}

export interface BurstResult {
  readonly size: number;
  readonly landed: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly allAnsweredMs: number;
}

/**
 * `size` team members press Done at the same moment, each on a different item from their own chat. Landed means both
 * halves: the presser got the refreshed checklist (not a refusal) and the item is stored done by them. No gateway has
 * 50 items, so a burst of 50 takes gateway 4's 34 and 16 of gateway 3's.
 */
export async function pressDoneAtOnce(gateway: RunningGateway, serviceUrl: string, size: number): Promise<BurstResult> {
  const { projectId } = await benchProject(gateway, size);
  const byStage = (stage: number) => ALL_ITEMS.filter(([s]) => s === stage);
  const items = [...byStage(4), ...byStage(3), ...ALL_ITEMS.filter(([s]) => s !== 4 && s !== 3)].slice(0, size);
  const started = performance.now();
  const presses = await Promise.all(
    items.map(async ([stage, itemId], i) => {
      const body = invoke(serviceUrl, member(i), Verbs.itemDone, { projectId, stage, itemId, expectedVersion: 0 });
      const sent = performance.now();
      const response = await fetch(`${gateway.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const ok = isCard(response.status, await response.text());
      return { ms: performance.now() - sent, ok };
    }),
  );
  const allAnsweredMs = performance.now() - started;
  let landed = 0;
  for (const [i, [stage, itemId]] of items.entries()) {
    const stored = (await gateway.projects.gateways.get(projectId, stage as 1)).items.find((s) => s.itemId === itemId);
    if (presses[i]!.ok && stored?.status === 'done' && stored.updatedBy.id === member(i).userId) landed += 1;
  }
  const { p50Ms, p99Ms } = summarise(presses.map((p) => p.ms), 0, allAnsweredMs / 1000);
  return { size, landed, p50Ms, p99Ms, allAnsweredMs };
}
