/** Dates as people type them on the portal: dd/mm/yyyy (also d/m/yyyy, or with dashes or dots), or ISO yyyy-mm-dd. */
import type { LocalDate } from '../../domain/time/localDate';
import { readDateInput } from '../../domain/time/dateInput';

export function parseVietnameseDate(text: string): LocalDate | undefined {
  return readDateInput(text);
}
