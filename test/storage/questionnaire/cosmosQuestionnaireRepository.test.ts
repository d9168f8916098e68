import type { Container } from '@azure/cosmos';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_GATEWAY_CATALOGUE } from '../../../bot/migration/gateways/catalogue';
import { assignRole } from '../../../bot/migration/projects/assignRole';
import { setUpProject } from '../../../bot/migration/projects/setUpProject';
import { openQuestionnaireSection } from '../../../bot/migration/questionnaire/questionnaireOpenSection';
import type { QuestionnaireDeps } from '../../../bot/migration/questionnaire/questionnaireDeps';
import { saveQuestionnaireSection } from '../../../bot/migration/questionnaire/questionnaireSaveSection';
import { submitProjectQuestionnaire } from '../../../bot/migration/questionnaire/questionnaireSubmit';
import { DEFAULT_QUESTION_SET } from '../../../bot/migration/questionnaire/questionSet';
import { InvalidState } from '../../../bot/migration/shared/errors';
import { CosmosOperationCounter } from '../../../bot/storage/operationCounter';
import { createProjectRepositories } from '../../../bot/storage/projects';
import { CosmosQuestionnaireRepository } from '../../../bot/storage/questionnaire/cosmosQuestionnaireRepository';
import type { QuestionnaireDocument } from '../../../bot/storage/questionnaire/questionnaireDocuments';
import { priya, sam, TestClock, tom, VALID_FORM } from '../../unit/projects/projectFixtures';
import { sectionInputs } from '../../unit/questionnaire/fixtures';
import { startCosmosFixture, type CosmosFixture } from '../cosmosFixture';

/**
 * The real adapter, with a way to land someone else's save between this attempt's read and its write. Within one
 * process saves of a document are grouped into one write, so that someone saves through another instance: `otherInstance`.
 */
class InterruptibleRepository extends CosmosQuestionnaireRepository {
  private interruption: (() => Promise<unknown>) | undefined;
  refused = 0;

  interruptNextWrite(action: () => Promise<unknown>): void {
    this.interruption = action;
  }

  protected override async write(document: QuestionnaireDocument, etag: string | undefined, what: string): Promise<void> {
    const interruption = this.interruption;
    this.interruption = undefined;
    if (interruption) await interruption();
    try {
      await super.write(document, etag, what);
    } catch (error) {
      this.refused += 1;
      throw error;
    }
  }
}

const counter = new CosmosOperationCounter();
let fixture: CosmosFixture;
let repository: InterruptibleRepository;
let deps: QuestionnaireDeps;
/** The same project, through a second bot instance: its own repositories, so its own group commits. */
let otherInstance: QuestionnaireDeps;
let nextId = 0;

beforeAll(async () => {
  fixture = await startCosmosFixture('questionnaire', counter);
  repository = new InterruptibleRepository(fixture.containers.projects);
  deps = {
    ...createProjectRepositories(fixture.containers.projects),
    clock: new TestClock('2026-11-25T10:00:00.000Z'),
    ids: { newId: () => `q-cosmos-${(nextId += 1)}` },
    catalogue: DEFAULT_GATEWAY_CATALOGUE,
    questionnaires: repository,
    questionSet: DEFAULT_QUESTION_SET,
  };
  otherInstance = { ...deps, ...createProjectRepositories(fixture.containers.projects), questionnaires: new CosmosQuestionnaireRepository(fixture.containers.projects) };
});

afterAll(async () => {
  await fixture.close();
});

beforeEach(() => {
  counter.reset();
  repository.refused = 0;
});

async function newProject(): Promise<string> {
  const { project } = await setUpProject(deps, { actor: priya, form: VALID_FORM });
  await assignRole(deps, { actor: priya, projectId: project.projectId, member: tom, role: 'team-member' });
  await assignRole(deps, { actor: priya, projectId: project.projectId, member: sam, role: 'sro' });
  return project.projectId;
}

