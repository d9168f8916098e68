import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Verbs } from '../../cards/verbs';
import type { Actor } from '../../bot/migration/projects/actor';
import { assignRole } from '../../bot/migration/projects/assignRole';
import { setUpProject } from '../../bot/migration/projects/setUpProject';
import { updateChecklistItem } from '../../bot/migration/projects/updateChecklistItem';
import { executeActivity, postActivity, submitActivity, TEST_TENANT } from '../harness/activities';
import { visibleText } from '../harness/cardText';
import { startGatewayUnderTest } from '../harness/gatewayUnderTest';
import type { GatewayUnderTest } from '../harness/gatewayUnderTest';
import { projectForm } from '../harness/projectForms';

/**
 * Card data is the client's input: a tampered field is refused with a line naming it and changes nothing, and a
 * field left out changes nothing either (it is not read as "cleared").
 */

const TEAM = '19:card-data@thread.tacv2';
const PRIYA = { id: '29:cd-priya', name: 'Priya Shah' };
const TOM = { id: '29:cd-tom', name: 'Tom Evans' };
const actor = (p: typeof PRIYA): Actor => ({ tenantId: TEST_TENANT, userId: p.id, aadObjectId: `aad-${p.id}`, name: p.name });
const ITEM = 'g1-contact-pipeline';
const UNREADABLE = /in a form we could not read, so nothing was changed/;

type Json = Record<string, unknown>;

describe('card data over HTTP', () => {
  let bot: GatewayUnderTest;
  let projectId = '';

  const item = async () => (await bot.gateway.projects.gateways.get(projectId, 1)).items.find((i) => i.itemId === ITEM);
  const press = async (verb: string, data: Json) => {
    const result = await postActivity(bot.url, executeActivity({ serviceUrl: bot.connector.serviceUrl, fromId: PRIYA.id, fromName: PRIYA.name, verb, data: { verb, ...data }, teamId: TEAM }));
    expect(result.status).toBe(200);
    return result.body as { type: string; value: unknown };
  };
  const save = async (fields: Json) => press(Verbs.itemSave, { projectId, stage: 1, itemId: ITEM, expectedVersion: (await item())?.version ?? 0, ...fields });

  beforeAll(async () => {
    bot = await startGatewayUnderTest();
    const deps = bot.gateway.projects;
    ({ project: { projectId } } = await setUpProject(deps, {
      actor: actor(PRIYA),
      teamId: TEAM,
      form: projectForm(),
    }));
    await assignRole(deps, { actor: actor(PRIYA), projectId, member: actor(TOM), role: 'team-member' });
    await updateChecklistItem(deps, { actor: actor(PRIYA), projectId, itemId: ITEM, expectedVersion: 0, change: [{ field: 'owner', owner: { id: TOM.id, name: '' } }, { field: 'due', due: '2027-01-15' }] });
  });
  afterAll(async () => {
    await bot.close();
  });
  beforeEach(() => {
    bot.connector.reset();
  });

  it.each([
    ['the owner is a number', { ownerId: 42, note: 'a note' }, 'the owner'],
    ['the due date is an object', { due: { date: '2027-02-01' }, note: 'a note' }, 'the due date'],
    ['the status is not a status, beside a valid note', { status: 'finished', note: 'a note' }, 'the status'],
    ['the note is a list', { note: ['a', 'b'] }, 'the note'],
    ['the version is a word', { expectedVersion: 'latest', note: 'a note' }, 'the item version'],
  ])('when an item is saved and %s, then the whole save is refused naming it, and the item is unchanged', async (_label, fields, named) => {
    const before = await item();
    const body = await save(fields);
    expect(body.type).toBe('application/vnd.microsoft.activity.message');
    expect(String(body.value)).toMatch(UNREADABLE);
    expect(String(body.value)).toContain(named);
    expect(await item()).toEqual(before);
  });

  it('when an item is saved with only a note (owner and due date not sent), then the note is saved and the owner and due date stay', async () => {
    const body = await save({ note: 'Booked the pipeline call' });
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(await item()).toMatchObject({ owner: { id: TOM.id, name: 'Tom Evans' }, due: '2027-01-15', notes: [{ text: 'Booked the pipeline call' }] });
    const history = await bot.gateway.projects.gateways.history(projectId, 1);
    expect(JSON.stringify(history)).not.toMatch(/"after":null/);
  });

  it('when an item is saved with an empty due date and "no owner", then both are cleared (sent empty means cleared)', async () => {
    await save({ due: '', ownerId: 'none' });
    const now = await item();
    expect(now?.owner).toBeUndefined();
    expect(now?.due).toBeUndefined();
  });

  it('when Done is pressed on a gateway 1 item with the stage changed to 4, then it is refused and the item is not ticked', async () => {
    const before = await item();
    const body = await press(Verbs.itemDone, { projectId, stage: 4, itemId: ITEM, expectedVersion: before?.version ?? 0 });
    // Refused like any other press: the line comes back on the latest checklist (or alone), and nothing is ticked.
    expect(JSON.stringify(body)).toContain('gateway does not match its checklist item');
    expect(await item()).toEqual(before);
  });

  it.each([
    [Verbs.checklistShow, { projectId: 'x', stage: 'seven' }, 'the gateway'],
    [Verbs.checklistShow, { projectId: { id: 'x' }, stage: 1 }, 'the project'],
    [Verbs.gatewayDecide, { projectId: 'x', stage: 1, outcome: 'maybe' }, 'the decision'],
    [Verbs.roleAssign, { projectId: 'x', userId: ['29:a'], role: 'sro' }, 'the person'],
    [Verbs.milestoneRecord, { projectId: 'x', kind: 'other', date: 20270101 }, 'the date'],
    [Verbs.questionnaireSection, { projectId: 'x', sectionId: { n: 1 } }, 'the section'],
  ])('when %s arrives with data that does not fit (%j), then it is refused with a line naming the field', async (verb, data, named) => {
    const body = await press(verb, data);
    expect(String(body.value)).toMatch(UNREADABLE);
    expect(String(body.value)).toContain(named);
  });

  it('when the same tampered save arrives as Action.Submit, then the reply is the same refusal and nothing changes', async () => {
    const before = await item();
    const result = await postActivity(
      bot.url,
      submitActivity({ serviceUrl: bot.connector.serviceUrl, fromId: PRIYA.id, fromName: PRIYA.name, teamId: TEAM, value: { verb: Verbs.itemSave, projectId, stage: 1, itemId: ITEM, expectedVersion: before?.version ?? 0, ownerId: 7 } }),
    );
    expect(result.status).toBe(200);
    const [reply] = bot.connector.activities;
    expect(visibleText(reply!)).toMatch(UNREADABLE);
    expect(await item()).toEqual(before);
  });
});
