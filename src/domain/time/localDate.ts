/**
 * Calendar dates (no time of day) as ISO strings "YYYY-MM-DD", in Vietnam's time zone.
 * Strings, not Date objects, so they survive JSON (workflow payloads, MongoDB) unchanged.
 *
 * Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed offset is exact and
 * keeps this deterministic inside Temporal workflows (no time-zone database needed).
 */
import { DateTime, FixedOffsetZone } from 'luxon';

export const VIETNAM_ZONE = FixedOffsetZone.instance(7 * 60);

export type LocalDate = string;

function parse(date: LocalDate): DateTime {
  const parsed = DateTime.fromISO(date, { zone: VIETNAM_ZONE });
  if (!parsed.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`not a calendar date: ${date}`);
  return parsed;
}

function format(value: DateTime): LocalDate {
  return value.toISODate() as LocalDate;
}

export function isLocalDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid;
}

export function localDate(year: number, month: number, day: number): LocalDate {
  const value = DateTime.fromObject({ year, month, day }, { zone: VIETNAM_ZONE });
  if (!value.isValid) throw new RangeError(`not a calendar date: ${year}-${month}-${day}`);
  return format(value);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return format(parse(date).plus({ days }));
}

/** ISO weekday: 1 = Monday ... 6 = Saturday, 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  return parse(date).weekday;
}

export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4));
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round(parse(to).diff(parse(from), 'days').days);
}

/** The date in Vietnam at an instant (epoch milliseconds). */
export function dateAt(instantMs: number): LocalDate {
  return format(DateTime.fromMillis(instantMs, { zone: VIETNAM_ZONE }));
}

/** The instant of a wall-clock time ("HH:mm") on a date in Vietnam. */
export function instantAt(date: LocalDate, time: string): number {
  const [hour, minute] = time.split(':').map(Number);
  return parse(date).set({ hour, minute, second: 0, millisecond: 0 }).toMillis();
}

/** 24:00 of the date in Vietnam: when a deadline on that date ends (Civil Code art. 148). */
export function endOfDay(date: LocalDate): number {
  return parse(date).plus({ days: 1 }).toMillis();
}

/** "12/02/2021": how dates are written in Vietnamese documents and emails. */
export function formatVietnamese(date: LocalDate): string {
  return parse(date).toFormat('dd/MM/yyyy');
}
