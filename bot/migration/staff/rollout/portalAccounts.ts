import type { Actor } from '../../projects/actor';
import type { Project } from '../../projects/project';
import type { CsvRow } from '../../risks/riskCsv';
import { todayInLondon } from '../../shared/ukDates';
import { holdsNhsmailAccount, type StaffMember } from '../staffMember';
import { loadGroup, loadRolloutFor } from './rolloutAccess';
import type { RolloutDeps } from './rolloutDeps';
import { everyoneMatching } from './staffChanges';
import type { PortalColumn, PortalField } from './rolloutSettings';

/**
 * The account files for the NHSmail Portal's CSV upload (guide 5.2.2: "an extract … for new NHSmail accounts
 * required, excluding existing accounts and including system accounts and shared mailboxes").
 *
 * Who is in them: everyone (or everyone in one group) whose status is not started or account requested and who does
 * not hold an NHSmail account already; people whose account is created, activated or migrated are not asked for
 * again. Mailboxes of every type are included. Rows are by last name, split into files of the setting's size,
 * because the Portal wants small files sent one at a time (a partial failure is then resubmitted file by file).
 * The file format (and its safety against formulas) is the edge's concern: these are rows.
 */

export interface PortalFile {
  readonly fileName: string;
  /** The heading row first. */
  readonly rows: readonly CsvRow[];
  readonly people: number;
  /** The local ID of the file's last person: with the previous file's, it marks where the file starts and ends. */
  readonly lastLocalId: string;
}

/**
 * One file as it was cut: the people after `afterLocalId` (the previous file's last) up to `upToLocalId`, in name
 * order. Why a range and not a file number: the Portal's files are sent one at a time, and between two downloads
 * an LA may mark the first file's people created; numbered parts would then shift and a person could be in no file
 * or in two. A range always holds the same people, less any who no longer need an account.
 */
export interface PortalFileRange {
  readonly afterLocalId?: string;
  readonly upToLocalId: string;
  /** Which file of how many, for its name. */
  readonly part: number;
  readonly of: number;
}

export interface PortalExport {
  readonly files: readonly PortalFile[];
  readonly people: number;
  /** The group's name, or undefined for the whole list. */
  readonly groupName?: string;
}

/** The statuses of people still to be given an account. */
const STILL_TO_CREATE = ['not-started', 'account-requested'] as const;

export function portalCell(member: StaffMember, field: PortalField, project: Pick<Project, 'odsCode'>): string {
  switch (field) {
    case 'portal-id':
    case 'blank':
      return '';
    case 'organisation-code':
      return project.odsCode;
    case 'first-name':
      return member.firstName;
    case 'last-name':
      return member.lastName;
    case 'local-id':
      return member.localId;
    case 'job-role':
      return member.jobRole ?? '';
    case 'work-area':
      return member.department ?? '';
    case 'current-email':
      return member.currentEmail ?? '';
    case 'account-type':
      return member.accountType;
  }
}

/** People split into files of `rowsPerFile`, each with the heading row. Pure. */
export function portalFiles(people: readonly StaffMember[], columns: readonly PortalColumn[], rowsPerFile: number, project: Pick<Project, 'odsCode'>, baseName: string): PortalFile[] {
  const heading = columns.map((c) => c.heading);
  const files: PortalFile[] = [];
  const count = Math.ceil(people.length / rowsPerFile);
  for (let i = 0; i < count; i += 1) {
    const slice = people.slice(i * rowsPerFile, (i + 1) * rowsPerFile);
    files.push({
      fileName: `${baseName}-part-${pad(i + 1)}-of-${pad(count)}.csv`,
      rows: [heading, ...slice.map((m) => columns.map((c) => portalCell(m, c.field, project)))],
      people: slice.length,
      lastLocalId: slice.at(-1)?.localId ?? '',
    });
  }
  return files;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function byName(a: StaffMember, b: StaffMember): number {
  return a.lastName.localeCompare(b.lastName, 'en-GB') || a.firstName.localeCompare(b.firstName, 'en-GB') || (a.localId < b.localId ? -1 : a.localId > b.localId ? 1 : 0);
}

/** The Portal files for the project, or for one group (`groupId`); with `range`, the one file it marks (or none, if its ends are gone). */
export async function exportPortalAccounts(
  deps: RolloutDeps,
  command: { readonly actor: Actor; readonly projectId: unknown; readonly groupId?: string; readonly range?: PortalFileRange },
): Promise<PortalExport> {
  const { project, settings } = await loadRolloutFor(deps, command.actor, command.projectId, 'read-rollout');
  const group = command.groupId === undefined ? undefined : await loadGroup(deps, project.projectId, command.groupId);
  const people: StaffMember[] = [];
  for (const status of STILL_TO_CREATE) {
    const matching = await everyoneMatching(deps, project.projectId, { status, ...(group === undefined ? {} : { groupId: group.groupId }) });
    people.push(...matching.filter((member) => !holdsNhsmailAccount(member)));
  }
  people.sort(byName);
  const baseName = `nhsmail-accounts-${project.odsCode.toLowerCase()}-${group?.groupId ?? 'all'}-${todayInLondon(deps.clock.now())}`;
  if (command.range !== undefined) {
    const { afterLocalId, upToLocalId } = command.range;
    const [after, upTo] = await Promise.all([afterLocalId === undefined ? undefined : deps.staff.get(project.projectId, afterLocalId), deps.staff.get(project.projectId, upToLocalId)]);
    if (upTo === undefined || (afterLocalId !== undefined && after === undefined)) return { files: [], people: 0 };
    const inRange = people.filter((m) => (after === undefined || byName(m, after) > 0) && byName(m, upTo) <= 0);
    const [file] = portalFiles(inRange, settings.portalColumns, Math.max(1, inRange.length), project, baseName);
    const named = file === undefined ? [] : [{ ...file, fileName: `${baseName}-part-${pad(command.range.part)}-of-${pad(command.range.of)}.csv` }];
    return { files: named, people: inRange.length, ...(group === undefined ? {} : { groupName: group.name }) };
  }
  return { files: portalFiles(people, settings.portalColumns, settings.portalFileRows, project, baseName), people: people.length, ...(group === undefined ? {} : { groupName: group.name }) };
}
