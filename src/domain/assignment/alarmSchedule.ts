/**
 * When an assignment's reminders and escalations are due, for one deadline. Keys name the
 * deadline they belong to, so a new deadline (extension, calendar change) arms a fresh set and a
 * key already fired is never fired again.
 */
import type { EscalationLevel, EscalationPolicy, ReminderPolicy } from '../campaign/policies';
import { CalendarRangeError, type WorkingCalendar } from '../calendar/workingCalendar';
import { addDays, instantAt, type LocalDate } from '../time/localDate';

export type Alarm =
  | { kind: 'reminder'; key: string; date: LocalDate; at: number; workingDaysLeft: number }
  | { kind: 'escalation'; key: string; date: LocalDate; at: number; level: EscalationLevel; step: number };

/**
 * Repeats planned in one schedule. They go on while the assignment is overdue: once a schedule's
 * last repeat has fired, the workflow plans the next ones (`repeatsBefore`).
 */
export const REPEATS_AHEAD = 104;

export function planAlarms(options: {
  deadline: LocalDate;
  calendar: WorkingCalendar;
  reminders: ReminderPolicy;
  escalation: EscalationPolicy;
  /** Repeats already planned and fired: the schedule holds the REPEATS_AHEAD after them. */
  repeatsBefore?: number;
}): Alarm[] {
  const { deadline, calendar, reminders, escalation } = options;
  const repeatsBefore = options.repeatsBefore ?? 0;
  const at = (date: LocalDate) => instantAt(date, reminders.sendAt);
  const alarms: Alarm[] = [];
  try {
    for (const before of [...new Set(reminders.workingDaysBefore)]) {
      // A reminder before the first year covered is skipped; it must not cost the later alarms.
      const date = reminderDate(calendar, deadline, before);
      if (!date) continue;
      alarms.push({ kind: 'reminder', key: `reminder:${deadline}:-${before}`, date, at: at(date), workingDaysLeft: before });
    }
    if (reminders.onDeadlineDay) {
      alarms.push({ kind: 'reminder', key: `reminder:${deadline}:0`, date: deadline, at: at(deadline), workingDaysLeft: 0 });
    }
    let date = deadline;
    escalation.steps.forEach((rung, index) => {
      date = calendar.addWorkingDays(date, rung.workingDaysAfterPrevious);
      alarms.push({ kind: 'escalation', key: `escalation:${deadline}:${index + 1}`, date, at: at(date), level: rung.level, step: index + 1 });
    });
    const last = escalation.steps[escalation.steps.length - 1]!;
    if (escalation.repeatEveryDays) {
      let anchor = date;
      for (let repeat = 1; repeat <= repeatsBefore + REPEATS_AHEAD; repeat++) {
        anchor = addDays(anchor, escalation.repeatEveryDays);
        if (repeat <= repeatsBefore) continue;
        const repeatDate = calendar.onOrNextWorkingDay(anchor);
        const step = escalation.steps.length + repeat;
        alarms.push({ kind: 'escalation', key: `escalation:${deadline}:${step}`, date: repeatDate, at: at(repeatDate), level: last.level, step });
      }
    }
  } catch (error) {
    // Beyond the years the calendar snapshot covers: the rest is planned once it is extended.
    if (!(error instanceof CalendarRangeError)) throw error;
  }
  return alarms.sort((a, b) => a.at - b.at || a.key.localeCompare(b.key));
}

function reminderDate(calendar: WorkingCalendar, deadline: LocalDate, before: number): LocalDate | undefined {
  try {
    return calendar.addWorkingDays(deadline, -before);
  } catch (error) {
    if (error instanceof CalendarRangeError) return undefined;
    throw error;
  }
}
