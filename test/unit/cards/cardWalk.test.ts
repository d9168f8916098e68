import { describe, expect, it } from 'vitest';
import { collectActions, collectInputs, executeWithoutSubmitFallback, verbsOf, visibleText } from './cardWalk';

/** The walker decides what the other card tests can see, so it is tested on a card with every hiding place. */
const card = {
  type: 'AdaptiveCard',
  version: '1.5',
  refresh: { action: { type: 'Action.Execute', verb: 'checklist-refresh', data: { verb: 'checklist-refresh' } } },
  body: [
    { type: 'TextBlock', text: 'Shown' },
    { type: 'TextBlock', text: 'Hidden', isVisible: false },
    { type: 'Container', selectAction: { type: 'Action.OpenUrl', title: 'Open', url: 'https://example.nhs.uk' }, items: [{ type: 'Input.Text', id: 'a' }] },
    { type: 'ActionSet', actions: [{ type: 'Action.Execute', title: 'No fallback', verb: 'item-done', data: { verb: 'item-done' } }] },
    { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'Due Fri 20 Nov 2026' }, { type: 'TextRun', text: ' · Overdue' }] },
  ],
  actions: [
    {
      type: 'Action.ShowCard',
      title: 'More',
      card: {
        type: 'AdaptiveCard',
        body: [{ type: 'Input.Date', id: 'b' }],
        actions: [
          {
            type: 'Action.Execute',
            title: 'Save',
            verb: 'item-save',
            data: { verb: 'item-save' },
            fallback: { type: 'Action.Submit', title: 'Save', data: { verb: 'item-save' } },
          },
        ],
      },
    },
  ],
};

describe('cardWalk', () => {
  it('when actions sit in ActionSets, ShowCards and selectActions, then all are found and fallbacks are not counted twice', () => {
    expect(collectActions(card).map((a) => a.title)).toEqual(['Open', 'No fallback', 'More', 'Save']);
  });

  it('when an Execute has no Submit fallback, then it is reported', () => {
    expect(executeWithoutSubmitFallback(card).map((a) => a.title)).toEqual(['No fallback']);
  });

  it('when inputs sit inside a ShowCard, then they are found', () => {
    expect(collectInputs(card).map((i) => i.id)).toEqual(['a', 'b']);
  });

  it('when verbs are gathered, then the refresh, the Execute verb, its data and its fallback all count', () => {
    expect(verbsOf(card)).toEqual(['item-done', 'item-done', 'item-save', 'item-save', 'item-save', 'checklist-refresh', 'checklist-refresh']);
  });

  it('when text is hidden, then it is not part of what a person reads; a rich text line reads as one line', () => {
    const text = visibleText(card);
    expect(text).toContain('Shown');
    expect(text).not.toContain('Hidden');
    expect(text).toContain('Due Fri 20 Nov 2026 · Overdue');
  });

  it('when a choice set is shown, then its titles are read and its values are not', () => {
    const choices = { type: 'Input.ChoiceSet', id: 'owner', choices: [{ title: 'Priya Shah', value: '29:1priya' }] };
    const text = visibleText({ type: 'AdaptiveCard', body: [choices] });
    expect(text).toBe('Priya Shah');
  });
});
