/**
 * Reading assignments for the API: who may see which (an agency sees its own and those it
 * coordinates on), filters, keyset pagination, and the live state from the workflow.
 *
 * Filters are flat documents of equalities (`campaignKey`, `agencyCode`, `status: {$in}`...),
 * the shape the embedded FerretDB pushes down to its SQLite indexes
 * (stack/ferretdb/sqlite/equality_pushdown.go) and MongoDB serves from the same indexes; ranges
 * on dates ride along. The search ignores diacritics and case, like the portal's, so it runs
 * here on the narrowed documents instead of as a regular expression in the database.
 */
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import { ASSIGNMENT_STATUSES, FINAL_STATUSES } from '../domain/assignment/assignmentState';
import { categorize, STATUS_CATEGORIES, type StatusCategory } from '../domain/assignment/statusCategory';
import type { Caller } from '../api/middleware/authenticate';
import type { Database } from '../db/database';
import type { AssignmentViewDoc } from '../db/models/assignmentViewModel';
import { fromStoredEvent } from '../db/models/eventModel';
import { endOfDay } from '../domain/time/localDate';
import { LocalDateSchema } from '../domain/time/localDateSchema';
import { describeEvent } from '../domain/assignment/describeEvent';
import { matchesSearch } from '../domain/text/foldVietnamese';
import { assignmentViewQuery, type AssignmentView } from '../../workflows/assignment/assignmentMessages';
import { visibilityFilter } from './assignmentAccess';

type Filter = Record<string, unknown>;

/** Not accepted or cancelled, as a list of statuses: `$in` uses an index, `$nin` cannot. */
const NOT_FINAL = ASSIGNMENT_STATUSES.filter((status) => !FINAL_STATUSES.includes(status));

export function categoryFilter(category: StatusCategory, now: number): Filter {
  const open = { status: { $in: NOT_FINAL } };
  switch (category) {
    case 'completedOnTime':
      return { completion: 'onTime' };
    case 'completedLate':
      return { completion: 'late' };
    case 'inProgressWithinDeadline':
      return { ...open, deadlineEndsAt: { $gt: new Date(now) } };
    case 'overdue':
      return { ...open, deadlineEndsAt: { $lte: new Date(now) } };
  }
}

export const AssignmentListQuerySchema = z.object({
  campaign: z.string().max(50).optional(),
  section: z.coerce.number().int().min(1).max(99).optional(),
  agency: z.string().max(20).optional(),
  category: z.enum(STATUS_CATEGORIES).optional(),
  dueBefore: LocalDateSchema.optional(),
  dueAfter: LocalDateSchema.optional(),
  q: z.string().trim().min(1).max(200).optional(),
  sort: z.enum(['deadline', '-deadline', 'id']).default('deadline'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type AssignmentListQuery = z.infer<typeof AssignmentListQuerySchema>;

export class BadCursor extends Error {}

interface Cursor {
  /** The sort value of the last item (ISO date for deadline sorts). */
  v: string;
  id: string;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(text: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<Cursor>;
    if (typeof value.v !== 'string' || typeof value.id !== 'string') throw new Error('shape');
    return value as Cursor;
  } catch {
    throw new BadCursor();
  }
}

/** Adds range operators to a field's condition, keeping those already there (dueBefore with a category). */
function narrow(filter: Filter, field: string, range: Record<string, Date>): void {
  filter[field] = { ...(filter[field] as Record<string, Date> | undefined), ...range };
}

/** The search's own text for a document: what the portal searches too. */
const searchText = (doc: AssignmentViewDoc) => `${doc.title} ${doc._id}`;

export async function listAssignments(db: Database, caller: Caller, query: AssignmentListQuery, now = Date.now()) {
  const filter: Filter = { ...visibilityFilter(caller) };
  if (query.campaign) filter.campaignKey = query.campaign;
  if (query.section) filter.sectionNumber = query.section;
  if (query.agency) filter.agencyCode = query.agency;
  if (query.category) {
    const { deadlineEndsAt, ...rest } = categoryFilter(query.category, now);
    Object.assign(filter, rest);
    if (deadlineEndsAt) narrow(filter, 'deadlineEndsAt', deadlineEndsAt as Record<string, Date>);
  }
  if (query.dueBefore) narrow(filter, 'deadlineEndsAt', { $lte: new Date(endOfDay(query.dueBefore)) });
  if (query.dueAfter) narrow(filter, 'deadlineEndsAt', { $gt: new Date(endOfDay(query.dueAfter) - 86_400_000) });

  const byDeadline = query.sort !== 'id';
  const direction = query.sort === '-deadline' ? -1 : 1;
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor);
    if (byDeadline) {
      const value = new Date(cursor.v);
      if (Number.isNaN(value.getTime())) throw new BadCursor();
      const beyond = direction === 1 ? '$gt' : '$lt';
      const after = [{ deadlineEndsAt: { [beyond]: value } }, { deadlineEndsAt: value, _id: { $gt: cursor.id } }];
      // An agency's filter has its visibility `$or` already: the two go side by side in `$and`.
      if (filter.$or) filter.$and = [{ $or: after }];
      else filter.$or = after;
    } else {
      filter._id = { $gt: cursor.id };
    }
  }
  const sort: Record<string, 1 | -1> = byDeadline ? { deadlineEndsAt: direction, _id: 1 } : { _id: 1 };
  const docs: AssignmentViewDoc[] = [];
  if (query.q) {
    // Read in order until the page is full: the words are matched here, diacritics ignored.
    const reader = db.assignments.find(filter).sort(sort).lean().cursor();
    for await (const doc of reader as AsyncIterable<AssignmentViewDoc>) {
      if (!matchesSearch(searchText(doc), query.q)) continue;
      docs.push(doc);
      if (docs.length > query.limit) break;
    }
    await reader.close();
  } else {
    docs.push(...((await db.assignments.find(filter).sort(sort).limit(query.limit + 1).lean()) as AssignmentViewDoc[]));
  }
  const page = docs.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor =
    docs.length > query.limit && last
      ? encodeCursor({ v: byDeadline ? last.deadlineEndsAt.toISOString() : last._id, id: last._id })
      : undefined;
  return { items: page.map((doc) => toListItem(doc, now)), nextCursor, filter, sort };
}

export function toListItem(doc: AssignmentViewDoc, now: number) {
  const { _id, deadlineEndsAt: _ends, completion: _completion, ...rest } = doc;
  return { id: _id, ...rest, category: categorize(doc, now) };
}

export async function assignmentDetails(deps: { db: Database; client: Client }, doc: AssignmentViewDoc) {
  const events = await deps.db.events.find({ assignmentId: doc._id }).sort({ seq: 1 }).lean();
  let live: AssignmentView | undefined;
  if (!FINAL_STATUSES.includes(doc.status)) {
    live = await deps.client.workflow
      .getHandle(doc._id)
      .query(assignmentViewQuery)
      .catch(() => undefined);
  }
  return {
    ...toListItem(doc, Date.now()),
    live: live ? { state: live.state, category: live.category, nextAlarm: live.nextAlarm } : undefined,
    timeline: events.map((stored) => {
      const event = fromStoredEvent(stored);
      return { ...event, description: describeEvent(event) };
    }),
  };
}
