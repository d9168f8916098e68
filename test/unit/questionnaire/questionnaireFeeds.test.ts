import { describe, expect, it } from 'vitest';
import { FEED_ITEMS } from '../../../bot/migration/questionnaire/questionnaireChecklistNotes';

const FEED_ITEM_ID = FEED_ITEMS.applications;
import { tom } from '../projects/projectFixtures';
import { fillSection, questionnaireWorld } from './questionnaireWorld';

const applications = {
  'apps-any': 'true',
  'apps-list': [
    { name: 'Mitel phones', purpose: 'voip', sendsMailVia: 'smtp-relay', contact: 'ICT service desk', flagged: true },
    { name: 'Ricoh scanners', purpose: 'scan-to-email', sendsMailVia: 'exchange' },
  ],
};

describe('questionnaire answers feeding the checklist', () => {
  it('when an application is flagged for re-integration, then it becomes a note on the integrated applications review item', async () => {
    const world = await questionnaireWorld();
    await fillSection(world, tom, 'applications', applications);

    const item = (await world.deps.gateways.get(world.project.projectId, 1)).items.find((i) => i.itemId === FEED_ITEM_ID);
    const notes = item?.notes.map((n) => n.text) ?? [];
    expect(notes.some((text) => text.startsWith('Risk from the discovery questionnaire:') && text.includes('Mitel phones'))).toBe(true);
    expect(notes.some((text) => text.includes('Ricoh scanners'))).toBe(false);
    expect(item?.notes[0]?.by).toEqual({ id: tom.userId, name: tom.name });
  });

  it('when the section is saved again with one more flagged application, then only that one is added: no note twice', async () => {
    const world = await questionnaireWorld();
    const notesNow = async () => (await world.deps.gateways.get(world.project.projectId, 1)).items.find((i) => i.itemId === FEED_ITEM_ID)?.notes.map((n) => n.text) ?? [];
    await fillSection(world, tom, 'applications', applications);
    const first = await notesNow();
    expect(first).toHaveLength(1);
    expect(first[0]).toContain('Mitel phones');

    await fillSection(world, tom, 'applications', {
      ...applications,
      'apps-list': [...applications['apps-list'], { name: 'Pager gateway', purpose: 'alerts', sendsMailVia: 'unknown', flagged: true }],
    });
    const second = await notesNow();
    expect(second).toHaveLength(2);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).toContain('Pager gateway');

    await fillSection(world, tom, 'applications', {
      ...applications,
      'apps-list': [...applications['apps-list'], { name: 'Pager gateway', purpose: 'alerts', sendsMailVia: 'unknown', flagged: true }],
    });
    expect(await notesNow()).toEqual(second);
  });

  it('when nothing is flagged, then the checklist is left alone', async () => {
    const world = await questionnaireWorld();
    await fillSection(world, tom, 'mailbox-sizes', { 'mailbox-over-quota': '18', 'mailbox-largest-gb': '52' });
    expect((await world.deps.gateways.get(world.project.projectId, 1)).items).toEqual([]);
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
