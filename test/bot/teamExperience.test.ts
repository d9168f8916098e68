import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { executeActivity, postActivity, submitActivity, TEST_TENANT } from '../harness/activities';
import { adaptiveCardOf, visibleText } from '../harness/cardText';
import { DEFAULT_GATEWAY_CATALOGUE } from '../../bot/migration/gateways/catalogue';
import { CosmosQuestionnaireRepository } from '../../bot/storage/questionnaire/cosmosQuestionnaireRepository';
import { startGatewayUnderTest } from '../harness/gatewayUnderTest';
import type { GatewayUnderTest } from '../harness/gatewayUnderTest';
import { addDays, formatUkDate } from '../../bot/migration/shared/ukDates';
import { projectFormFromToday } from '../harness/projectForms';
import { addToRoster, talkInTeam } from '../harness/teamUnderTest';

/** What a project team met when they tried Gateway as new users would (issue 7), turn by turn over HTTP. */

const TEAM = '19:team-experience@thread.tacv2';
const PM = { id: '29:priya', name: 'Priya Shah' };
const TOM = { id: '29:tom', name: 'Tom Evans' };
const SUE = { id: '29:sue', name: 'Sue Staff' };

/** Dated from today: the details tests move the cutover, and a cutover in the past is refused. */
const form = projectFormFromToday({ odsCode: 'RH8' });
const movedCutover = addDays(form.cutover, 61);

type Person = { readonly id: string; readonly name: string };

