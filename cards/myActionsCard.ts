import type { StageNumber } from '../bot/migration/gateways/catalogueTypes';
import type { MyAction } from '../bot/migration/gateways/progress';
import type { MyActions } from '../bot/migration/projects/getMyActions';
import { formatDueDate, formatOverdue, type IsoDate } from '../bot/migration/shared/ukDates';
import { capitalised, plural } from './labels';
import { defineTemplate, renderCardJson } from './render';
import template from './templates/myActions.json';
import { Verbs } from './verbs';
import type { AdaptiveCardJson } from './adaptiveCardJson';

/**
 * Overdue first, then by due date: the first 25 are the ones to act on. Someone owning all 99 items made a 114 KB
 * card at 60 rows (Teams counts UTF-16); the summary line says how many there are in all, and each gateway's
 * checklist shows the rest.
 */
const MAX_ACTIONS_SHOWN = 25;

interface ActionRow {
  readonly itemId: string;
  readonly stage: StageNumber;
  readonly action: string;
  readonly required: boolean;
  readonly detail: string;
  readonly overdue: boolean;
  readonly overdueText: string;
}

/** What `templates/myActions.json` binds. */
interface MyActionsTemplateData {
  readonly verbs: typeof Verbs;
  readonly projectId: string;
  readonly organisationName: string;
  readonly odsCode: string;
  readonly summaryLine: string;
  readonly actions: readonly ActionRow[];
}

const myActionsTemplate = defineTemplate<MyActionsTemplateData>('myActions', template);

/**
 * What the person asking has to do, in the order the domain gives (overdue first, then soonest due, then undated),
 * each one a click from its edit card. Usually read in a personal chat, on a phone, between meetings.
 */
export function myActionsCardJson(actions: MyActions): AdaptiveCardJson {
  return renderCardJson(myActionsTemplate, myActionsData(actions));
}

function myActionsData(mine: MyActions): MyActionsTemplateData {
  const { actions } = mine;
  const overdue = actions.filter((a) => a.overdue).length;
  const shown = actions.slice(0, MAX_ACTIONS_SHOWN);
  return {
    verbs: Verbs,
    projectId: mine.project.projectId,
    organisationName: mine.project.organisationName,
    odsCode: mine.project.odsCode,
    summaryLine:
      `You have ${plural(actions.length, 'open item', 'open items')}` +
      (overdue > 0 ? `; ${overdue} ${overdue === 1 ? 'is' : 'are'} overdue.` : '.') +
      (shown.length < actions.length ? ` Here are the first ${shown.length}.` : ''),
    actions: shown.map((action) => actionRow(action, mine.today)),
  };
}

function actionRow(action: MyAction, today: IsoDate): ActionRow {
  const due = action.due !== undefined ? formatDueDate(action.due, today) : 'no due date';
  return {
    itemId: action.itemId,
    stage: action.stage,
    action: action.action,
    required: action.mandatory,
    detail: `Gateway ${action.stage} · ${due}`,
    overdue: action.overdue,
    overdueText: action.overdue && action.due !== undefined ? capitalised(formatOverdue(action.due, today)) : '',
  };
}
