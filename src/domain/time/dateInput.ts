/**
 * A calendar date as a person or a program types it: ISO "2027-02-28" or the Vietnamese
 * "28/02/2027" (also "28/2/2027", "28-02-2027", "28.02.2027"). Anything else, or a day that does
 * not exist (30/02), is undefined.
 */
import { isLocalDate, type LocalDate } from './localDate';

const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/u;

export function readDateInput(text: string): LocalDate | undefined {
  const trimmed = text.trim();
  if (isLocalDate(trimmed)) return trimmed;
  const match = DAY_FIRST.exec(trimmed);
  if (!match) return undefined;
  const iso = `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
  return isLocalDate(iso) ? iso : undefined;
}
