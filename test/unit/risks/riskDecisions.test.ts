import { describe, expect, it } from 'vitest';
import { addRisk } from '../../../bot/migration/risks/addRisk';
import { getRiskHistory } from '../../../bot/migration/risks/getRiskHistory';
import { closeRisk, escalateRisk, reopenRisk } from '../../../bot/migration/risks/riskDecisions';
import type { ValidationFailed } from '../../../bot/migration/shared/errors';
import { InvalidState, PermissionDenied } from '../../../bot/migration/shared/errors';
import { caught, lee, priya, sam, sue, tom } from '../projects/projectFixtures';
import { ARCHIVE_RISK, riskWorld } from './riskFixtures';

describe('closing, reopening and escalating entries', () => {
  it('when the PM closes an entry with a reason and the SRO reopens it with one, then both are in the history with their reasons', async () => {
    const world = await riskWorld();
    const projectId = world.project.projectId;
    const { riskId } = (await addRisk(world.riskDeps, { actor: tom, projectId, input: ARCHIVE_RISK })).entry;
    const closed = await closeRisk(world.riskDeps, { actor: priya, projectId, riskId, expectedVersion: 1, reason: 'IG approved the tool.' });
    expect(closed.entry).toMatchObject({ status: 'closed', closure: { reason: 'IG approved the tool.', by: { id: '29:priya' } }, version: 2 });
    expect(closed.reviewDue).toBe(false);
    const reopened = await reopenRisk(world.riskDeps, { actor: sam, projectId, riskId, expectedVersion: 2, reason: 'Approval withdrawn.' });
    expect(reopened.entry.status).toBe('open');
    expect(reopened.entry.closure).toBeUndefined();
    const history = await getRiskHistory(world.riskDeps, { actor: lee, projectId, riskId });
    expect(history.entries.map((e) => [e.change, e.before, e.after, e.reason])).toEqual([
      ['reopened', 'closed', 'open', 'Approval withdrawn.'],
      ['closed', 'open', 'closed', 'IG approved the tool.'],
      ['added', null, 'risk: Archive tool not approved by IG', undefined],
    ]);
  });

  it('when closing without a reason, then the reason field says why and the entry stays open', async () => {
    const world = await riskWorld();
    const projectId = world.project.projectId;
    const { riskId } = (await addRisk(world.riskDeps, { actor: tom, projectId, input: ARCHIVE_RISK })).entry;
    const error = await caught(() => closeRisk(world.riskDeps, { actor: priya, projectId, riskId, expectedVersion: 1, reason: '  ' }));
    expect((error as ValidationFailed).fieldErrors).toEqual([{ field: 'reason', message: 'Please give a reason for closing it.' }]);
    expect((await world.riskDeps.risks.get(projectId, riskId))?.status).toBe('open');
  });

  it('when a team member tries to close, reopen or escalate, then only the PM or SRO may', async () => {
    const world = await riskWorld();
    const projectId = world.project.projectId;
    const { riskId } = (await addRisk(world.riskDeps, { actor: tom, projectId, input: ARCHIVE_RISK })).entry;
    const close = await caught(() => closeRisk(world.riskDeps, { actor: tom, projectId, riskId, expectedVersion: 1, reason: 'Done' }));
    expect(close).toBeInstanceOf(PermissionDenied);
    expect((close as PermissionDenied).reason).toBe('Only the project manager or SRO can close a risk or issue.');
    expect(await caught(() => escalateRisk(world.riskDeps, { actor: lee, projectId, riskId, expectedVersion: 1, escalated: true, reason: 'Big' }))).toBeInstanceOf(PermissionDenied);
    expect(await caught(() => reopenRisk(world.riskDeps, { actor: sue, projectId, riskId, expectedVersion: 1, reason: 'x' }))).toBeInstanceOf(PermissionDenied);
  });

  it('when the SRO escalates by hand with a reason, then it stands escalated by hand; asking again saves nothing', async () => {
    const world = await riskWorld();
    const projectId = world.project.projectId;
    const { riskId } = (await addRisk(world.riskDeps, { actor: tom, projectId, input: ARCHIVE_RISK })).entry;
    const view = await escalateRisk(world.riskDeps, { actor: sam, projectId, riskId, expectedVersion: 1, escalated: true, reason: 'Affects the go-live.' });
    expect(view.entry.escalation).toMatchObject({ escalated: true, setBy: 'hand', reason: 'Affects the go-live.', by: { id: '29:sam' } });
    const writes = world.riskStore.writes;
    const again = await escalateRisk(world.riskDeps, { actor: sam, projectId, riskId, expectedVersion: 2, escalated: true, reason: 'Still.' });
    expect(again.entry.version).toBe(2);
    expect(world.riskStore.writes).toBe(writes);
  });

  it('when closing an entry already closed or reopening an open one, then it is refused as making no sense', async () => {
    const world = await riskWorld();
    const projectId = world.project.projectId;
    const { riskId } = (await addRisk(world.riskDeps, { actor: tom, projectId, input: ARCHIVE_RISK })).entry;
    expect(await caught(() => reopenRisk(world.riskDeps, { actor: priya, projectId, riskId, expectedVersion: 1, reason: 'x' }))).toBeInstanceOf(InvalidState);
    await closeRisk(world.riskDeps, { actor: priya, projectId, riskId, expectedVersion: 1, reason: 'x' });
    expect(await caught(() => closeRisk(world.riskDeps, { actor: priya, projectId, riskId, expectedVersion: 2, reason: 'y' }))).toBeInstanceOf(InvalidState);
    expect(await caught(() => escalateRisk(world.riskDeps, { actor: priya, projectId, riskId, expectedVersion: 2, escalated: true, reason: 'y' }))).toBeInstanceOf(InvalidState);
  });
});
