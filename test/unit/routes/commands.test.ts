import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../bot/routes/commands';

describe('parseCommand', () => {
  it.each([
    ['help', { kind: 'help' }],
    ['Help?', { kind: 'help' }],
    ['status', { kind: 'status' }],
    ['  Status please ', { kind: 'status' }],
    ['my actions', { kind: 'my-actions' }],
    ['My Actions.', { kind: 'my-actions' }],
    ['gateway', { kind: 'gateway', stage: undefined }],
    ['gateway 2', { kind: 'gateway', stage: 2 }],
    ['Stage 4', { kind: 'gateway', stage: 4 }],
    ['set up project', { kind: 'set-up' }],
    ['set up a new migration project', { kind: 'set-up' }],
    ['setup', { kind: 'set-up' }],
    ['walk me through gateway 1', { kind: 'walkthrough', stage: 1 }],
    ['walkthrough', { kind: 'walkthrough', stage: undefined }],
    ['sign off gateway 1', { kind: 'sign-off', stage: 1 }],
    ['sign-off', { kind: 'sign-off', stage: undefined }],
    ['roles', { kind: 'roles' }],
    ['project details', { kind: 'project-details' }],
    ['Edit project', { kind: 'project-details' }],
    ['change the project details', { kind: 'project-details' }],
  ])('when someone types %j, then it is %j', (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });

  it.each([['gateway 7'], ['gateway two'], ['when do I migrate'], [''], [undefined]])('when someone types %j, then it is not a command', (text) => {
    expect(parseCommand(text)).toBeUndefined();
  });
});
