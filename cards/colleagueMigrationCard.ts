import type { ColleagueLookup } from '../bot/migration/answers/personal/lookUpColleague';
import type { AdaptiveCardJson } from './adaptiveCardJson';
import { plural } from './labels';
import { defineTemplate, renderCardJson } from './render';
import template from './templates/colleagueMigration.json';

/** What `templates/colleagueMigration.json` binds. */
interface ColleagueTemplateData {
  readonly asked: string;
  readonly organisationName: string;
  readonly summaryLine: string;
  readonly people: readonly { readonly name: string; readonly detail: string; readonly group: string; readonly cutover: string; readonly status: string }[];
  readonly more: boolean;
}

const colleagueTemplate = defineTemplate<ColleagueTemplateData>('colleagueMigration', template);

/** For the project team and LAs only (the use case refuses anyone else): who matched, with their group, date and status. */
export function colleagueMigrationCardJson(lookup: ColleagueLookup): AdaptiveCardJson {
  return renderCardJson(colleagueTemplate, {
    asked: lookup.asked,
    organisationName: lookup.organisationName,
    summaryLine: lookup.people.length === 0 ? 'Nobody on the staff list matches.' : `${plural(lookup.people.length, 'person matches', 'people match')}${lookup.more ? ' (and more)' : ''}.`,
    people: lookup.people.map((p) => ({
      name: p.name,
      detail: [p.email, p.department].filter((x): x is string => x !== undefined).join(' · ') || 'No email or department on the list',
      group: p.group,
      cutover: p.cutover,
      status: p.status,
    })),
    more: lookup.more,
  });
}
