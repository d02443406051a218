/**
 * The statistics counters (db/models/assignmentCountsModel): per (campaign, section, lead agency)
 * and task, how many assignments are completed on time, completed late, cancelled, and still open
 * per deadline day (domain/assignment/categoryTally says why per day). Brought up to date with the
 * assignment's state after each recording of its events, and rebuilt from the events.
 *
 * The same design as the assignments projection, extended to a document shared by a group:
 * - idempotent by event sequence: the ledger keeps, per assignment, the seq of the state it was
 *   counted at, and a state no newer changes nothing, so a retried or duplicated recording never
 *   counts twice;
 * - a state that would not move the assignment (same group, same bucket: a reminder, a progress
 *   report) writes nothing;
 * - the check after a write: if the assignment's next event already exists, the state just
 *   counted was stale (a late retry), so the current one is folded from the events and counted.
 * A write is compare-and-set on the ledger's version, atomic on MongoDB whatever the number of
 * processes. FerretDB 1.x applies a conditional write as a read then a write, so within a process
 * the writes of one group also queue behind each other; one engine process per FerretDB database
 * (the embedded stack), as for the rest of the engine.
 */
import { eventId, type AssignmentEvent } from '../domain/assignment/assignmentEvents';
import type { AssignmentState } from '../domain/assignment/assignmentState';
import { addToTally, countingBucket, emptyTally, mergeTallies } from '../domain/assignment/categoryTally';
import type { Database } from '../db/database';
import { groupId, type AssignmentCountsDoc, type CountedAssignment, type CountLedgerDoc, type TaskCountsDoc, type TaskTally } from '../db/models/assignmentCountsModel';
import { foldEventStream } from './foldEventStream';
import { foldFromStore } from './foldFromStore';
import { keyedQueue } from './keyedQueue';

const DUPLICATE_KEY = 11000;
const inGroupQueue = keyedQueue();

interface Group {
  campaignKey: string;
  sectionNumber: number;
  agencyCode: string;
}

interface GroupEntries extends Group {
  entries: CountedAssignment[];
}

/** Where the state is counted, and a tombstone in each group it was reassigned away from. */
function entriesOf(state: AssignmentState, events: readonly AssignmentEvent[]): GroupEntries[] {
  const group = { campaignKey: state.campaignKey, sectionNumber: state.sectionNumber };
  const counted = { id: state.id, taskNumber: state.taskNumber };
  const away = new Map<string, number>();
  for (const event of events) {
    if (event.type === 'Reassigned' && event.assignmentId === state.id && event.from !== state.agencyCode) {
      away.set(event.from, Math.max(away.get(event.from) ?? 0, event.seq));
    }
  }
  return [
    { ...group, agencyCode: state.agencyCode, entries: [{ ...counted, seq: state.seq, bucket: countingBucket(state) }] },
    ...[...away].map(([agencyCode, seq]) => ({ ...group, agencyCode, entries: [{ ...counted, seq, bucket: null }] })),
  ];
}

function talliesOf(members: readonly CountedAssignment[]): TaskTally[] {
  const byTask = new Map<number, TaskTally>();
  for (const member of members) {
    if (member.bucket === null) continue;
    const tally = byTask.get(member.taskNumber) ?? { taskNumber: member.taskNumber, ...emptyTally() };
    byTask.set(member.taskNumber, { ...addToTally(tally, member.bucket), taskNumber: member.taskNumber });
  }
  return [...byTask.values()].sort((a, b) => a.taskNumber - b.taskNumber);
}

/** The ledger with the entries that change it merged in; undefined when none does. */
function merged(members: readonly CountedAssignment[], entries: readonly CountedAssignment[]): CountedAssignment[] | undefined {
  const byId = new Map(members.map((member) => [member.id, member]));
  let changed = false;
  for (const entry of entries) {
    const stored = byId.get(entry.id);
    if (stored && (stored.seq >= entry.seq || (stored.bucket === entry.bucket && stored.taskNumber === entry.taskNumber))) continue;
    byId.set(entry.id, entry);
    changed = true;
  }
  return changed ? [...byId.values()].sort((a, b) => a.id.localeCompare(b.id)) : undefined;
}

/** Replaces a document unless the stored one is as new or newer. */
async function replaceIfOlder<T extends { _id: string; version: number }>(model: { replaceOne(filter: object, doc: T, options: object): Promise<unknown> }, doc: T): Promise<void> {
  try {
    await model.replaceOne({ _id: doc._id, version: { $lt: doc.version } }, doc, { upsert: true });
  } catch (error) {
    // No older document matched, so the upsert tried to insert beside a newer one: keep that.
    if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
  }
}

