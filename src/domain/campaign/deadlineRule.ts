/**
 * How a task's deadline is set, and its date for a launch. Periods follow the Civil Code 2015,
 * arts. 147-148: the day of the launch is not counted, and a period ending on a day off ends on
 * the next working day; a deadline ends at 24:00 of its day (Vietnam time).
 */
import { z } from 'zod';
import type { WorkingCalendar } from '../calendar/workingCalendar';
import { addDays, LocalDateSchema, type LocalDate } from '../time/localDate';

export const DeadlineRuleSchema = z.discriminatedUnion('kind', [
  /** A date the directive names, e.g. "trước ngày 15/12/2021". */
  z.object({ kind: z.literal('fixedDate'), date: LocalDateSchema }),
  /** "trong thời hạn N ngày làm việc" from the launch. */
  z.object({ kind: z.literal('workingDaysAfterLaunch'), workingDays: z.number().int().min(1).max(1000) }),
  /** "trong thời hạn N ngày" (calendar days) from the launch. */
  z.object({ kind: z.literal('daysAfterLaunch'), days: z.number().int().min(1).max(3650) }),
]);
export type DeadlineRule = z.infer<typeof DeadlineRuleSchema>;

export function resolveDeadline(rule: DeadlineRule, launchDate: LocalDate, calendar: WorkingCalendar): LocalDate {
  switch (rule.kind) {
    case 'fixedDate':
      return calendar.onOrNextWorkingDay(rule.date);
    case 'workingDaysAfterLaunch':
      return calendar.addWorkingDays(launchDate, rule.workingDays);
    case 'daysAfterLaunch':
      return calendar.onOrNextWorkingDay(addDays(launchDate, rule.days));
  }
}

/** In Vietnamese, for the draft review and emails. */
export function describeDeadlineRule(rule: DeadlineRule): string {
  switch (rule.kind) {
    case 'fixedDate':
      return `trước hết ngày ${rule.date.split('-').reverse().join('/')}`;
    case 'workingDaysAfterLaunch':
      return `trong ${rule.workingDays} ngày làm việc kể từ ngày giao`;
    case 'daysAfterLaunch':
      return `trong ${rule.days} ngày kể từ ngày giao`;
  }
}
