/**
 * The `assignments` read model, derived only from events: each document is the fold of its
 * assignment's events. The live path folds new events onto the stored document (read by `_id`,
 * cheap on every MongoDB-protocol server); a rebuild folds every event from scratch. Both use
 * the same `evolve`, so they agree (test/integration/projectionRebuild.test.ts proves it).
 *
 * A write never leaves a document at an older sequence: between the read and the write another
 * write may have landed (a retried attempt of an activity that outlived its 20 s timeout still
 * runs on), and the stale one must not roll the read model back.
 */
import { eventId, type AssignmentEvent } from '../domain/assignment/assignmentEvents';
import { evolve, type AssignmentState } from '../domain/assignment/assignmentState';
import type { Database } from '../db/database';
import { insertOnce } from '../db/insertOnce';
import { fromViewDoc, toViewDoc } from '../db/models/assignmentViewModel';
import { foldEventStream } from './foldEventStream';
import { foldFromStore } from './foldFromStore';
import { countAssignment } from './statisticsCounters';

const DUPLICATE_KEY = 11000;

/** Replaces the stored state if it is older than this one. */
async function replaceIfOlder(db: Database, state: AssignmentState): Promise<void> {
  try {
    await db.assignments.replaceOne({ _id: state.id, seq: { $lt: state.seq } }, toViewDoc(state), { upsert: true });
  } catch (error) {
    // No older document matched, so the upsert tried to insert beside a newer one: keep that.
    if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
  }
}

/**
 * Stores a state unless the stored one is as new or newer. MongoDB applies the conditional
 * replace atomically; FerretDB 1.x runs it as a read then a write, so an older write racing this
 * one can still land just after it. Hence the check after every write, by `_id` only: if the
 * event after the stored one exists, the document is behind, and it is folded again from the
 * events. Every writer checks after its own write, so the last one leaves it current.
 */
async function storeIfNewer(db: Database, state: AssignmentState): Promise<void> {
  await replaceIfOlder(db, state);
  for (;;) {
    const stored = await db.assignments.findById(state.id, { seq: 1 }).lean();
    const behind = !stored || (await db.events.exists({ _id: eventId(state.id, stored.seq + 1) })) !== null;
    if (!behind) return;
    const { state: current } = await foldFromStore(db, state.id);
    if (!current) return;
    await replaceIfOlder(db, current);
  }
}

/**
 * Brings the statistics counters, then the read model of one assignment, up to date with events
 * just recorded: once the list shows a change, the statistics count it. The counters are brought
 * to the assignment's state even when the read model already had it (a retry).
 */
export async function applyToProjection(db: Database, assignmentId: string, events: AssignmentEvent[]): Promise<void> {
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  if (sorted[0]?.seq === 1) {
    // The assignment's first events (its launch): nothing to read first. Inserted once, never
    // replaced, so a late retry of this activity cannot overwrite a newer state.
    const state = sorted.reduce<AssignmentState | undefined>((folded, event) => evolve(folded, event), undefined);
    if (state) {
      await countAssignment(db, state, sorted);
      await insertOnce(db.assignments, [toViewDoc(state)]);
    }
    return;
  }
  const stored = await db.assignments.findById(assignmentId).lean();
  let state = stored ? fromViewDoc(stored) : undefined;
  let known: readonly AssignmentEvent[] = sorted;
  const fresh = sorted.filter((event) => event.seq > (state?.seq ?? 0));
  if (fresh.length === 0) {
    // A retry: the read model has it already.
    if (state) await countAssignment(db, state, sorted);
    return;
  }
  if (fresh[0]!.seq !== (state?.seq ?? 0) + 1) {
    // A gap (an earlier write was lost or the model was dropped): fold the whole history.
    ({ state, events: known } = await foldFromStore(db, assignmentId));
  } else {
    for (const event of fresh) state = evolve(state, event);
  }
  if (state) {
    await countAssignment(db, state, known);
    await storeIfNewer(db, state);
  }
}

/** Drops the read model and folds every event again (the counters: rebuildStatisticsCounters). Returns how many assignments it holds. */
export async function rebuildAssignmentProjection(db: Database): Promise<number> {
  await db.assignments.deleteMany({});
  const docs = [...(await foldEventStream(db)).values()].map(toViewDoc);
  for (let i = 0; i < docs.length; i += 1_000) {
    await db.assignments.insertMany(docs.slice(i, i + 1_000), { ordered: false });
  }
  return docs.length;
}
