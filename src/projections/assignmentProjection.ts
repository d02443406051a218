/**
 * The `assignments` read model, derived only from events: each document is the fold of its
 * assignment's events. The live path folds new events onto the stored document (read by `_id`,
 * cheap on every MongoDB-protocol server); a rebuild folds every event from scratch. Both use
 * the same `evolve`, so they agree (test/integration/projectionRebuild.test.ts proves it).
 */
import type { AssignmentEvent } from '../domain/assignment/assignmentEvents';
import { evolve, foldEvents, type AssignmentState } from '../domain/assignment/assignmentState';
import type { Database } from '../db/database';
import { insertOnce } from '../db/insertOnce';
import { fromViewDoc, toViewDoc } from '../db/models/assignmentViewModel';
import { fromStoredEvent } from '../db/models/eventModel';
import { foldEventStream } from './foldEventStream';

async function foldFromStore(db: Database, assignmentId: string): Promise<AssignmentState | undefined> {
  const docs = await db.events.find({ assignmentId }).sort({ seq: 1 }).lean();
  return foldEvents(docs.map(fromStoredEvent));
}

/** Brings the read model of one assignment up to date with events just recorded. */
export async function applyToProjection(db: Database, assignmentId: string, events: AssignmentEvent[]): Promise<void> {
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  if (sorted[0]?.seq === 1) {
    // The assignment's first events (its launch): nothing to read first. Inserted once, never
    // replaced, so a late retry of this activity cannot overwrite a newer state.
    const state = sorted.reduce<AssignmentState | undefined>((folded, event) => evolve(folded, event), undefined);
    if (state) await insertOnce(db.assignments, [toViewDoc(state)]);
    return;
  }
  const stored = await db.assignments.findById(assignmentId).lean();
  let state = stored ? fromViewDoc(stored) : undefined;
  const fresh = events.filter((event) => event.seq > (state?.seq ?? 0)).sort((a, b) => a.seq - b.seq);
  if (fresh.length === 0) return; // a retry: already applied
  if (fresh[0]!.seq !== (state?.seq ?? 0) + 1) {
    // A gap (an earlier write was lost or the model was dropped): fold the whole history.
    state = await foldFromStore(db, assignmentId);
  } else {
    for (const event of fresh) state = evolve(state, event);
  }
  if (state) await db.assignments.replaceOne({ _id: assignmentId }, toViewDoc(state), { upsert: true });
}

/** Drops the read model and folds every event again. Returns how many assignments it holds. */
export async function rebuildAssignmentProjection(db: Database): Promise<number> {
  await db.assignments.deleteMany({});
  const docs = [...(await foldEventStream(db)).values()].map(toViewDoc);
  for (let i = 0; i < docs.length; i += 1_000) {
    await db.assignments.insertMany(docs.slice(i, i + 1_000), { ordered: false });
  }
  return docs.length;
}
