/**
 * A campaign as its page shows it: the directive, each section and each task with their counts in
 * the four official categories, and the CSV of its assignments (with a UTF-8 byte-order mark, so
 * Excel opens the Vietnamese text correctly). The secretariat and the Committee see whole
 * campaigns: their counts come from the statistics counters. An agency's come from the few
 * assignments it may see (its own and those it coordinates on, which the counters do not key).
 */
import type { Caller } from '../api/middleware/authenticate';
import { countCategories, countCategoriesBy, type CategoryCounts } from '../domain/assignment/assignmentSummary';
import { countsAt } from '../domain/assignment/categoryTally';
import { CATEGORY_LABELS } from '../domain/assignment/statusCategory';
import type { Campaign } from '../domain/campaign/campaign';
import { formatVietnamese } from '../domain/time/localDate';
import type { Database } from '../db/database';
import { campaignCounts, campaignTotals } from '../projections/statistics';
import type { AssignmentViewDoc } from '../db/models/assignmentViewModel';
import { visibilityFilter } from './assignmentAccess';
import { definitionFor } from './campaignAccess';
import type { AssignmentRow } from './portalQueries';

export interface TaskCounts {
  taskNumber: number;
  title: string;
  counts: CategoryCounts;
}

export interface SectionCounts {
  number: number;
  title: string;
  counts: CategoryCounts;
  tasks: TaskCounts[];
}

export interface CampaignOverview {
  key: string;
  definition: Campaign;
  launchDate: string;
  cancelledAt?: Date;
  counts: CategoryCounts;
  sections: SectionCounts[];
  agencies: { code: string; name: string }[];
}

async function countsByCampaign(db: Database, caller: Caller, now: number): Promise<Record<string, CategoryCounts>> {
  if (caller.actor.role !== 'agency') return campaignTotals(db, now);
  const rows = await db.assignments.find(visibilityFilter(caller), { campaignKey: 1, status: 1, deadline: 1, completedAt: 1 }).lean();
  return countCategoriesBy(rows, (row) => row.campaignKey, now);
}

export async function campaignList(db: Database, caller: Caller, now = Date.now()) {
  const [campaigns, byCampaign] = await Promise.all([db.campaigns.find().sort({ launchDate: -1 }).lean(), countsByCampaign(db, caller, now)]);
  return campaigns
    .filter((doc) => byCampaign[doc._id] || caller.actor.role !== 'agency')
    .map((doc) => ({ key: doc._id, title: doc.definition.title, launchDate: doc.launchDate, cancelledAt: doc.cancelledAt, counts: byCampaign[doc._id] ?? countCategories([], now) }));
}

/**
 * `rows`: for an agency, the campaign's assignments it may see (visibleAssignments), read once for
 * the whole page; an agency sees only a campaign it has a part in, and only its own sections
 * (campaignAccess, as the API). The secretariat and the Committee pass none: their counts and the
 * agencies of the filter come from the counters, so the page never reads the whole campaign.
 * Undefined: no such campaign for this caller.
 */
export async function campaignOverview(db: Database, caller: Caller, key: string, rows: AssignmentViewDoc[], now = Date.now()): Promise<CampaignOverview | undefined> {
  if (caller.actor.role === 'agency' && rows.length === 0) return undefined;
  const stored = await db.campaigns.findById(key).lean();
  if (!stored) return undefined;
  const doc = { ...stored, definition: definitionFor(caller, stored.definition, rows.map((row) => row.sectionNumber)) };
  const counted =
    caller.actor.role === 'agency'
      ? {
          total: countCategories(rows, now),
          bySection: countCategoriesBy(rows, (row) => String(row.sectionNumber), now),
          byTask: countCategoriesBy(rows, (row) => `${row.sectionNumber}.${row.taskNumber}`, now),
        }
      : ((await campaignCounts(db, now, key)).get(key) ?? { total: countCategories([], now), bySection: {}, byTask: {} });
  const { bySection, byTask } = counted;
  const empty = () => countCategories([], now);
  const codes =
    caller.actor.role === 'agency'
      ? [...new Set(rows.map((row) => row.agencyCode))]
      : [
          ...new Set(
            // A group whose assignments were all reassigned away counts none: not a lead agency now.
            (await db.assignmentCounts.find({ campaignKey: key }, { agencyCode: 1, tally: 1 }).lean())
              .filter((group) => countsAt(group.tally, now).total > 0)
              .map((group) => group.agencyCode),
          ),
        ];
  const agencies = await db.agencies.find({ _id: { $in: codes } }, { name: 1 }).sort({ name: 1 }).lean();
  return {
    key,
    definition: doc.definition,
    launchDate: doc.launchDate,
    cancelledAt: doc.cancelledAt,
    counts: counted.total,
    sections: doc.definition.sections.map((section) => ({
      number: section.number,
      title: section.title,
      counts: bySection[String(section.number)] ?? empty(),
      tasks: section.tasks.map((task, index) => ({
        taskNumber: index + 1,
        title: task.title,
        counts: byTask[`${section.number}.${index + 1}`] ?? empty(),
      })),
    })),
    agencies: agencies.map((agency) => ({ code: agency._id, name: agency.name })),
  };
}

const CSV_COLUMNS: [string, (row: AssignmentRow) => string][] = [
  ['Mã nhiệm vụ', (row) => row.id],
  ['Mục', (row) => String(row.sectionNumber)],
  ['Nhiệm vụ', (row) => row.title],
  ['Cơ quan chủ trì', (row) => row.agencyName],
  ['Trạng thái', (row) => row.statusText],
  ['Nhóm', (row) => (row.category ? CATEGORY_LABELS[row.category] : 'Đã hủy')],
  ['Hạn xử lý', (row) => formatVietnamese(row.deadline)],
  ['Hạn ban đầu', (row) => formatVietnamese(row.originalDeadline)],
  ['Số ngày làm việc quá hạn', (row) => (row.standing.kind === 'overdue' ? String(row.standing.workingDays) : '')],
];

/** RFC 4180 quoting; a cell starting with = + - @ is prefixed so a spreadsheet never runs it as a formula. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function assignmentsCsv(rows: AssignmentRow[]): string {
  const lines = [CSV_COLUMNS.map(([title]) => title), ...rows.map((row) => CSV_COLUMNS.map(([, cell]) => cell(row)))];
  return `\uFEFF${lines.map((line) => line.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
