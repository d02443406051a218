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

const dayText = (date: LocalDate) => date.split('-').reverse().join('/');

/**
 * The tasks whose deadline the launch calendar cannot count (a date outside the years it holds).
 * Found before the launch, so the secretariat gets a clear refusal instead of a campaign whose
 * workflow cannot work out its deadlines.
 */
export function deadlinesOutsideCalendar(
  plans: { sectionNumber: number; taskNumber: number; deadlineRule: DeadlineRule }[],
  launchDate: LocalDate,
  calendar: WorkingCalendar,
): { sectionNumber: number; message: string }[] {
  const problems = new Map<string, { sectionNumber: number; message: string }>();
  const { fromYear, toYear } = calendar.snapshot;
  for (const plan of plans) {
    const key = `${plan.sectionNumber}.${plan.taskNumber}`;
    if (problems.has(key)) continue;
    try {
      resolveDeadline(plan.deadlineRule, launchDate, calendar);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      const when = plan.deadlineRule.kind === 'fixedDate' ? `hạn ${dayText(plan.deadlineRule.date)}` : `hạn tính từ ngày giao ${dayText(launchDate)}`;
      problems.set(key, {
        sectionNumber: plan.sectionNumber,
        message: `nhiệm vụ ${plan.taskNumber} có ${when}, nằm ngoài lịch làm việc của hệ thống cho kế hoạch này (năm ${fromYear} đến ${toYear}); hãy sửa hạn hoặc ngày giao.`,
      });
    }
  }
  return [...problems.values()];
}
