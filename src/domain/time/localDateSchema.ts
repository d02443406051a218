/**
 * The schema of a calendar date at the edges (API, files, commands): dd/mm/yyyy as people write
 * it, or ISO yyyy-mm-dd as programs do; either way the value inside is ISO. Apart from
 * localDate.ts so that the date arithmetic workflows use carries no zod (src/temporal/workflowBundle.ts).
 */
import { z } from 'zod';
import type { LocalDate } from './localDate';
import { readDateInput } from './dateInput';

/** Marks the issue, so the message names the field and the two forms (src/domain/validation.ts). */
export const DATE_ISSUE = 'localDate';

export const LocalDateSchema = z
  .string()
  .meta({ description: 'Ngày: dd/mm/yyyy (ví dụ 28/02/2027) hoặc yyyy-mm-dd (2027-02-28).' })
  .transform((text, ctx): LocalDate => {
    const date = readDateInput(text);
    if (date) return date;
    ctx.issues.push({ code: 'custom', input: text, params: { kind: DATE_ISSUE } });
    return z.NEVER;
  });
