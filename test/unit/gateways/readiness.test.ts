import { describe, expect, it } from 'vitest';
import { getStage } from '../../../bot/migration/gateways/catalogue';
import { SignOffBlocked, describeBlocker, isReadyForSignOff, signOffBlockers } from '../../../bot/migration/gateways/readiness';
import { catalogue, itemState, mandatoryDone, passed } from './fixtures';

describe('sign-off readiness', () => {
  it('when nothing is done, then every mandatory item of the gateway blocks it', () => {
    const blockers = signOffBlockers(catalogue, 1, [], []);
    expect(blockers).toHaveLength(7);
    expect(blockers.every((b) => b.kind === 'mandatory-item-open')).toBe(true);
  });

  it('when every mandatory item is done with the evidence asked for, then the gateway is ready', () => {
    expect(signOffBlockers(catalogue, 2, mandatoryDone(2), [])).toEqual([]);
    expect(isReadyForSignOff(catalogue, 2, mandatoryDone(2), [])).toBe(true);
  });

  it('when optional items are still open, then they do not block', () => {
    const items = mandatoryDone(2);
    expect(items.some((i) => i.itemId === 'g2-highlight-report')).toBe(false);
    expect(isReadyForSignOff(catalogue, 2, items, [])).toBe(true);
  });

  it('when a mandatory item is not applicable, then it does not block', () => {
    const items = mandatoryDone(1).map((i) =>
      i.itemId === 'g1-ods-code' ? itemState(i.itemId, { status: 'not-applicable', naReason: 'Existing code RH8' }) : i,
    );
    expect(isReadyForSignOff(catalogue, 1, items, [])).toBe(true);
  });

  it('when an evidence item is done without a link, then it blocks; a plain item done without a link does not', () => {
    const items = mandatoryDone(2).map((i) => (i.itemId === 'g2-pid' ? { ...i, evidence: [] } : i));
    expect(signOffBlockers(catalogue, 2, items, [])).toEqual([
      { kind: 'evidence-missing', itemId: 'g2-pid', action: expect.stringContaining('project initiation document') as string },
    ]);
  });

  it('when an evidence item is not applicable, then no link is needed', () => {
    const items = mandatoryDone(2).map((i) =>
      i.itemId === 'g2-pid' ? itemState('g2-pid', { status: 'not-applicable', naReason: 'Managed service provider holds the PID' }) : i,
    );
    expect(isReadyForSignOff(catalogue, 2, items, [])).toBe(true);
  });

  it('when stages 1 to 4 are checked, then earlier gateways do not block them (they may run in parallel)', () => {
    expect(isReadyForSignOff(catalogue, 4, mandatoryDone(4), [])).toBe(true);
  });

  it('when roll-out is checked before gateways 1 to 4 have passed, then each unpassed one blocks it', () => {
    const blockers = signOffBlockers(catalogue, 5, mandatoryDone(5), [passed(1), passed(3), { stage: 4, reopened: [], decision: { outcome: 'no-go', by: { id: 'x', name: 'X' }, at: '2026-01-01T00:00:00Z', comment: 'Pilot failed' } }]);
    expect(blockers).toEqual([
      { kind: 'earlier-gateway-not-passed', stage: 2, title: 'Initiation' },
      { kind: 'earlier-gateway-not-passed', stage: 4, title: 'Migration readiness' },
    ]);
  });

  it('when roll-out is checked after gateways 1 to 4 passed, then only its own items matter', () => {
    const gateways = [passed(1), passed(2), passed(3), passed(4)];
    expect(isReadyForSignOff(catalogue, 5, mandatoryDone(5), gateways)).toBe(true);
    expect(signOffBlockers(catalogue, 5, [], gateways).every((b) => b.kind === 'mandatory-item-open')).toBe(true);
  });

  it('when post-migration review is checked before roll-out passed, then roll-out blocks it', () => {
    const gateways = [passed(1), passed(2), passed(3), passed(4)];
    expect(signOffBlockers(catalogue, 6, mandatoryDone(6), gateways)).toEqual([
      { kind: 'earlier-gateway-not-passed', stage: 5, title: 'Roll-out' },
    ]);
    expect(isReadyForSignOff(catalogue, 6, mandatoryDone(6), [...gateways, passed(5)])).toBe(true);
  });

  it('when blockers are described, then each is a friendly sentence', () => {
    const stage = getStage(catalogue, 2);
    const pid = stage.items.find((i) => i.id === 'g2-pid');
    expect(describeBlocker({ kind: 'earlier-gateway-not-passed', stage: 4, title: 'Migration readiness' })).toBe(
      'Gateway 4 (Migration readiness) needs to be passed first.',
    );
    expect(describeBlocker({ kind: 'mandatory-item-open', itemId: 'g2-pid', action: pid?.action ?? '', status: 'open' })).toMatch(/is still open\.$/);
    expect(describeBlocker({ kind: 'mandatory-item-open', itemId: 'g2-pid', action: 'X', status: 'skipped' })).toMatch(/skipped, but it is required/);
    expect(describeBlocker({ kind: 'evidence-missing', itemId: 'g2-pid', action: 'X' })).toMatch(/needs a link to the document/);
  });

  it('when a sign-off is blocked, then the error lists every blocker and says how to move on', () => {
    const blockers = signOffBlockers(catalogue, 1, mandatoryDone(1).slice(2), []);
    const error = new SignOffBlocked(1, blockers);
    expect(error.code).toBe('invalid-state');
    expect(error.blockers).toHaveLength(2);
    expect(error.message).toContain('2 things are still outstanding');
    expect(error.message.split('\n')).toHaveLength(3);
    expect(error.hint).toMatch(/no-go/);
  });
});
