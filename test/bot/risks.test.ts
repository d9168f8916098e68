import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_GATEWAY_CATALOGUE } from '../../bot/migration/gateways/catalogue';
import { addRisk } from '../../bot/migration/risks/addRisk';
import type { RiskDeps } from '../../bot/migration/risks/riskDeps';
import { CosmosRiskRepository } from '../../bot/storage/risks';
import { TEST_TENANT } from '../harness/activities';
import { actionsOf, inputOf } from '../harness/cardSearch';
import { adaptiveCardOf, visibleText } from '../harness/cardText';
import type { GatewayUnderTest } from '../harness/gatewayUnderTest';
import { projectForm } from '../harness/projectForms';
import { startTeamUnderTest, talkInTeam, type Person } from '../harness/teamUnderTest';

/** The risks and issues log as a project team uses it in Teams, turn by turn over real HTTP. */

const TEAM = '19:risks-log@thread.tacv2';
const PM = { id: '29:priya', name: 'Priya Shah' };
const SAM = { id: '29:sam', name: 'Sam Patel' };
const TOM = { id: '29:tom', name: 'Tom Evans' };
const SUE = { id: '29:sue', name: 'Sue Staff' };

type Json = Record<string, unknown>;

/** The TextBlock right after an input: where its error shows. */
function textAfter(card: unknown, id: string): string | undefined {
  const search = (node: unknown): string | undefined => {
    if (Array.isArray(node)) {
      const at = node.findIndex((n) => typeof n === 'object' && n !== null && (n as Json).id === id);
      if (at >= 0) {
        const next = node[at + 1] as Json | undefined;
        return next?.type === 'TextBlock' ? String(next.text) : undefined;
      }
      for (const part of node) {
        const found = search(part);
        if (found !== undefined) return found;
      }
      return undefined;
    }
    if (typeof node !== 'object' || node === null) return undefined;
    for (const value of Object.values(node as Json)) {
      const found = search(value);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return search(card);
}

describe('the risks and issues log in Teams, over HTTP', () => {
  let bot: GatewayUnderTest;
  let projectId: string;
  let riskDeps: RiskDeps;

  const { say, sayInChat, press } = talkInTeam(() => bot, TEAM);
  const cardOfReply = (calls: Awaited<ReturnType<typeof say>>) => {
    const reply = calls.find((c) => c.body !== undefined && adaptiveCardOf(c.body) !== undefined);
    return reply?.body === undefined ? undefined : adaptiveCardOf(reply.body);
  };
  const save = (who: Person, fields: Json) => press(who, 'risk-save', { projectId, riskId: '', expectedVersion: 0, ...fields });

  beforeAll(async () => {
    ({ bot, projectId } = await startTeamUnderTest({
      roster: [PM, SAM, TOM, SUE],
      teamId: TEAM,
      pm: PM,
      form: projectForm({ odsCode: 'RH8', plannedStart: '2027-01-04', cutover: '2027-06-30' }),
    }));
    await press(PM, 'role-assign', { projectId, userId: SAM.id, role: 'sro' });
    await press(PM, 'role-assign', { projectId, userId: TOM.id, role: 'team-member' });
    await press(PM, 'role-assign', { projectId, userId: SUE.id, role: 'staff' });
    // Sam has talked to the bot in a personal chat, so the bot can reach Sam; Priya has not.
    await sayInChat(SAM, 'help');
    riskDeps = {
      projects: bot.gateway.projects.projects,
      risks: new CosmosRiskRepository(bot.gateway.storage.containers.projects),
      clock: { now: () => new Date() },
      ids: { newId: () => crypto.randomUUID() },
      catalogue: DEFAULT_GATEWAY_CATALOGUE,
    };
  }, 60_000);
  afterAll(async () => {
    await bot.close();
  });

  it('when Tom types risk: and a title, then the risk form opens holding the title, and nothing is in the log yet', async () => {
    const card = cardOfReply(await say(TOM, 'risk: archive tool not approved by IG'));
    expect(inputOf(card, 'title')?.value).toBe('archive tool not approved by IG');
    expect(inputOf(card, 'likelihood')).toBeDefined();
    expect(JSON.stringify(card)).toContain('Add the risk');
    expect(await riskDeps.risks.all(projectId)).toHaveLength(0);
  });

  it('when the two risks are completed on their cards, then both are in the log; likelihood 4 and impact 5 escalates by itself and Sam is told in a personal chat', async () => {
    const first = await save(TOM, { type: 'risk', title: 'archive tool not approved by IG', likelihood: '2', impact: '3', category: 'information-governance' });
    expect(first.text).toContain('Added to the log.');
    expect(first.text).not.toContain('escalated');

    const issueCard = cardOfReply(await say(TOM, 'issue: scan to email fails on ward 7'));
    expect(inputOf(issueCard, 'type')?.value).toBe('issue');
    const before = bot.connector.calls.length;
    const second = await save(TOM, { type: 'issue', title: 'scan to email fails on ward 7', likelihood: '4', impact: '5', owner: TOM.id });
    expect(second.text).toContain('Added to the log.');
    expect(second.text).toContain('Score 20 (Red)');
    expect(second.text).toContain('Escalated to senior management');
    expect(second.text).toContain('I have told Sam Patel (SRO) in a personal chat.');
    expect(second.text).toContain('I could not tell Priya Shah (project manager)');
    const told = bot.connector.calls.slice(before).filter((c) => c.method === 'POST' && c.conversationId === `a:personal-${SAM.id}`);
    expect(told).toHaveLength(1);
    expect(String(told[0]?.body?.text)).toContain('scan to email fails on ward 7');
    expect(String(told[0]?.body?.text)).toContain('score 20');

    const log = await riskDeps.risks.all(projectId);
    expect(log.map((e) => e.title).sort()).toEqual(['archive tool not approved by IG', 'scan to email fails on ward 7']);
    expect(log.find((e) => e.type === 'issue')?.escalation.escalated).toBe(true);
  });

  it('when a likelihood of 7 is given, then the reason shows under the likelihood, everything typed is kept, and nothing is saved', async () => {
    const { card } = await save(TOM, { type: 'risk', title: 'Printers on ward 3', likelihood: '7', impact: '2', mitigation: 'Ask the supplier' });
    expect(textAfter(card, 'likelihood')).toBe('The likelihood must be a whole number from 1 to 5.');
    expect(inputOf(card, 'likelihood')?.value).toBe(7);
    expect(inputOf(card, 'title')?.value).toBe('Printers on ward 3');
    expect(inputOf(card, 'mitigation')?.value).toBe('Ask the supplier');
    expect(JSON.stringify(card)).toContain('Nothing was saved');
    expect(await riskDeps.risks.all(projectId)).toHaveLength(2);
  });

  it('when an entry is opened to edit, then its likelihood and impact show in their number inputs, None has a real value, and choosing it removes the link', async () => {
    const [entry] = (await riskDeps.risks.all(projectId)).filter((e) => e.title === 'archive tool not approved by IG');
    if (!entry) throw new Error('the first risk is in the log');
    const linked = await press(TOM, 'risk-save', { projectId, riskId: entry.riskId, expectedVersion: entry.version, link: 'gateway:3' });
    expect(linked.text).toContain('Gateway 3');
    const { card } = await press(TOM, 'risk-edit', { projectId, riskId: entry.riskId });
    // Input.Number takes a number: the string "2" shows an empty box in Teams' renderer.
    expect(inputOf(card, 'likelihood')?.value).toBe(2);
    expect(inputOf(card, 'impact')?.value).toBe(3);
    const link = inputOf(card, 'link') as { value?: unknown; choices?: { title: string; value: string }[] } | undefined;
    expect(link?.value).toBe('gateway:3');
    const none = link?.choices?.find((c) => c.title === 'None');
    expect(none?.value).toBe('none');
    const saved = await press(TOM, 'risk-save', { projectId, riskId: entry.riskId, expectedVersion: entry.version + 1, link: none?.value });
    expect(saved.text).not.toContain('Please choose');
    expect((await riskDeps.risks.get(projectId, entry.riskId))?.link).toBeUndefined();
    expect(inputOf(saved.card, 'link')?.value).toBe('none');
  });

  it('when the team types risks, then the log lists open entries by score with Edit and History on each, and the filters narrow it', async () => {
    const card = cardOfReply(await say(TOM, 'risks'));
    const text = JSON.stringify(card);
    expect(text.indexOf('scan to email fails on ward 7')).toBeLessThan(text.indexOf('archive tool not approved by IG'));
    expect(text).toContain('20 Red');
    expect(actionsOf(card, 'Action.Execute', 'Edit')).toHaveLength(2);
    expect(actionsOf(card, 'Action.Execute', 'History')).toHaveLength(2);

    const red = await press(TOM, 'risks-show', { projectId, filter: 'red' });
    expect(red.text).toContain('scan to email fails on ward 7');
    expect(red.text).not.toContain('archive tool not approved by IG');

    const mine = cardOfReply(await say(PM, 'risks mine'));
    expect(JSON.stringify(mine)).not.toContain('scan to email');

    const gateway = await press(TOM, 'risks-show', { projectId, filter: 'gateway', gatewayChoice: '2' });
    expect(gateway.text).toContain('linked to gateway 2');
    expect(gateway.text).not.toContain('scan to email');
  });

  it('when the log holds more than a page, then More carries on where the page ended, with nothing shown twice', async () => {
    const actor = { tenantId: TEST_TENANT, userId: PM.id, name: PM.name };
    for (let i = 0; i < 11; i += 1) await addRisk(riskDeps, { actor, projectId, input: { title: `Paged risk ${String(i).padStart(2, '0')}`, likelihood: '1', impact: '1' } });
    const first = await press(TOM, 'risks-show', { projectId, filter: '' });
    const [more] = actionsOf(first.card, 'Action.Execute', 'More');
    expect(more).toBeDefined();
    const second = await press(TOM, 'risks-show', (more?.data ?? {}) as Json);
    const titles = (text: string) => [...text.matchAll(/Risk: (Paged risk \d+)|Issue: (scan[^\n]*)|Risk: (archive[^\n]*)/g)].map((m) => m[0]);
    const seen = [...titles(first.text), ...titles(second.text)];
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(13);
    expect(actionsOf(second.card, 'Action.Execute', 'More')).toHaveLength(0);
  });

  it('when History is pressed, then who added the entry and when is shown', async () => {
    const issue = (await riskDeps.risks.all(projectId)).find((e) => e.type === 'issue');
    const history = await press(TOM, 'risk-history', { projectId, riskId: issue?.riskId });
    expect(history.text).toContain('Added to the log');
    expect(history.text).toContain('Tom Evans');
  });

  it('when the project manager closes an entry without a reason, then the reason is asked for under its field and it stays open; with one, it closes', async () => {
    const entry = (await riskDeps.risks.all(projectId)).find((e) => e.title === 'archive tool not approved by IG');
    const refused = await press(PM, 'risk-decide', { projectId, riskId: entry?.riskId, expectedVersion: entry?.version, decision: 'close', reason: '' });
    expect(textAfter(refused.card, 'reason')).toBe('Please give a reason for closing it.');
    expect((await riskDeps.risks.get(projectId, entry?.riskId ?? ''))?.status).toBe('open');

    const byTom = await press(TOM, 'risk-decide', { projectId, riskId: entry?.riskId, expectedVersion: entry?.version, decision: 'close', reason: 'Done' });
    expect(byTom.text).toContain('Only the project manager or SRO can close');

    const closed = await press(PM, 'risk-decide', { projectId, riskId: entry?.riskId, expectedVersion: entry?.version, decision: 'close', reason: 'IG approved the tool' });
    expect(closed.text).toContain('Closed.');
    const list = await press(TOM, 'risks-show', { projectId, filter: 'closed' });
    expect(list.text).toContain('IG approved the tool');
  });

  it('when the SRO escalates an entry by hand and the PM’s chat refuses the message, then the escalation is saved, and the reply says the PM could not be told', async () => {
    await sayInChat(PM, 'help');
    bot.connector.refuseConversation(`a:personal-${PM.id}`, 403);
    const entry = (await riskDeps.risks.all(projectId)).find((e) => e.title === 'Paged risk 00');
    const result = await press(SAM, 'risk-decide', { projectId, riskId: entry?.riskId, expectedVersion: entry?.version, decision: 'escalate', reason: 'Blocks the pilot' });
    expect(result.text).toContain('Escalated to senior management.');
    expect(result.text).toContain('I could not tell Priya Shah (project manager)');
    expect((await riskDeps.risks.get(projectId, entry?.riskId ?? ''))?.escalation).toMatchObject({ escalated: true, setBy: 'hand', reason: 'Blocks the pilot' });
    const history = await press(SAM, 'risk-history', { projectId, riskId: entry?.riskId });
    expect(history.text).toContain('Escalated to senior management: Blocks the pilot');
    bot.connector.reset();
  });

  it('when staff ask for the log, by message or by button, then they are refused and see none of it', async () => {
    const calls = await say(SUE, 'risks');
    const shown = calls.map((c) => visibleText(c.body ?? {})).join('\n');
    expect(shown).toContain('Only the project team can see the risks and issues log.');
    expect(shown).not.toContain('scan to email');
    const pressed = await press(SUE, 'risks-show', { projectId, filter: '' });
    expect(pressed.text).toContain('Only the project team can see');
    expect(pressed.text).not.toContain('scan to email');
    // Someone from outside the project (not in the team) pressing an old card's button learns nothing either.
    const outsider = await press({ id: '29:olly', name: 'Olly Outsider' }, 'risks-show', { projectId, filter: '' });
    expect(outsider.card).toBeUndefined();
    expect(outsider.text).not.toContain('scan to email');
    const form = await say(SUE, 'risk: something');
    expect(form.map((c) => visibleText(c.body ?? {})).join('\n')).toMatch(/Only members of the project team can add/);
  });

  it('when export risks is typed in a personal chat, then a signed link serves the CSV; a tampered link is refused; in the channel no link is given', async () => {
    const inTeam = await say(PM, 'export risks');
    expect(inTeam.map((c) => visibleText(c.body ?? {})).join('\n')).toContain('only send it in a personal chat');

    const url = /"url":"([^"]+\/api\/exports\/[^"]+)"/.exec(JSON.stringify(cardOfReply(await sayInChat(PM, 'export risks'))))?.[1];
    expect(url).toBeDefined();
    const response = await fetch(url ?? '');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const csv = await response.text();
    expect(csv).toContain('scan to email fails on ward 7');

    // Someone else's name on Priya's link, and a changed project, are both refused without saying why.
    const asSue = url?.replace(/\?by=.*$/, `?by=${Buffer.from(SUE.id).toString('base64url')}`) ?? '';
    expect(asSue).not.toBe(url);
    expect((await fetch(asSue)).status).toBe(404);
    const otherProject = url?.replace(/\/api\/exports\/([0-9a-f])/, (_m, first: string) => `/api/exports/${first === '0' ? '1' : '0'}`) ?? '';
    expect(otherProject).not.toBe(url);
    expect((await fetch(otherProject)).status).toBe(404);
  });
});
