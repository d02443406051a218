/**
 * A task's deadline when its text states one:
 *   "trước ngày 30/6/2022", "chậm nhất ngày 15 tháng 12 năm 2021"  -> that date
 *   "trong năm 2021", "hết năm 2021"                               -> 31/12 of that year
 *   "trong quý II năm 2022", "trong tháng 9/2022"                  -> the last day of the quarter/month
 *   "trong thời hạn 15 ngày làm việc"                             -> 15 working days after the launch
 *   "trong vòng 30 ngày"                                           -> 30 days after the launch
 * The first such phrase in the text wins. A task without one takes the campaign's default
 * deadline, which the report lists for the secretariat to set.
 */
import type { DeadlineRule } from '../domain/campaign/deadlineRule';
import { DATE_PATTERN, isoDate } from './vietnameseDates';

export interface FoundDeadline {
  rule: DeadlineRule;
  /** The words it was read from. */
  phrase: string;
}

const QUARTERS: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const iso = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** The bounds DeadlineRuleSchema accepts. */
const inRange = (value: string, max: number) => Number(value) >= 1 && Number(value) <= max;

type Reader = [RegExp, (match: RegExpExecArray) => DeadlineRule | undefined];

const READERS: Reader[] = [
  [
    new RegExp(String.raw`(?:trước|chậm nhất(?:\s+là)?|hạn chót(?:\s+là)?|không muộn hơn)\s+(?:ngày\s+)?${DATE_PATTERN}`, 'iu'),
    (m) => {
      const date = isoDate(m[1]!, m[2]!, m[3]!);
      return date ? { kind: 'fixedDate', date } : undefined;
    },
  ],
  [
    /trong\s+(?:thời hạn\s+|vòng\s+|phạm vi\s+)?(\d{1,4})\s+ngày\s+làm\s+việc/iu,
    (m) => (inRange(m[1]!, 1000) ? { kind: 'workingDaysAfterLaunch', workingDays: Number(m[1]) } : undefined),
  ],
  [
    /trong\s+(?:thời hạn\s+|vòng\s+|phạm vi\s+)?(\d{1,4})\s+ngày(?!\s+làm)/iu,
    (m) => (inRange(m[1]!, 3650) ? { kind: 'daysAfterLaunch', days: Number(m[1]) } : undefined),
  ],
  [
    /trong\s+quý\s+(I{1,3}|IV|[1-4])\s*(?:\/|năm\s+)(\d{4})/iu,
    (m) => {
      const quarter = QUARTERS[m[1]!.toLowerCase()]!;
      const year = Number(m[2]);
      return { kind: 'fixedDate', date: iso(year, quarter * 3, lastDayOfMonth(year, quarter * 3)) };
    },
  ],
  [
    /trong\s+tháng\s+(\d{1,2})\s*(?:\/|năm\s+)(\d{4})/iu,
    (m) => {
      const month = Number(m[1]);
      const year = Number(m[2]);
      return month >= 1 && month <= 12 ? { kind: 'fixedDate', date: iso(year, month, lastDayOfMonth(year, month)) } : undefined;
    },
  ],
  [/(?:trong|hết|đến hết|cuối)\s+năm\s+(\d{4})/iu, (m) => ({ kind: 'fixedDate', date: `${m[1]}-12-31` })],
];

export function findDeadline(text: string): FoundDeadline | undefined {
  let best: (FoundDeadline & { at: number }) | undefined;
  for (const [pattern, read] of READERS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const rule = read(match);
    if (rule && (!best || match.index < best.at)) best = { rule, phrase: match[0], at: match.index };
  }
  return best && { rule: best.rule, phrase: best.phrase };
}
