/**
 * How a task's deadline is set, and its date for a launch. Periods follow the Civil Code 2015,
 * arts. 147-148: the day of the launch is not counted, and a period ending on a day off ends on
 * the next working day; a deadline ends at 24:00 of its day (Vietnam time).
 */
import type { WorkingCalendar } from '../calendar/workingCalendar';
import { addDays, type LocalDate } from '../time/localDate';
import type { DeadlineRule } from './deadlineRuleSchema';

export type { DeadlineRule };


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
