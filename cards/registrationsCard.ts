import { formatMonth } from '../bot/migration/staff/rollout/registrations';
import type { RegistrationsView } from '../bot/migration/staff/rollout/registrationsUseCases';
import type { AdaptiveCardJson } from './adaptiveCardJson';
import { ROLLOUT_INPUTS } from './rolloutCardData';
import { execute, facts, heading, input, rolloutCard, showCard, subheading, text, type Element } from './rolloutCardParts';
import { Verbs } from './verbs';

/** Three years of months; a plan longer than that shows its first months and says how many more. */
export const MAX_MONTHS_SHOWN = 36;

/** "Jan 2027" for the chart's axis. */
function shortMonth(month: string): string {
  const [name = '', year = ''] = formatMonth(month).split(' ');
  return `${name.slice(0, 3)} ${year}`;
}

/**
 * Registrations against plan: a grouped bar chart of planned and registered per month (`Chart.VerticalBar.Grouped`,
 * which Teams draws; other clients get the same figures as a table from its `fallback`), the table with the
 * questionnaire's figure beside each month, whether registrations are behind plan, where the questionnaire's plan
 * differs, and (for the PM and LAs) a form for the planned figures.
 */
export function registrationsCardJson(projectId: string, view: RegistrationsView, message = ''): AdaptiveCardJson {
  const rows = view.rows.slice(0, MAX_MONTHS_SHOWN);
  const body: Element[] = [heading('Registrations against plan')];
  if (message !== '') body.push(text(message, { color: 'Accent' }));
  if (view.rows.length === 0) {
    body.push(text('Nothing planned yet: give the roll-out groups cutover dates (type groups), or type the planned figures below.'));
  } else {
    const table = facts(rows.map((r) => [formatMonth(r.month), `${r.planned} planned${r.overridden ? ' (typed)' : ''} · ${r.registered} registered${r.questionnaire === undefined ? '' : ` · ${r.questionnaire} in the questionnaire`}`]));
    body.push({
      type: 'Chart.VerticalBar.Grouped',
      title: 'New NHSmail accounts per month: planned and registered',
      xAxisTitle: 'Month',
      yAxisTitle: 'Accounts',
      data: [
        { legend: 'Planned', values: rows.map((r) => ({ x: shortMonth(r.month), y: r.planned })) },
        { legend: 'Registered', values: rows.map((r) => ({ x: shortMonth(r.month), y: r.registered })) },
      ],
      fallback: { type: 'Container', items: [text('Planned and registered per month', { weight: 'Bolder' }), table] },
    });
    body.push(subheading('Per month'), table);
    if (view.rows.length > MAX_MONTHS_SHOWN) body.push(text(`and ${view.rows.length - MAX_MONTHS_SHOWN} later months.`, { isSubtle: true }));
  }
  body.push(
    text(view.behind?.text ?? 'Registrations are on plan so far (months are judged once they end).', { color: view.behind ? 'Warning' : 'Good', spacing: 'Medium' }),
    text(
      !view.hasQuestionnairePlan
        ? 'The questionnaire has no registrations-per-month answer yet (questionnaire, Registrations per month).'
        : view.questionnaireDifferences.length === 0
          ? 'The plan here matches the questionnaire’s registrations per month.'
          : `The plan here differs from the questionnaire’s (what NHS Digital was told): ${view.questionnaireDifferences.slice(0, 6).join('; ')}${view.questionnaireDifferences.length > 6 ? ' …' : ''}.`,
      { isSubtle: true },
    ),
    text('Planned: each group’s new accounts in its cutover month (people already on NHSmail need none), unless typed. Registered: people activated or migrated that month.', { isSubtle: true, size: 'Small' }),
  );
  const actions: Element[] = [];
  if (view.canChange) {
    const lines = view.rows.map((r) => `${r.month}: ${r.planned}`).join('\n');
    actions.push(
      showCard('Change planned figures', [input(ROLLOUT_INPUTS.planned, 'One month a line, like 2027-01: 200. A month given the groups’ own figure follows the groups again.', { isMultiline: true, value: lines, maxLength: 5000 })], [
        execute('Save', Verbs.registrationsPlan, { projectId }),
      ]),
    );
  }
  actions.push(execute('Roll-out groups', Verbs.groupsShow, { projectId }));
  return rolloutCard('registrations', body, actions);
}
