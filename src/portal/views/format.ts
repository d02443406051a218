/** How the portal writes dates, instants, ages and numbers: Vietnamese style, Vietnam time. */
import { DateTime } from 'luxon';
import { formatVietnamese, VIETNAM_ZONE, type LocalDate } from '../../domain/time/localDate';

export const dateText = (date: LocalDate): string => formatVietnamese(date);

/** "25/02/2022 08:00" (Vietnam time). */
export function instantText(instant: string | Date): string {
  return DateTime.fromJSDate(new Date(instant), { zone: VIETNAM_ZONE }).toFormat('dd/MM/yyyy HH:mm');
}

/** How long something has waited: "5 ngày", "3 giờ", "12 phút". */
export function ageText(since: string | Date, now = Date.now()): string {
  const minutes = Math.max(0, Math.floor((now - new Date(since).getTime()) / 60_000));
  if (minutes < 60) return `${minutes} phút`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} giờ`;
  return `${Math.floor(hours / 24)} ngày`;
}

/** 0.3 -> "0,3": Vietnamese decimals take a comma. */
export const numberText = (value: number): string => String(value).replace('.', ',');
