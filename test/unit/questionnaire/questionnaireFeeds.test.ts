import { describe, expect, it } from 'vitest';
import { FEED_ITEMS } from '../../../bot/migration/questionnaire/questionnaireChecklistNotes';

const FEED_ITEM_ID = FEED_ITEMS.applications;
import { priya, tom } from '../projects/projectFixtures';
import { fillSection, questionnaireWorld } from './questionnaireWorld';

const applications = {
  'apps-any': 'true',
  'apps-list': [
    { name: 'Mitel phones', purpose: 'voip', sendsMailVia: 'smtp-relay', contact: 'ICT service desk', flagged: true },
    { name: 'Ricoh scanners', purpose: 'scan-to-email', sendsMailVia: 'exchange' },
  ],
};

describe('questionnaire answers feeding the risks and issues log', () => {
  const suggested = async (world: Awaited<ReturnType<typeof questionnaireWorld>>) =>
    (await world.riskStore.risks.all(world.project.projectId)).filter((e) => e.source?.kind === 'questionnaire');

  it('when an application is flagged for re-integration, then it becomes a log entry owned by the PM, marked as suggested by the questionnaire, and not a checklist note', async () => {
    const world = await questionnaireWorld();
    await fillSection(world, tom, 'applications', applications);

    const entries = await suggested(world);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.title).toContain('Mitel phones');
    expect(entries[0]?.owner).toEqual({ id: priya.userId, name: priya.name });
    expect(entries[0]?.link).toEqual({ kind: 'item', stage: 1, itemId: FEED_ITEM_ID });
    expect(entries.some((e) => e.title.includes('Ricoh scanners'))).toBe(false);
    const item = (await world.deps.gateways.get(world.project.projectId, 1)).items.find((i) => i.itemId === FEED_ITEM_ID);
    expect(item?.notes.some((n) => n.text.startsWith('Risk from the discovery questionnaire:')) ?? false).toBe(false);
  });

  it('when the section is saved again with one more flagged application, then only that one is added: no entry twice', async () => {
    const world = await questionnaireWorld();
    await fillSection(world, tom, 'applications', applications);
    const first = await suggested(world);
    expect(first).toHaveLength(1);

    const more = { ...applications, 'apps-list': [...applications['apps-list'], { name: 'Pager gateway', purpose: 'alerts', sendsMailVia: 'unknown', flagged: true }] };
    await fillSection(world, tom, 'applications', more);
    const second = await suggested(world);
    expect(second).toHaveLength(2);
    expect(second.some((e) => e.title.includes('Pager gateway'))).toBe(true);

    await fillSection(world, tom, 'applications', more);
    expect((await suggested(world)).map((e) => e.riskId).sort()).toEqual(second.map((e) => e.riskId).sort());
  });

  it('when nothing is flagged, then the checklist and the log are left alone', async () => {
    const world = await questionnaireWorld();
    await fillSection(world, tom, 'mailbox-sizes', { 'mailbox-over-quota': '18', 'mailbox-largest-gb': '52' });
    expect((await world.deps.gateways.get(world.project.projectId, 1)).items).toEqual([]);
    expect(await suggested(world)).toEqual([]);
  });
});

describe('questionnaire figures noted beside the plan', () => {
  it('when the questionnaire’s user numbers differ from the set-up, then the numbers item gets a note giving both', async () => {
    const world = await questionnaireWorld();
    await fillSection(world, tom, 'users-and-accounts', { 'users-existing': '5,200', 'users-new-accounts': String(world.project.newAccounts), 'users-existing-nhsmail': '0' });

    const notes = (await world.deps.gateways.get(world.project.projectId, 1)).items.find((i) => i.itemId === FEED_ITEMS.numbers)?.notes.map((n) => n.text) ?? [];
    expect(notes).toContain(`From the discovery questionnaire: about 5,200 users (the project was set up with ${world.project.approximateUsers.toLocaleString('en-GB')}).`);
    expect(notes).toContain(`From the discovery questionnaire: ${world.project.newAccounts.toLocaleString('en-GB')} new accounts needed.`);
  });

  it('when the method is answered, then the method item on gateway 2 notes it, saying if it differs from the set-up', async () => {
    const world = await questionnaireWorld();
    await fillSection(world, tom, 'migration-method-and-phasing', { 'method-approach': 'third-party' });
    const notes = (await world.deps.gateways.get(world.project.projectId, 2)).items.find((i) => i.itemId === FEED_ITEMS.method)?.notes.map((n) => n.text) ?? [];
    expect(notes).toEqual(['From the discovery questionnaire: migration by a third-party supplier (the project was set up with self-migration).']);
  });
});
