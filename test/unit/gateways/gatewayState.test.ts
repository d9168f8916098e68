import { describe, expect, it } from 'vitest';
import { isPassed, newGatewayState, newItemState } from '../../../bot/migration/gateways/gatewayState';
import { AT, priya } from './fixtures';

describe('gateway state records', () => {
  it('when an item record is created, then it is open, empty and at version 0', () => {
    expect(newItemState('g1-ods-code', priya, AT)).toEqual({
      itemId: 'g1-ods-code',
      status: 'open',
      notes: [],
      evidence: [],
      updatedBy: priya,
      updatedAt: AT,
      version: 0,
    });
  });

  it('when a gateway has no decision or a no-go, then it has not passed; a go has', () => {
    expect(isPassed(newGatewayState(1))).toBe(false);
    expect(isPassed(undefined)).toBe(false);
    expect(isPassed({ stage: 1, reopened: [], decision: { outcome: 'no-go', by: priya, at: AT, comment: 'Not yet' } })).toBe(false);
    expect(isPassed({ stage: 1, reopened: [], decision: { outcome: 'go', by: priya, at: AT, comment: '' } })).toBe(true);
  });
});
