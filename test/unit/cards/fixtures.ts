import { DEFAULT_GATEWAY_CATALOGUE, getStage } from '../../../bot/migration/gateways/catalogue';
import { STAGE_NUMBERS, type StageNumber } from '../../../bot/migration/gateways/catalogueTypes';
import { isPassed, newGatewayState } from '../../../bot/migration/gateways/gatewayState';
import type { GatewayDecision, GatewayState, ItemAuditEntry, ItemState, ItemStatus, PersonRef } from '../../../bot/migration/gateways/gatewayState';
import { daysToCutover, gatewayProgress, myActions, overdueItems } from '../../../bot/migration/gateways/progress';
import { signOffBlockers } from '../../../bot/migration/gateways/readiness';
import { can, type ProjectRole } from '../../../bot/migration/gateways/roles';
import { checklistEntry, type Checklist } from '../../../bot/migration/projects/getChecklist';
import type { MyActions } from '../../../bot/migration/projects/getMyActions';
import { gatewayStatusOf, type ProjectStatus } from '../../../bot/migration/projects/getStatus';
import { summariseProject, type Project, type ProjectMember } from '../../../bot/migration/projects/project';
import { addDays, type IsoDate } from '../../../bot/migration/shared/ukDates';
import type { CardChoice } from '../../../cards/cardChoice';

/**
 * Realistic inputs for the card tests, built from the real gateway catalogue and the domain's own progress and
 * readiness rules, so a card is tested against what the use cases would really hand it.
 */

export const TODAY: IsoDate = '2026-11-25';
export const PROJECT_ID = 'p-rh8-2026';

export const PRIYA: PersonRef = { id: '29:1priya', name: 'Priya Shah' };
export const TOM: PersonRef = { id: '29:1tom', name: 'Tom Evans' };
export const AISHA: PersonRef = { id: '29:1aisha', name: 'Aisha Khan' };
export const GARETH: PersonRef = { id: '29:1gareth', name: 'Gareth Jones' };
export const MARY: PersonRef = { id: '29:1mary', name: 'Mary Brown' };

export const MEMBERS: readonly ProjectMember[] = [
  { userId: PRIYA.id, name: PRIYA.name, role: 'project-manager' },
  { userId: TOM.id, name: TOM.name, role: 'sro' },
  { userId: AISHA.id, name: AISHA.name, role: 'team-member' },
  { userId: GARETH.id, name: GARETH.name, role: 'local-admin' },
  { userId: MARY.id, name: MARY.name, role: 'staff' },
];

/** People who can own an item: the project team, not staff. */
export const MEMBER_CHOICES: readonly CardChoice[] = MEMBERS.filter((m) => m.role !== 'staff').map((m) => ({ title: m.name, value: m.userId }));

const OWNERS = [PRIYA, TOM, AISHA, GARETH] as const;
const AT = '2026-11-20T14:05:00.000Z';

export interface ChecklistOptions {
  readonly viewerRole?: ProjectRole;
  /** Status of the item at each position; by default a realistic mix of done, not applicable and open. */
  readonly statusAt?: (index: number) => ItemStatus;
  readonly decision?: GatewayDecision;
  /** Other gateways' states, for the earlier-gateway blockers of stages 5 and 6. */
  readonly otherGateways?: readonly GatewayState[];
}

/** A busy mix: every item owned and dated, some overdue, some done with notes and evidence, some not applicable. */
function defaultStatus(index: number): ItemStatus {
  if (index % 3 === 0) return 'done';
  if (index % 7 === 4) return 'not-applicable';
  return 'open';
}

/** Every item touched: an owner, a due date (about half of the open ones overdue), a note, and evidence when done. */
export function itemStatesFor(stage: StageNumber, statusAt: (index: number) => ItemStatus = defaultStatus): readonly ItemState[] {
  return getStage(DEFAULT_GATEWAY_CATALOGUE, stage).items.map((item, index): ItemState => {
    const status = statusAt(index);
    const owner = OWNERS[index % OWNERS.length] ?? PRIYA;
    return {
      itemId: item.id,
      status,
      owner,
      due: addDays(TODAY, [-8, 2, -3, 12, 30][index % 5] ?? 0),
      notes: [
        {
          text: `Discussed at the project board on 18 November; ${owner.name} to follow up with the IT service desk and the information governance lead.`,
          by: PRIYA,
          at: AT,
        },
      ],
      evidence: status === 'done' ? [{ url: `https://nhsrh8.sharepoint.com/sites/nhsmail/Shared%20Documents/${item.id}.docx`, by: owner, at: AT }] : [],
      ...(status === 'not-applicable'
        ? { naReason:
            'We have no shared mailboxes on the old system and no plans to create any before cutover, so there is nothing to move. The service desk confirmed this on 12 November after checking every server.', }
        : {}),
      updatedBy: owner,
      updatedAt: AT,
      version: (index % 4) + 1,
    };
  });
}

