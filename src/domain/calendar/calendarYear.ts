/**
 * The per-year calendar data the secretariat edits: the days off and swapped working days the
 * Prime Minister approves each year, on top of the statutory holidays computed by the engine.
 * Versioned: each save is a new version, and open assignments are re-timed to it.
 */
import { z } from 'zod';
import { formatVietnamese, yearOf } from '../time/localDate';
import { LocalDateSchema } from '../time/localDateSchema';

export const CalendarDaySchema = z.object({
  date: LocalDateSchema,
  /** Why, in Vietnamese, e.g. "Nghỉ bù Tết Nguyên đán" or "Làm bù cho ngày 10/02". */
  name: z.string().trim().min(1).max(200),
});
export type CalendarDay = z.infer<typeof CalendarDaySchema>;

export const CalendarYearSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    /** Extra days off (e.g. a swapped day before Tết, or a longer Tết than the default five days). */
    daysOff: z.array(CalendarDaySchema).default([]),
    /** Weekend days that become working days (the other half of a swap). */
    workingDays: z.array(CalendarDaySchema).default([]),
    /**
     * Statutory days the default rules place that this year's decision moved elsewhere (e.g. the
     * default Tết block when the Prime Minister fixed other dates).
     */
    notDaysOff: z.array(CalendarDaySchema).default([]),
    /** Where the year's decision comes from, e.g. "Thông báo 6150/TB-LĐTBXH". */
    source: z.string().max(300).optional(),
  })
  .superRefine((value, ctx) => {
    // Each issue names the list and position the request itself has (daysOff[2], not "days").
    for (const list of ['daysOff', 'workingDays', 'notDaysOff'] as const) {
      value[list].forEach((day, index) => {
        if (yearOf(day.date) !== value.year) {
          ctx.addIssue({ code: 'custom', message: `Ngày ${formatVietnamese(day.date)} không thuộc năm ${value.year}.`, path: [list, index, 'date'] });
        }
      });
    }
    const offs = new Set(value.daysOff.map((day) => day.date));
    value.workingDays.forEach((day, index) => {
      if (offs.has(day.date)) {
        ctx.addIssue({ code: 'custom', message: `Ngày ${formatVietnamese(day.date)} vừa là ngày nghỉ vừa là ngày làm bù.`, path: ['workingDays', index, 'date'] });
      }
    });
  });
export type CalendarYear = z.infer<typeof CalendarYearSchema>;
