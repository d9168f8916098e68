import { DEFAULT_GATEWAY_CATALOGUE, getStage } from '../../../bot/migration/gateways/catalogue';
import { STAGE_NUMBERS, type StageNumber } from '../../../bot/migration/gateways/catalogueTypes';
import { newGatewayState, type ItemAuditEntry, type ItemState, type ItemStatus, type PersonRef } from '../../../bot/migration/gateways/gatewayState';
import { EVIDENCE_URL_MAX_LENGTH, INLINE_EVIDENCE_KEPT, INLINE_NOTES_KEPT, NA_REASON_MAX_LENGTH, NOTE_MAX_LENGTH } from '../../../bot/migration/gateways/itemUpdates';
import { ORGANISATION_NAME_MAX_LENGTH } from '../../../bot/migration/gateways/projectSetup';
import { daysToCutover, gatewayProgress, myActions, overdueItems } from '../../../bot/migration/gateways/progress';
import { signOffBlockers } from '../../../bot/migration/gateways/readiness';
import { can, type ProjectRole } from '../../../bot/migration/gateways/roles';
import { MEMBER_NAME_MAX_LENGTH } from '../../../bot/migration/projects/assignRole';
import { checklistEntry, type Checklist } from '../../../bot/migration/projects/getChecklist';
import type { MyActions } from '../../../bot/migration/projects/getMyActions';
import { gatewayStatusOf, type ProjectStatus } from '../../../bot/migration/projects/getStatus';
import { summariseProject, type Project, type ProjectMember } from '../../../bot/migration/projects/project';
import { addDays } from '../../../bot/migration/shared/ukDates';
import { ownerChoicesOf, type CardChoice } from '../../../cards/cardChoice';
import { PROJECT_ID, TODAY } from './fixtures';

/**
 * The largest data the domain lets in, for the size budgets: every name and text at its maximum length, every item
 * owned with its inline notes and links full and many more moved to the history, 60 people on the project team and
 * hundreds of staff, hundreds of history entries. A card within budget on this is within budget on anything real.
 */

const AT = '2026-11-20T14:05:00.000Z';

/** Teams user ids are about 60 characters; names at the domain's maximum, all different. */
function person(i: number): PersonRef {
  const id = `29:1${'Q'.repeat(56)}${String(i).padStart(4, '0')}`;
  const name = `${String(i).padStart(3, '0')} ${'Alexandra Montgomery-Fitzwilliam '.repeat(8)}`.slice(0, MEMBER_NAME_MAX_LENGTH);
  return { id, name };
}

/** Not a plain ASCII run: some characters take two UTF-16 code units, which is how Teams counts. */
function longText(length: number, seed: string): string {
  return `${seed} ${'Information governance sign-off 📎 é '.repeat(Math.ceil(length / 30))}`.slice(0, length);
}

export const WORST_TEAM_SIZE = 60;
export const WORST_STAFF_SIZE = 240;

const TEAM_ROLES: readonly ProjectRole[] = ['project-manager', 'sro', 'team-member', 'local-admin'];

export const WORST_MEMBERS: readonly ProjectMember[] = [
  ...Array.from({ length: WORST_TEAM_SIZE }, (_, i): ProjectMember => {
    const p = person(i);
    return { userId: p.id, aadObjectId: `0000${i}`.padEnd(36, 'a'), name: p.name, role: TEAM_ROLES[i % TEAM_ROLES.length] ?? 'team-member' };
  }),
  ...Array.from({ length: WORST_STAFF_SIZE }, (_, i): ProjectMember => {
    const p = person(1000 + i);
    return { userId: p.id, name: p.name, role: 'staff' };
  }),
];

export const WORST_MEMBER_CHOICES: readonly CardChoice[] = ownerChoicesOf(WORST_MEMBERS);
export const WORST_USER_IDS: readonly string[] = WORST_MEMBERS.map((m) => m.userId);

const STATUS_MIX: readonly ItemStatus[] = ['open', 'done', 'not-applicable', 'open', 'skipped'];

function worstItemState(itemId: string, index: number, status: ItemStatus, mandatory: boolean): ItemState {
  const owner = person(index % WORST_TEAM_SIZE);
  const effective = status === 'skipped' && mandatory ? 'open' : status;
  return {
    itemId,
    status: effective,
    owner,
    due: addDays(TODAY, (index % 9) - 4),
    notes: Array.from({ length: INLINE_NOTES_KEPT }, (_, n) => ({ text: longText(NOTE_MAX_LENGTH, `Note ${n}`), by: person(n), at: AT })),
    olderNotes: 80,
    evidence: Array.from({ length: INLINE_EVIDENCE_KEPT }, (_, n) => ({
      url: `https://nhs.sharepoint.com/${'sites/nhsmail/Shared%20Documents/'.repeat(70)}`.slice(0, EVIDENCE_URL_MAX_LENGTH - 8) + `${n}`.padStart(8, '0'),
      by: person(n),
      at: AT,
    })),
    olderEvidence: 12,
    ...(effective === 'not-applicable' ? { naReason: longText(NA_REASON_MAX_LENGTH, 'Reason') } : {}),
    updatedBy: owner,
    updatedAt: AT,
    version: 999_999,
  };
}

