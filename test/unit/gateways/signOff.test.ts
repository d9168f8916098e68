import { describe, expect, it } from 'vitest';
import type { GatewayState } from '../../../bot/migration/gateways/gatewayState';
import { SignOffBlocked } from '../../../bot/migration/gateways/readiness';
import { recordGatewayDecision, reopenGateway, type GatewayDecisionRequest } from '../../../bot/migration/gateways/signOff';
import { InvalidState, PermissionDenied, ValidationFailed } from '../../../bot/migration/shared/errors';
import { AT, catalogue, mandatoryDone, passed, priya, tom } from './fixtures';

function request(overrides: Partial<GatewayDecisionRequest> = {}): GatewayDecisionRequest {
  return { stage: 2, outcome: 'go', comment: 'All done', by: priya, role: 'project-manager', at: AT, ...overrides };
}

describe('recording a gateway decision', () => {
  it('when the gateway is ready and the PM says go, then the gateway passes', () => {
    const state = recordGatewayDecision(catalogue, { items: mandatoryDone(2), gateways: [] }, request());
    expect(state).toEqual({ stage: 2, reopened: [], decision: { outcome: 'go', by: priya, at: AT, comment: 'All done' } });
  });

  it('when the SRO says go, then that is allowed too; a go needs no comment', () => {
    const state = recordGatewayDecision(catalogue, { items: mandatoryDone(2), gateways: [] }, request({ role: 'sro', comment: undefined }));
    expect(state.decision).toMatchObject({ outcome: 'go', comment: '' });
  });

  it.each(['team-member', 'local-admin', 'staff'] as const)('when a %s tries to sign off, then permission is denied', (role) => {
    expect(() => recordGatewayDecision(catalogue, { items: mandatoryDone(2), gateways: [] }, request({ role }))).toThrow(PermissionDenied);
  });

  it('when a go is asked for with blockers, then it is refused and the blockers are listed', () => {
    let caught: unknown;
    try {
      recordGatewayDecision(catalogue, { items: [], gateways: [] }, request({ stage: 1 }));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SignOffBlocked);
    expect(caught).toBeInstanceOf(InvalidState);
    const blocked = caught as SignOffBlocked;
    expect(blocked.blockers).toHaveLength(7);
    expect(blocked.message).toContain('Gateway 1 can\'t be signed off as a go yet');
    expect(blocked.message).toContain('feedback@nhs.net');
  });

  it('when roll-out is signed off before migration readiness passed, then the earlier gateway is a blocker', () => {
    const gateways = [passed(1), passed(2), passed(3)];
    expect(() => recordGatewayDecision(catalogue, { items: mandatoryDone(5), gateways }, request({ stage: 5 }))).toThrow(/Gateway 4 \(Migration readiness\) needs to be passed first/);
  });

  it('when a no-go is recorded with a comment, then it is accepted even with blockers', () => {
    const state = recordGatewayDecision(catalogue, { items: [], gateways: [] }, request({ stage: 4, outcome: 'no-go', comment: ' Pilot showed profile issues ' }));
    expect(state.decision).toMatchObject({ outcome: 'no-go', comment: 'Pilot showed profile issues' });
  });

  it('when a no-go has no comment, then it is refused asking what must change', () => {
    expect(() => recordGatewayDecision(catalogue, { items: [], gateways: [] }, request({ outcome: 'no-go', comment: '  ' }))).toThrow(ValidationFailed);
  });

  it('when the comment is too long or the outcome unknown, then it is refused', () => {
    expect(() => recordGatewayDecision(catalogue, { items: mandatoryDone(2), gateways: [] }, request({ comment: 'x'.repeat(1001) }))).toThrow(ValidationFailed);
    const odd = request({ outcome: 'maybe' as unknown as 'go' });
    expect(() => recordGatewayDecision(catalogue, { items: mandatoryDone(2), gateways: [] }, odd)).toThrow(ValidationFailed);
  });

  it('when a no-go is followed by a go once fixed, then the go replaces it', () => {
    const noGo: GatewayState = { stage: 2, decision: { outcome: 'no-go', by: tom, at: AT, comment: 'PID missing' }, reopened: [] };
    const state = recordGatewayDecision(catalogue, { items: mandatoryDone(2), gateways: [noGo] }, request());
    expect(state.decision?.outcome).toBe('go');
  });

  it('when the gateway has already passed, then another decision is refused until it is reopened', () => {
    expect(() => recordGatewayDecision(catalogue, { items: mandatoryDone(2), gateways: [passed(2)] }, request({ outcome: 'no-go', comment: 'Oops' }))).toThrow(
      /already been signed off/,
    );
  });
});

describe('reopening a gateway', () => {
  it('when a passed gateway is reopened with a reason, then the go is undone and kept in history', () => {
    const gateway = passed(3);
    const state = reopenGateway(gateway, { reason: ' Policy review found gaps ', by: tom, role: 'sro', at: AT });
    expect(state.decision).toBeUndefined();
    expect(state.reopened).toEqual([{ by: tom, at: AT, reason: 'Policy review found gaps', previousDecision: gateway.decision }]);
  });

  it('when a gateway has not passed, then there is nothing to reopen', () => {
    expect(() => reopenGateway({ stage: 3, reopened: [] }, { reason: 'x', by: tom, role: 'sro', at: AT })).toThrow(InvalidState);
    const noGo: GatewayState = { stage: 3, decision: { outcome: 'no-go', by: tom, at: AT, comment: 'Not yet' }, reopened: [] };
    expect(() => reopenGateway(noGo, { reason: 'x', by: tom, role: 'sro', at: AT })).toThrow(/hasn't been passed/);
  });

  it('when no reason is given, then it is refused', () => {
    expect(() => reopenGateway(passed(3), { reason: '   ', by: tom, role: 'project-manager', at: AT })).toThrow(ValidationFailed);
  });

  it('when a team member tries to reopen, then permission is denied', () => {
    expect(() => reopenGateway(passed(3), { reason: 'x', by: tom, role: 'team-member', at: AT })).toThrow(PermissionDenied);
  });

  it('when a reopened gateway is signed off again, then it passes and the earlier reopening stays on record', () => {
    const reopened = reopenGateway(passed(2), { reason: 'PID updated', by: tom, role: 'sro', at: AT });
    const again = recordGatewayDecision(catalogue, { items: mandatoryDone(2), gateways: [reopened] }, request());
    expect(again.decision?.outcome).toBe('go');
    expect(again.reopened).toHaveLength(1);
  });
});
