import type { Clock } from '../../projects/clock';
import type { ConflictBackoff } from '../../projects/conflictRetry';
import type { ProjectRepository } from '../../projects/projectRepository';
import type { QuestionnaireRepository } from '../../questionnaire/questionnaireRepository';
import type { RolloutGroupRepository, StaffRepository } from '../staffRepository';
import type { RegistrationCounts, RolloutPlanRepository } from './rolloutPlan';
import type { RolloutSettings } from './rolloutSettings';

/** Everything the roll-out use cases need from outside, built once by the composition root. */
export interface RolloutDeps {
  /** To find the project and the person's role in it. */
  readonly projects: ProjectRepository;
  readonly staff: StaffRepository;
  readonly groups: RolloutGroupRepository;
  readonly plans: RolloutPlanRepository;
  readonly registrations: RegistrationCounts;
  /** For the questionnaire's registrations-per-month answer; without it the comparison is left out. */
  readonly questionnaire?: Pick<QuestionnaireRepository, 'get'>;
  readonly clock: Clock;
  readonly backoff?: ConflictBackoff;
  /** The documented defaults when absent (rolloutSettings.ts). */
  readonly settings?: RolloutSettings;
}
