/**
 * New unique ids (projects, milestones), as a port so tests can predict them.
 * Ids must be 1 to 64 characters of letters, digits, '-' or '_' (a UUID fits).
 */
export interface IdGenerator {
  newId(): string;
}
