import type { AssignmentEvent } from '../domain/assignment/assignmentEvents';
import { evolve, type AssignmentState } from '../domain/assignment/assignmentState';
import type { Database } from '../db/database';
import { fromStoredEvent } from '../db/models/eventModel';

/**
 * Folds every stored event matching `filter`, in (assignment, seq) order, into the state of each
 * assignment: one pass over the events collection, the read side's only source of truth.
 * `observe` sees each event as it is folded (what the final states alone do not tell).
 */
export async function foldEventStream(
  db: Database,
  filter: Record<string, unknown> = {},
  observe?: (event: AssignmentEvent) => void,
): Promise<Map<string, AssignmentState>> {
  const states = new Map<string, AssignmentState>();
  const cursor = db.events.find(filter).sort({ assignmentId: 1, seq: 1 }).lean().cursor();
  for await (const doc of cursor) {
    const event = fromStoredEvent(doc);
    observe?.(event);
    states.set(event.assignmentId, evolve(states.get(event.assignmentId), event));
  }
  return states;
}
