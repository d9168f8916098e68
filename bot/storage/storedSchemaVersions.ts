import { PROJECTS_CONTAINER_ID } from './database';
import { SCHEMA_VERSION } from './projects/projectDocuments';
import { QUESTIONNAIRE_SCHEMA_VERSION } from './questionnaire/questionnaireDocuments';
import { STAFF_SCHEMA_VERSION } from './staff/staffDocuments';
import type { DocumentCheck } from './writeJournal';

/** The newest `schemaVersion` this Gateway reads, for a `projects` document of the given type. */
function readableSchemaVersion(type: unknown): number {
  if (typeof type !== 'string') return SCHEMA_VERSION;
  if (type.startsWith('questionnaire-')) return QUESTIONNAIRE_SCHEMA_VERSION;
  // The staff list, its history pages, imports and their staged rows, and the roll-out groups.
  if (type.startsWith('staff-') || type === 'rollout-group') return STAFF_SCHEMA_VERSION;
  return SCHEMA_VERSION;
}

/**
 * Refuses a stored `projects` document written by a newer Gateway. Loaded anyway, every turn on its project would
 * fail (the repositories assert the version they know) with nothing but the generic apology; refusing to start says
 * why, once, before anything is changed. Older versions are left to the repositories, which know how to read them.
 * The reason names the document's type, never its id or content.
 */
export const checkSchemaVersion: DocumentCheck = (container, document) => {
  if (container !== PROJECTS_CONTAINER_ID) return undefined;
  const { schemaVersion, type } = document;
  if (typeof schemaVersion !== 'number') return undefined;
  const readable = readableSchemaVersion(type);
  if (schemaVersion <= readable) return undefined;
  return `it holds a ${typeof type === 'string' ? `"${type}" ` : ''}document with schemaVersion ${schemaVersion}, newer than this Gateway reads (${readable}); start the newer Gateway that wrote it`;
};
