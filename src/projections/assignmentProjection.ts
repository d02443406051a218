/**
 * The `assignments` read model, derived only from events: each document is the fold of its
 * assignment's events. Updating one and rebuilding all use the same fold, so they agree.
 */
import { evolve, type AssignmentState } from '../domain/assignment/assignmentState';
import type { Database } from '../db/database';
import { toViewDoc } from '../db/models/assignmentViewModel';
import { fromStoredEvent } from '../db/models/eventModel';

/** Re-derives the read model of the given assignments from their events. */
export async function projectAssignments(db: Database, assignmentIds: string[]): Promise<void> {
  const ids = [...new Set(assignmentIds)];
  if (ids.length === 0) return;
  const docs = await db.events.find({ assignmentId: { $in: ids } }).sort({ assignmentId: 1, seq: 1 }).lean();
  const states = new Map<string, AssignmentState>();
  for (const doc of docs) {
    const event = fromStoredEvent(doc);
    states.set(event.assignmentId, evolve(states.get(event.assignmentId), event));
  }
  const writes = [...states.values()].map((state) => ({
    replaceOne: { filter: { _id: state.id }, replacement: toViewDoc(state), upsert: true },
  }));
  if (writes.length > 0) await db.assignments.bulkWrite(writes as never, { ordered: false });
}

/** Drops the read model and folds every event again. Returns how many assignments it holds. */
export async function rebuildAssignmentProjection(db: Database, batchSize = 500): Promise<number> {
  await db.assignments.deleteMany({});
  const ids: string[] = await db.events.distinct('assignmentId');
  for (let i = 0; i < ids.length; i += batchSize) await projectAssignments(db, ids.slice(i, i + batchSize));
  return ids.length;
}
