/**
 * A scripted action for a simulation: on a date, someone does something to an assignment.
 */
import { z } from 'zod';
import { AssignmentCommandSchema } from '../assignment/assignmentCommandSchema';
import { LocalDateSchema } from '../time/localDateSchema';

export const ScriptedActionSchema = z.object({
  on: LocalDateSchema,
  at: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).default('09:00'),
  assignment: z.string().min(1),
  /** An agency code (acting as that agency) or "secretariat". */
  by: z.string().min(1),
  command: AssignmentCommandSchema,
});
export type ScriptedAction = z.infer<typeof ScriptedActionSchema>;

export const ScriptedActionsSchema = z.array(ScriptedActionSchema);
