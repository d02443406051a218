/**
 * Dates as Vietnamese documents write them: "ngày 29 tháng 10 năm 2021", "ngày 24/01/2019",
 * "27-3-2021", as ISO dates (YYYY-MM-DD); undefined for an impossible day.
 */
import { isLocalDate } from '../domain/time/localDate';

/** Day, month and year; the groups of a match are (day, month, year). */
export const DATE_PATTERN = String.raw`(\d{1,2})\s*(?:tháng\s*|[/.-]\s*)(\d{1,2})\s*(?:năm\s*|[/.-]\s*)(\d{4})`;

export function isoDate(day: string, month: string, year: string): string | undefined {
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isLocalDate(iso) ? iso : undefined;
}

/** "29/10/2021": how the draft writes a date inside text (citations). */
export function slashDate(iso: string): string {
  return iso.split('-').reverse().join('/');
}
