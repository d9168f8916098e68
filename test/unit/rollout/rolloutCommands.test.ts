import { describe, expect, it } from 'vitest';
import { commandTextOf } from '../../../bot/recognition/commandText';
import { recogniseCommand } from '../../../bot/recognition/commandRecogniser';
import { recognise } from '../../../bot/recognition/recognise';

describe('roll-out commands', () => {
  it.each([
    ['groups', 'groups', {}],
    ['Show me the roll-out groups, please', 'groups', {}],
    ['rollout plan', 'groups', {}],
    ['group Phase 2', 'group', { name: 'phase 2', view: 'people' }],
    ['pilot', 'group', { name: 'pilot', view: 'people' }],
    ['group pilot checklist', 'group', { name: 'pilot', view: 'checklist' }],
    ['checklist for phase 1', 'group', { name: 'phase 1', view: 'checklist' }],
    ['co-existence', 'coexistence', {}],
    ['check shared mailboxes', 'coexistence', {}],
    ['registrations', 'registrations', {}],
    ['registrations against plan?', 'registrations', {}],
    ['export accounts', 'export-accounts', {}],
    ['download the NHSmail account files', 'export-accounts', {}],
    ['export accounts for the pilot', 'export-accounts', { group: 'pilot' }],
    ['portal files', 'export-accounts', {}],
  ])('when someone types "%s", then it is %s', (typed, intent, entities) => {
    expect(recogniseCommand(typed)).toEqual({ intent, entities, confidence: 1 });
  });

  it('when the gateway checklist is asked for, then it is still the gateway command, not a group', () => {
    expect(recogniseCommand('checklist for gateway 2')?.intent).toBe('gateway');
  });

  it('when each command is turned back into text, then recognising that text gives the same command', () => {
    for (const typed of ['groups', 'group phase 2 checklist', 'coexistence', 'registrations', 'export accounts for pilot', 'group pilot']) {
      const first = recogniseCommand(typed);
      expect(first).toBeDefined();
      if (first === undefined) continue;
      expect(recogniseCommand(commandTextOf(first))).toEqual(first);
    }
  });

  it('when a roll-out command is mistyped by a letter, then it is offered as a near miss', () => {
    expect(recognise('regstrations')).toMatchObject({ intent: 'registrations' });
    expect(recognise('regstrations').confidence).toBeLessThan(0.8);
  });
});
