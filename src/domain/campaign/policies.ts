/** When reminders go out before a deadline, and how escalation climbs after it. */
import { z } from 'zod';

const TimeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ có dạng HH:mm.');

export const ReminderPolicySchema = z.object({
  /** Reminders this many working days before the deadline. */
  workingDaysBefore: z.array(z.number().int().min(1).max(60)).default([7, 3, 1]),
  /** And one on the deadline day itself. */
  onDeadlineDay: z.boolean().default(true),
  /** Wall-clock time in Vietnam at which reminders and escalations go out. */
  sendAt: TimeOfDaySchema.default('08:00'),
});
export type ReminderPolicy = z.infer<typeof ReminderPolicySchema>;

export const ESCALATION_LEVELS = ['agencyHead', 'secretariat', 'peoplesCommittee'] as const;
export const EscalationLevelSchema = z.enum(ESCALATION_LEVELS);
export type EscalationLevel = z.infer<typeof EscalationLevelSchema>;

export const EscalationPolicySchema = z.object({
  /**
   * The ladder. Each step fires this many working days after the previous one (the first after
   * the deadline). Default: the agency head on the first working day after the deadline, the
   * secretariat 3 working days later, the People's Committee 7 working days after that.
   */
  steps: z
    .array(z.object({ level: EscalationLevelSchema, workingDaysAfterPrevious: z.number().int().min(1).max(60) }))
    .min(1)
    .default([
      { level: 'agencyHead', workingDaysAfterPrevious: 1 },
      { level: 'secretariat', workingDaysAfterPrevious: 3 },
      { level: 'peoplesCommittee', workingDaysAfterPrevious: 7 },
    ]),
  /** After the last step, repeat it every N calendar days (moved to a working day) until the end. */
  repeatEveryDays: z.number().int().min(1).max(90).nullable().default(7),
});
export type EscalationPolicy = z.infer<typeof EscalationPolicySchema>;

export const defaultReminderPolicy = (): ReminderPolicy => ReminderPolicySchema.parse({});
export const defaultEscalationPolicy = (): EscalationPolicy => EscalationPolicySchema.parse({});
