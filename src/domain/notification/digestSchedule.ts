/**
 * When the weekly digest is due: one slot a week (a weekday and a wall-clock time in Vietnam).
 * The slot names the digest (ISO week), so each week's digest has one deterministic outbox id
 * however many dispatchers look, and however often.
 */
import { DateTime } from 'luxon';
import { addDays, dateAt, instantAt, isoWeekday, VIETNAM_ZONE, type LocalDate } from '../time/localDate';

export interface DigestSchedule {
  /** ISO weekday, 1 = Monday (Thứ Hai) ... 7 = Sunday. */
  weekday: number;
  /** "HH:mm", Vietnam time. */
  time: string;
}

export interface DigestSlot {
  /** The day of the slot, in Vietnam. */
  date: LocalDate;
  /** Epoch ms of the slot: the digest reports the state as of this instant. */
  instant: number;
  /** ISO week of the slot, e.g. "2022-W09". */
  week: string;
}

/** The latest slot at or before `now`. */
export function latestDigestSlot(schedule: DigestSchedule, now: number): DigestSlot {
  const today = dateAt(now);
  let date = addDays(today, -((isoWeekday(today) - schedule.weekday + 7) % 7));
  if (instantAt(date, schedule.time) > now) date = addDays(date, -7);
  const week = DateTime.fromISO(date, { zone: VIETNAM_ZONE }).toFormat("kkkk-'W'WW");
  return { date, instant: instantAt(date, schedule.time), week };
}
