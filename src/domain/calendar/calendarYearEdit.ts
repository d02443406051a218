/**
 * An edit of one year's calendar data, as the secretariat sends it: by default its entries are
 * added to the year (a date already listed moves to the list the edit puts it in), so an edit
 * never silently drops the year's other entries; `replace` says the edit is the whole year.
 */
import type { CalendarDay, CalendarYear } from './calendarYear';

export interface CalendarYearEdit {
  replace: boolean;
  daysOff: CalendarDay[];
  workingDays: CalendarDay[];
  notDaysOff: CalendarDay[];
  /** Dates to take out of every list of the year (ignored with `replace`). */
  remove: string[];
  source?: string;
}

export function applyCalendarEdit(base: CalendarYear, edit: CalendarYearEdit): CalendarYear {
  if (edit.replace) {
    return { year: base.year, daysOff: edit.daysOff, workingDays: edit.workingDays, notDaysOff: edit.notDaysOff, source: edit.source };
  }
  const touched = new Set([...edit.remove, ...edit.daysOff, ...edit.workingDays, ...edit.notDaysOff].map((day) => (typeof day === 'string' ? day : day.date)));
  const merge = (kept: CalendarDay[], added: CalendarDay[]) =>
    [...kept.filter((day) => !touched.has(day.date)), ...added].sort((a, b) => a.date.localeCompare(b.date));
  return {
    year: base.year,
    daysOff: merge(base.daysOff, edit.daysOff),
    workingDays: merge(base.workingDays, edit.workingDays),
    notDaysOff: merge(base.notDaysOff, edit.notDaysOff),
    source: edit.source ?? base.source,
  };
}
