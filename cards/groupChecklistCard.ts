import type { GroupChecklist } from '../bot/migration/staff/rollout/groupChecklist';
import { GROUP_STEP_SECTIONS, type GroupStepSection } from '../bot/migration/staff/rollout/groupSteps';
import { formatUkDateTime } from '../bot/migration/shared/ukDates';
import type { AdaptiveCardJson } from './adaptiveCardJson';
import { actionSet, cut, execute, heading, rolloutCard, subheading, text, type Element } from './rolloutCardParts';
import { Verbs } from './verbs';

const NAME_SHOWN = 60;

/**
 * A group's checklist of the guide's steps (5.2.1 to 5.2.3 and 6.1), by section as the gateway checklists are: each
 * step with who ticked it and when, and Done or Reopen. About twenty steps, so one card holds them all.
 */
export function groupChecklistCardJson(projectId: string, checklist: GroupChecklist, message = ''): AdaptiveCardJson {
  const { group } = checklist;
  const body: Element[] = [heading(`${cut(group.name, NAME_SHOWN)}: roll-out checklist`)];
  if (message !== '') body.push(text(message, { color: 'Accent' }));
  body.push(text(`${checklist.done} of ${checklist.steps.length} steps done. The guide's steps for ${group.kind === 'pilot' ? 'the pilot (5.2)' : 'each group after the pilot (6.1: the pilot’s steps on a larger scale)'}.`, { isSubtle: true }));
  let section: GroupStepSection | undefined;
  for (const { step, state } of checklist.steps) {
    if (step.section !== section) {
      section = step.section;
      body.push(subheading(`${section} ${GROUP_STEP_SECTIONS[section]}`));
    }
    const done = state?.done === true;
    const who = state === undefined ? '' : `${done ? 'Done' : 'Reopened'} by ${cut(state.by.name, NAME_SHOWN)}, ${formatUkDateTime(state.at)}`;
    const tick = { projectId, groupId: group.groupId, stepId: step.id, done: !done, seenAt: state?.at ?? '' };
    body.push({
      type: 'ColumnSet',
      separator: true,
      columns: [
        { type: 'Column', width: 'stretch', items: [text(`${done ? 'Done' : 'Open'}: ${step.title}`, { color: done ? 'Good' : 'Default' }), ...(who === '' ? [] : [text(who, { isSubtle: true, size: 'Small', spacing: 'None' })])] },
        ...(checklist.canChange ? [{ type: 'Column', width: 'auto', items: [actionSet([execute(done ? 'Reopen' : 'Done', Verbs.groupStepTick, tick)])] }] : []),
      ],
    });
  }
  return rolloutCard('groupChecklist', body, [execute('People', Verbs.groupShow, { projectId, groupId: group.groupId }), execute('All groups', Verbs.groupsShow, { projectId })]);
}