export function checklistFixture(stage: StageNumber, options: ChecklistOptions = {}): Checklist {
  const catalogue = DEFAULT_GATEWAY_CATALOGUE;
  const items = itemStatesFor(stage, options.statusAt);
  const viewerRole = options.viewerRole ?? 'project-manager';
  const gateway: GatewayState = { ...newGatewayState(stage), ...(options.decision ? { decision: options.decision } : {}) };
  const gateways = [...(options.otherGateways ?? []).filter((g) => g.stage !== stage), gateway];
  const byId = new Map(items.map((s) => [s.itemId, s]));
  const stageDef = getStage(catalogue, stage);
  return {
    projectId: PROJECT_ID,
    stage,
    title: stageDef.title,
    summary: stageDef.summary,
    gateway,
    passed: isPassed(gateway),
    progress: gatewayProgress(catalogue, stage, items),
    blockers: signOffBlockers(catalogue, stage, items, gateways),
    entries: stageDef.items.map((item) => checklistEntry(item, byId.get(item.id), TODAY)),
    viewerRole,
    members: MEMBERS,
    canUpdateItems: can(viewerRole, 'update-item') && !isPassed(gateway),
    canAddNotes: can(viewerRole, 'update-item'),
    canSignOff: can(viewerRole, 'sign-off-gateway'),
  };
}

export const GO: GatewayDecision = { outcome: 'go', by: TOM, at: '2026-11-24T10:30:00.000Z', comment: 'All required items done; pilot went well.' };
export const NO_GO: GatewayDecision = {
  outcome: 'no-go',
  by: PRIYA,
  at: '2026-11-23T16:45:00.000Z',
  comment: 'The business case needs finance sign-off first.',
};

export function projectFixture(): Project {
  return {
    projectId: PROJECT_ID,
    tenantId: 'tenant-rh8',
    teamId: '19:team-rh8@thread.tacv2',
    organisationName: 'Royal Hampshire County Hospital NHS Foundation Trust',
    odsCode: 'RH8',
    method: 'self-migration',
    approximateUsers: 5200,
    newAccounts: 150,
    phasing: 'phased',
    plannedStart: '2026-09-01',
    plannedCutover: '2027-01-06',
    createdBy: PRIYA,
    createdAt: '2026-09-01T09:00:00.000Z',
    members: MEMBERS,
    milestones: [
      { id: 'm1', kind: 'pipeline-slot', date: '2026-12-14', note: 'Slot confirmed by NHS Digital', recordedBy: PRIYA },
      { id: 'm2', kind: 'pilot-go-no-go', date: '2026-12-02', note: '', recordedBy: TOM },
    ],
  };
}

/** A plausible item history, oldest first as `getItemHistory` returns it. */
export function historyFixture(itemId: string): readonly ItemAuditEntry[] {
  return [
    { at: '2026-11-02T09:15:00.000Z', by: PRIYA, itemId, field: 'owner', before: null, after: AISHA.name },
    { at: '2026-11-02T09:15:00.000Z', by: PRIYA, itemId, field: 'due', before: null, after: '2026-11-20' },
    { at: '2026-11-10T11:00:00.000Z', by: AISHA, itemId, field: 'notes', before: null, after: 'Draft sent to the IG lead.' },
    { at: '2026-11-18T15:30:00.000Z', by: AISHA, itemId, field: 'evidence', before: null, after: 'https://nhsrh8.sharepoint.com/sites/nhsmail/pid.docx' },
    { at: '2026-11-18T15:31:00.000Z', by: AISHA, itemId, field: 'status', before: 'open', after: 'done' },
  ];
}

/** All six gateways' states: gateway 1 passed, gateway 2 a no-go, the rest undecided. */
export function gatewayStatesFixture(): readonly GatewayState[] {
  return [
    { ...newGatewayState(1), decision: GO },
    { ...newGatewayState(2), decision: NO_GO },
    newGatewayState(3),
    newGatewayState(4),
    newGatewayState(5),
    newGatewayState(6),
  ];
}

/** Item states for the whole project: gateway 1 all done, the rest the usual busy mix. */
export function projectItemsFixture(): readonly ItemState[] {
  return STAGE_NUMBERS.flatMap((stage) => itemStatesFor(stage, stage === 1 ? () => 'done' : undefined));
}

export function statusFixture(overrides: Partial<ProjectStatus> = {}): ProjectStatus {
  const catalogue = DEFAULT_GATEWAY_CATALOGUE;
  const project = projectFixture();
  const items = projectItemsFixture();
  const states = gatewayStatesFixture();
  return {
    project: summariseProject(project),
    viewerRole: 'project-manager',
    today: TODAY,
    daysToCutover: daysToCutover(TODAY, project.plannedCutover),
    gateways: states.map((state) => gatewayStatusOf(catalogue, state, items.filter((i) => getStage(catalogue, state.stage).items.some((c) => c.id === i.itemId)), states)),
    overdue: overdueItems(catalogue, items, TODAY),
    upcomingMilestones: project.milestones.filter((m) => m.date >= TODAY).sort((a, b) => a.date.localeCompare(b.date)),
    ...overrides,
  };
}

export function myActionsFixture(userId: string = AISHA.id): MyActions {
  return {
    project: summariseProject(projectFixture()),
    today: TODAY,
    actions: myActions(DEFAULT_GATEWAY_CATALOGUE, projectItemsFixture(), userId, TODAY),
  };
}
