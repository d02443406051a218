import type { AssignmentEvent } from '../domain/assignment/assignmentEvents';
import { foldEvents, type AssignmentState } from '../domain/assignment/assignmentState';
import type { Database } from '../db/database';
import { fromStoredEvent } from '../db/models/eventModel';

/**
 * Every stored event of one assignment, in seq order, and their fold: what a projection falls
 * back on when it finds itself behind. Throws (the activity retries) on a hole in the sequence.
 */
export async function foldFromStore(db: Database, assignmentId: string): Promise<{ state: AssignmentState | undefined; events: AssignmentEvent[] }> {
  const events = (await db.events.find({ assignmentId }).sort({ seq: 1 }).lean()).map(fromStoredEvent);
  const hole = events.findIndex((event, index) => event.seq !== index + 1);
  if (hole >= 0) throw new Error(`events of ${assignmentId} are not all stored yet: seq ${hole + 1} is missing`);
  return { state: foldEvents(events), events };
}
