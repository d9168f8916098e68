import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeMarkdown, shownText } from '../../cards/markdown';
import { Verbs } from '../../cards/verbs';
import type { Actor } from '../../bot/migration/projects/actor';
import { assignRole } from '../../bot/migration/projects/assignRole';
import { recordMilestone } from '../../bot/migration/projects/recordMilestone';
import { setUpProject } from '../../bot/migration/projects/setUpProject';
import { updateChecklistItem } from '../../bot/migration/projects/updateChecklistItem';
import { channelMessage, executeActivity, postActivity, TEST_TENANT } from '../harness/activities';
import { startGatewayUnderTest } from '../harness/gatewayUnderTest';
import type { GatewayUnderTest } from '../harness/gatewayUnderTest';
import { projectForm } from '../harness/projectForms';

/**
 * User text carrying Markdown must be shown as typed, never become a link, image or heading in a card the bot
 * signed. The hostile strings go in where people type: organisation name, names, notes, reasons, milestone notes and
 * questionnaire answers; then every card that shows them is asked for over HTTP.
 */

const HOSTILE = '[sign in](https://evil.example/login) **now** <https://evil.example/x> ![i](https://evil.example/i.png) _x_ `c`';
const HEADING = '# Urgent';
const TEAM = '19:hostile@thread.tacv2';
const PM = { id: '29:h-pm', name: `Priya ${HOSTILE}` };
const TOM = { id: '29:h-tom', name: 'Tom [Evans](https://evil.example/tom)' };
const actor = (p: typeof PM): Actor => ({ tenantId: TEST_TENANT, userId: p.id, aadObjectId: `aad-${p.id}`, name: p.name });
const ITEM = 'g1-contact-pipeline';

type Json = Record<string, unknown>;

/** Every string Teams would render as Markdown in these replies: message text, TextBlock text, fact titles and values. */
function markdownTexts(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((child) => markdownTexts(child, out));
  else if (typeof node === 'object' && node !== null) {
    const record = node as Json;
    if ((record.type === 'TextBlock' || record.type === 'message') && typeof record.text === 'string') out.push(record.text);
    if (record.type === 'FactSet' && Array.isArray(record.facts)) {
      for (const fact of record.facts as Json[]) for (const k of ['title', 'value']) if (typeof fact[k] === 'string') out.push(fact[k]);
    }
    for (const [key, child] of Object.entries(record)) if (key !== 'data') markdownTexts(child, out);
  }
  return out;
}

function openUrls(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((child) => openUrls(child, out));
  else if (typeof node === 'object' && node !== null) {
    const record = node as Json;
    if (record.type === 'Action.OpenUrl' && typeof record.url === 'string') out.push(record.url);
    Object.values(record).forEach((child) => openUrls(child, out));
  }
  return out;
}

