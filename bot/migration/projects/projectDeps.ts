import type { CatalogueSettings } from '../gateways/catalogueSettings';
import type { GatewayCatalogue } from '../gateways/catalogueTypes';
import type { Clock } from './clock';
import type { ConflictBackoff } from './conflictRetry';
import type { GatewayRepository } from './gatewayRepository';
import type { ChecklistLogSources } from '../reports/checklistLogState';
import type { IdGenerator } from './idGenerator';
import type { ProjectRepository } from './projectRepository';

/** Everything the project use cases need from outside: built once by the composition root, passed to every call. */
export interface ProjectDeps {
  readonly projects: ProjectRepository;
  readonly gateways: GatewayRepository;
  readonly clock: Clock;
  /** How saves wait before retrying a collision with another instance; without it they retry at once (unit tests). */
  readonly conflictBackoff?: ConflictBackoff;
  readonly ids: IdGenerator;
  readonly catalogue: GatewayCatalogue;
  /** The new-account approval threshold behind the set-up hint; the guide's values when absent. */
  readonly approvalSettings?: Pick<CatalogueSettings, 'newAccountApprovalThreshold' | 'extraApprovalDays'>;
  /** Gateway 2's risk-log and highlight-report item cards show how the log and the report stand; absent, they do not. */
  readonly checklistLogs?: ChecklistLogSources;
}
