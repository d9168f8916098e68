/**
 * The bullets of NHS Digital's *Organisation self-migration guide* (v5, November 2017), sections 2 to 7, each
 * summarised in our own words, with the catalogue items (or the deliberate omission) that account for it. The
 * catalogue was derived from these bullets; keeping the list here means the coverage test needs nothing outside the
 * repository. Order and count follow the guide: when the guide itself is at hand (`../shared/seed`), a test checks
 * this list still matches it bullet for bullet.
 */

/** A numbered heading of the guide, in our words. */
export interface GuideSection {
  readonly section: string;
  readonly gist: string;
}

/** One bullet: where it sits, what it asks, and what in the catalogue covers it. */
export interface GuideBulletRecord {
  readonly section: string;
  /** A sub-bullet under the bullet before it. */
  readonly indented: boolean;
  readonly gist: string;
  /** Catalogue item ids in the stage of this section; empty when omitted. */
  readonly items: readonly string[];
  /** The `guideText` of the catalogue's omitted entry, when the bullet is deliberately not an item. */
  readonly omitted?: string;
}

export const GUIDE_SECTIONS: readonly GuideSection[] = [
  { section: '1', gist: 'Introduction' },
  { section: '2', gist: 'Getting ready and what to consider first' },
  { section: '3', gist: 'Starting the project' },
  { section: '4', gist: 'Running the project' },
  { section: '4.1', gist: 'First planning' },
  { section: '4.2', gist: 'Technical testing' },
  { section: '4.3', gist: 'Reconciling the staff list' },
  { section: '4.4', gist: 'Local policies and processes' },
  { section: '4.5', gist: 'Other tasks' },
  { section: '5', gist: 'Are we ready to migrate?' },
  { section: '5.1', gist: 'Directory sync or CSV upload' },
  { section: '5.2', gist: 'The pilot' },
  { section: '5.2.1', gist: 'Before the pilot' },
  { section: '5.2.2', gist: 'Rolling out new accounts' },
  { section: '5.2.3', gist: 'Other accounts, and running both services side by side' },
  { section: '5.2.4', gist: 'After the pilot' },
  { section: '5.2.5', gist: 'Asking for approval to go live' },
  { section: '6', gist: 'Roll-out' },
  { section: '6.1', gist: 'The main migration, group by group' },
  { section: '7', gist: 'Reviewing after migration' },
  { section: '8', gist: 'Extra paid services' },
];

const b = (section: string, gist: string, ...items: string[]): GuideBulletRecord => ({ section, indented: false, gist, items });
const sub = (section: string, gist: string, ...items: string[]): GuideBulletRecord => ({ section, indented: true, gist, items });
const omitted = (section: string, indented: boolean, gist: string, guideText: string): GuideBulletRecord => ({ section, indented, gist, items: [], omitted: guideText });