/** Markdown that would do something: an unescaped bracket, emphasis, angle autolink, code, or a bare address. */
function liveMarkdown(text: string): string | undefined {
  const patterns = [/(?<!\\)\[/, /(?<!\\)\*/, /(?<!\\)</, /(?<!\\)`/, /https?:\/\/(?!\u200B)/, /^\s*#/m];
  return patterns.find((p) => p.test(text))?.source;
}

describe('Markdown in what people type', () => {
  it.each([HOSTILE, HEADING, 'a\\b [x]', 'priya_shah@nhs.net', 'www.evil.example', '> quoted'])('when %j is escaped, then it reads back exactly as typed and has no live Markdown', (typed) => {
    const escaped = escapeMarkdown(typed);
    expect(shownText(escaped)).toBe(typed);
    expect(liveMarkdown(escaped)).toBeUndefined();
  });

  it('when an email address has an underscore inside a word, then it is left as typed (not emphasis in CommonMark)', () => {
    expect(escapeMarkdown('priya_shah@nhs.net')).toBe('priya_shah@nhs.net');
  });
});

describe('hostile text across cards, over HTTP', () => {
  let bot: GatewayUnderTest;
  let projectId = '';
  const replies: unknown[] = [];

  const press = async (who: typeof PM, verb: string, data: Json) => {
    const result = await postActivity(
      bot.url,
      executeActivity({ serviceUrl: bot.connector.serviceUrl, fromId: who.id, fromName: who.name, verb, data: { verb, projectId, ...data }, teamId: TEAM }),
    );
    replies.push(result.body);
    return result.body as { type: string; value: unknown };
  };
  const say = async (text: string) => {
    const before = bot.connector.activities.length;
    await postActivity(bot.url, channelMessage({ serviceUrl: bot.connector.serviceUrl, text, teamId: TEAM, fromId: PM.id, fromName: PM.name }));
    replies.push(...bot.connector.activities.slice(before));
  };

  beforeAll(async () => {
    bot = await startGatewayUnderTest();
    for (const person of [PM, TOM]) bot.connector.addMember({ id: person.id, name: person.name });
    const deps = bot.gateway.projects;
    ({ project: { projectId } } = await setUpProject(deps, {
      actor: actor(PM),
      teamId: TEAM,
      form: projectForm({ organisationName: `Trust ${HOSTILE}` }),
    }));
    await assignRole(deps, { actor: actor(PM), projectId, member: actor(TOM), role: 'team-member' });
    await updateChecklistItem(deps, {
      actor: actor(PM),
      projectId,
      itemId: ITEM,
      expectedVersion: 0,
      change: [
        { field: 'owner', owner: { id: TOM.id, name: '' } },
        { field: 'due', due: '2026-12-10' },
        { field: 'note', text: `${HEADING}\n${HOSTILE}` },
        { field: 'evidence', url: 'https://nhs.sharepoint.com/sites/h/plan.docx' },
      ],
    });
    await updateChecklistItem(deps, { actor: actor(PM), projectId, itemId: 'g1-ods-code', expectedVersion: 0, change: { field: 'status', status: 'not-applicable', naReason: HOSTILE } });
    await recordMilestone(deps, { actor: actor(PM), projectId, kind: 'other', date: '2027-01-10', note: HOSTILE });
    await press(TOM, Verbs.questionnaireSave, { sectionId: '1', base: {}, 'org-technical-lead-name': HOSTILE });

    for (const command of ['status', 'my actions', 'gateway 1', 'roles', 'milestones', 'questionnaire', 'questionnaire 1', 'sign off gateway 1', 'set up project']) await say(command);
    await press(PM, Verbs.itemEdit, { stage: 1, itemId: ITEM });
    await press(PM, Verbs.itemHistory, { stage: 1, itemId: ITEM });
    await press(PM, Verbs.itemHistory, { stage: 1, itemId: 'g1-ods-code' });
    await press(TOM, Verbs.myActionsShow, {});
  });
  afterAll(async () => {
    await bot.close();
  });

  it('when every card showing the hostile text is rendered, then none of its shown text has live Markdown', () => {
    const texts = markdownTexts(replies);
    expect(texts.length).toBeGreaterThan(50);
    for (const text of texts) expect(liveMarkdown(text), text.slice(0, 200)).toBeUndefined();
  });

  it('when the hostile text is shown, then people read it exactly as typed (organisation, names, note, reason, milestone, answer)', () => {
    const shown = markdownTexts(replies).map(shownText).join('\n');
    for (const typed of [`Trust ${HOSTILE}`, PM.name, TOM.name, HEADING, HOSTILE]) expect(shown).toContain(typed);
  });

  it('when links appear as buttons, then they are only the https evidence link, never an address someone typed in text', () => {
    const urls = openUrls(replies);
    expect(urls).toContain('https://nhs.sharepoint.com/sites/h/plan.docx');
    for (const url of urls) {
      expect(url.startsWith('https://')).toBe(true);
      expect(url).not.toContain('evil.example');
    }
  });
});
