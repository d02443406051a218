/**
 * The ways a directive sets a task's deadline, as a schema (campaign files, the importer). Apart
 * from deadlineRule.ts, whose arithmetic workflows run without zod (src/temporal/workflowBundle.ts).
 */
import { z } from 'zod';
import { LocalDateSchema } from '../time/localDateSchema';

export const DeadlineRuleSchema = z.discriminatedUnion('kind', [
  /** A date the directive names, e.g. "trước ngày 15/12/2021". */
  z.object({ kind: z.literal('fixedDate'), date: LocalDateSchema }),
  /** "trong thời hạn N ngày làm việc" from the launch. */
  z.object({ kind: z.literal('workingDaysAfterLaunch'), workingDays: z.number().int().min(1).max(1000) }),
  /** "trong thời hạn N ngày" (calendar days) from the launch. */
  z.object({ kind: z.literal('daysAfterLaunch'), days: z.number().int().min(1).max(3650) }),
]);
export type DeadlineRule = z.infer<typeof DeadlineRuleSchema>;
