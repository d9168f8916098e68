export { startEmbeddedCosmos, EMULATOR_KEY } from './embeddedCosmos';
export type { EmbeddedCosmos, EmbeddedCosmosOptions } from './embeddedCosmos';
export { createCosmosClient, createCosmosCredential } from './cosmosClient';
export type { CosmosClientSettings } from './cosmosClient';
export { CosmosOperationCounter, COSMOS_OPERATION_KINDS } from './operationCounter';
export type { CosmosOperationKind, CosmosOperationCounts } from './operationCounter';
export {
  openGatewayDatabase,
  pingDatabase,
  STATE_CONTAINER_ID,
  STATE_PARTITION_KEY_PATH,
  PROJECTS_CONTAINER_ID,
  PROJECTS_PARTITION_KEY_PATH,
} from './database';
export type { GatewayContainers, PingOptions } from './database';
export { CosmosStateStorage } from './cosmosStateStorage';
export type { StateDocument } from './cosmosStateStorage';
export { stateDocumentId, MAX_STATE_DOCUMENT_ID_LENGTH } from './stateDocumentId';
export { isPreconditionFailed, isNotFound, cosmosStatusCode, describeError } from './cosmosErrors';
export { saveSnapshot, loadSnapshot, SnapshotFileError, SNAPSHOT_VERSION } from './snapshot';
export type { SnapshotFile, SnapshotDocument } from './snapshot';
export { startSnapshots } from './snapshotKeeper';
export type { SnapshotKeeper, SnapshotKeeperOptions } from './snapshotKeeper';
