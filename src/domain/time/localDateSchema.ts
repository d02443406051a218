/**
 * The schema of a calendar date at the edges (API, files, commands). Apart from localDate.ts so
 * that the date arithmetic workflows use carries no zod (src/temporal/workflowBundle.ts).
 */
import { z } from 'zod';
import { isLocalDate } from './localDate';

export const LocalDateSchema = z
  .string()
  .refine(isLocalDate, { message: 'Ngày phải có dạng YYYY-MM-DD và là ngày có thật.' });
