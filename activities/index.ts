/**
 * Every activity the engine's worker runs: the side effects workflows ask for. Built from their
 * dependencies, so tests and the worker give them the same real database.
 */
import type { Database } from '../src/db/database';
import { createRecordAssignmentEvents } from './recordAssignmentEvents';

export interface ActivityDependencies {
  db: Database;
}

export function createActivities(deps: ActivityDependencies) {
  return {
    recordAssignmentEvents: createRecordAssignmentEvents(deps.db),
  };
}

export type EngineActivities = ReturnType<typeof createActivities>;
