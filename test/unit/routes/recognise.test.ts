import { describe, expect, it } from 'vitest';
import { commandTextOf } from '../../../bot/recognition/commandText';
import { editDistance } from '../../../bot/recognition/editDistance';
import { ACT_ON_CONFIDENCE, isRecognised, UNKNOWN } from '../../../bot/recognition/intents';
import type { Recognition } from '../../../bot/recognition/intents';
import { chainRecognisers, recognise } from '../../../bot/recognition/recognise';

const command = (intent: Recognition['intent'], entities: Recognition['entities'] = {}) => ({ intent, entities, confidence: 1 });

describe('recognise: what people type, as one typed intent', () => {
  it.each([
    ['help', command('help')],
    ['Help?', command('help')],
    ['?', command('help')],
    ['what can you do', command('help')],
    ['status', command('status')],
    ['  Status please ', command('status')],
    ['Could you show me the status, please?', command('status')],
    ['How are we getting on?', command('status')],
    ['status, thanks', command('status')],
    ['<at>Gateway</at> status', command('status')],
    ['<at>Gateway</at>   my actions!', command('my-actions')],
    ['my actions', command('my-actions')],
    ['My Actions.', command('my-actions')],
    ['what have I got to do', command('my-actions')],
    ['gateway', command('gateway', { stage: undefined })],
    ['gateway 2', command('gateway', { stage: 2 })],
    ['Gateway2', command('gateway', { stage: 2 })],
    ['gateway two', command('gateway', { stage: 2 })],
    ['Stage 4', command('gateway', { stage: 4 })],
    ['open gateway 3', command('gateway', { stage: 3 })],
    ['the checklist for gateway 5', command('gateway', { stage: 5 })],
    ['set up project', command('set-up')],
    ['set up a new migration project', command('set-up')],
    ['setup', command('set-up')],
    ['Hello Gateway, can you set up our project', command('set-up')],
    ['walk me through gateway 1', command('walkthrough', { stage: 1 })],
    ['walk me thru gateway 1', command('walkthrough', { stage: 1 })],
    ['take me through stage 3', command('walkthrough', { stage: 3 })],
    ['walkthrough', command('walkthrough', { stage: undefined })],
    ['sign off gateway 1', command('sign-off', { stage: 1 })],
    ['sign-off', command('sign-off', { stage: undefined })],
    ['roles', command('roles')],
    ["who's who", command('roles')],
    ['milestones', command('milestones')],
    ['record a milestone', command('milestones')],
    ['project details', command('project-details')],
    ['Edit project', command('project-details')],
    ['change the project details', command('project-details')],
    ['stop', command('stop')],
    ['Cancel.', command('stop')],
    ['questionnaire', command('questionnaire', { kind: 'progress' })],
    ['Questionnaire.', command('questionnaire', { kind: 'progress' })],
    ['the discovery questionnaire please', command('questionnaire', { kind: 'progress' })],
    ['questionnaire progress', command('questionnaire', { kind: 'progress' })],
    ['show questionnaire', command('questionnaire', { kind: 'progress' })],
    ['questionnaire 3', command('questionnaire', { kind: 'section', section: '3' })],
    ['questionnaire section 10', command('questionnaire', { kind: 'section', section: '10' })],
    ['Questionnaire  Mobile devices', command('questionnaire', { kind: 'section', section: 'mobile devices' })],
    ['export questionnaire', command('questionnaire', { kind: 'export' })],
    ['Export the questionnaire as CSV', command('questionnaire', { kind: 'export' })],
    ['download our questionnaire', command('questionnaire', { kind: 'export' })],
    ['questionnaire export', command('questionnaire', { kind: 'export' })],
    ['submit questionnaire', command('questionnaire', { kind: 'submit' })],
    ['send the discovery questionnaire to the pipeline team', command('questionnaire', { kind: 'submit' })],
    ['questionnaire submit', command('questionnaire', { kind: 'submit' })],
    ['gateway 7', command('out-of-range', { command: 'gateway', asked: 7 })],
    ['gateway 0', command('out-of-range', { command: 'gateway', asked: 0 })],
    ['sign off gateway 9', command('out-of-range', { command: 'sign-off', asked: 9 })],
    ['walk me through gateway ten', command('out-of-range', { command: 'walkthrough', asked: 10 })],
    ['risk: archive tool not approved by IG', command('risk', { title: 'archive tool not approved by IG' })],
    ['<at>Gateway</at> Risk:  Archive tool   not approved by IG?', command('risk', { title: 'Archive tool not approved by IG?' })],
    ['issue: scan to email fails on ward 7', command('issue', { title: 'scan to email fails on ward 7' })],
    ['new issue - printers on ward 3', command('issue', { title: 'printers on ward 3' })],
    ['add a risk', command('risk', { title: '' })],
    ['risk:', command('risk', { title: '' })],
    ['risks', command('risks', { kind: 'list', filter: undefined, stage: undefined })],
    ['show the risks and issues', command('risks', { kind: 'list', filter: undefined, stage: undefined })],
    ['risk log', command('risks', { kind: 'list', filter: undefined, stage: undefined })],
    ['risks mine', command('risks', { kind: 'list', filter: 'mine', stage: undefined })],
    ['my risks', command('risks', { kind: 'list', filter: 'mine', stage: undefined })],
    ['risks red', command('risks', { kind: 'list', filter: 'red', stage: undefined })],
    ['risks due', command('risks', { kind: 'list', filter: 'due', stage: undefined })],
    ['risks due for review', command('risks', { kind: 'list', filter: 'due', stage: undefined })],
    ['risks closed', command('risks', { kind: 'list', filter: 'closed', stage: undefined })],
    ['risks gateway 2', command('risks', { kind: 'list', filter: undefined, stage: 2 })],
    ['issues stage two', command('risks', { kind: 'list', filter: undefined, stage: 2 })],
    ['risks gateway 8', command('out-of-range', { command: 'gateway', asked: 8 })],
    ['export risks', command('risks', { kind: 'export' })],
    ['download the risk log as CSV', command('risks', { kind: 'export' })],
  ])('when someone types %j, then it is %j', (text, expected) => {
    const recognition = recognise(text);
    expect(recognition).toEqual(expected);
    expect(isRecognised(recognition)).toBe(true);
  });

  it.each([
    ['gatway 1', 'gateway 1'],
    ['Gatway 1.', 'gateway 1'],
    ['gateawy 3', 'gateway 3'],
    ['stauts', 'status'],
    ['hlep', 'help'],
    ['my action', 'my actions'],
    ['sign of gateway 2', 'sign off gateway 2'],
    ['walk me through gatway 4', 'walk me through gateway 4'],
    ['questionaire', 'questionnaire'],
    ['questionaire 3', 'questionnaire 3'],
    ['milstones', 'milestones'],
    ['rsks', 'risks'],
    ['riks mine', 'risks mine'],
    ['export riks', 'export risks'],
  ])('when someone types the slip %j, then it is only a suggestion of %j, which no route acts on', (text, meant) => {
    const recognition = recognise(text);
    expect(isRecognised(recognition)).toBe(false);
    expect(recognition.confidence).toBeGreaterThan(0);
    expect(recognition.confidence).toBeLessThan(ACT_ON_CONFIDENCE);
    expect(commandTextOf(recognition)).toBe(meant);
  });

  it.each([
    ['When do I migrate?', { intent: 'when-do-i-migrate', entities: { focus: 'date' }, confidence: 1 }],
    ["what's my migration date", { intent: 'when-do-i-migrate', entities: { focus: 'date' }, confidence: 1 }],
    ['<at>Gateway</at> when does jo.bloggs2@nhs.net migrate?', { intent: 'colleague-migration', entities: { who: 'jo.bloggs2@nhs.net' }, confidence: 1 }],
    ['when does Aisha Khan move', { intent: 'colleague-migration', entities: { who: 'Aisha Khan' }, confidence: 1 }],
  ])('when someone types %j, then the staff question is an exact command', (text, expected) => {
    expect(recognise(text)).toEqual(expected);
  });

  it.each([['when does i migrate'], ['what is the weather'], ['risky business'], ['the risk is low'], ['hello'], ['thanks'], ['questionnaires are boring'], ['export status'], ['gatway 7'], ['gateway 1 2'], [''], [undefined]])(
    'when someone types %j, then it is unknown',
    (text) => {
      expect(recognise(text)).toEqual(UNKNOWN);
    },
  );

  it('when a first recogniser is sure, then the next is not asked; when none is sure, then the best guess wins', () => {
    const asked: string[] = [];
    const sure = (): Recognition => (asked.push('sure'), { intent: 'status', entities: {}, confidence: 0.9 });
    const guess = (confidence: number) => (): Recognition => (asked.push(`guess ${confidence}`), { intent: 'highlight', entities: {}, confidence });
    expect(chainRecognisers([sure, guess(0.3)])('x')).toEqual({ intent: 'status', entities: {}, confidence: 0.9 });
    expect(asked).toEqual(['sure']);
    expect(chainRecognisers([guess(0.3), guess(0.6), () => undefined])('x')).toEqual({ intent: 'highlight', entities: {}, confidence: 0.6 });
    expect(chainRecognisers([() => undefined])('x')).toEqual(UNKNOWN);
  });

  it.each([
    ['gateway', 'gateway', 0],
    ['gatway', 'gateway', 1],
    ['gateawy', 'gateway', 1],
    ['stauts', 'status', 1],
    ['kitten', 'sitting', 3],
    ['', 'help', 4],
  ])('when %j is compared with %j, then they are %i edits apart', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });
});
