import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Verbs } from '../../../cards/verbs';
import { WALKTHROUGH_CHOICES, WALKTHROUGH_INPUTS, walkthroughCard } from '../../../cards/walkthroughCard';
import { collectActions, collectInputs, visibleText } from './cardWalk';
import { checklistFixture, MEMBER_CHOICES, PROJECT_ID } from './fixtures';

const checklist = checklistFixture(4);
const entry = checklist.entries.find((e) => e.status === 'open' && e.overdue);
if (!entry) throw new Error('the fixture has open overdue items');
const extras = { projectId: PROJECT_ID, stage: 4 as const, position: 3, total: 12, memberChoices: MEMBER_CHOICES };
const card = walkthroughCard(entry, extras);

describe('walkthroughCard', () => {
  it('when shown, then it says where we are, what to do and whose it is', () => {
    const text = visibleText(card);
    expect(text).toContain('Item 3 of 12');
    expect(text).toContain(entry.item.action);
    expect(text).toContain(`Owner: ${entry.owner?.name ?? ''}`);
    expect(text).toContain('· Overdue');
  });

  it('when the person answers, then every button is an Action.Submit, because the walkthrough is a dialog', () => {
    const actions = collectActions(card);
    expect(actions.map((a) => a.title)).toEqual([
      'Done',
      'Not applicable',
      'Mark not applicable',
      'Assign owner',
      'Assign',
      'Add note or link',
      'Add',
      'Skip',
      'Stop',
    ]);
    expect(actions.filter((a) => a.type === 'Action.Execute')).toEqual([]);
  });

  it('when an answer is sent, then it carries its choice, the item and the version shown', () => {
    const answers = collectActions(card).filter((a) => a.data?.verb === Verbs.walkthroughAnswer);
    expect(answers.map((a) => a.data?.choice)).toEqual(['done', 'na', 'assign', 'note', 'skip']);
    for (const answer of answers) {
      expect(answer.data).toEqual({ verb: Verbs.walkthroughAnswer, choice: answer.data?.choice, projectId: PROJECT_ID, stage: 4, itemId: entry.item.id, expectedVersion: entry.version });
    }
  });

  it('when Stop is pressed, then it sends walkthrough-stop and no form values', () => {
    const stop = collectActions(card).find((a) => a.title === 'Stop');
    expect(stop).toMatchObject({ type: 'Action.Submit', associatedInputs: 'none', data: { verb: Verbs.walkthroughStop, projectId: PROJECT_ID, stage: 4 } });
  });

  it('when a choice needs more, then its ShowCard holds exactly the inputs for it', () => {
    const showCards = collectActions(card).filter((a) => a.type === 'Action.ShowCard');
    const idsIn = (title: string) => collectInputs(showCards.find((a) => a.title === title)?.card).map((i) => i.id);
    expect(idsIn('Not applicable')).toEqual([WALKTHROUGH_INPUTS.naReason]);
    expect(idsIn('Assign owner')).toEqual([WALKTHROUGH_INPUTS.owner, WALKTHROUGH_INPUTS.due]);
    expect(idsIn('Add note or link')).toEqual([WALKTHROUGH_INPUTS.note, WALKTHROUGH_INPUTS.evidenceUrl]);
  });

  it('when assigning, then the team are the choices and the current owner is preselected', () => {
    const owner = collectInputs(card).find((i) => i.id === WALKTHROUGH_INPUTS.owner);
    expect(owner?.choices).toEqual(MEMBER_CHOICES);
    expect(owner?.value).toBe(entry.owner?.id);
  });

  it('when the template is edited, then its choices stay the ones the dialog understands', () => {
    const text = readFileSync(join(__dirname, '../../../cards/templates/walkthrough.json'), 'utf8');
    const used = [...text.matchAll(/"choice":\s*"([^"]+)"/g)].map((m) => m[1]);
    expect(used).toEqual([...WALKTHROUGH_CHOICES]);
  });
});
