import type { Capability } from '../../cards/capability';

/**
 * What Gateway answers today, in the order the help card lists them. A capability is added here in the same change
 * that registers its route, so help never promises something the bot cannot do.
 */
export const CAPABILITIES: readonly Capability[] = [
  { command: 'set up project', description: 'In your project team’s channel: starts your organisation’s NHSmail migration project, with you as project manager.' },
  { command: 'status', description: 'Progress across the six gateways, overdue items and the days to cutover.' },
  { command: 'gateway 1 … gateway 6', description: 'A gateway’s checklist: tick items off, or give them an owner, a due date, notes and evidence.' },
  { command: 'walk me through gateway 1', description: 'Takes you through a gateway’s open items one at a time.' },
  { command: 'my actions', description: 'The checklist items you own, overdue first.' },
  { command: 'sign off gateway 1', description: 'The readiness check and the go / no-go decision (project manager or SRO).' },
  { command: 'milestones', description: 'Records NHS Digital’s dated decisions: your pipeline slot, the pilot go / no-go, extra accounts approved.' },
  { command: 'project details', description: 'Changes what set-up recorded (cutover, numbers, method, phasing, dates) as plans move on (project manager or SRO).' },
  { command: 'roles', description: 'Who is on the project and in what role; the project manager gives out roles.' },
  { command: 'questionnaire', description: 'The discovery questionnaire, section by section: who answered what, then export it or submit it (also: questionnaire 3, export questionnaire, submit questionnaire).' },
  { command: 'risk: …  /  issue: …', description: 'Adds to the risks and issues log: type risk: and a title (or issue: for something that has happened), then give the likelihood, impact and owner on the card.' },
  { command: 'risks', description: 'The risks and issues log, open entries first by score, with Edit and History (also: risks mine, risks red, risks gateway 2, risks due, risks closed). Not for staff.' },
  { command: 'export risks', description: 'In a personal chat with me: the whole log as a CSV file, by a link that works for 15 minutes.' },
  { command: 'groups', description: 'The roll-out groups (pilot, phase 1, 2 …) with their cutover dates and sizes; group pilot shows its people, group pilot checklist the guide’s steps for it. Project team; the PM and local administrators change them.' },
  { command: 'coexistence', description: 'Shared mailboxes whose owner or delegates are in different roll-out groups, or in none, with one button to put them together.' },
  { command: 'registrations', description: 'New accounts registered per month against the plan, as a chart and a table, beside the questionnaire’s figures.' },
  { command: 'export accounts', description: 'In a personal chat with me: the NHSmail Portal account files for the new accounts (also: export accounts for pilot).' },
  { command: 'highlight', description: 'This week’s highlight report so far (project team): RAG, progress, risks, the forecast and the burn-down; highlight last week shows the one before.' },
  { command: 'post highlight now', description: 'Posts this week’s highlight report to the reports channel now, instead of on Monday (project manager).' },
  { command: 'highlight settings', description: 'The day and time (UK) the weekly highlight report is posted, for this project (project manager).' },
  { command: 'reports here', description: 'Typed in a channel: the weekly highlight report is posted there from now on (project manager).' },
  { command: 'when do I migrate', description: 'Your own move to NHSmail: your group and date, what to do before, what happens on the day, and whom to ask. Ask in your own words.' },
  { command: 'when does (name or email) migrate', description: 'A colleague’s group, date and status (project team and local administrators only).' },
  { command: 'help', description: 'Shows this list of what I can do.' },
];
