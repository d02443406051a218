/**
 * Reading assignments for the API: who may see which (an agency sees its own and those it
 * coordinates on), filters, keyset pagination, and the live state from the workflow.
 */
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import { FINAL_STATUSES } from '../domain/assignment/assignmentState';
import { categorize, STATUS_CATEGORIES, type StatusCategory } from '../domain/assignment/statusCategory';
import type { Caller } from '../api/middleware/authenticate';
import type { Database } from '../db/database';
import type { AssignmentViewDoc } from '../db/models/assignmentViewModel';
import { fromStoredEvent } from '../db/models/eventModel';
import { endOfDay } from '../domain/time/localDate';
import { LocalDateSchema } from '../domain/time/localDateSchema';
import { describeEvent } from '../domain/assignment/describeEvent';
import { assignmentViewQuery, type AssignmentView } from '../../workflows/assignment/assignmentMessages';
import { visibilityFilter } from './assignmentAccess';

type Filter = Record<string, unknown>;

export function categoryFilter(category: StatusCategory, now: number): Filter {
  const open = { status: { $nin: [...FINAL_STATUSES] } };
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

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export async function listAssignments(db: Database, caller: Caller, query: AssignmentListQuery, now = Date.now()) {
  const and: Filter[] = [visibilityFilter(caller)];
  if (query.campaign) and.push({ campaignKey: query.campaign });
  if (query.section) and.push({ sectionNumber: query.section });
  if (query.agency) and.push({ agencyCode: query.agency });
  if (query.category) and.push(categoryFilter(query.category, now));
  if (query.dueBefore) and.push({ deadlineEndsAt: { $lte: new Date(endOfDay(query.dueBefore)) } });
  if (query.dueAfter) and.push({ deadlineEndsAt: { $gt: new Date(endOfDay(query.dueAfter) - 86_400_000) } });
  if (query.q) and.push({ title: { $regex: escapeRegex(query.q), $options: 'i' } });

  const byDeadline = query.sort !== 'id';
  const direction = query.sort === '-deadline' ? -1 : 1;
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor);
    if (byDeadline) {
      const value = new Date(cursor.v);
      if (Number.isNaN(value.getTime())) throw new BadCursor();
      const beyond = direction === 1 ? '$gt' : '$lt';
      and.push({ $or: [{ deadlineEndsAt: { [beyond]: value } }, { deadlineEndsAt: value, _id: { $gt: cursor.id } }] });
    } else {
      and.push({ _id: { $gt: cursor.id } });
    }
  }
  const filter = { $and: and.filter((part) => Object.keys(part).length > 0) };
  const sort: Record<string, 1 | -1> = byDeadline ? { deadlineEndsAt: direction, _id: 1 } : { _id: 1 };
  const docs = await db.assignments
    .find(filter.$and.length ? filter : {})
    .sort(sort)
    .limit(query.limit + 1)
    .lean();
  const page = docs.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor =
    docs.length > query.limit && last
      ? encodeCursor({ v: byDeadline ? last.deadlineEndsAt.toISOString() : last._id, id: last._id })
      : undefined;
  return { items: page.map((doc) => toListItem(doc, now)), nextCursor, filter: filter.$and.length ? filter : {}, sort };
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
