import type { MyMigrationAnswer } from '../bot/migration/answers/personal/myMigrationAnswer';
import { formatUkDate } from '../bot/migration/shared/ukDates';
import type { AdaptiveCardJson } from './adaptiveCardJson';
import { defineTemplate, renderCardJson } from './render';
import template from './templates/myMigration.json';

/** What `templates/myMigration.json` binds. */
interface MyMigrationTemplateData {
  readonly name: string;
  readonly organisation: string;
  readonly headline: string;
  readonly departmentLine: string;
  readonly groupText: string;
  readonly dateText: string;
  readonly sections: readonly { readonly title: string; readonly lines: readonly string[] }[];
}

const myMigrationTemplate = defineTemplate<MyMigrationTemplateData>('myMigration', template);

/**
 * A member of staff's own answer: what they asked first, then their group and date at a glance, then what to do,
 * what happens on the day and whom to ask. Read on a phone, so plain sentences and no buttons to miss.
 */
export function myMigrationCardJson(answer: MyMigrationAnswer): AdaptiveCardJson {
  return renderCardJson(myMigrationTemplate, {
    name: answer.name,
    organisation: answer.organisation,
    headline: answer.headline,
    departmentLine: answer.departmentLine ?? '',
    groupText: answer.groupName ?? 'Not in a group yet',
    dateText: answer.cutoverDate === undefined ? 'Not scheduled yet' : formatUkDate(answer.cutoverDate),
    sections: answer.sections.map((s) => ({ title: s.title, lines: s.lines })),
  });
}
