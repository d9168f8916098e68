import { describe, expect, it } from 'vitest';
import { PROJECT_ROLES } from '../../../bot/migration/gateways/roles';
import { REMOVE_FROM_PROJECT, ROLES_INPUTS, rolesCardJson } from '../../../cards/rolesCard';
import { Verbs } from '../../../cards/verbs';
import { actionsTitled, collectActions, collectInputs, visibleText } from './cardWalk';
import { PRIYA, PROJECT_ID, projectFixture } from './fixtures';

const candidates = [
  { title: 'Sam Patel', value: '29:1sam' },
  { title: 'Priya Shah', value: PRIYA.id },
];

describe('rolesCard', () => {
  it('when shown, then every member is listed with their role in words, leaders first', () => {
    const text = visibleText(rolesCardJson(projectFixture(), { candidates, canAssign: true }));
    expect(text).toMatch(
      /Priya Shah\nProject manager\nTom Evans\nSenior responsible owner\nAisha Khan\nProject team member\nGareth Jones\nLocal administrator\nMary Brown\nStaff/,
    );
  });

  it('when the project manager looks, then they can pick anyone in the team and any role, and Assign', () => {
    const card = rolesCardJson(projectFixture(), { candidates, canAssign: true });
    const [person, role] = collectInputs(card);
    expect(person?.id).toBe(ROLES_INPUTS.person);
    // The project team, then people not yet on the project, then staff.
    expect((person?.choices as { value: string }[]).map((c) => c.value)).toEqual(['29:1priya', '29:1tom', '29:1aisha', '29:1gareth', '29:1sam', '29:1mary']);
    expect(role?.id).toBe(ROLES_INPUTS.role);
    expect((role?.choices as { value: string }[]).map((c) => c.value)).toEqual([...PROJECT_ROLES, REMOVE_FROM_PROJECT]);
    expect(visibleText(card)).toContain('Senior responsible owner');
    expect(actionsTitled(card, 'Assign')[0]).toMatchObject({ type: 'Action.Execute', verb: Verbs.roleAssign, data: { verb: Verbs.roleAssign, projectId: PROJECT_ID } });
  });

  it('when anyone else looks, then they see the list and who can change it, but no inputs', () => {
    const card = rolesCardJson(projectFixture(), { candidates, canAssign: false });
    expect(collectInputs(card)).toEqual([]);
    expect(collectActions(card).map((a) => a.title)).toEqual(['Project status']);
    expect(visibleText(card)).toContain('Only the project manager can assign project roles.');
  });

  it('when there is a message, then it comes first', () => {
    const text = visibleText(rolesCardJson(projectFixture(), { candidates: [], canAssign: true, message: 'Sam Patel is now a project team member.' }));
    expect(text.startsWith('Sam Patel is now a project team member.')).toBe(true);
  });
});