export const GUIDE_BULLETS: readonly GuideBulletRecord[] = [
  b('2', 'Tell the pipeline team by email that you mean to self-migrate', 'g1-contact-pipeline'),
  b('2', 'Give rough counts of current users and of new accounts', 'g1-user-numbers'),
  b('2', 'Fill in the discovery questionnaire the pipeline team sends and return it', 'g1-discovery-questionnaire'),
  b('2', 'Check the organisation has an ODS code for the directory', 'g1-ods-code'),
  b('2', 'Draft a business case with the options appraisal and the benefits', 'g1-draft-business-case'),
  b('2', 'Find the applications that send mail through the local service', 'g1-integrated-apps-review'),
  b('2', 'Get senior sign-off to start the project', 'g1-senior-approval'),

  b('3', 'Name a local project manager', 'g2-assign-pm'),
  b('3', 'Put together a team with the specialist skills needed', 'g2-project-team'),
  sub('3', 'Exchange, desktop and Active Directory policy skills', 'g2-project-team'),
  sub('3', 'Floor-walkers and VIP support', 'g2-project-team'),
  sub('3', 'Someone for communications', 'g2-project-team'),
  sub('3', 'HR, for starters and leavers', 'g2-project-team'),
  sub('3', 'People to train staff', 'g2-project-team'),
  sub('3', 'Keep a weekly risks and issues log, and a weekly highlight report if asked', 'g2-risk-log', 'g2-highlight-report'),
  omitted('3', false, 'Look at the current email set-up (heading of the bullets below)', 'Analysis of the existing email infrastructure.'),
  sub('3', 'List who moves, and agree the count of new accounts', 'g2-identify-staff'),
  sub('3', 'Shared mailboxes, calendars, rules, lists and delegates', 'g2-shared-mailboxes'),
  sub('3', 'Mailboxes must be under the size limit before they move', 'g2-mailbox-quotas'),
  sub('3', 'Group people into phases for the schedule and cutover', 'g2-group-phasing'),
  sub('3', 'Mailboxes used by systems for alerts and reminders', 'g2-automated-mailboxes'),
  sub('3', 'Check stored mail against blocked types and size limits', 'g2-review-email-data'),
  b('3', 'Finish the first business case', 'g2-initial-business-case'),
  b('3', 'Plan how people will reach their old mail afterwards', 'g2-legacy-data'),
  sub('3', 'Drag and drop between two Exchange accounts in one Outlook profile', 'g2-legacy-data'),
  b('3', 'Or copy old mail to an archive the mail client can open', 'g2-legacy-data'),
  b('3', 'Or export each mailbox to a .pst file', 'g2-legacy-data'),
  b('3', 'Or pay for the national supplier’s data migration tool', 'g2-legacy-data'),
  b('3', 'Choose how you will migrate: needed before the next stage', 'g2-migration-method'),
  b('3', 'Option: do it yourselves, as the guide describes', 'g2-migration-method'),
  b('3', 'Option: the national supplier’s managed migration', 'g2-migration-method'),
  b('3', 'Option: another supplier', 'g2-migration-method'),
  b('3', 'Agree a high-level plan with the migration dates', 'g2-project-plan'),
  b('3', 'Agree the project initiation document and send it on', 'g2-pid'),
  b('3', 'The local strategy board signs all of this off', 'g2-strategy-board-sign-off'),

  b('4.1', 'Tell NHS Digital formally of the decision and the method', 'g3-inform-nhs-digital'),
  omitted('4.1', false, 'The national project plan has every task (a pointer, not a task)', 'lists all of the activities that are required'),
  b('4.1', 'Give out project roles so everyone knows who does what', 'g3-assign-roles'),
  b('4.1', 'Plan communications so staff know dates and what to do', 'g3-comms-plan'),
  b('4.1', 'Plan training, with a needs analysis if useful', 'g3-user-training-plan'),
  sub('4.1', 'Training for users', 'g3-user-training-plan'),
  b('4.1', 'Training for local administrators', 'g3-la-training-plan'),
  b('4.1', 'Plan for phones and tablets on ActiveSync', 'g3-mobile-devices'),
  b('4.2', 'Decide how staff will reach their mail: web or desktop client', 'g3-access-method'),
  b('4.2', 'Set browser needs for administrators and users', 'g3-browser-requirements'),
  b('4.2', 'Plan when new accounts are made and moved', 'g3-new-accounts-schedule'),
  sub('4.2', 'Support for new users at cutover', 'g3-new-accounts-schedule'),
  sub('4.2', 'Move people who share calendars and mailboxes together', 'g3-new-accounts-schedule'),
  sub('4.2', 'Tell each group clearly what they need to do', 'g3-new-accounts-schedule'),
  sub('4.2', 'Phase the roll-out to target groups and support', 'g3-new-accounts-schedule'),
  b('4.3', 'List everyone who needs an account, noting any who already have one', 'g3-staff-reconciliation'),
  b('4.3', 'Send the final numbers to NHS Digital', 'g3-final-numbers'),
  b('4.4', 'Update local policies on patient data by email, mobiles and storage', 'g3-update-policies'),
  b('4.4', 'Organisations meeting the secure email standard must update policies', 'g3-insecure-email-policy', 'g3-mobile-policy', 'g3-clinical-safety'),
  sub('4.4', 'Publish a policy for secure email on mobile devices', 'g3-mobile-policy'),
  sub('4.4', 'Publish a policy for email with insecure systems', 'g3-insecure-email-policy'),
  sub('4.4', 'Meet the clinical safety standard', 'g3-clinical-safety'),
  b('4.4', 'Set up joiners and leavers with HR so the primary administrator knows', 'g3-joiners-leavers'),
  b('4.5', 'Agree the dates and the pipeline slot with NHS Digital', 'g3-confirm-pipeline-slot'),
  b('4.5', 'Sign the top-up services agreement', 'g3-top-up-agreement'),

  b('5.1', 'Directory sync (TANSync)', 'g4-bulk-provisioning'),
  b('5.1', 'The push connector', 'g4-bulk-provisioning'),
  b('5.2.1', 'Have the registration limits raised for the whole project', 'g4-registration-limits'),
  b('5.2.1', 'Roll out a policy or script that makes new mail profiles', 'g4-profile-group-policy'),
  b('5.2.1', 'Roll out the chosen way of keeping old mail', 'g4-deploy-data-migration'),
  b('5.2.1', 'Point mail clients at the archive or .pst files', 'g4-link-archives'),
  b('5.2.1', 'Roll out and switch on the pilot accounts', 'g4-pilot-activate-accounts'),
  b('5.2.1', 'Give each pilot user the new profile', 'g4-pilot-reconfigure-profiles'),
  b('5.2.1', 'Add sharing, rules and the like to each profile', 'g4-pilot-customise-profiles'),
  b('5.2.2', 'Take the new-account list from the reconciliation', 'g4-new-accounts-extract'),
  b('5.2.2', 'Schedule making and rolling out new accounts', 'g4-new-accounts-schedule'),
  b('5.2.2', 'With directory sync, turn pending accounts into real ones in bulk', 'g4-activate-pending-accounts'),
  b('5.2.2', 'Without a connector, make accounts by hand', 'g4-manual-accounts'),
  b('5.2.2', 'Send people their account details to activate', 'g4-distribute-account-details'),
  b('5.2.2', 'People change the password the administrator set', 'g4-password-change'),
  b('5.2.3', 'Recreate the shared mailboxes and lists the pilot needs', 'g4-recreate-shared'),
  b('5.2.3', 'Give access to shared mailboxes and calendars', 'g4-shared-permissions'),
  b('5.2.3', 'Set up mobile access where needed', 'g4-mobile-access'),
  b('5.2.3', 'Have help ready: service desk or floor-walkers', 'g4-pilot-support'),
  b('5.2.3', 'While both services run, moved users keep what they need from the old one', 'g4-coexistence'),
  b('5.2.3', 'Use the pilot to plan the final cutover and switch-off', 'g4-plan-cutover'),
  b('5.2.3', 'Begin cutover in the pilot: forward and auto-reply on the old addresses', 'g4-coexistence', 'g4-plan-cutover'),
  b('5.2.4', 'Report who moved and who still needs something done', 'g4-pilot-migration-report'),
  b('5.2.4', 'The service desk reports open calls', 'g4-helpdesk-issues'),
  b('5.2.4', 'Update the communications and project plans after lessons learnt', 'g4-update-plans-after-pilot'),
  b('5.2.4', 'Update the reconciliation spreadsheet', 'g4-update-reconciliation'),
  b('5.2.4', 'Hold a lessons learnt workshop', 'g4-pilot-lessons-workshop'),
  b('5.2.4', 'Keep a technical issues log', 'g4-technical-issues-log'),
  b('5.2.4', 'Review the risks and issues log', 'g4-pilot-risk-review'),
  b('5.2.5', 'Over 500 new accounts: allow 14 more days for approval', 'g4-pilot-sign-off', 'g4-extra-approval-days'),
  b('5.2.5', 'Send these to the pipeline team', 'g4-submit-migration-checklist', 'g4-submit-questionnaire', 'g4-submit-migration-schedule'),
  sub('5.2.5', 'The migration checklist', 'g4-submit-migration-checklist'),
  sub('5.2.5', 'The discovery questionnaire', 'g4-submit-questionnaire'),
  sub('5.2.5', 'New accounts needed month by month', 'g4-submit-migration-schedule'),
  sub('5.2.5', 'Check the service desk and support are ready for NHSmail as the main service', 'g4-review-support-model'),

  b('6.1', 'Run the main migration like the pilot, at scale', 'g5-run-main-migration'),
  b('6.1', 'Finalise the new accounts schedule', 'g5-finalise-accounts-schedule'),
  b('6.1', 'Finalise the roll-out schedule, group by group', 'g5-finalise-rollout-schedule'),

  b('7', 'Report how many users moved', 'g6-report-users-migrated'),
  b('7', 'Forecast the accounts needed over the next year', 'g6-report-projected-accounts'),
  b('7', 'Write the post-implementation report', 'g6-post-implementation-report'),
  b('7', 'Write the lessons learned report', 'g6-lessons-learned-report'),
  b('7', 'Report the benefits 6 to 12 months on: savings and future plans', 'g6-benefits-report'),
  sub('7', 'Example: discharge letters by email', 'g6-benefits-report'),
  sub('7', 'Example: working with other organisations', 'g6-benefits-report'),
  sub('7', 'Example: sending and handling documents by email', 'g6-benefits-report'),
  sub('7', 'Plan to switch off the in-house mail server', 'g6-decommission'),
];