export function worstItemStates(stage: StageNumber, statusAt: (index: number) => ItemStatus = (i) => STATUS_MIX[i % STATUS_MIX.length] ?? 'open'): readonly ItemState[] {
  return getStage(DEFAULT_GATEWAY_CATALOGUE, stage).items.map((item, index) => worstItemState(item.id, index, statusAt(index), item.mandatory));
}

export function worstProject(): Project {
  return {
    projectId: PROJECT_ID,
    tenantId: 'tenant-rh8',
    teamId: '19:team-rh8@thread.tacv2',
    organisationName: longText(ORGANISATION_NAME_MAX_LENGTH, 'Trust'),
    odsCode: 'RH8',
    method: 'self-migration',
    approximateUsers: 250_000,
    newAccounts: 99_999,
    phasing: 'phased',
    plannedStart: '2026-09-01',
    plannedCutover: '2027-01-06',
    createdBy: person(0),
    createdAt: '2026-09-01T09:00:00.000Z',
    members: WORST_MEMBERS,
    milestones: Array.from({ length: 40 }, (_, i) => ({
      id: `m${i}`,
      kind: 'other' as const,
      date: addDays(TODAY, i),
      note: longText(500, `Milestone ${i}`),
      recordedBy: person(i),
    })),
  };
}

export function worstChecklist(stage: StageNumber, options: { readonly viewerRole?: ProjectRole; readonly statusAt?: (index: number) => ItemStatus } = {}): Checklist {
  const items = worstItemStates(stage, options.statusAt);
  const byId = new Map(items.map((s) => [s.itemId, s]));
  const stageDef = getStage(DEFAULT_GATEWAY_CATALOGUE, stage);
  const gateway = newGatewayState(stage);
  const viewerRole = options.viewerRole ?? 'project-manager';
  return {
    projectId: PROJECT_ID,
    stage,
    title: stageDef.title,
    summary: stageDef.summary,
    gateway,
    passed: false,
    progress: gatewayProgress(DEFAULT_GATEWAY_CATALOGUE, stage, items),
    blockers: signOffBlockers(DEFAULT_GATEWAY_CATALOGUE, stage, items, STAGE_NUMBERS.map((s) => newGatewayState(s))),
    entries: stageDef.items.map((item) => checklistEntry(item, byId.get(item.id), TODAY)),
    viewerRole,
    members: WORST_MEMBERS,
    canUpdateItems: can(viewerRole, 'update-item'),
    canSignOff: can(viewerRole, 'sign-off-gateway'),
    canAddNotes: can(viewerRole, 'update-item'),
  };
}


/** Four hundred changes on one item, the widest kinds among them (2,000-character links, two 500-character reasons). */
export function worstHistory(itemId: string): readonly ItemAuditEntry[] {
  return Array.from({ length: 400 }, (_, i): ItemAuditEntry => {
    const at = new Date(Date.UTC(2026, 8, 1) + i * 3_600_000).toISOString();
    const by = person(i % WORST_TEAM_SIZE);
    switch (i % 4) {
      case 0:
        return { at, by, itemId, field: 'evidence', before: null, after: `https://nhs.sharepoint.com/${'x'.repeat(EVIDENCE_URL_MAX_LENGTH - 27)}` };
      case 1:
        return { at, by, itemId, field: 'naReason', before: longText(NA_REASON_MAX_LENGTH, 'Before'), after: longText(NA_REASON_MAX_LENGTH, 'After') };
      case 2:
        return { at, by, itemId, field: 'notes', before: null, after: longText(NOTE_MAX_LENGTH, `Note ${i}`) };
      default:
        return { at, by, itemId, field: 'owner', before: person(i + 1).name, after: by.name };
    }
  });
}

/** Every item of the project owned by one person, so "my actions" lists all of them. */
export function worstMyActions(): MyActions {
  const me = person(0);
  const items = STAGE_NUMBERS.flatMap((stage) => worstItemStates(stage, () => 'open').map((s) => ({ ...s, owner: me })));
  return { project: summariseProject(worstProject()), today: TODAY, actions: myActions(DEFAULT_GATEWAY_CATALOGUE, items, me.id, TODAY) };
}

export function worstStatus(): ProjectStatus {
  const project = worstProject();
  const items = STAGE_NUMBERS.flatMap((stage) => worstItemStates(stage, () => 'open'));
  const states = STAGE_NUMBERS.map((s) => newGatewayState(s));
  return {
    project: summariseProject(project),
    viewerRole: 'project-manager',
    today: TODAY,
    daysToCutover: daysToCutover(TODAY, project.plannedCutover),
    gateways: states.map((state) => gatewayStatusOf(DEFAULT_GATEWAY_CATALOGUE, state, items.filter((i) => getStage(DEFAULT_GATEWAY_CATALOGUE, state.stage).items.some((c) => c.id === i.itemId)), states)),
    overdue: overdueItems(DEFAULT_GATEWAY_CATALOGUE, items, TODAY),
    upcomingMilestones: project.milestones,
  };
}
