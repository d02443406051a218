/**
 * Every activity the engine's worker runs: the side effects workflows ask for. Built from their
 * dependencies, so tests and the worker give them the same real database.
 */
import type { Database } from '../src/db/database';
import { createRecordAssignmentEvents } from './recordAssignmentEvents';
import type { CalendarSnapshot } from '../src/domain/calendar/workingCalendar';
import { calendarSnapshot } from '../src/services/calendarService';

export interface ActivityDependencies {
  db: Database;
}

export function createActivities(deps: ActivityDependencies) {
  return {
    recordAssignmentEvents: createRecordAssignmentEvents(deps.db),
    /** The calendar as it stands, over more years: an assignment whose calendar ran out asks for it. */
    async extendedCalendar(input: { fromYear: number; toYear: number }): Promise<CalendarSnapshot> {
      return calendarSnapshot(deps.db, input.fromYear, input.toYear);
    },
  };
}

export type EngineActivities = ReturnType<typeof createActivities>;