/** Passages of the guide's prose (not bullets) that items come from, in our words. */
export const GUIDE_PROSE: readonly Omit<GuideBulletRecord, 'indented' | 'omitted'>[] = [
  { section: '5.2.5', gist: 'NHS Digital gives the overall go or no-go to migrate', items: ['g4-nhs-digital-go'] },
  { section: '6.1', gist: 'Fold what the pilot taught into the communications', items: ['g5-update-comms-after-pilot'] },
  { section: '6.1', gist: 'Communicate widely with users throughout the roll-out', items: ['g5-user-comms'] },
  { section: '6.1', gist: 'Hold regular checkpoint calls with the national team', items: ['g5-checkpoint-calls'] },
  { section: '6.1', gist: 'Report progress before each month ends', items: ['g5-monthly-reports'] },
  { section: '7', gist: 'Review the project once it is done', items: ['g6-post-implementation-review'] },
  { section: '7', gist: 'Close off whatever is still open', items: ['g6-outstanding-actions'] },
  { section: '7', gist: 'Tell staff when forwarding from old addresses stops', items: ['g6-tell-staff-forwarding-ends'] },
  { section: '7', gist: 'Mail for old addresses can be redirected through MX records', items: ['g6-mx-records'] },
  { section: '7', gist: 'Confirm to NHS Digital that the old service is switched off', items: ['g6-confirm-decommission'] },
];
