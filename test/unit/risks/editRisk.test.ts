import { DEFAULT_GATEWAY_CATALOGUE, findItem } from '../../../bot/migration/gateways/catalogue';
import { describe, expect, it } from 'vitest';
import { addRisk } from '../../../bot/migration/risks/addRisk';
import { editRisk } from '../../../bot/migration/risks/editRisk';
import { getRiskHistory } from '../../../bot/migration/risks/getRiskHistory';
import { closeRisk, escalateRisk } from '../../../bot/migration/risks/riskDecisions';
import { RISK_NO_LINK, riskLinkValue } from '../../../bot/migration/risks/riskLinks';
import { InvalidState, NotFound, PermissionDenied, StaleEdit, ValidationFailed } from '../../../bot/migration/shared/errors';
import { caught, lee, priya, sam, sue, tom } from '../projects/projectFixtures';
import { ARCHIVE_RISK, riskWorld, type RiskWorld } from './riskFixtures';

async function withRisk(world: RiskWorld, input = ARCHIVE_RISK): Promise<string> {
  return (await addRisk(world.riskDeps, { actor: tom, projectId: world.project.projectId, input })).entry.riskId;
}

describe('editing an entry of the log', () => {
  it('when a team member edits fields, then only the changed ones are saved, each with before and after in the history', async () => {
    const world = await riskWorld();
    const riskId = await withRisk(world);
    world.clock.set('2026-11-26T09:00:00.000Z');
    const { risk, changed } = await editRisk(world.riskDeps, {
      actor: lee,
      projectId: world.project.projectId,
      riskId,
      expectedVersion: 1,
      input: { ...ARCHIVE_RISK, impact: '5', owner: '29:sam', link: 'gateway:2', status: 'mitigating' },
    });
    expect(changed).toBe(true);
    expect(risk.entry).toMatchObject({ impact: 5, owner: { id: '29:sam', name: 'Sam Okafor' }, link: { kind: 'gateway', stage: 2 }, status: 'mitigating', version: 2, updatedAt: '2026-11-26T09:00:00.000Z' });
    expect(risk.rag).toBe('red');
    const history = await getRiskHistory(world.riskDeps, { actor: priya, projectId: world.project.projectId, riskId });
    expect(history.entries.slice(0, 4).map((e) => [e.field, e.before, e.after])).toEqual([
      ['impact', '4', '5'],
      ['owner', 'Tom Evans', 'Sam Okafor'],
      ['link', `Gateway 1: ${findItem(DEFAULT_GATEWAY_CATALOGUE, 'g1-integrated-apps-review').item.action}`, 'Gateway 2: Initiation'],
      ['status', 'open', 'mitigating'],
    ].reverse());
  });

  it('when None is chosen as the link, then the link is removed (the card sends "none": the official renderer treats an empty choice value as missing)', async () => {
    const world = await riskWorld();
    const riskId = await withRisk(world, { ...ARCHIVE_RISK, link: 'g1-integrated-apps-review' });
    const { risk, changed } = await editRisk(world.riskDeps, { actor: tom, projectId: world.project.projectId, riskId, expectedVersion: 1, input: { link: RISK_NO_LINK } });
    expect(RISK_NO_LINK).not.toBe('');
    expect(changed).toBe(true);
    expect(risk.entry.link).toBeUndefined();
    expect(riskLinkValue(risk.entry.link)).toBe(RISK_NO_LINK);
  });

  it('when the edit changes nothing, then nothing is saved and the version stays', async () => {
    const world = await riskWorld();
    const riskId = await withRisk(world);
    const writes = world.riskStore.writes;
    const { risk, changed } = await editRisk(world.riskDeps, { actor: tom, projectId: world.project.projectId, riskId, expectedVersion: 1, input: ARCHIVE_RISK });
    expect(changed).toBe(false);
    expect(risk.entry.version).toBe(1);
    expect(world.riskStore.writes).toBe(writes);
  });

  it('when the card is out of date, then the edit is refused with StaleEdit and the other change stands', async () => {
    const world = await riskWorld();
    const riskId = await withRisk(world);
    await editRisk(world.riskDeps, { actor: sam, projectId: world.project.projectId, riskId, expectedVersion: 1, input: { title: 'Sam’s title' } });
    const error = await caught(() => editRisk(world.riskDeps, { actor: tom, projectId: world.project.projectId, riskId, expectedVersion: 1, input: { title: 'Tom’s title' } }));
    expect(error).toBeInstanceOf(StaleEdit);
    expect(error).toMatchObject({ expectedVersion: 1, actualVersion: 2 });
    expect((await world.riskDeps.risks.get(world.project.projectId, riskId))?.title).toBe('Sam’s title');
  });

  it('when another change lands between reading and saving, then the retry sees it and refuses the stale edit', async () => {
    const world = await riskWorld();
    const riskId = await withRisk(world);
    world.riskStore.beforeNextWrite(async () => {
      await editRisk(world.riskDeps, { actor: sam, projectId: world.project.projectId, riskId, expectedVersion: 1, input: { mitigation: 'Sam was first' } });
    });
    expect(await caught(() => editRisk(world.riskDeps, { actor: tom, projectId: world.project.projectId, riskId, expectedVersion: 1, input: { actions: 'Tom' } }))).toBeInstanceOf(StaleEdit);
    expect((await world.riskDeps.risks.get(world.project.projectId, riskId))?.mitigation).toBe('Sam was first');
  });

  it('when an edit gives a past review date, then it is refused; an unchanged past review date does not block other edits', async () => {
    const world = await riskWorld();
    const riskId = await withRisk(world);
    world.clock.set('2026-12-10T10:00:00.000Z');
    const refused = await caught(() => editRisk(world.riskDeps, { actor: tom, projectId: world.project.projectId, riskId, expectedVersion: 1, input: { reviewDate: '2026-12-09' } }));
    expect((refused as ValidationFailed).fieldErrors).toEqual([{ field: 'reviewDate', message: 'The review date has already passed: please choose today or a later date.' }]);
    const { risk } = await editRisk(world.riskDeps, { actor: tom, projectId: world.project.projectId, riskId, expectedVersion: 1, input: { ...ARCHIVE_RISK, mitigation: 'Panel booked' } });
    expect(risk.entry.mitigation).toBe('Panel booked');
    expect(risk.reviewOverdue).toBe(true);
  });

  it('when the score rises to the escalation level, then the entry escalates itself; when it falls, the automatic escalation is taken back', async () => {
    const world = await riskWorld();
    const riskId = await withRisk(world);
    const up = await editRisk(world.riskDeps, { actor: tom, projectId: world.project.projectId, riskId, expectedVersion: 1, input: { likelihood: '5' } });
    expect(up.risk.entry.escalation).toMatchObject({ escalated: true, setBy: 'score' });
    const down = await editRisk(world.riskDeps, { actor: tom, projectId: world.project.projectId, riskId, expectedVersion: 2, input: { likelihood: '2' } });
    expect(down.risk.entry.escalation).toMatchObject({ escalated: false, setBy: 'score' });
    const history = await getRiskHistory(world.riskDeps, { actor: priya, projectId: world.project.projectId, riskId });
    expect(history.entries.map((e) => e.change)).toEqual(['de-escalated', 'edited', 'escalated', 'edited', 'added']);
  });

  it('when the SRO has taken an escalation back by hand, then a later edit at the same high score leaves it so', async () => {
    const world = await riskWorld();
    const riskId = await withRisk(world, { ...ARCHIVE_RISK, likelihood: '4', impact: '5' });
    await escalateRisk(world.riskDeps, { actor: sam, projectId: world.project.projectId, riskId, expectedVersion: 1, escalated: false, reason: 'The board already knows.' });
    const { risk } = await editRisk(world.riskDeps, { actor: tom, projectId: world.project.projectId, riskId, expectedVersion: 2, input: { likelihood: '5' } });
    expect(risk.entry.escalation).toMatchObject({ escalated: false, setBy: 'hand', reason: 'The board already knows.' });
  });

  it('when staff try to edit, the entry is closed, or the id is unknown, then each is refused and nothing changes', async () => {
    const world = await riskWorld();
    const riskId = await withRisk(world);
    const projectId = world.project.projectId;
    expect(await caught(() => editRisk(world.riskDeps, { actor: sue, projectId, riskId, expectedVersion: 1, input: { title: 'x' } }))).toBeInstanceOf(PermissionDenied);
    expect(await caught(() => editRisk(world.riskDeps, { actor: tom, projectId, riskId: 'risk-nope', expectedVersion: 1, input: { title: 'x' } }))).toBeInstanceOf(NotFound);
    expect(await caught(() => editRisk(world.riskDeps, { actor: tom, projectId, riskId: '../etc', expectedVersion: 1, input: { title: 'x' } }))).toBeInstanceOf(NotFound);
    expect(await caught(() => editRisk(world.riskDeps, { actor: tom, projectId, riskId, expectedVersion: 0, input: { title: 'x' } }))).toBeInstanceOf(ValidationFailed);
    await closeRisk(world.riskDeps, { actor: priya, projectId, riskId, expectedVersion: 1, reason: 'Approved by IG.' });
    expect(await caught(() => editRisk(world.riskDeps, { actor: tom, projectId, riskId, expectedVersion: 2, input: { title: 'x' } }))).toBeInstanceOf(InvalidState);
    expect((await world.riskDeps.risks.get(projectId, riskId))?.title).toBe(ARCHIVE_RISK.title);
  });
});
