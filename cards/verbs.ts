/**
 * Every verb a card can send, in one place: templates name them in `data.verb`, routes register them, and a test
 * checks that each verb used by a template is listed here. Renaming a verb here renames it everywhere.
 *
 * How each one arrives: cards driven by a dialog (project set-up, the walkthrough) use `Action.Submit`, so the
 * press reaches the dialog as a message. Everything else uses `Action.Execute`, so the card updates in place from
 * the invoke response; each of those carries an `Action.Submit` fallback with the same `data.verb`, so a route for
 * an Execute verb must also answer it as a submit (older clients, and Teams on some devices, send the fallback).
 */
export const Verbs = {
  help: 'help',
  /** "Did you mean …?" (Submit): runs the command in `data.command` as if it had been typed. */
  command: 'command',

  /** Set-up form (Submit, dialog): check the answers; confirm after hints; cancel. */
  projectSetupSubmit: 'project-setup-submit',
  projectSetupConfirm: 'project-setup-confirm',
  projectSetupCancel: 'project-setup-cancel',

  /** Project details after set-up (Execute): show the form filled in; save it. */
  projectDetailsShow: 'project-details-show',
  projectDetailsSave: 'project-details-save',

  /** Checklist (Execute): show one gateway's checklist; the same, as the card's automatic refresh. */
  checklistShow: 'checklist-show',
  checklistRefresh: 'checklist-refresh',

  /** One item (Execute): mark done from the checklist; open the edit card; save it; see its history. */
  itemDone: 'item-done',
  itemEdit: 'item-edit',
  itemSave: 'item-save',
  itemHistory: 'item-history',

  /** Walkthrough of open items (Submit, dialog). */
  walkthroughStart: 'walkthrough-start',
  walkthroughAnswer: 'walkthrough-answer',
  walkthroughStop: 'walkthrough-stop',

  /** Project views (Execute). */
  statusShow: 'status-show',
  myActionsShow: 'my-actions-show',

  /** Gateway sign-off (Execute). */
  signoffShow: 'signoff-show',
  gatewayDecide: 'gateway-decide',
  gatewayReopen: 'gateway-reopen',

  /** Milestones from NHS Digital's pipeline team (Execute): show the form; record one. */
  milestonesShow: 'milestones-show',
  milestoneRecord: 'milestone-record',

  /** People and roles (Execute). */
  rolesShow: 'roles-show',
  roleAssign: 'role-assign',

  /** Discovery questionnaire (Execute): the overview; open, save a section; submit; export with download links. */
  questionnaireProgress: 'questionnaire-progress',
  questionnaireSection: 'questionnaire-section',
  questionnaireSave: 'questionnaire-save',
  questionnaireSubmit: 'questionnaire-submit',
  questionnaireExport: 'questionnaire-export',

  /**
   * Risks and issues log (Execute): the list (with its filter and page cursor); a new entry's form; an entry's form;
   * save either; a PM's or SRO's decision (close, reopen, escalate, take back) with its reason; an entry's history.
   */
  risksShow: 'risks-show',
  riskNew: 'risk-new',
  riskEdit: 'risk-edit',
  riskSave: 'risk-save',
  riskDecide: 'risk-decide',
  riskHistory: 'risk-history',

  /** `highlight settings` (Execute): save the weekly report's day and time, or go back to the usual time. */
  highlightSettingsSave: 'highlight-settings-save',

  /**
   * A question Gateway could not answer: the asker's "pass it on" (Submit, carrying the question), and a project team
   * member's answer on the card in the project channel (Execute).
   */
  askTeamSend: 'ask-team-send',
  askTeamAnswer: 'ask-team-answer',
  /**
   * Roll-out (Execute): the groups; make one; one group's people (paged); rename or date it; remove it; put a
   * department or a list of local IDs in it; set everyone's status; move one person or set their status; its
   * checklist and a tick; the co-existence check and its one-press fix; registrations against plan and the planned
   * figures; the Portal account files.
   */
  groupsShow: 'groups-show',
  groupCreate: 'group-create',
  groupShow: 'group-show',
  groupChange: 'group-change',
  groupRemove: 'group-remove',
  groupAssign: 'group-assign',
  groupStatus: 'group-status',
  personChange: 'person-change',
  groupChecklistShow: 'group-checklist-show',
  groupStepTick: 'group-step-tick',
  coexistenceShow: 'coexistence-show',
  coexistenceFix: 'coexistence-fix',
  registrationsShow: 'registrations-show',
  registrationsPlan: 'registrations-plan',
  accountsExport: 'accounts-export',
  /** The staff import's report (Execute): remove the people a file no longer lists (PM, LA). */
  staffImportRemoveMissing: 'staff-import-remove-missing',
  /** `delete project`'s confirmation (Execute, PM): the card names the project and carries its ODS code. */
  projectDelete: 'project-delete',
} as const;

export type Verb = (typeof Verbs)[keyof typeof Verbs];

const VERB_VALUES: ReadonlySet<string> = new Set(Object.values(Verbs));

/** For routes and tests: card data comes back from the client, so a verb is checked, never assumed. */
export function isVerb(value: unknown): value is Verb {
  return typeof value === 'string' && VERB_VALUES.has(value);
}
