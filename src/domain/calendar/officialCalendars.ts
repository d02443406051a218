/**
 * The official yearly decisions on days off (defaults/official-calendars.yaml): for each year, what
 * the Prime Minister's decision changed against the statutory defaults, with the documents it rests
 * on. They are the starting point of each year's calendar; the secretariat's edits go on top.
 */
import { z } from 'zod';
import { CalendarDaySchema, CalendarYearSchema, type CalendarYear } from './calendarYear';
import { formatVietnamese } from '../time/localDate';
import { LocalDateSchema } from '../time/localDateSchema';

export const OfficialSourceSchema = z.object({
  /** The document, e.g. "Thông báo số 9441/TB-BNV". */
  document: z.string().trim().min(1),
  issuer: z.string().trim().min(1),
  /** Date of issue; absent when it could not be confirmed (then `unconfirmed` says so). */
  date: LocalDateSchema.optional(),
  /** What it decided, in the project's own words. */
  about: z.string().trim().min(1),
});
export type OfficialSource = z.infer<typeof OfficialSourceSchema>;

export const OfficialCalendarYearSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  sources: z.array(OfficialSourceSchema).min(1),
  /** What could not be checked against the original documents, said plainly rather than guessed. */
  unconfirmed: z.array(z.string()).default([]),
  daysOff: z.array(CalendarDaySchema).default([]),
  workingDays: z.array(CalendarDaySchema).default([]),
  notDaysOff: z.array(CalendarDaySchema).default([]),
});
export type OfficialCalendarYear = z.infer<typeof OfficialCalendarYearSchema>;

export const OfficialCalendarsFileSchema = z.object({ years: z.array(OfficialCalendarYearSchema) });

/** "Thông báo số 5015/TB-LĐTBXH ngày 22/11/2023 (Bộ Lao động...)", every source of the year. */
export function citation(official: OfficialCalendarYear): string {
  const one = (source: OfficialSource) =>
    `${source.document}${source.date ? ` ngày ${formatVietnamese(source.date)}` : ''} (${source.issuer})`;
  const text = official.sources.map(one).join('; ');
  return text.length <= 300 ? text : `${text.slice(0, 299)}…`;
}

/** The official decision of a year as the calendar data the engine resolves. */
export function officialCalendarYear(official: OfficialCalendarYear): CalendarYear {
  return CalendarYearSchema.parse({
    year: official.year,
    daysOff: official.daysOff,
    workingDays: official.workingDays,
    notDaysOff: official.notDaysOff,
    source: citation(official),
  });
}
