import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Verbs } from '../../cards/verbs';
import type { Actor } from '../../bot/migration/projects/actor';
import { assignRole } from '../../bot/migration/projects/assignRole';
import { recordMilestone } from '../../bot/migration/projects/recordMilestone';
import { setUpProject } from '../../bot/migration/projects/setUpProject';
import { updateChecklistItem } from '../../bot/migration/projects/updateChecklistItem';
import { channelMessage, executeActivity, messageActivity, postActivity, submitActivity, TEST_TENANT } from '../harness/activities';
import { visibleText } from '../harness/cardText';
import { startGatewayUnderTest } from '../harness/gatewayUnderTest';
import type { GatewayUnderTest } from '../harness/gatewayUnderTest';
import { projectForm } from '../harness/projectForms';
import { addToRoster } from '../harness/teamUnderTest';

/**
 * The project boundary over HTTP. Every card carries its project's id, so anyone in the tenant (in NHSmail's national
 * tenant, every NHS organisation) could put that id into a card action from their own personal chat, or type a
 * command in a shared channel of the team. Only a place in the project opens it: a role on it, or being on its
 * team's roster. Everyone else gets the line another tenant gets, and no project data at all.
 */

const TEAM = '19:boundary@thread.tacv2';
const NOT_FOUND = "We couldn't find that migration project.";
const PRIYA = { id: '29:b-priya', name: 'Priya Shah' };
const TOM = { id: '29:b-tom', name: 'Tom Evans' };
/** On the team's roster, with no role on the project. */
const TINA = { id: '29:b-tina', name: 'Tina Teammate' };
/** In the tenant, on no roster and with no role: someone from another NHS organisation. */
const OLLY = { id: '29:b-olly', name: 'Olly Outsider' };
type Person = typeof PRIYA;

const actor = (p: Person): Actor => ({ tenantId: TEST_TENANT, userId: p.id, aadObjectId: `aad-${p.id}`, name: p.name });

/** What the project holds that an outsider must never see, in any reply. */
const PROJECT_DATA = ['Ysbyty Boundary NHS Trust', 'RYX', 'Tom Evans', 'Priya Shah', 'Secret rack plan', 'sharepoint', '2027-01-15', '15/01/2027', 'Slot booked by phone', 'Dr Confidential'];

const ITEM = 'g1-contact-pipeline';

type Json = Record<string, unknown>;

/** Every verb that reaches a project, with the data its cards send (ids from a real card of the project). */
function verbData(projectId: string): [string, Json][] {
  const item = { projectId, stage: 1, itemId: ITEM, expectedVersion: 2 };
  return [
    [Verbs.checklistShow, { projectId, stage: 1 }],
    [Verbs.checklistRefresh, { projectId, stage: 1 }],
    [Verbs.itemDone, item],
    [Verbs.itemEdit, item],
    [Verbs.itemSave, { ...item, status: 'done', note: 'outsider note' }],
    [Verbs.itemHistory, item],
    [Verbs.statusShow, { projectId }],
    [Verbs.myActionsShow, { projectId }],
    [Verbs.signoffShow, { projectId, stage: 1 }],
    [Verbs.gatewayDecide, { projectId, stage: 1, outcome: 'no-go', comment: 'outsider' }],
    [Verbs.gatewayReopen, { projectId, stage: 1, reason: 'outsider' }],
    [Verbs.milestonesShow, { projectId }],
    [Verbs.milestoneRecord, { projectId, kind: 'other', date: '2027-01-01', note: 'outsider' }],
    [Verbs.rolesShow, { projectId }],
    [Verbs.roleAssign, { projectId, person: OLLY.id, role: 'project-manager' }],
    [Verbs.questionnaireProgress, { projectId }],
    [Verbs.questionnaireSection, { projectId, sectionId: '1' }],
    [Verbs.questionnaireSave, { projectId, sectionId: '1', base: {}, 'org-technical-lead-name': 'Olly' }],
    [Verbs.questionnaireSubmit, { projectId }],
    [Verbs.questionnaireExport, { projectId }],
  ];
}

/** Typed commands that show or change project data. */
const COMMANDS = [
  'status',
  'my actions',
  'gateway',
  'gateway 1',
  'walk me through gateway 1',
  'sign off gateway 1',
  'roles',
  'milestones',
  'questionnaire',
  'questionnaire 1',
  'export questionnaire',
  'submit questionnaire',
];

function expectNoProjectData(reply: unknown): void {
  const text = JSON.stringify(reply);
  for (const secret of PROJECT_DATA) expect(text, `a reply shows “${secret}”: ${text.slice(0, 300)}`).not.toContain(secret);
}