async function documentsOf(container: Container, projectId: string): Promise<QuestionnaireDocument[]> {
  const { resources } = await container.items
    .query<QuestionnaireDocument>({ query: "SELECT * FROM c WHERE c.projectId = @p AND STARTSWITH(c.type, 'questionnaire')", parameters: [{ name: '@p', value: projectId }] })
    .fetchAll();
  return resources.sort((a, b) => a.id.localeCompare(b.id));
}

const SHARED = 'shared-resources';

describe('the questionnaire on Cosmos', () => {
  it('when nobody has answered, then the record is empty; when a section is saved, then it is one document in the project partition, read back whole', async () => {
    const projectId = await newProject();
    expect(await repository.get(projectId)).toEqual({ answers: {}, questionVersions: {}, sectionVersions: {}, displaced: [], submissions: [], revision: 0 });
    const opened = await openQuestionnaireSection(deps, { actor: tom, projectId, section: SHARED });
    counter.reset();
    await saveQuestionnaireSection(deps, { actor: tom, projectId, sectionId: SHARED, inputs: { 'shared-mailboxes': '12', 'shared-calendars': 'x' }, base: opened.base });
    // One point read of the project, one query for the questionnaire, one create.
    expect(counter.snapshot()).toMatchObject({ read: 1, query: 1, create: 1, replace: 0 });
    const documents = await documentsOf(fixture.containers.projects, projectId);
    expect(documents.map((d) => [d.id, d.type, d.projectId])).toEqual([[`questionnaire-section-${SHARED}`, 'questionnaire-section', projectId]]);
    const record = await repository.get(projectId);
    expect(record.answers['shared-mailboxes']?.value).toEqual({ type: 'number', value: 12 });
    expect(record.answers['shared-calendars']).toBeUndefined();
    expect(record.revision).toBe(1);
  });

  it('when two people change different questions of one section from cards opened together, then both land after a real 412', async () => {
    const projectId = await newProject();
    await saveQuestionnaireSection(deps, { actor: tom, projectId, sectionId: SHARED, inputs: { 'shared-distribution-lists': '1' }, base: {} });
    const tomsCard = await openQuestionnaireSection(deps, { actor: tom, projectId, section: SHARED });
    const samsCard = await openQuestionnaireSection(deps, { actor: sam, projectId, section: SHARED });
    repository.interruptNextWrite(() =>
      saveQuestionnaireSection(otherInstance, { actor: sam, projectId, sectionId: SHARED, inputs: { 'shared-calendars': '4', 'shared-mailboxes': '' }, base: samsCard.base }),
    );
    const toms = await saveQuestionnaireSection(deps, { actor: tom, projectId, sectionId: SHARED, inputs: { 'shared-mailboxes': '12', 'shared-calendars': '' }, base: tomsCard.base });
    expect(toms.outcome).toBe('saved');
    expect(repository.refused).toBe(1);
    const record = await repository.get(projectId);
    expect(record.answers['shared-mailboxes']?.answeredBy.name).toBe('Tom Evans');
    expect(record.answers['shared-calendars']?.answeredBy.name).toBe('Sam Okafor');
    expect(record.answers['shared-distribution-lists']?.value).toEqual({ type: 'number', value: 1 });
    expect(record.revision).toBe(3);
  });

  it('when two people save different sections at the same moment, then neither save collides', async () => {
    const projectId = await newProject();
    const tomsCard = await openQuestionnaireSection(deps, { actor: tom, projectId, section: SHARED });
    repository.interruptNextWrite(() => saveQuestionnaireSection(otherInstance, { actor: sam, projectId, sectionId: 'mobile-devices', inputs: { 'mobile-users': '40' }, base: {} }));
    await saveQuestionnaireSection(deps, { actor: tom, projectId, sectionId: SHARED, inputs: { 'shared-mailboxes': '12' }, base: tomsCard.base });
    expect(repository.refused).toBe(0);
    await Promise.all([
      saveQuestionnaireSection(deps, { actor: tom, projectId, sectionId: 'legacy-data', inputs: { 'legacy-move': 'no' }, base: {} }),
      saveQuestionnaireSection(deps, { actor: sam, projectId, sectionId: 'registrations', inputs: { 'registrations-plan': '2027-01: 10' }, base: {} }),
      saveQuestionnaireSection(deps, { actor: priya, projectId, sectionId: 'applications', inputs: { 'apps-any': 'no' }, base: {} }),
    ]);
    expect(repository.refused).toBe(0);
    expect(Object.keys((await repository.get(projectId)).answers).sort()).toEqual(['apps-any', 'legacy-move', 'mobile-users', 'registrations-plan', 'shared-mailboxes']);
  });

  it('when two people change the same answer from cards opened together, then the later save is refused whole and nothing of it is stored', async () => {
    const projectId = await newProject();
    const tomsCard = await openQuestionnaireSection(deps, { actor: tom, projectId, section: SHARED });
    const samsCard = await openQuestionnaireSection(deps, { actor: sam, projectId, section: SHARED });
    repository.interruptNextWrite(() => saveQuestionnaireSection(otherInstance, { actor: sam, projectId, sectionId: SHARED, inputs: { 'shared-mailboxes': '20' }, base: samsCard.base }));
    const toms = await saveQuestionnaireSection(deps, { actor: tom, projectId, sectionId: SHARED, inputs: { 'shared-mailboxes': '12', 'shared-calendars': '3' }, base: tomsCard.base });
    expect(toms.outcome).toBe('stale');
    expect(toms.outcome === 'stale' && toms.conflicts.map((c) => c.changedBy?.name)).toEqual(['Sam Okafor']);
    expect(toms.keep).toEqual({ 'shared-calendars': '3' });
    const record = await repository.get(projectId);
    expect(record.answers['shared-mailboxes']?.value).toEqual({ type: 'number', value: 20 });
    expect(record.answers['shared-calendars']).toBeUndefined();
    expect(record.revision).toBe(1);
  });

  it('when a submission races another, then one submission is stored and the other is told nothing changed', async () => {
    const projectId = await newProject();
    for (const [sectionId, inputs] of Object.entries(sectionInputs)) {
      await saveQuestionnaireSection(deps, { actor: tom, projectId, sectionId, inputs: sectionId === SHARED ? { ...inputs, 'shared-new-accounts': '2' } : inputs, base: {} });
    }
    repository.interruptNextWrite(() => submitProjectQuestionnaire(otherInstance, { actor: sam, projectId }));
    await expect(submitProjectQuestionnaire(deps, { actor: priya, projectId })).rejects.toBeInstanceOf(InvalidState);
    expect(repository.refused).toBe(1);
    const record = await repository.get(projectId);
    expect(record.submissions.map((s) => s.by.name)).toEqual(['Sam Okafor']);
    expect((await deps.projects.get(projectId))?.milestones.map((m) => m.kind)).toEqual(['questionnaire-submitted']);
    const documents = await documentsOf(fixture.containers.projects, projectId);
    expect(documents.filter((d) => d.type === 'questionnaire-header').map((d) => d.id)).toEqual(['questionnaire']);
    expect(documents).toHaveLength(11);
  });

  it('when two projects are answered, then each reads only its own answers', async () => {
    const first = await newProject();
    const second = await newProject();
    await saveQuestionnaireSection(deps, { actor: tom, projectId: first, sectionId: SHARED, inputs: { 'shared-mailboxes': '1' }, base: {} });
    await saveQuestionnaireSection(deps, { actor: tom, projectId: second, sectionId: SHARED, inputs: { 'shared-mailboxes': '2' }, base: {} });
    expect((await repository.get(first)).answers['shared-mailboxes']?.value).toEqual({ type: 'number', value: 1 });
    expect((await repository.get(second)).answers['shared-mailboxes']?.value).toEqual({ type: 'number', value: 2 });
  });
});
