import type { PersonRef } from '../gateways/gatewayState';
import { StaleEdit } from '../shared/errors';

/**
 * Someone else changed the same answers since this person opened the section.
 *
 * Why a StaleEdit: the edge already maps 'stale-edit' to a friendly reply;
 * this one also says which questions clashed and who changed them, so the
 * card can show those fields with the newer answers.
 */

export interface AnswerConflict {
  readonly questionId: string;
  readonly questionText: string;
  /** The question's version when the person opened the section. */
  readonly expectedVersion: number;
  readonly actualVersion: number;
  /** Who gave the answer now stored; absent when they cleared it. */
  readonly changedBy?: PersonRef;
}

export class StaleAnswers extends StaleEdit {
  readonly conflicts: readonly AnswerConflict[];

  constructor(conflicts: readonly AnswerConflict[]) {
    const first = conflicts[0];
    super(first?.expectedVersion ?? 0, first?.actualVersion ?? 0);
    this.conflicts = Object.freeze([...conflicts]);
    this.message =
      conflicts.length === 1
        ? `Someone else changed the answer to "${first?.questionText ?? ''}" since you opened this section, so your changes were not saved.`
        : `Someone else changed ${conflicts.length} of these answers since you opened this section, so your changes were not saved.`;
  }
}
