/** The data the weekly digest's template sees: the four official categories and the overdue list. */
import { CATEGORY_LABELS, STATUS_CATEGORIES, type StatusCategory } from '../domain/assignment/statusCategory';
import type { Campaign } from '../domain/campaign/campaign';
import type { CategoryCounts } from '../domain/assignment/assignmentSummary';
import { MAIL_KIND_LABELS } from '../domain/notification/mailKinds';
import { campaignView } from './assignmentMailView';
import { portalLinks } from './portalLinks';
import { instantText } from './vietnameseLabels';

export interface DigestOverdueItem {
  id: string;
  title: string;
  agencyCode: string;
  agencyName: string;
  deadline: string;
  workingDaysOverdue: number;
  status: string;
}

/** Rows beyond this are summarised as "và N nhiệm vụ khác" (the full list is in the API). */
export const DIGEST_LIST_LIMIT = 200;

export function buildDigestMailView(input: {
  campaignKey: string;
  campaign?: Campaign;
  week: string;
  asOf: number;
  counts: CategoryCounts;
  overdue: DigestOverdueItem[];
  /** PORTAL_URL: the digest links to the portal's home. */
  portalUrl: string;
  /** A year due without an official calendar decision (src/domain/calendar/undecidedYears.ts). */
  calendarWarning?: string;
}) {
  const shown = input.overdue.slice(0, DIGEST_LIST_LIMIT);
  const [year, week] = input.week.split('-W');
  return {
    kindLabel: MAIL_KIND_LABELS.weeklyDigest,
    ...campaignView(input.campaignKey, input.campaign),
    portal: portalLinks(input.portalUrl),
    week: { number: week, year, label: `tuần ${week}/${year}` },
    asOf: instantText(input.asOf),
    counts: STATUS_CATEGORIES.map((category: StatusCategory) => ({ label: CATEGORY_LABELS[category], value: input.counts[category] })),
    total: input.counts.total,
    cancelled: input.counts.cancelled,
    overdueCount: input.overdue.length,
    overdueList: shown,
    moreOverdue: input.overdue.length > shown.length ? input.overdue.length - shown.length : 0,
    calendarWarning: input.calendarWarning ?? '',
  };
}
