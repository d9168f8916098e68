import { DomainError, InvalidState } from '../shared/errors';

/**
 * Refusals specific to projects. They extend InvalidState so the edge's
 * existing mapping already shows their message and hint.
 */

/** One Teams team holds one project: a second would split the team's reports and roles. */
export class ProjectAlreadySetUp extends InvalidState {
  readonly existingProjectId: string;

  constructor(existingProjectId: string, organisationName: string | undefined) {
    super(
      organisationName === undefined
        ? 'This team already has a migration project, so a second one was not set up.'
        : `This team already has a migration project for ${organisationName}, so a second one was not set up.`,
      'Ask for the status to see it, or set up the other project in its own team.',
    );
    this.existingProjectId = existingProjectId;
  }
}

/** A project with no project manager could never assign roles again. */
export class LastProjectManager extends InvalidState {
  constructor() {
    super(
      "You can't change the role of the only project manager.",
      'Make someone else project manager first, then change this role.',
    );
  }
}

/** The member list is bounded (MAX_PROJECT_MEMBERS) so the project stays one small read. */
export class ProjectMembersFull extends InvalidState {
  constructor(limit: number) {
    super(
      `This project already has ${limit} people with a place on it, which is the most one project can hold, so this person was not added.`,
      'Take off someone who no longer needs a place, then add this person again. Anyone in the team can still see the project without one.',
    );
  }
}

/** Someone else saved the project details after this form was opened: saving it would undo their change. */
export class ProjectDetailsChanged extends DomainError<'stale-edit'> {
  readonly code = 'stale-edit' as const;

  constructor(by: string | undefined) {
    super(
      `${by ?? 'Someone else'} changed the project details since you opened this form, so your change was not saved.`,
      'The form now shows the details as they are: make your change again if it is still needed.',
    );
  }
}
