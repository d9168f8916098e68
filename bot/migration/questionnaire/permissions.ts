import { can, type ProjectRole } from '../gateways/roles';
import { PermissionDenied } from '../shared/errors';

/**
 * Who may answer and who may submit the questionnaire.
 *
 * Why reuse the project roles: answering is project work like ticking off a
 * checklist item, and submitting is a decision recorded as a gateway
 * milestone, so the same people may do each; the wording is the
 * questionnaire's own.
 */

export function assertCanAnswer(role: ProjectRole): void {
  if (!can(role, 'update-item')) {
    throw new PermissionDenied('Only members of the project team can answer the discovery questionnaire.', 'Ask your project manager if you think you should have access.');
  }
}

export function assertCanSubmit(role: ProjectRole): void {
  if (!can(role, 'record-milestone')) {
    throw new PermissionDenied('Only the project manager or SRO can submit the discovery questionnaire.', 'Let your project manager know the answers are ready.');
  }
}
