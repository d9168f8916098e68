import { describe, expect, it } from 'vitest';
import { addRisk } from '../../../bot/migration/risks/addRisk';
import { getRiskHistory } from '../../../bot/migration/risks/getRiskHistory';
import { resolveRiskSettings } from '../../../bot/migration/risks/riskSettings';
import { PermissionDenied, ValidationFailed } from '../../../bot/migration/shared/errors';
import { caught, intruder, lee, niaInTeam, priya, sue, tom } from '../projects/projectFixtures';
import { ARCHIVE_RISK, riskWorld } from './riskFixtures';

describe('adding to the risks and issues log', () => {
  it('when a team member adds a risk, then it is stored with its score, RAG, owner, link and a history line', async () => {
    const world = await riskWorld();
    const view = await addRisk(world.riskDeps, { actor: tom, projectId: world.project.projectId, input: ARCHIVE_RISK });
    expect(view.score).toBe(12);
    expect(view.rag).toBe('amber');
    expect(view.entry).toMatchObject({
      type: 'risk',
      title: 'Archive tool not approved by IG',
      owner: { id: '29:tom', name: 'Tom Evans' },
      link: { kind: 'item', stage: 1, itemId: 'g1-integrated-apps-review' },
      reviewDate: '2026-12-02',
      status: 'open',
      escalation: { escalated: false },
      version: 1,
    });
    const stored = await world.riskDeps.risks.get(world.project.projectId, view.entry.riskId);
    expect(stored).toEqual(view.entry);
    const history = await getRiskHistory(world.riskDeps, { actor: priya, projectId: world.project.projectId, riskId: view.entry.riskId });
    expect(history.entries).toEqual([{ at: '2026-11-25T10:00:00.000Z', by: { id: '29:tom', name: 'Tom Evans' }, change: 'added', field: 'entry', before: null, after: 'risk: Archive tool not approved by IG' }]);
  });

  it('when only a title, likelihood and impact are given, then it is a risk owned by the person adding it, due for review in a week', async () => {
    const world = await riskWorld();
    const view = await addRisk(world.riskDeps, { actor: lee, projectId: world.project.projectId, input: { title: '  scan to email fails on ward 7 ', likelihood: 2, impact: 2 } });
    expect(view.entry).toMatchObject({ type: 'risk', title: 'scan to email fails on ward 7', category: 'other', owner: { id: '29:lee' }, reviewDate: '2026-12-02', description: '' });
    expect(view.entry.link).toBeUndefined();
    expect(view.rag).toBe('green');
  });

  it('when likelihood is 7, the title empty, the review date past and the owner not in the team, then each field says why and nothing is saved', async () => {
    const world = await riskWorld();
    const error = await caught(() =>
      addRisk(world.riskDeps, { actor: tom, projectId: world.project.projectId, input: { ...ARCHIVE_RISK, likelihood: '7', title: '   ', reviewDate: '2026-11-24', owner: '29:nia' } }),
    );
    expect(error).toBeInstanceOf(ValidationFailed);
    const fields = Object.fromEntries((error as ValidationFailed).fieldErrors.map((e) => [e.field, e.message]));
    expect(fields).toEqual({
      title: 'Please give the risk or issue a short title.',
      likelihood: 'The likelihood must be a whole number from 1 to 5.',
      owner: 'Please choose someone in the project team to own this.',
      reviewDate: 'The review date has already passed: please choose today or a later date.',
    });
    expect(world.riskStore.writes).toBe(0);
  });

  it('when the owner is a member of staff, an unknown link or category is chosen, or the status is closed, then those are refused', async () => {
    const world = await riskWorld();
    const error = await caught(() =>
      addRisk(world.riskDeps, { actor: tom, projectId: world.project.projectId, input: { ...ARCHIVE_RISK, owner: '29:sue', link: 'g9-nothing', category: 'gossip', status: 'closed', impact: '2.5', type: 'worry' } }),
    );
    expect((error as ValidationFailed).fieldErrors.map((e) => e.field).sort()).toEqual(['category', 'impact', 'link', 'owner', 'status', 'type']);
    expect(world.riskStore.writes).toBe(0);
  });

  it('when the review date is today (in London, just after midnight in summer time), then it is accepted', async () => {
    const world = await riskWorld('2026-06-30T23:30:00.000Z');
    const view = await addRisk(world.riskDeps, { actor: tom, projectId: world.project.projectId, input: { ...ARCHIVE_RISK, reviewDate: '2026-07-01' } });
    expect(view.entry.reviewDate).toBe('2026-07-01');
  });

  it('when a risk scores at or above the escalation score, then it is escalated by itself, with the reason in its history', async () => {
    const world = await riskWorld();
    const view = await addRisk(world.riskDeps, { actor: tom, projectId: world.project.projectId, input: { ...ARCHIVE_RISK, likelihood: '4', impact: '5' } });
    expect(view.score).toBe(20);
    expect(view.rag).toBe('red');
    expect(view.entry.escalation).toMatchObject({ escalated: true, setBy: 'score' });
    const history = await getRiskHistory(world.riskDeps, { actor: priya, projectId: world.project.projectId, riskId: view.entry.riskId });
    expect(history.entries.map((e) => e.change)).toEqual(['escalated', 'added']);
  });

  it('when the organisation sets other thresholds, then colour and escalation follow them', async () => {
    const world = await riskWorld(undefined, { redScore: 20, amberScore: 10, escalateScore: 12 });
    const view = await addRisk(world.riskDeps, { actor: tom, projectId: world.project.projectId, input: ARCHIVE_RISK });
    expect(view.rag).toBe('amber');
    expect(view.entry.escalation.escalated).toBe(true);
    expect(() => resolveRiskSettings({ amberScore: 16, redScore: 15, escalateScore: 30 })).toThrow(ValidationFailed);
  });

  it('when staff or someone outside the project tries to add, then it is refused and nothing is saved', async () => {
    const world = await riskWorld();
    expect(await caught(() => addRisk(world.riskDeps, { actor: sue, projectId: world.project.projectId, input: ARCHIVE_RISK }))).toBeInstanceOf(PermissionDenied);
    expect(await caught(() => addRisk(world.riskDeps, { actor: niaInTeam, projectId: world.project.projectId, input: ARCHIVE_RISK }))).toBeInstanceOf(PermissionDenied);
    expect((await caught(() => addRisk(world.riskDeps, { actor: intruder, projectId: world.project.projectId, input: ARCHIVE_RISK }))) as Error).toHaveProperty('code', 'not-found');
    expect(world.riskStore.writes).toBe(0);
  });
});
