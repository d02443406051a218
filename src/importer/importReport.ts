/**
 * What the importer tells the secretariat besides the draft: where every line of the input went
 * (a section header, a task, or the ignored list with a reason), what each section matched in the
 * directory and what it could not, and the points to review before launch. The sentence count
 * shows that nothing was lost: every sentence lands in exactly one of the three places.
 */
import type { DeadlineRule } from '../domain/campaign/deadlineRule';
import type { KpiTarget } from '../domain/campaign/campaign';
import type { Abbreviation } from './abbreviations';
import type { IgnoreReason } from './ignoreReasons';
import type { DirectiveParticulars } from './letterhead';
import { splitSentences } from './sentences';

export type Destination =
  | { kind: 'sectionHeader'; section: number }
  | { kind: 'task'; section: number; task: number }
  | { kind: 'ignored'; reason: IgnoreReason };

export interface Placement {
  line: number;
  text: string;
  to: Destination;
}

/** A point the secretariat must check; `path` locates it in the draft (campaign.sections.0...). */
export interface ReviewItem {
  path: (string | number)[];
  message: string;
}

export interface TaskReport {
  number: number;
  title: string;
  lines: number[];
  continuationLines: number[];
  standalone: boolean;
  citations: string[];
  kpiTargets: KpiTarget[];
  coordinatingAgencies: string[];
  unmatchedCoordinators: string[];
  coordinatingGroups: string[];
  deadline?: { rule: DeadlineRule; phrase: string };
}

export interface SectionReport {
  number: number;
  title: string;
  line: number;
  agencies: string[];
  groups: string[];
  /** Names and group phrases found in the header, as written, with what they matched. */
  matched: { text: string; code?: string; groups: string[] }[];
  unmatched: string[];
  leadInLines: number[];
  tasks: TaskReport[];
}

export interface ImportReport {
  /** Particulars found in the text (absent ones are placeholders in the draft). */
  found: DirectiveParticulars;
  sections: SectionReport[];
  placements: Placement[];
  sentences: { total: number; inHeaders: number; inTasks: number; ignored: number };
  abbreviations: Abbreviation[];
  review: ReviewItem[];
}

export function countSentences(placements: Placement[]): ImportReport['sentences'] {
  const count = { total: 0, inHeaders: 0, inTasks: 0, ignored: 0 };
  for (const placement of placements) {
    const n = splitSentences(placement.text).length;
    count.total += n;
    if (placement.to.kind === 'sectionHeader') count.inHeaders += n;
    else if (placement.to.kind === 'task') count.inTasks += n;
    else count.ignored += n;
  }
  return count;
}

export function ignoredLines(report: Pick<ImportReport, 'placements'>): { line: number; text: string; reason: IgnoreReason }[] {
  return report.placements.flatMap((placement) =>
    placement.to.kind === 'ignored' ? [{ line: placement.line, text: placement.text, reason: placement.to.reason }] : [],
  );
}
