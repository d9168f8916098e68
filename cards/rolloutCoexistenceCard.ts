import type { CoexistenceReport } from '../bot/migration/staff/rollout/coexistence';
import type { AdaptiveCardJson } from './adaptiveCardJson';
import { actionSet, cut, execute, heading, rolloutCard, text, type Element } from './rolloutCardParts';
import { Verbs } from './verbs';

/** Enough to work through in one sitting; the count says how many more, and each fix redraws the list. */
export const MAX_WARNINGS_SHOWN = 15;
const PEOPLE_SHOWN = 8;
const NAME_SHOWN = 50;

const ROLE_WORDS = { mailbox: 'the mailbox', owner: 'owner', delegate: 'delegate' } as const;

/**
 * The co-existence check (guide 4.2, 5.2.3): each shared mailbox whose owner or delegates are in different groups
 * or in none, who is where, and one button that puts them all in the suggested group.
 */
export function coexistenceCardJson(projectId: string, report: CoexistenceReport, message = ''): AdaptiveCardJson {
  const groupName = new Map(report.groups.map((g) => [g.groupId, g.name]));
  const where = (groupId: string | undefined) => (groupId === undefined ? 'no group' : cut(groupName.get(groupId) ?? groupId, NAME_SHOWN));
  const body: Element[] = [heading('Co-existence: shared mailboxes')];
  if (message !== '') body.push(text(message, { color: 'Accent' }));
  body.push(
    text(
      report.warnings.length === 0
        ? `All ${report.mailboxesChecked} shared ${report.mailboxesChecked === 1 ? 'mailbox moves' : 'mailboxes move'} with their owners and delegates.`
        : `${report.warnings.length} of ${report.mailboxesChecked} shared mailboxes would be split across groups. People who share a mailbox or calendar should move together: once moved, they cannot share calendars with colleagues still on the old service (guide 4.2, 5.2.3).`,
    ),
  );
  for (const warning of report.warnings.slice(0, MAX_WARNINGS_SHOWN)) {
    const people = warning.people.slice(0, PEOPLE_SHOWN).map((p) => `${cut(p.name, NAME_SHOWN)} (${ROLE_WORDS[p.role]}): ${where(p.groupId)}`);
    if (warning.people.length > PEOPLE_SHOWN) people.push(`and ${warning.people.length - PEOPLE_SHOWN} more`);
    if (warning.notOnList.length > 0) people.push(`Not on the staff list: ${warning.notOnList.slice(0, 5).join(', ')}${warning.notOnList.length > 5 ? ' …' : ''}`);
    const items: Element[] = [text(cut(`${warning.mailbox.firstName} ${warning.mailbox.lastName}`.trim(), NAME_SHOWN), { weight: 'Bolder' }), text(people.join('\n\n'), { size: 'Small', spacing: 'None' })];
    if (warning.fix === undefined) items.push(text('None of them is in a group yet: put them in one together.', { isSubtle: true }));
    else if (report.canChange) {
      const n = warning.fix.moves.length;
      items.push(actionSet([execute(`Move ${n} to ${cut(warning.fix.group.name, NAME_SHOWN)}`, Verbs.coexistenceFix, { projectId, groupId: warning.fix.group.groupId, mailboxId: warning.mailbox.localId })]));
    } else items.push(text(`Suggested: all in ${cut(warning.fix.group.name, NAME_SHOWN)}.`, { isSubtle: true }));
    body.push({ type: 'Container', separator: true, items });
  }
  if (report.warnings.length > MAX_WARNINGS_SHOWN) body.push(text(`and ${report.warnings.length - MAX_WARNINGS_SHOWN} more; fix these and check again.`, { isSubtle: true }));
  return rolloutCard('coexistence', body, [execute('Check again', Verbs.coexistenceShow, { projectId }), execute('All groups', Verbs.groupsShow, { projectId })]);
}
