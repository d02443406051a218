/**
 * What the portal's lists show: assignments as rows a person reads (agency names, the category,
 * working days left or overdue), grouped in the four official categories. Pages only render what
 * these return; who may see what is decided by assignmentAccess, as for the API.
 */
import type { Caller } from '../api/middleware/authenticate';
import { STATUS_WORDS } from '../mail/vietnameseLabels';
import type { AssignmentStatus } from '../domain/assignment/assignmentState';
import { categorize, CATEGORY_LABELS, STATUS_CATEGORIES, type StatusCategory } from '../domain/assignment/statusCategory';
import { WorkingCalendar } from '../domain/calendar/workingCalendar';
import { matchesSearch } from '../domain/text/foldVietnamese';
import { dateAt, yearOf, type LocalDate } from '../domain/time/localDate';
import type { Database } from '../db/database';
import type { AssignmentViewDoc } from '../db/models/assignmentViewModel';
import { relationTo, visibilityFilter, type AssignmentRelation } from './assignmentAccess';
import { categoryFilter } from './assignmentQueries';
import { calendarSnapshot } from './calendarService';

/** Where an assignment stands against its deadline, in working days (Vietnamese calendar). */
export type Standing =
  | { kind: 'daysLeft'; workingDays: number }
  | { kind: 'overdue'; workingDays: number }
  | { kind: 'closed' };

export interface AssignmentRow {
  id: string;
  title: string;
  campaignKey: string;
  sectionNumber: number;
  taskNumber: number;
  agencyCode: string;
  agencyName: string;
  status: AssignmentStatus;
  statusText: string;
  category?: StatusCategory;
  deadline: LocalDate;
  originalDeadline: LocalDate;
  standing: Standing;
  /** How the viewer stands to it (an agency: lead or coordinator). */
  relation?: AssignmentRelation;
}

/** Counts working days for many rows at once: one calendar read, one count per distinct deadline. */
export class StandingJudge {
  private readonly memo = new Map<string, Standing>();
  private constructor(
    private readonly calendar: WorkingCalendar,
    readonly today: LocalDate,
  ) {}

  static async create(db: Database, deadlines: LocalDate[], now: number): Promise<StandingJudge> {
    const today = dateAt(now);
    const years = [yearOf(today), ...deadlines.map(yearOf)];
    const snapshot = await calendarSnapshot(db, Math.min(...years), Math.max(...years) + 1);
    return new StandingJudge(new WorkingCalendar(snapshot), today);
  }

  standing(doc: Pick<AssignmentViewDoc, 'status' | 'deadline'>): Standing {
    if (doc.status === 'accepted' || doc.status === 'cancelled') return { kind: 'closed' };
    const key = doc.deadline;
    let found = this.memo.get(key);
    if (!found) {
      found =
        this.today <= doc.deadline
          ? { kind: 'daysLeft', workingDays: this.calendar.workingDaysBetween(this.today, doc.deadline) }
          : { kind: 'overdue', workingDays: this.calendar.workingDaysBetween(doc.deadline, this.today) };
      this.memo.set(key, found);
    }
    return found;
  }
}

/** Names of the agencies (of those codes only, when given: a list page needs a few of hundreds). */
export async function agencyNames(db: Database, codes?: string[]): Promise<Map<string, string>> {
  const docs = await db.agencies.find(codes ? { _id: { $in: codes } } : {}, { name: 1 }).lean();
  return new Map(docs.map((doc) => [doc._id, doc.name]));
}

export async function toRows(db: Database, caller: Caller, docs: AssignmentViewDoc[], now: number): Promise<AssignmentRow[]> {
  if (docs.length === 0) return [];
  const [names, judge] = await Promise.all([
    agencyNames(db, [...new Set(docs.map((d) => d.agencyCode))]),
    StandingJudge.create(db, [...new Set(docs.map((d) => d.deadline))], now),
  ]);
  return docs.map((doc) => ({
    id: doc._id,
    title: doc.title,
    campaignKey: doc.campaignKey,
    sectionNumber: doc.sectionNumber,
    taskNumber: doc.taskNumber,
    agencyCode: doc.agencyCode,
    agencyName: names.get(doc.agencyCode) ?? doc.agencyCode,
    status: doc.status,
    statusText: STATUS_WORDS[doc.status],
    category: categorize(doc, now),
    deadline: doc.deadline,
    originalDeadline: doc.originalDeadline,
    standing: judge.standing(doc),
    relation: relationTo(caller, doc),
  }));
}

/** Order of the groups on a page: what needs action first. */
export const CATEGORY_ORDER: readonly StatusCategory[] = ['overdue', 'inProgressWithinDeadline', 'completedLate', 'completedOnTime'];

export interface CategoryGroup {
  category: StatusCategory;
  label: string;
  rows: AssignmentRow[];
}

export function groupByCategory(rows: AssignmentRow[]): CategoryGroup[] {
  return CATEGORY_ORDER.map((category) => ({
    category,
    label: CATEGORY_LABELS[category],
    rows: rows.filter((row) => row.category === category),
  }));
}

export interface AssignmentFilters {
  q?: string;
  campaign?: string;
  category?: StatusCategory;
  section?: number;
  agency?: string;
}

