import { z } from 'zod';
import { MIGRATION_STATUSES } from '../bot/migration/staff/staffMember';
import { id, projectOnly, text, wholeNumber } from './cardDataShapes';
import { Verbs } from './verbs';

/**
 * The roll-out cards' data, checked like every card's (see cardData.ts, which spreads these in): shape here, meaning
 * (a real group, a date not in the past, a local ID on the list) in the domain.
 */

/**
 * The value of a "leave it as it is" choice. Not empty: the official renderer treats a choice valued '' as no choice
 * at all, so the person could not pick it.
 */
export const LEAVE_AS_IS = 'leave';
const blankIsAbsent = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((v) => (v === '' || v === LEAVE_AS_IS ? undefined : v), schema.optional());
const onGroup = z.object({ projectId: id, groupId: id });

/** Input ids of the roll-out forms, shared by the cards that draw them and the routes that read them. */
export const ROLLOUT_INPUTS = {
  name: 'groupName',
  cutoverDate: 'cutoverDate',
  department: 'department',
  localIds: 'localIds',
  status: 'status',
  /** The one-person form's own status input: a card's inputs need ids of their own, even in separate forms. */
  personStatus: 'personStatus',
  localId: 'localId',
  moveTo: 'moveTo',
  planned: 'planned',
} as const;

export const ROLLOUT_CARD_DATA = {
  [Verbs.groupsShow]: projectOnly,
  [Verbs.groupCreate]: projectOnly.extend({ kind: z.enum(['pilot', 'phase']), [ROLLOUT_INPUTS.name]: text.optional(), [ROLLOUT_INPUTS.cutoverDate]: text.optional() }),
  [Verbs.groupShow]: onGroup.extend({ after: z.string().max(200).optional() }),
  [Verbs.groupChange]: onGroup.extend({ expectedVersion: wholeNumber, [ROLLOUT_INPUTS.name]: text.optional(), [ROLLOUT_INPUTS.cutoverDate]: text.optional() }),
  [Verbs.groupRemove]: onGroup.extend({ expectedVersion: wholeNumber }),
  [Verbs.groupAssign]: onGroup.extend({ by: z.enum(['department', 'list']), [ROLLOUT_INPUTS.department]: text.optional(), [ROLLOUT_INPUTS.localIds]: text.optional() }),
  [Verbs.groupStatus]: onGroup.extend({ [ROLLOUT_INPUTS.status]: blankIsAbsent(z.enum(MIGRATION_STATUSES)) }),
  // LEAVE_AS_IS (or '' from older cards) for "leave as it is"; '-' takes the person out of every group.
  [Verbs.personChange]: onGroup.extend({
    [ROLLOUT_INPUTS.localId]: text.optional(),
    [ROLLOUT_INPUTS.moveTo]: blankIsAbsent(id),
    [ROLLOUT_INPUTS.personStatus]: blankIsAbsent(z.enum(MIGRATION_STATUSES)),
    // Cards sent before the one-person form had its own status id.
    [ROLLOUT_INPUTS.status]: blankIsAbsent(z.enum(MIGRATION_STATUSES)),
    after: z.string().max(200).optional(),
  }),
  [Verbs.groupChecklistShow]: onGroup,
  [Verbs.groupStepTick]: onGroup.extend({ stepId: id, done: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]), seenAt: z.string().max(40) }),
  [Verbs.coexistenceShow]: projectOnly,
  [Verbs.coexistenceFix]: onGroup.extend({ mailboxId: id }),
  [Verbs.registrationsShow]: projectOnly,
  [Verbs.registrationsPlan]: projectOnly.extend({ [ROLLOUT_INPUTS.planned]: text.optional() }),
  [Verbs.accountsExport]: projectOnly.extend({ groupId: blankIsAbsent(id) }),
} as const;

/** What people read for a roll-out field that did not fit. */
export const ROLLOUT_FIELD_WORDS: Readonly<Record<string, string>> = {
  groupId: 'the group',
  kind: 'the kind of group',
  [ROLLOUT_INPUTS.name]: "the group's name",
  [ROLLOUT_INPUTS.cutoverDate]: 'the cutover date',
  [ROLLOUT_INPUTS.department]: 'the department',
  [ROLLOUT_INPUTS.localIds]: 'the local IDs',
  [ROLLOUT_INPUTS.status]: 'the status',
  [ROLLOUT_INPUTS.personStatus]: 'the status',
  [ROLLOUT_INPUTS.localId]: 'the local ID',
  [ROLLOUT_INPUTS.moveTo]: 'the group to move to',
  [ROLLOUT_INPUTS.planned]: 'the planned figures',
  by: 'how people are chosen',
  stepId: 'the step',
  done: 'the tick',
  seenAt: 'the step',
  mailboxId: 'the shared mailbox',
};
