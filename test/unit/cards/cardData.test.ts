import { describe, expect, it } from 'vitest';
import { CARD_DATA, parseCardData } from '../../../cards/cardData';
import { isVerb, Verbs } from '../../../cards/verbs';
import { collectActions, collectInputs } from './cardWalk';
import { sampleCards } from './sampleCards';

describe('card data schemas', () => {
  it('when the verbs are listed, then each has exactly one schema', () => {
    expect(Object.keys(CARD_DATA).sort()).toEqual(Object.values(Verbs).sort());
  });

  it.each(sampleCards())('when a button on the %s card is pressed as drawn, then its data (with the card’s inputs as filled in) fits its verb', (_name, card) => {
    const inputs = Object.fromEntries(collectInputs(card).filter((i) => i.value !== undefined).map((i) => [String(i.id), i.value]));
    for (const action of collectActions(card)) {
      const verb = action.data?.verb;
      if (!isVerb(verb)) continue;
      const parsed = parseCardData(verb, { ...inputs, ...action.data });
      expect(parsed, `${verb} on "${action.title ?? ''}"`).toMatchObject({ ok: true });
    }
  });

  it('when a stage arrives as the string the template wrote, then it is read as the number', () => {
    expect(parseCardData(Verbs.checklistShow, { projectId: 'p', stage: '3' })).toEqual({ ok: true, data: { projectId: 'p', stage: 3 } });
  });

  it.each([0, 7, '1.5', 'one', null, true])('when a stage is %j, then the card is refused naming the gateway', (stage) => {
    expect(parseCardData(Verbs.checklistShow, { projectId: 'p', stage })).toEqual({
      ok: false,
      refusal: 'That button sent the gateway in a form we could not read, so nothing was changed. Please use a fresh copy of the card.',
    });
  });

  it('when several fields do not fit, then the line names each once and quotes none of the values', () => {
    const result = parseCardData(Verbs.itemSave, { projectId: 'p', itemId: 'i', expectedVersion: 0, ownerId: 5, due: { x: '<script>' }, status: 'evil' });
    expect(result).toMatchObject({ ok: false, refusal: expect.stringContaining('the status, the owner and the due date') as unknown });
    expect(JSON.stringify(result)).not.toContain('script');
  });

  it('when an item save leaves out owner and due date, then they are absent (not sent), not empty', () => {
    const result = parseCardData(Verbs.itemSave, { projectId: 'p', itemId: 'i', expectedVersion: '2', note: '  hello ' });
    expect(result).toEqual({ ok: true, data: { projectId: 'p', itemId: 'i', expectedVersion: 2, note: 'hello' } });
  });
});

describe('card data refusals name the field as that card means it', () => {
  it('when a milestone record sends a kind that is not text, then the refusal names what happened, not a kind of group', () => {
    expect(parseCardData(Verbs.milestoneRecord, { projectId: 'p', kind: 5 })).toEqual({
      ok: false,
      refusal: 'That button sent what happened in a form we could not read, so nothing was changed. Please use a fresh copy of the card.',
    });
  });

  it('when a group is added with a kind that is neither pilot nor phase, then the refusal names the kind of group', () => {
    expect(parseCardData(Verbs.groupCreate, { projectId: 'p', kind: 'party' })).toEqual({
      ok: false,
      refusal: 'That button sent the kind of group in a form we could not read, so nothing was changed. Please use a fresh copy of the card.',
    });
  });
});