/** Reads filters from a query string, ignoring what is not valid rather than failing the page. */
export function readFilters(query: Record<string, unknown>): AssignmentFilters {
  const text = (value: unknown, max: number) => (typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, max) : undefined);
  const category = text(query.nhom, 40);
  const section = Number(text(query.muc, 3));
  return {
    q: text(query.q, 200),
    campaign: text(query.ke_hoach, 50),
    category: STATUS_CATEGORIES.includes(category as StatusCategory) ? (category as StatusCategory) : undefined,
    section: Number.isInteger(section) && section > 0 ? section : undefined,
    agency: text(query.co_quan, 20),
  };
}

/** The fields a list row needs: lists read many documents, so they read only these. */
const ROW_FIELDS = {
  title: 1,
  campaignKey: 1,
  sectionNumber: 1,
  taskNumber: 1,
  agencyCode: 1,
  coordinatingAgencies: 1,
  status: 1,
  deadline: 1,
  originalDeadline: 1,
  completedAt: 1,
} as const;

/**
 * The database filter for what the caller may see of the filters: flat equalities the embedded
 * FerretDB pushes down to its indexes (and MongoDB serves from the same ones). The search, which
 * ignores diacritics, runs here on the result (filterAssignments).
 */
export function assignmentFilter(caller: Caller, filters: AssignmentFilters, now: number): Record<string, unknown> {
  return {
    ...visibilityFilter(caller),
    ...(filters.campaign ? { campaignKey: filters.campaign } : {}),
    ...(filters.section ? { sectionNumber: filters.section } : {}),
    ...(filters.agency ? { agencyCode: filters.agency } : {}),
    ...(filters.category ? categoryFilter(filters.category, now) : {}),
  };
}

const byDeadline = (a: AssignmentViewDoc, b: AssignmentViewDoc) => a.deadline.localeCompare(b.deadline) || a._id.localeCompare(b._id);

/** Everything the caller may see of one campaign, sorted by deadline, in one read (the campaign page counts them all). */
export async function visibleAssignments(db: Database, caller: Caller, campaign: string): Promise<AssignmentViewDoc[]> {
  const docs = (await db.assignments.find({ ...visibilityFilter(caller), campaignKey: campaign }, ROW_FIELDS).lean()) as AssignmentViewDoc[];
  return docs.sort(byDeadline);
}

export function filterAssignments(docs: AssignmentViewDoc[], filters: AssignmentFilters, now: number): AssignmentViewDoc[] {
  return docs.filter(
    (doc) =>
      (!filters.campaign || doc.campaignKey === filters.campaign) &&
      (!filters.section || doc.sectionNumber === filters.section) &&
      (!filters.agency || doc.agencyCode === filters.agency) &&
      (!filters.category || categorize(doc, now) === filters.category) &&
      (!filters.q || matchesSearch(`${doc.title} ${doc._id}`, filters.q)),
  );
}

/** The assignments this caller may see that match the filters, sorted by deadline. */
export async function matchingAssignments(db: Database, caller: Caller, filters: AssignmentFilters, now: number): Promise<AssignmentViewDoc[]> {
  const docs = (await db.assignments.find(assignmentFilter(caller, filters, now), ROW_FIELDS).lean()) as AssignmentViewDoc[];
  // The database narrowed them; the same predicate again adds the search (and the exact category).
  return filterAssignments(docs, filters, now).sort(byDeadline);
}

/** The assignments this caller may see that match the filters, as rows, sorted by deadline. */
export async function findAssignments(db: Database, caller: Caller, filters: AssignmentFilters, now = Date.now()): Promise<AssignmentRow[]> {
  return toRows(db, caller, await matchingAssignments(db, caller, filters, now), now);
}

/** The campaigns a person may pick in the campaign filter: all for the secretariat and the committee, an agency's own. */
async function campaignChoices(db: Database, caller: Caller) {
  const keys = caller.actor.role === 'agency' ? ((await db.assignments.distinct('campaignKey', visibilityFilter(caller))) as string[]) : undefined;
  if (keys?.length === 0) return [];
  const campaigns = (await db.campaigns.find(keys ? { _id: { $in: keys } } : {}, { launchDate: 1, 'definition.title': 1 }).lean()) as {
    _id: string;
    launchDate: string;
    definition?: { title?: string };
  }[];
  return campaigns.sort((a, b) => b.launchDate.localeCompare(a.launchDate)).map((doc) => ({ key: doc._id, title: doc.definition?.title ?? doc._id }));
}

/** A person's work list: the matching rows, and the campaigns they may pick (for the campaign filter). */
export async function workList(db: Database, caller: Caller, filters: AssignmentFilters, now = Date.now()) {
  const [docs, campaigns] = await Promise.all([matchingAssignments(db, caller, filters, now), campaignChoices(db, caller)]);
  return { rows: await toRows(db, caller, docs, now), campaigns };
}

/** Every overdue assignment the caller may see, across campaigns, most overdue first. */
export async function overdueAssignments(db: Database, caller: Caller, now = Date.now()): Promise<AssignmentRow[]> {
  return findAssignments(db, caller, { category: 'overdue' }, now);
}
