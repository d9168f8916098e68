import type { GatewayCatalogue } from '../gateways/catalogueTypes';
import type { Clock } from '../projects/clock';
import type { IdGenerator } from '../projects/idGenerator';
import type { ProjectRepository } from '../projects/projectRepository';
import type { RiskRepository } from './riskRepository';
import type { RiskSettings } from './riskSettings';

/** Everything the risks use cases need from outside, built once by the composition root. */
export interface RiskDeps {
  /** To find the project and the person's role in it: roles live on the project. */
  readonly projects: ProjectRepository;
  readonly risks: RiskRepository;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Links are checked against it. */
  readonly catalogue: GatewayCatalogue;
  /** Resolved with resolveRiskSettings; the documented defaults when absent. */
  readonly riskSettings?: RiskSettings;
}
