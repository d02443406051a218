/**
 * The latest summary of each assignment below a section or campaign, and the counts derived
 * from them. Plain data, carried across continue-as-new.
 */
import { countCategories, countCategoriesBy, type AssignmentSummary } from '../src/domain/assignment/assignmentSummary';
import { FINAL_STATUSES } from '../src/domain/assignment/assignmentState';
import type { ProgressView } from './section/sectionMessages';

export class ProgressBook {
  private readonly summaries: Map<string, AssignmentSummary>;

  constructor(initial: AssignmentSummary[]) {
    this.summaries = new Map(initial.map((summary) => [summary.id, summary]));
  }

  record(summary: AssignmentSummary): void {
    if (this.summaries.has(summary.id)) this.summaries.set(summary.id, summary);
  }

  get all(): AssignmentSummary[] {
    return [...this.summaries.values()];
  }

  get allFinished(): boolean {
    return this.all.every((summary) => FINAL_STATUSES.includes(summary.status));
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