describe('a project team trying Gateway as new users, over HTTP', () => {
  let bot: GatewayUnderTest;

  beforeAll(async () => {
    bot = await startGatewayUnderTest();
    addToRoster(bot, [PM, TOM, SUE]);
  });
  afterAll(async () => {
    await bot.close();
  });
  beforeEach(() => {
    bot.connector.reset();
  });

  const posted = (from: number) => bot.connector.postedSince(from);
  const { say, sayInChat } = talkInTeam(() => bot, TEAM, (who) => `a:chat-${who.id}`);
  const submit = async (who: Person, value: Record<string, unknown>, where: 'team' | 'chat' = 'team') => {
    const before = bot.connector.calls.length;
    const base = { serviceUrl: bot.connector.serviceUrl, value, fromId: who.id, fromName: who.name };
    await postActivity(bot.url, submitActivity(where === 'team' ? { ...base, teamId: TEAM } : { ...base, conversationId: `a:chat-${who.id}` }));
    return posted(before);
  };
  const press = async (who: Person, verb: string, data: Record<string, unknown>) => {
    const result = await postActivity(bot.url, executeActivity({ serviceUrl: bot.connector.serviceUrl, fromId: who.id, fromName: who.name, verb, data: { verb, ...data }, teamId: TEAM }));
    return result.body as { type: string; value: unknown };
  };
  const projectId = async () => (await bot.gateway.projects.projects.findByTeam(TEST_TENANT, TEAM))!.projectId;

  describe('setting up', () => {
    it('when someone types set up project in a personal chat, then they are told to do it in the project team, and no form is offered', async () => {
      const [reply] = await sayInChat(PM, 'set up project');
      expect(reply!.body!.text).toMatch(/add Gateway to your project team/i);
      expect(reply!.body!.text).toContain('set up project');
      expect(adaptiveCardOf(reply!.body!)).toBeUndefined();
    });

    it('when an old set-up form is submitted from a personal chat, then nothing is set up and the person is told where to do it', async () => {
      const [reply] = await submit(PM, { verb: 'project-setup-confirm', ...form }, 'chat');
      expect(reply!.body!.text).toMatch(/project team/i);
      expect(await bot.gateway.projects.projects.findByMember(TEST_TENANT, PM.id)).toEqual([]);
    });

    it('when set-up succeeds in the team, then the form is replaced by the confirmation, with no buttons left to press', async () => {
      const calls = await submit(PM, { verb: 'project-setup-submit', ...form, cutover: '' });
      expect(calls.map((c) => c.method)).toEqual(['PUT']);
      const done = await submit(PM, { verb: 'project-setup-submit', ...form });
      const update = done.find((c) => c.method === 'PUT');
      expect(update?.replyToId).toBe('card-activity-1');
      const card = adaptiveCardOf(update!.body!);
      expect(visibleText(update!.body!)).toContain('is set up, and you are its project manager');
      expect(JSON.stringify(card)).not.toContain('project-setup-submit');
      expect(JSON.stringify(card)).not.toContain('Input.');
      expect(done.some((c) => c.method === 'POST' && /Cutover in \d+ days/.test(visibleText(c.body!)))).toBe(true);
      expect(await bot.gateway.projects.projects.findByTeam(TEST_TENANT, TEAM)).toMatchObject({ odsCode: 'RH8' });
    });
  });

  describe('giving out roles', () => {
    it('when the project manager gives Tom a role before Tom has a personal chat with Gateway, then the card names the role and says Tom could not be told', async () => {
      const response = await press(PM, 'role-assign', { projectId: await projectId(), userId: TOM.id, role: 'team-member' });
      const text = JSON.stringify(response.value);
      expect(text).toContain('Tom Evans is now a project team member.');
      expect(text).toContain('I could not tell Tom Evans (they have not opened a personal chat with me): please let them know.');
    });

    it('when Tom has a personal chat with Gateway and is given a role, then Gateway tells him there and the card says so', async () => {
      await sayInChat(TOM, 'help');
      const before = bot.connector.calls.length;
      const response = await press(PM, 'role-assign', { projectId: await projectId(), userId: TOM.id, role: 'sro' });
      expect(JSON.stringify(response.value)).toContain('Tom Evans is now the senior responsible owner (SRO). I have told Tom Evans in their personal chat with me.');
      const toTom = bot.connector.calls.slice(before).filter((c) => c.body?.type === 'message' && c.path.includes(encodeURIComponent(`a:chat-${TOM.id}`)));
      expect(toTom.map((c) => String(c.body?.text))).toEqual([expect.stringContaining('Priya Shah has made you the senior responsible owner (SRO)') as unknown]);
    });

    it('when the SRO is made project manager, then the card says the project has no SRO any more', async () => {
      await press(PM, 'role-assign', { projectId: await projectId(), userId: TOM.id, role: 'sro' });
      const response = await press(PM, 'role-assign', { projectId: await projectId(), userId: TOM.id, role: 'project-manager' });
      const text = JSON.stringify(response.value);
      expect(text).toContain('Tom Evans is now a project manager.');
      expect(text).toMatch(/no senior responsible owner/i);
    });
  });

  describe('walking through a gateway', () => {
    const card = (calls: readonly { body?: Record<string, unknown> }[]) => JSON.stringify(calls.map((c) => adaptiveCardOf(c.body!) ?? {}));

    it('when a note with a bad link is refused, then the card shown again keeps the note and the link as typed', async () => {
      await say(PM, 'walk me through gateway 2');
      const first = DEFAULT_GATEWAY_CATALOGUE.stages[1]!.items[0]!;
      const replies = await submit(PM, { verb: 'walkthrough-answer', choice: 'note', itemId: first.id, expectedVersion: 0, note: 'Board paper drafted', evidenceUrl: 'http://intranet/board.docx' });
      expect(replies.map((c) => visibleText(c.body!)).join('\n')).toContain('https://');
      expect(card(replies)).toContain('Board paper drafted');
      expect(card(replies)).toContain('http://intranet/board.docx');
    });

    it('when one item gets an owner and is then marked done, and the walk stops on the next, then the summary counts each item once', async () => {
      const [first, second] = DEFAULT_GATEWAY_CATALOGUE.stages[1]!.items;
      const total = DEFAULT_GATEWAY_CATALOGUE.stages[1]!.items.length;
      await submit(PM, { verb: 'walkthrough-answer', choice: 'assign', itemId: first!.id, expectedVersion: 0, ownerId: PM.id, due: '' });
      await submit(PM, { verb: 'walkthrough-answer', choice: 'done', itemId: first!.id, expectedVersion: 1 });
      const stopped = await submit(PM, { verb: 'walkthrough-stop', itemId: second!.id });
      expect(visibleText(stopped[0]!.body!)).toContain(`1 answered, 1 skipped, ${total - 2} not reached`);
    });
  });

  describe('editing items', () => {
    const item = 'g2-assign-pm';

    it('when an item save is refused for a bad link, then the card comes back with everything as typed', async () => {
      const response = await press(PM, 'item-save', {
        projectId: await projectId(),
        stage: 2,
        itemId: 'g2-risk-log',
        expectedVersion: 0,
        status: 'done',
        ownerId: TOM.id,
        due: '2027-02-01',
        note: 'Approved at the March board',
        evidenceUrl: 'http://intranet/board.docx',
      });
      const card = JSON.stringify(response.value);
      expect(card).toContain('https://');
      for (const typed of ['Approved at the March board', 'http://intranet/board.docx', '2027-02-01', `"value":"${TOM.id}"`, '"value":"done"']) expect(card).toContain(typed);
    });

    it('when Done is pressed on an out-of-date checklist, then the latest checklist comes back with why, not just a line', async () => {
      const { updateChecklistItem } = await import('../../bot/migration/projects/updateChecklistItem');
      const actor = { tenantId: TEST_TENANT, userId: PM.id, name: PM.name };
      const current = (await bot.gateway.projects.gateways.get(await projectId(), 2)).items.find((i) => i.itemId === item)?.version ?? 0;
      await updateChecklistItem(bot.gateway.projects, { actor, projectId: await projectId(), itemId: item, expectedVersion: current, change: { field: 'due', due: '2027-03-03' } });
      const response = await press(PM, 'item-done', { projectId: await projectId(), stage: 2, itemId: item, expectedVersion: current });
      expect(response.type).toBe('application/vnd.microsoft.card.adaptive');
      const card = JSON.stringify(response.value);
      expect(card).toContain('Someone else updated this item');
      expect(card).toContain('Gateway 2');
    });

    it('when Done is pressed on an out-of-date checklist from an older client, then the line and the latest checklist are both sent', async () => {
      const replies = await submit(PM, { verb: 'item-done', projectId: await projectId(), stage: 2, itemId: item, expectedVersion: 0 });
      expect(replies.map((c) => c.body!.text).join()).toContain('Someone else updated this item');
      expect(replies.some((c) => JSON.stringify(adaptiveCardOf(c.body!) ?? {}).includes('checklist-refresh'))).toBe(true);
    });
  });

  describe('after a gateway is signed off', () => {
    it('when the project manager opens an item of a signed-off gateway, then it says to reopen for changes and offers notes and evidence', async () => {
      const id = await projectId();
      const { recordGatewayDecision } = await import('../../bot/migration/projects/recordGatewayDecision');
      const { updateChecklistItem } = await import('../../bot/migration/projects/updateChecklistItem');
      const actor = { tenantId: TEST_TENANT, userId: PM.id, name: PM.name };
      for (const entry of DEFAULT_GATEWAY_CATALOGUE.stages[0]!.items) {
        const version = (await bot.gateway.projects.gateways.get(id, 1)).items.find((i) => i.itemId === entry.id)?.version ?? 0;
        await updateChecklistItem(bot.gateway.projects, {
          actor,
          projectId: id,
          itemId: entry.id,
          expectedVersion: version,
          change: [{ field: 'status', status: 'done' }, ...(entry.evidenceRequired === true ? [{ field: 'evidence', url: 'https://example.nhs.uk/doc' } as const] : [])],
        });
      }
      await recordGatewayDecision(bot.gateway.projects, { actor, projectId: id, stage: 1, outcome: 'go', comment: 'Ready' });

      const checklist = JSON.stringify((await press(PM, 'checklist-show', { projectId: id, stage: 1 })).value);
      expect(checklist).toContain('Gateway 1 is signed off; reopen it to change items.');
      expect(checklist).not.toContain('Only members of the project team');
      expect(checklist).toContain('item-edit');
      expect(checklist).not.toContain('"title":"Mark done"');

      const [walk] = await say(PM, 'walk me through gateway 1');
      expect(walk!.body!.text).toContain('Gateway 1 is signed off; reopen it to change items.');

      const itemCard = JSON.stringify((await press(PM, 'item-edit', { projectId: id, stage: 1, itemId: 'g1-ods-code' })).value);
      expect(itemCard).toContain('Gateway 1 is signed off; reopen it to change items.');
      expect(itemCard).toContain('"id":"note"');
      expect(itemCard).toContain('"id":"evidenceUrl"');
      expect(itemCard).not.toContain('"id":"status"');
      expect(itemCard).not.toContain('"id":"ownerId"');

      const version = (await bot.gateway.projects.gateways.get(id, 1)).items.find((i) => i.itemId === 'g1-ods-code')!.version;
      const saved = JSON.stringify((await press(PM, 'item-save', { projectId: id, stage: 1, itemId: 'g1-ods-code', expectedVersion: version, note: 'Confirmed with the ODS team' })).value);
      expect(saved).not.toMatch(/can.t be changed/);
      const after = (await bot.gateway.projects.gateways.get(id, 1)).items.find((i) => i.itemId === 'g1-ods-code')!;
      expect(after).toMatchObject({ status: 'done' });
      expect(after.notes.map((n) => n.text)).toContain('Confirmed with the ODS team');
    });
  });

  describe('the questionnaire', () => {
    it('when section 2 is opened, then the numbers from set-up are suggested in it, and nothing is saved until Save', async () => {
      const [reply] = await say(PM, 'questionnaire 2');
      const card = JSON.stringify(adaptiveCardOf(reply!.body!));
      expect(card).toContain('"id":"users-existing"');
      expect(card).toMatch(/"id":"users-existing"[^}]*"value":4200/);
      expect(card).toMatch(/"id":"users-new-accounts"[^}]*"value":120/);
      expect(card).toContain('Suggested from the project set-up: press Save to keep it.');
      const record = await new CosmosQuestionnaireRepository(bot.gateway.storage.containers.projects).get(await projectId());
      expect(Object.keys(record.answers)).toEqual([]);
    });
  });

  describe('changing the project details', () => {
    const details = { organisationName: form.organisationName, migrationMethod: 'self-migration', approximateUsers: '4200', newAccounts: '120', phasing: 'phased', plannedStart: form.plannedStart };

    it('when the project manager types project details, then the set-up form comes filled in with the project as it is', async () => {
      const [reply] = await say(TOM, 'project details');
      const card = JSON.stringify(adaptiveCardOf(reply!.body!));
      expect(card).toContain('Project details');
      expect(card).toContain(`"value":"${form.cutover}"`);
      expect(card).toContain('"value":"4200"');
      expect(card).toContain('ODS code: RH8');
      expect(card).toContain('project-details-save');
    });

    it('when staff ask for the project details form, then they are told who can change them', async () => {
      const [reply] = await say(SUE, 'edit project');
      expect(reply!.body!.text).toMatch(/Only the project manager or SRO can change the project details/);
    });

    it('when the cutover given has passed, then it is refused under its field, with everything else as typed', async () => {
      const card = JSON.stringify((await press(TOM, 'project-details-save', { projectId: await projectId(), expectedVersion: 0, ...details, newAccounts: '180', cutover: '2020-01-01' })).value);
      expect(card).toContain('already passed');
      expect(card).toContain('"value":"180"');
      expect((await bot.gateway.projects.projects.get(await projectId()))?.plannedCutover).toBe(form.cutover);
    });

    it('when the project manager moves the cutover, then it is saved and the status counts down to the new date', async () => {
      const card = JSON.stringify((await press(TOM, 'project-details-save', { projectId: await projectId(), expectedVersion: 0, ...details, cutover: movedCutover })).value);
      expect(card).toContain('Saved: the cutover date.');
      expect(card).toMatch(new RegExp(`Cutover in \\d+ days, on ${formatUkDate(movedCutover)}`));
      const [status] = await say(PM, 'status');
      expect(visibleText(status!.body!)).toContain(formatUkDate(movedCutover));
      const history = await bot.gateway.projects.projects.history(await projectId());
      expect(history.at(-1)).toMatchObject({ kind: 'project-details-changed', by: { id: TOM.id }, before: { plannedCutover: form.cutover }, after: { plannedCutover: movedCutover } });
    });

    it('when a form opened before that change is saved, then it is refused, the other change stays, and the form shows the details now', async () => {
      const card = JSON.stringify((await press(PM, 'project-details-save', { projectId: await projectId(), expectedVersion: 0, ...details, newAccounts: '300', cutover: form.cutover })).value);
      expect(card).toContain('Tom Evans changed the project details since you opened this form');
      expect(card).toContain(`"value":"${movedCutover}"`);
      expect(await bot.gateway.projects.projects.get(await projectId())).toMatchObject({ plannedCutover: movedCutover, newAccounts: 120, detailsVersion: 1 });
    });
  });
});