describe('the project boundary, over HTTP', () => {
  let bot: GatewayUnderTest;
  let projectId = '';
  /** Everything stored about the project, to prove an outsider changed nothing. */
  const snapshot = async (): Promise<string> =>
    JSON.stringify([await bot.gateway.projects.projects.get(projectId), await bot.gateway.projects.gateways.list(projectId), await bot.gateway.projects.projects.history(projectId)]);

  const press = async (who: Person, verb: string, data: Json, teamId?: string) => {
    const result = await postActivity(
      bot.url,
      executeActivity({ serviceUrl: bot.connector.serviceUrl, fromId: who.id, fromName: who.name, verb, data, conversationId: `a:chat-${who.id}`, ...(teamId ? { teamId } : {}) }),
    );
    expect(result.status).toBe(200);
    return result.body as { type: string; value: unknown };
  };
  const submit = async (who: Person, value: Json): Promise<Json[]> => {
    const before = bot.connector.activities.length;
    const result = await postActivity(bot.url, submitActivity({ serviceUrl: bot.connector.serviceUrl, fromId: who.id, fromName: who.name, value, conversationId: `a:chat-${who.id}` }));
    expect(result.status).toBe(200);
    return bot.connector.activities.slice(before);
  };
  const sayIn = async (where: 'channel' | 'chat', who: Person, text: string): Promise<Json[]> => {
    const before = bot.connector.activities.length;
    const activity =
      where === 'channel'
        ? channelMessage({ serviceUrl: bot.connector.serviceUrl, text, teamId: TEAM, fromId: who.id, fromName: who.name })
        : messageActivity({ serviceUrl: bot.connector.serviceUrl, text, fromId: who.id, fromName: who.name, conversationId: `a:chat-${who.id}` });
    const result = await postActivity(bot.url, activity);
    expect(result.status).toBe(200);
    return bot.connector.activities.slice(before);
  };

  beforeAll(async () => {
    bot = await startGatewayUnderTest();
    addToRoster(bot, [PRIYA, TOM, TINA]);
    const deps = bot.gateway.projects;
    ({ project: { projectId } } = await setUpProject(deps, {
      actor: actor(PRIYA),
      teamId: TEAM,
      form: projectForm({ organisationName: 'Ysbyty Boundary NHS Trust' }),
    }));
    await assignRole(deps, { actor: actor(PRIYA), projectId, member: actor(TOM), role: 'team-member' });
    await updateChecklistItem(deps, {
      actor: actor(PRIYA),
      projectId,
      itemId: ITEM,
      expectedVersion: 0,
      change: [
        { field: 'owner', owner: { id: TOM.id, name: '' } },
        { field: 'due', due: '2027-01-15' },
        { field: 'note', text: 'Secret rack plan for the data centre' },
        { field: 'evidence', url: 'https://nhs.sharepoint.com/sites/boundary/plan.docx' },
      ],
    });
    await recordMilestone(deps, { actor: actor(PRIYA), projectId, kind: 'pipeline-slot', date: '2027-02-01', note: 'Slot booked by phone' });
    const saved = await press(TOM, Verbs.questionnaireSave, { projectId, sectionId: '1', base: {}, 'org-technical-lead-name': 'Dr Confidential' }, TEAM);
    expect(JSON.stringify(saved)).toContain('Saved 1 answer');
  });
  afterAll(async () => {
    await bot.close();
  });
  beforeEach(() => {
    bot.connector.reset();
  });

  it('when an outsider in the same tenant presses any project verb (Action.Execute) with the project’s id, then each gets the not-found line, no project data, and nothing changes', async () => {
    const before = await snapshot();
    for (const [verb, data] of verbData(projectId)) {
      const body = await press(OLLY, verb, { verb, ...data });
      expect({ verb, type: body.type }).toEqual({ verb, type: 'application/vnd.microsoft.activity.message' });
      expect(String(body.value), verb).toContain(NOT_FOUND);
      expectNoProjectData(body);
    }
    expect(await snapshot()).toBe(before);
    expectNoProjectData(bot.connector.calls);
  });

  it('when an outsider sends the same verbs as Action.Submit (the fallback), then each reply is the not-found line with no project data, and nothing changes', async () => {
    const before = await snapshot();
    for (const [verb, data] of [...verbData(projectId), [Verbs.walkthroughStart, { projectId, stage: 1 }] as [string, Json]]) {
      const replies = await submit(OLLY, { verb, ...data });
      expect(replies.length, verb).toBe(1);
      expect(visibleText(replies[0]!), verb).toContain(NOT_FOUND);
      expectNoProjectData(replies);
    }
    expect(await snapshot()).toBe(before);
  });

  it('when an outsider types project commands in a shared channel of the team, then each gets the not-found line and no project data', async () => {
    for (const command of COMMANDS) {
      const replies = await sayIn('channel', OLLY, command);
      expect(replies.length, command).toBeGreaterThan(0);
      expect(replies.map((r) => visibleText(r)).join('\n'), command).toContain(NOT_FOUND);
      expectNoProjectData(replies);
    }
  });

  it('when an outsider types project commands in their personal chat, then no project is found for them and no project data is shown', async () => {
    for (const command of COMMANDS) {
      const replies = await sayIn('chat', OLLY, command);
      expect(replies.length, command).toBeGreaterThan(0);
      expect(replies.map((r) => visibleText(r)).join('\n'), command).toMatch(/not on a migration project yet/);
      expectNoProjectData(replies);
    }
  });

  it('when someone on the team’s roster with no role presses Status from a personal chat, then they see it (the roster, not the tenant, is the boundary)', async () => {
    const body = await press(TINA, Verbs.statusShow, { verb: Verbs.statusShow, projectId });
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(body.value)).toContain('Ysbyty Boundary NHS Trust');
    expect(bot.connector.calls.some((c) => c.method === 'GET' && c.path === `/v3/conversations/${encodeURIComponent(TEAM)}/members/${encodeURIComponent(TINA.id)}`)).toBe(true);
  });

  it('when a member with a role opens the item’s history from a personal chat, then the notes are there (so the checks above can fail)', async () => {
    const body = await press(TOM, Verbs.itemHistory, { verb: Verbs.itemHistory, projectId, stage: 1, itemId: ITEM });
    expect(JSON.stringify(body.value)).toContain('Secret rack plan');
  });
});
