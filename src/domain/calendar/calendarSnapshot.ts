/**
 * A calendar as plain data: the resolved days off and swapped working days of a few years, what
 * workflows carry and WorkingCalendar is built from. The schema is apart from workingCalendar.ts
 * so that workflows' calendar code carries no zod (src/temporal/workflowBundle.ts).
 */
import { z } from 'zod';
import { LocalDateSchema } from '../time/localDateSchema';

export const CalendarSnapshotSchema = z.object({
  /** Increases with every edit of the calendar data; assignments re-time when it changes. */
  version: z.number().int().min(0),
  /** The years the lists below cover completely. */
  fromYear: z.number().int(),
  toYear: z.number().int(),
  /** Weekdays that are days off: statutory holidays, compensating days, swapped days. */
  daysOff: z.array(z.object({ date: LocalDateSchema, name: z.string() })),
  /** Saturdays and Sundays that are working days (swaps). */
  workingDays: z.array(z.object({ date: LocalDateSchema, name: z.string() })),
});
export type CalendarSnapshot = z.infer<typeof CalendarSnapshotSchema>;
