import type { GroupPage } from '../bot/migration/staff/rollout/groupUseCases';
import { fullName, MIGRATION_STATUS_LABELS, MIGRATION_STATUSES } from '../bot/migration/staff/staffMember';
import { formatUkDate } from '../bot/migration/shared/ukDates';
import type { AdaptiveCardJson } from './adaptiveCardJson';
import { LEAVE_AS_IS, ROLLOUT_INPUTS } from './rolloutCardData';
import { choices, cut, execute, heading, input, rolloutCard, showCard, text, type Element } from './rolloutCardParts';
import { Verbs } from './verbs';

const NAME_SHOWN = 60;
const DEPARTMENT_SHOWN = 40;

const STATUS_CHOICES = MIGRATION_STATUSES.map((s) => [MIGRATION_STATUS_LABELS[s], s] as const);

/**
 * One group: its date and size, a page of its people (name, local ID, department, status) with More, and for the PM
 * and LAs the forms that change it: rename or date it, put a department or a list of local IDs in it, set everyone's
 * status, change one person (move them or set their status), remove it when empty. One form per card rather than a
 * row of inputs per person, so a page of twenty stays far inside Teams' size limit.
 */
export function groupCardJson(projectId: string, page: GroupPage, options: { readonly message?: string; readonly after?: string } = {}): AdaptiveCardJson {
  const { group } = page;
  const data = { projectId, groupId: group.groupId };
  const body: Element[] = [heading(cut(group.name, NAME_SHOWN))];
  if (options.message) body.push(text(options.message, { color: 'Accent' }));
  body.push(text(`${group.cutoverDate === undefined ? 'No cutover date yet' : `Cutover ${formatUkDate(group.cutoverDate)}`} · ${page.size} ${page.size === 1 ? 'person' : 'people'}`, { isSubtle: true }));
  if (page.members.length === 0) body.push(text(options.after ? 'No more people.' : 'Nobody is in this group yet.'));
  for (const member of page.members) {
    const dept = member.department === undefined ? '' : ` · ${cut(member.department, DEPARTMENT_SHOWN)}`;
    const kind = member.accountType === 'person' ? '' : ` · ${member.accountType} mailbox`;
    body.push({
      type: 'ColumnSet',
      separator: true,
      columns: [
        { type: 'Column', width: 'stretch', items: [text(cut(fullName(member), NAME_SHOWN)), text(`${member.localId}${dept}${kind}`, { isSubtle: true, spacing: 'None', size: 'Small' })] },
        { type: 'Column', width: 'auto', items: [text(MIGRATION_STATUS_LABELS[member.status], { size: 'Small' })] },
      ],
    });
  }

  const actions: Element[] = [];
  if (page.next !== undefined) actions.push(execute('More people', Verbs.groupShow, { ...data, after: page.next }));
  if (page.canChange) {
    const moveChoices: (readonly [string, string])[] = [['Leave in this group', LEAVE_AS_IS], ...page.groups.filter((g) => g.groupId !== group.groupId).map((g) => [cut(g.name, NAME_SHOWN), g.groupId] as const), ['No group', '-']];
    actions.push(
      showCard(
        'Change one person',
        [input(ROLLOUT_INPUTS.localId, 'Local ID', { maxLength: 64 }), choices(ROLLOUT_INPUTS.moveTo, 'Move to', moveChoices, LEAVE_AS_IS), choices(ROLLOUT_INPUTS.personStatus, 'Status', [['Leave as it is', LEAVE_AS_IS], ...STATUS_CHOICES], LEAVE_AS_IS)],
        [execute('Save', Verbs.personChange, { ...data, ...(options.after ? { after: options.after } : {}) })],
      ),
      showCard(
        'Add people',
        [
          input(ROLLOUT_INPUTS.department, 'A whole department or work area, as the staff list writes it', { maxLength: 200 }),
          input(ROLLOUT_INPUTS.localIds, 'Or local IDs, separated by commas or new lines', { isMultiline: true, maxLength: 20000 }),
        ],
        [execute('Add the department', Verbs.groupAssign, { ...data, by: 'department' }), execute('Add the local IDs', Verbs.groupAssign, { ...data, by: 'list' })],
      ),
      showCard('Set everyone’s status', [choices(ROLLOUT_INPUTS.status, 'Status for everyone in the group (people already on NHSmail keep theirs)', STATUS_CHOICES, 'account-requested')], [
        execute('Set for everyone', Verbs.groupStatus, data),
      ]),
      showCard(
        'Rename or date',
        [
          input(ROLLOUT_INPUTS.name, 'Name', { value: group.name, maxLength: 60 }),
          { type: 'Input.Date', id: ROLLOUT_INPUTS.cutoverDate, label: 'Cutover date (leave empty if not yet known)', ...(group.cutoverDate === undefined ? {} : { value: group.cutoverDate }) },
        ],
        [execute('Save', Verbs.groupChange, { ...data, expectedVersion: group.version }), ...(page.size === 0 ? [execute('Remove this group', Verbs.groupRemove, { ...data, expectedVersion: group.version })] : [])],
      ),
    );
  }
  actions.push(execute('Checklist', Verbs.groupChecklistShow, data), execute('All groups', Verbs.groupsShow, { projectId }));
  return rolloutCard('group', body, actions);
}
