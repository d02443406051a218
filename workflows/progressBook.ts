/**
 * The latest summary of each assignment below a section or campaign, and the counts derived
 * from them. Carried across continue-as-new in a compact form (`carry`/`resume`).
 */
import { countCategories, countCategoriesBy, type AssignmentSummary } from '../src/domain/assignment/assignmentSummary';
import { ASSIGNMENT_STATUSES, FINAL_STATUSES } from '../src/domain/assignment/assignmentState';
import type { LocalDate } from '../src/domain/time/localDate';
import type { ProgressView } from './section/sectionMessages';

/**
 * What a book carries across continue-as-new: only what changed since the plan, position by
 * position in plan order (ids, sections and first deadlines are worked out again from the
 * workflow's input). A payload is limited to 2 MB; carrying every summary whole reached it at
 * about 15,000 assignments, this form stays under 1 MB at 50,000 with every one accepted
 * (test/unit/workflows/progressBook.test.ts).
 */
export interface CarriedProgress {
  /** One letter per assignment: its status's index in ASSIGNMENT_STATUSES, base 36. */
  statuses: string;
  /** Comma-separated per assignment: days from the planned deadline to the one in force (base 36), or empty. */
  deadlineShifts: string;
  /** Comma-separated per assignment: completion as milliseconds after `epoch` (base 36), or empty. */
  completions: string;
  epoch: number;
  /** Agencies of reassigned assignments, by position. */
  agencies: Record<number, string>;
}

export class ProgressBook {
  private readonly summaries: Map<string, AssignmentSummary>;
  /** Kept as it changes: `allFinished` is asked after every message, and a campaign holds 50,000. */
  private open = 0;

  constructor(initial: AssignmentSummary[]) {
    this.summaries = new Map(initial.map((summary) => [summary.id, summary]));
    for (const summary of this.summaries.values()) if (!isFinal(summary)) this.open += 1;
  }

  /** The book again from the plan's first summaries and what `carry` kept. */
  static resume(initial: AssignmentSummary[], carried: CarriedProgress): ProgressBook {
    const shifts = carried.deadlineShifts.split(',');
    const completions = carried.completions.split(',');
    return new ProgressBook(
      initial.map((first, i) => {
        const shift = shifts[i] ? parseInt(shifts[i]!, 36) : 0;
        const completedAt = completions[i] ? new Date(carried.epoch + parseInt(completions[i]!, 36)).toISOString() : undefined;
        return {
          ...first,
          status: ASSIGNMENT_STATUSES[parseInt(carried.statuses[i]!, 36)]!,
          deadline: shift ? shiftDate(first.deadline, shift) : first.deadline,
          agencyCode: carried.agencies[i] ?? first.agencyCode,
          ...(completedAt ? { completedAt } : {}),
        };
      }),
    );
  }

  /** What `resume` needs, given the same first summaries (in plan order) this book began with. */
  carry(initial: AssignmentSummary[], epoch: number): CarriedProgress {
    const statuses: string[] = [];
    const shifts: string[] = [];
    const completions: string[] = [];
    const agencies: Record<number, string> = {};
    initial.forEach((first, i) => {
      const now = this.summaries.get(first.id) ?? first;
      statuses.push(ASSIGNMENT_STATUSES.indexOf(now.status).toString(36));
      const shift = now.deadline === first.deadline ? 0 : dayNumber(now.deadline) - dayNumber(first.deadline);
      shifts.push(shift ? shift.toString(36) : '');
      completions.push(now.completedAt ? (Date.parse(now.completedAt) - epoch).toString(36) : '');
      if (now.agencyCode !== first.agencyCode) agencies[i] = now.agencyCode;
    });
    return { statuses: statuses.join(''), deadlineShifts: shifts.join(','), completions: completions.join(','), epoch, agencies };
  }

  record(summary: AssignmentSummary): void {
    const before = this.summaries.get(summary.id);
    if (!before) return;
    this.open += Number(!isFinal(summary)) - Number(!isFinal(before));
    this.summaries.set(summary.id, summary);
  }

  get all(): AssignmentSummary[] {
    return [...this.summaries.values()];
  }

  get allFinished(): boolean {
    return this.open === 0;
  }

  openIds(): string[] {
    return this.all.filter((summary) => !FINAL_STATUSES.includes(summary.status)).map((summary) => summary.id);
  }

  view(now: number, started: number, cancelRequested: boolean): ProgressView {
    return {
      planned: this.summaries.size,
      started,
      counts: countCategories(this.all, now),
      bySection: countCategoriesBy(this.all, (summary) => String(summary.sectionNumber), now),
      byAgency: countCategoriesBy(this.all, (summary) => summary.agencyCode, now),
      cancelRequested,
    };
  }
}

/** Completions are carried as milliseconds after this instant (1 January 2020, UTC). */
export const EPOCH = Date.UTC(2020, 0, 1);

/**
 * A workflow's book at the start of a run: its plan's first summaries, with what the previous run
 * carried (in the compact form, or whole, as runs before that form carried it).
 */
export function resumeBook(
  initial: AssignmentSummary[],
  carried?: { progress?: CarriedProgress; summaries?: AssignmentSummary[] },
): ProgressBook {
  if (carried?.progress) return ProgressBook.resume(initial, carried.progress);
  return new ProgressBook(carried?.summaries ?? initial);
}

/**
 * Plain UTC day arithmetic on calendar dates: the same answer as the domain's (Vietnam-zoned)
 * addDays and daysBetween for whole dates, without their cost, which 50,000 of them made
 * seconds of a workflow task.
 */
const DAY_MS = 86_400_000;
const dayNumber = (date: LocalDate) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const shiftDate = (date: LocalDate, days: number): LocalDate => new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);

function isFinal(summary: AssignmentSummary): boolean {
  return FINAL_STATUSES.includes(summary.status);
}
