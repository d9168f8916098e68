import type { GroupsOverview } from '../bot/migration/staff/rollout/groupUseCases';
import { formatUkDate } from '../bot/migration/shared/ukDates';
import type { AdaptiveCardJson } from './adaptiveCardJson';
import { ROLLOUT_INPUTS } from './rolloutCardData';
import { actionSet, cut, execute, heading, input, rolloutCard, showCard, text, type Element } from './rolloutCardParts';
import { Verbs } from './verbs';

/** A project has a handful of groups; more than this is shown as a count, each still reachable with `group <name>`. */
export const MAX_GROUPS_SHOWN = 30;
const NAME_SHOWN = 60;

/**
 * The roll-out groups in order: each with its cutover date, how many people are in it, and buttons for its people
 * and its checklist; the people in no group yet; and (for the PM and LAs) forms to add the pilot or the next phase.
 */
export function groupsCardJson(projectId: string, overview: GroupsOverview, message = ''): AdaptiveCardJson {
  const body: Element[] = [heading('Roll-out groups')];
  if (message !== '') body.push(text(message, { color: 'Accent' }));
  if (overview.groups.length === 0) body.push(text('No groups yet. Start with the pilot (guide 5.2), then add phase 1, phase 2 and so on (guide 6.1).'));
  for (const { group, size } of overview.groups.slice(0, MAX_GROUPS_SHOWN)) {
    const date = group.cutoverDate === undefined ? 'no cutover date yet' : `cutover ${formatUkDate(group.cutoverDate)}`;
    body.push({
      type: 'Container',
      separator: true,
      items: [
        text(cut(group.name, NAME_SHOWN), { weight: 'Bolder' }),
        text(`${date} · ${size} ${size === 1 ? 'person' : 'people'}`, { isSubtle: true, spacing: 'None' }),
        actionSet([
          execute('People', Verbs.groupShow, { projectId, groupId: group.groupId }),
          execute('Checklist', Verbs.groupChecklistShow, { projectId, groupId: group.groupId }),
        ]),
      ],
    });
  }
  if (overview.groups.length > MAX_GROUPS_SHOWN) body.push(text(`and ${overview.groups.length - MAX_GROUPS_SHOWN} more: type group and its name.`, { isSubtle: true }));
  body.push(text(`${overview.ungrouped} ${overview.ungrouped === 1 ? 'person or mailbox is' : 'people and mailboxes are'} in no group yet.`, { spacing: 'Medium' }));

  const actions: Element[] = [];
  if (overview.canChange) {
    const hasPilot = overview.groups.some((g) => g.group.kind === 'pilot');
    const form = (kind: 'pilot' | 'phase', title: string) =>
      showCard(
        title,
        [
          input(ROLLOUT_INPUTS.name, 'Name (optional)', { placeholder: kind === 'pilot' ? 'Pilot' : 'Phase n', maxLength: 60 }),
          { type: 'Input.Date', id: ROLLOUT_INPUTS.cutoverDate, label: 'Cutover date (optional)' },
        ],
        [execute('Add', Verbs.groupCreate, { projectId, kind })],
      );
    if (!hasPilot) actions.push(form('pilot', 'Add the pilot'));
    actions.push(form('phase', 'Add a phase'));
  }
  actions.push(execute('Co-existence', Verbs.coexistenceShow, { projectId }), execute('Registrations', Verbs.registrationsShow, { projectId }));
  return rolloutCard('groups', body, actions);
}
