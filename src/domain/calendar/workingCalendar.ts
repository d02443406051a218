/**
 * Which days are working days, and counting in working days. Built from a CalendarSnapshot: the
 * resolved days off and swapped working days of a few years, plain data that workflows carry
 * (so this file must stay free of I/O and of the lunar-calendar library).
 */
import { addDays, isoWeekday, yearOf, type LocalDate } from '../time/localDate';

/** A calendar as plain data, what workflows carry: the resolved days off and swaps of a few years. */
export interface CalendarSnapshot {
  /** Increases with every edit of the calendar data; assignments re-time when it changes. */
  version: number;
  /** The years the lists below cover completely. */
  fromYear: number;
  toYear: number;
  /** Weekdays that are days off: statutory holidays, compensating days, swapped days. */
  daysOff: { date: LocalDate; name: string }[];
  /** Saturdays and Sundays that are working days (swaps). */
  workingDays: { date: LocalDate; name: string }[];
}

export class CalendarRangeError extends RangeError {}

/** Longest run of days off the calendar will skip before giving up (Tết with swaps is ~9). */
const MAX_DAYS_OFF_IN_A_ROW = 60;

export class WorkingCalendar {
  private readonly daysOff: Map<LocalDate, string>;
  private readonly workingWeekendDays: Set<LocalDate>;

  constructor(readonly snapshot: CalendarSnapshot) {
    this.daysOff = new Map(snapshot.daysOff.map((day) => [day.date, day.name]));
    this.workingWeekendDays = new Set(snapshot.workingDays.map((day) => day.date));
  }

  get version(): number {
    return this.snapshot.version;
  }

  covers(date: LocalDate): boolean {
    const year = yearOf(date);
    return year >= this.snapshot.fromYear && year <= this.snapshot.toYear;
  }

  isWorkingDay(date: LocalDate): boolean {
    if (!this.covers(date)) {
      throw new CalendarRangeError(
        `the calendar covers ${this.snapshot.fromYear}-${this.snapshot.toYear}, not ${date}`,
      );
    }
    if (this.workingWeekendDays.has(date)) return true;
    if (isoWeekday(date) >= 6) return false;
    return !this.daysOff.has(date);
  }

  /** Why a day is off ("Tết Nguyên đán (mùng 1)", "Thứ Bảy"...), or undefined for a working day. */
  reasonOff(date: LocalDate): string | undefined {
    if (this.isWorkingDay(date)) return undefined;
    return this.daysOff.get(date) ?? (isoWeekday(date) === 6 ? 'Thứ Bảy' : 'Chủ nhật');
  }

  /** The date itself when it is a working day, else the next working day. */
  onOrNextWorkingDay(date: LocalDate): LocalDate {
    let day = date;
    for (let i = 0; i <= MAX_DAYS_OFF_IN_A_ROW; i++, day = addDays(day, 1)) {
      if (this.isWorkingDay(day)) return day;
    }
    throw new CalendarRangeError(`no working day within ${MAX_DAYS_OFF_IN_A_ROW} days of ${date}`);
  }

  /**
   * The working day `count` working days after `date` (count > 0) or before it (count < 0);
   * `date` itself is never counted, as the Civil Code counts periods.
   */
  addWorkingDays(date: LocalDate, count: number): LocalDate {
    const step = count >= 0 ? 1 : -1;
    let remaining = Math.abs(count);
    let day = date;
    let idle = 0;
    while (remaining > 0) {
      day = addDays(day, step);
      if (this.isWorkingDay(day)) {
        remaining -= 1;
        idle = 0;
      } else if (++idle > MAX_DAYS_OFF_IN_A_ROW) {
        throw new CalendarRangeError(`no working day within ${MAX_DAYS_OFF_IN_A_ROW} days of ${day}`);
      }
    }
    return day;
  }

  /** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
  workingDaysBetween(from: LocalDate, to: LocalDate): number {
    let count = 0;
    for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (this.isWorkingDay(day)) count += 1;
    return count;
  }
}
