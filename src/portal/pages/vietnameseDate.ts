/** Dates as people type them on the portal: dd/mm/yyyy (also d/m/yyyy, or with dashes or dots). */
import { DateTime } from 'luxon';
import type { LocalDate } from '../../domain/time/localDate';

export function parseVietnameseDate(text: string): LocalDate | undefined {
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (!match) return undefined;
  const date = DateTime.fromObject({ day: Number(match[1]), month: Number(match[2]), year: Number(match[3]) });
  return date.isValid ? date.toISODate()! : undefined;
}
