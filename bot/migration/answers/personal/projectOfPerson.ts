import { findMyRecord, type MyRecordDeps, type MyRecordQuery } from './findMyRecord';
import type { RememberedRecord } from './personalPorts';

/**
 * Which project a member of staff belongs to, from their own staff record: the port "ask the team" uses to know
 * whose project channel a question goes to. Same cost as their own answer (one point read once they are known).
 */
export async function projectOfPerson(
  deps: MyRecordDeps,
  query: MyRecordQuery,
): Promise<{ readonly projectId: string; readonly remember?: RememberedRecord } | undefined> {
  const record = await findMyRecord(deps, query);
  if (record.kind !== 'found') return undefined;
  return { projectId: record.member.projectId, ...(record.remember === undefined ? {} : { remember: record.remember }) };
}
