import { describe, expect, it } from 'vitest';
import { newGatewayState } from '../../../bot/migration/gateways/gatewayState';
import { describeBlocker } from '../../../bot/migration/gateways/readiness';
import { SIGN_OFF_INPUTS, signOffCardJson } from '../../../cards/signOffCard';
import { Verbs } from '../../../cards/verbs';
import { actionsTitled, collectActions, collectInputs, visibleText, type Json } from './cardWalk';
import { checklistFixture, GO, NO_GO, PROJECT_ID } from './fixtures';

const ready = () => checklistFixture(1, { statusAt: () => 'done' });

function choiceValues(card: Json): string[] {
  const outcome = collectInputs(card).find((i) => i.id === SIGN_OFF_INPUTS.outcome);
  return (outcome?.choices as { value: string }[] | undefined)?.map((c) => c.value) ?? [];
}

describe('signOffCard', () => {
  it('when nothing blocks it and the viewer may sign off, then it says ready and offers go or no-go with a comment', () => {
    const card = signOffCardJson(ready());
    const text = visibleText(card);
    expect(text).toContain('Gateway 1: Initial preparations');
    expect(text).toContain('Ready to sign off');
    expect(choiceValues(card)).toEqual(['go', 'no-go']);
    expect(collectInputs(card).map((i) => i.id)).toEqual([SIGN_OFF_INPUTS.outcome, SIGN_OFF_INPUTS.comment]);
    expect(text).toContain('Comment (required for a no-go: say what needs to change)');
    expect(actionsTitled(card, 'Record decision')[0]).toMatchObject({
      type: 'Action.Execute',
      verb: Verbs.gatewayDecide,
      data: { verb: Verbs.gatewayDecide, projectId: PROJECT_ID, stage: 1 },
    });
  });

  it('when things block it, then each is listed in plain words and only a no-go is offered', () => {
    const checklist = checklistFixture(4);
    expect(checklist.blockers.length).toBeGreaterThan(0);
    const card = signOffCardJson(checklist);
    const text = visibleText(card);
    expect(text).toContain(`Not ready yet: ${checklist.blockers.length} things are outstanding.`);
    for (const blocker of checklist.blockers) expect(text).toContain(describeBlocker(blocker));
    expect(choiceValues(card)).toEqual(['no-go']);
    expect(text).toContain('A go needs everything above finished first.');
  });

  it('when roll-out waits for earlier gateways, then the blockers name them', () => {
    const others = [1, 2, 3, 4].map((s) => newGatewayState(s as 1 | 2 | 3 | 4));
    const text = visibleText(signOffCardJson(checklistFixture(5, { otherGateways: others, statusAt: () => 'done' })));
    expect(text).toContain('Gateway 1 (Initial preparations) needs to be passed first.');
  });

  it('when a no-go was recorded, then it shows who, when and what must change, and a new decision can be made', () => {
    const card = signOffCardJson(checklistFixture(2, { decision: NO_GO }));
    const text = visibleText(card);
    expect(text).toContain('Last decision: no-go recorded by Priya Shah on Mon 23 Nov 2026, 16:45.');
    expect(text).toContain('Comment: The business case needs finance sign-off first.');
    expect(actionsTitled(card, 'Record decision')).toHaveLength(1);
  });

  it('when the gateway has passed, then it shows who passed it and when, and offers Reopen with a reason', () => {
    const card = signOffCardJson(checklistFixture(1, { statusAt: () => 'done', decision: GO }));
    const text = visibleText(card);
    expect(text).toContain('Passed: go recorded by Tom Evans on Tue 24 Nov 2026, 10:30.');
    expect(text).toContain('Comment: All required items done; pilot went well.');
    expect(actionsTitled(card, 'Record decision')).toEqual([]);
    const [reopen] = actionsTitled(card, 'Reopen');
    expect(reopen?.type).toBe('Action.ShowCard');
    expect(collectInputs(reopen?.card).map((i) => i.id)).toEqual([SIGN_OFF_INPUTS.reason]);
    expect(actionsTitled(reopen?.card, 'Reopen the gateway')[0]).toMatchObject({
      type: 'Action.Execute',
      verb: Verbs.gatewayReopen,
      data: { verb: Verbs.gatewayReopen, projectId: PROJECT_ID, stage: 1 },
    });
  });

  it('when the viewer cannot sign off, then they see readiness, who can sign off, and no decision buttons', () => {
    for (const viewerRole of ['team-member', 'local-admin', 'staff'] as const) {
      const card = signOffCardJson(checklistFixture(4, { viewerRole }));
      expect(visibleText(card)).toContain('Only the project manager or the senior responsible owner can sign off a gateway.');
      expect(collectInputs(card)).toEqual([]);
      expect(collectActions(card).map((a) => a.title)).toEqual(['Back to the checklist']);
    }
  });

  it('when there is a message, then it comes first', () => {
    const message = 'Tom Evans recorded a decision a moment ago; here is where the gateway stands now.';
    expect(visibleText(signOffCardJson(ready(), { message })).startsWith(message)).toBe(true);
  });
});