/** Writes the tallies of a ledger, the group's and per task, at its version. */
async function storeTallies(db: Database, ledger: CountLedgerDoc): Promise<void> {
  const { members, ...key } = ledger;
  const tasks = talliesOf(members);
  const groupTally: AssignmentCountsDoc = { ...key, tally: tasks.map(({ taskNumber: _task, ...tally }) => tally).reduce(mergeTallies, emptyTally()) };
  const taskTallies: TaskCountsDoc = { ...key, tasks };
  await Promise.all([replaceIfOlder(db.assignmentCounts, groupTally), replaceIfOlder(db.taskCounts, taskTallies)]);
}

/** Merges entries into a group's ledger (compare-and-set on its version), then its tallies. Returns the entries written. */
async function countInGroup(db: Database, group: GroupEntries): Promise<CountedAssignment[]> {
  const id = groupId(group.campaignKey, group.sectionNumber, group.agencyCode);
  return inGroupQueue(id, async () => {
    for (;;) {
      const [ledger, tally, tasks] = await Promise.all([
        db.countLedgers.findById(id).lean(),
        db.assignmentCounts.findById(id, { version: 1 }).lean(),
        db.taskCounts.findById(id, { version: 1 }).lean(),
      ]);
      const members = merged(ledger?.members ?? [], group.entries);
      if (!members) {
        // Nothing to count; but a recording that died between the writes left the tallies behind.
        if (ledger && Math.min(tally?.version ?? 0, tasks?.version ?? 0) < ledger.version) await storeTallies(db, ledger);
        return [];
      }
      const next: CountLedgerDoc = { _id: id, campaignKey: group.campaignKey, sectionNumber: group.sectionNumber, agencyCode: group.agencyCode, version: (ledger?.version ?? 0) + 1, members };
      if (!ledger) {
        try {
          await db.countLedgers.collection.insertOne(next as never);
        } catch (error) {
          if ((error as { code?: number }).code === DUPLICATE_KEY) continue; // another writer was first: merge into its ledger
          throw error;
        }
      } else {
        const { matchedCount } = await db.countLedgers.replaceOne({ _id: id, version: ledger.version }, next);
        if (matchedCount === 0) continue; // another writer came in between: merge again
      }
      await storeTallies(db, next);
      const written = new Set(members);
      return group.entries.filter((entry) => written.has(entry));
    }
  });
}

/**
 * Counts an assignment in its current state. `events`: those just recorded (or all of them), for
 * the agencies it was reassigned away from.
 */
export async function countAssignment(db: Database, state: AssignmentState, events: readonly AssignmentEvent[]): Promise<void> {
  let written = false;
  for (const group of entriesOf(state, events)) {
    if ((await countInGroup(db, group)).length > 0) written = true;
  }
  // The check after the write: a later event means this state was stale when it was counted.
  if (written && (await db.events.exists({ _id: eventId(state.id, state.seq + 1) }))) {
    const current = await foldFromStore(db, state.id);
    if (current.state) await countAssignment(db, current.state, current.events);
  }
}

/**
 * Counts many assignments at once, each in its state folded from all its events (`reassignments`:
 * their Reassigned events, by assignment). Merged like live counts, so a recording that lands at
 * the same time is kept if newer. Returns the groups written.
 */
export async function countAssignments(db: Database, states: Iterable<AssignmentState>, reassignments: ReadonlyMap<string, AssignmentEvent[]> = new Map()): Promise<number> {
  const groups = new Map<string, GroupEntries>();
  for (const state of states) {
    for (const group of entriesOf(state, reassignments.get(state.id) ?? [])) {
      const id = groupId(group.campaignKey, group.sectionNumber, group.agencyCode);
      const found = groups.get(id);
      if (found) found.entries.push(...group.entries);
      else groups.set(id, group);
    }
  }
  const all = [...groups.values()];
  for (let i = 0; i < all.length; i += 8) await Promise.all(all.slice(i, i + 8).map((group) => countInGroup(db, group)));
  return groups.size;
}

/** Drops the counters and counts every assignment again from the events. Returns the groups. */
export async function rebuildStatisticsCounters(db: Database): Promise<number> {
  await Promise.all([db.countLedgers.deleteMany({}), db.assignmentCounts.deleteMany({}), db.taskCounts.deleteMany({})]);
  const reassignments = new Map<string, AssignmentEvent[]>();
  const states = await foldEventStream(db, {}, (event) => {
    if (event.type === 'Reassigned') reassignments.set(event.assignmentId, [...(reassignments.get(event.assignmentId) ?? []), event]);
  });
  return countAssignments(db, states.values(), reassignments);
}
