import type { CatalogueSettings } from '../gateways/catalogueSettings';
import type { GatewayCatalogue } from '../gateways/catalogueTypes';
import type { Clock } from './clock';
import type { GatewayRepository } from './gatewayRepository';
import type { IdGenerator } from './idGenerator';
import type { ProjectRepository } from './projectRepository';

/** Everything the project use cases need from outside: built once by the composition root, passed to every call. */
export interface ProjectDeps {
  readonly projects: ProjectRepository;
  readonly gateways: GatewayRepository;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly catalogue: GatewayCatalogue;
  /** The new-account approval threshold behind the set-up hint; the guide's values when absent. */
  readonly approvalSettings?: Pick<CatalogueSettings, 'newAccountApprovalThreshold' | 'extraApprovalDays'>;
}
