import { describe, expect, it } from 'vitest';
import { PROJECT_SETUP_FIELDS, projectSetupCard } from '../../../cards/projectSetupCard';
import { Verbs } from '../../../cards/verbs';
import { collectActions, collectInputs, visibleText, type Json } from './cardWalk';
import { setupWithErrors, setupWithHints } from './sampleCards';

const render = (data?: Parameters<typeof projectSetupCard>[0]) => projectSetupCard(data);

/** Body elements in order, columns flattened, so "under the field" can be checked by position. */
function flatBody(card: Json): Json[] {
  const out: Json[] = [];
  const visit = (elements: unknown): void => {
    for (const element of (elements as Json[] | undefined) ?? []) {
      out.push(element);
      if (element.type === 'ColumnSet') for (const column of element.columns as Json[]) visit(column.items);
    }
  };
  visit(card.body);
  return out;
}

const errorTexts = (card: Json) => flatBody(card).filter((e) => e.type === 'TextBlock' && e.color === 'Attention');

describe('projectSetupCard', () => {
  it('when empty, then it asks for every set-up field by its domain name, with dates as date pickers', () => {
    const card = render();
    const inputs = collectInputs(card);
    expect(inputs.map((i) => i.id)).toEqual([...PROJECT_SETUP_FIELDS]);
    expect(inputs.filter((i) => i.type === 'Input.Date').map((i) => i.id)).toEqual(['plannedStart', 'cutover']);
    expect(inputs.every((i) => typeof i.label === 'string' && i.label !== '')).toBe(true);
    expect(JSON.stringify(card)).not.toContain('${');
    expect(errorTexts(card)).toEqual([]);
  });

  it('when shown, then it explains the ODS code, offers the three methods and two phasings in words, and says where reports go', () => {
    const card = render();
    const text = visibleText(card);
    expect(text).toContain('3 to 9 letters and numbers, for example RH8');
    const choices = (id: string) => (collectInputs(card).find((i) => i.id === id)?.choices as { value: string }[]).map((c) => c.value);
    expect(choices('migrationMethod')).toEqual(['self-migration', 'managed-service', 'third-party']);
    expect(choices('phasing')).toEqual(['big-bang', 'phased']);
    expect(text).toContain('Self-migration');
    expect(text).toContain('Progress reports and reminders for this project will be posted in this channel.');
  });

  it('when first shown, then the button checks the answers and Cancel sends nothing else', () => {
    const actions = collectActions(render());
    expect(actions.map((a) => [a.type, a.title, a.data?.verb])).toEqual([
      ['Action.Submit', 'Check and continue', Verbs.projectSetupSubmit],
      ['Action.Submit', 'Cancel', Verbs.projectSetupCancel],
    ]);
    expect(actions[1]?.associatedInputs).toBe('none');
  });

  it('when answers were wrong, then each problem shows in red directly under its field and the answers are kept', () => {
    const data = setupWithErrors();
    const card = render(data);
    const errors = data.errors ?? [];
    expect(errorTexts(card).map((e) => e.text)).toEqual(PROJECT_SETUP_FIELDS.flatMap((f) => errors.filter((e) => e.field === f).map((e) => e.message)));
    const body = flatBody(card);
    for (const error of errors) {
      const inputAt = body.findIndex((e) => e.id === error.field);
      const next = body.slice(inputAt + 1).find((e) => e.type === 'TextBlock' && e.color === 'Attention') ?? {};
      const nextInput = body.slice(inputAt + 1).findIndex((e) => typeof e.id === 'string');
      expect(next.text).toBe(error.message);
      expect(body.indexOf(next)).toBeLessThan(nextInput === -1 ? Infinity : inputAt + 1 + nextInput);
    }
    const value = (id: string) => collectInputs(card).find((i) => i.id === id)?.value;
    expect(value('odsCode')).toBe('R!8');
    expect(value('approximateUsers')).toBe('lots');
    expect(value('cutover')).toBe('2026-08-01');
    expect(visibleText(card)).toContain(`Please check ${new Set(errors.map((e) => e.field)).size} answers below.`);
    expect(collectActions(card)[0]?.data?.verb).toBe(Verbs.projectSetupSubmit);
  });

  it('when answers are valid but worth a second look, then a "Please check" box lists them and the button creates the project', () => {
    const data = setupWithHints();
    const card = render(data);
    const text = visibleText(card);
    expect(text).toContain('Please check');
    for (const hint of data.hints ?? []) expect(text).toContain(hint.message);
    expect(text).toContain('the NHSmail migration channel');
    expect(collectActions(card)[0]).toMatchObject({ type: 'Action.Submit', title: 'Create the project', data: { verb: Verbs.projectSetupConfirm } });
    expect(errorTexts(card)).toEqual([]);
  });

  it('when someone types ${…} or a number arrives as a number, then the form shows it as typed', () => {
    const card = render({ values: { organisationName: 'Ward ${7}', approximateUsers: 5200, odsCode: { not: 'text' } } });
    const value = (id: string) => collectInputs(card).find((i) => i.id === id)?.value;
    expect(value('organisationName')).toBe('Ward ${7}');
    expect(value('approximateUsers')).toBe('5200');
    expect(value('odsCode')).toBe('');
  });

  it('when an error names a field the form does not show, then its message still appears at the top', () => {
    const text = visibleText(render({ errors: [{ field: 'team', message: 'This team already has a project.' }] }));
    expect(text).toContain('This team already has a project.');
  });
});

describe('where the set-up form says reports will go', () => {
  it('when set up from a personal chat, then it says this chat; from a team, this channel', () => {
    expect(visibleText(render({ inChat: true }))).toContain('will be posted in this chat.');
    expect(visibleText(render())).toContain('will be posted in this channel.');
  });
});
