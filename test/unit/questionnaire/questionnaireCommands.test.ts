import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../bot/routes/commands';
import { parseQuestionnaireCommand } from '../../../bot/routes/questionnaireCommands';

describe('typed questionnaire commands', () => {
  it.each([
    ['questionnaire', { kind: 'progress' }],
    ['Questionnaire.', { kind: 'progress' }],
    ['the discovery questionnaire please', { kind: 'progress' }],
    ['questionnaire progress', { kind: 'progress' }],
    ['show questionnaire', { kind: 'progress' }],
    ['questionnaire 3', { kind: 'section', section: '3' }],
    ['questionnaire section 10', { kind: 'section', section: '10' }],
    ['Questionnaire  Mobile devices', { kind: 'section', section: 'mobile devices' }],
    ['export questionnaire', { kind: 'export' }],
    ['Export the questionnaire as CSV', { kind: 'export' }],
    ['download our questionnaire', { kind: 'export' }],
    ['questionnaire export', { kind: 'export' }],
    ['submit questionnaire', { kind: 'submit' }],
    ['send the discovery questionnaire to the pipeline team', { kind: 'submit' }],
    ['questionnaire submit', { kind: 'submit' }],
  ])('when someone types "%s", then it is read as %j', (text, expected) => {
    expect(parseQuestionnaireCommand(text)).toEqual(expected);
  });

  it.each(['', 'status', 'help', 'questionnaires are boring', 'export status', 'questionnaire?x'])('when someone types "%s", then it is not a questionnaire command', (text) => {
    expect(parseQuestionnaireCommand(text)).toBeUndefined();
  });

  it.each(['questionnaire', 'questionnaire 3', 'export questionnaire', 'submit questionnaire'])('when "%s" is typed, then no other command claims it', (text) => {
    expect(parseCommand(text)).toBeUndefined();
  });
});
