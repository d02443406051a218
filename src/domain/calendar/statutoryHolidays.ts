/**
 * Public holidays of the Labour Code 2019, art. 112, computed for a year; the lunar ones (Tết and
 * the Hùng Kings' day) from the Vietnamese lunar calendar (UTC+7, which differs from the Chinese
 * one in some years, e.g. Tết 2007 and 2030).
 *
 * What a statute leaves to each year's decision is given a default here and edited per year as
 * calendar data (CalendarYear): the exact five days of Tết (default: the last day of the old
 * lunar year and the first four of the new one) and the day next to 2 September.
 */
import { CalendarVietnamese } from 'date-chinese';
import type { CalendarDay } from './calendarYear';
import { addDays, isoWeekday, localDate, type LocalDate } from '../time/localDate';

function gregorian(value: { year: number; month: number; day: number }): LocalDate {
  return localDate(value.year, value.month, value.day);
}

/** The Gregorian date of lunar New Year (mùng 1 Tết) falling in `year`. */
export function lunarNewYear(year: number): LocalDate {
  const calendar = new CalendarVietnamese();
  calendar.fromJDE(calendar.newYear(year));
  return gregorian(calendar.toGregorian(year));
}

/** The Gregorian date of the 10th day of the 3rd lunar month (Giỗ Tổ Hùng Vương) in `year`. */
export function hungKingsDay(year: number): LocalDate {
  const calendar = new CalendarVietnamese();
  calendar.fromJDE(calendar.newYear(year));
  const [cycle, lunarYear] = calendar.get();
  calendar.set(cycle!, lunarYear!, 3, 0, 10);
  return gregorian(calendar.toGregorian(year));
}

const isWeekend = (date: LocalDate) => isoWeekday(date) >= 6;

/** The day next to 2 September: the one that joins the holiday to a weekend when it can. */
function nationalDayCompanion(year: number): CalendarDay {
  const weekday = isoWeekday(localDate(year, 9, 2));
  // Tuesday, Friday, Saturday: 1 September makes the longer break; otherwise 3 September.
  const before = weekday === 2 || weekday === 5 || weekday === 6;
  return { date: localDate(year, 9, before ? 1 : 3), name: 'Nghỉ Quốc khánh (ngày liền kề)' };
}

/** Statutory holiday blocks, each a run of consecutive days under one name. */
function holidayBlocks(year: number): { name: string; days: CalendarDay[] }[] {
  const tet = lunarNewYear(year);
  const tetBlock: CalendarDay[] = [
    { date: addDays(tet, -1), name: 'Tết Nguyên đán (ngày cuối năm Âm lịch)' },
    { date: tet, name: 'Tết Nguyên đán (mùng 1)' },
    { date: addDays(tet, 1), name: 'Tết Nguyên đán (mùng 2)' },
    { date: addDays(tet, 2), name: 'Tết Nguyên đán (mùng 3)' },
    { date: addDays(tet, 3), name: 'Tết Nguyên đán (mùng 4)' },
  ];
  const nationalDay: CalendarDay = { date: localDate(year, 9, 2), name: 'Quốc khánh' };
  const companion = nationalDayCompanion(year);
  return [
    { name: 'Tết Dương lịch', days: [{ date: localDate(year, 1, 1), name: 'Tết Dương lịch' }] },
    { name: 'Tết Nguyên đán', days: tetBlock },
    { name: 'Giỗ Tổ Hùng Vương', days: [{ date: hungKingsDay(year), name: 'Giỗ Tổ Hùng Vương' }] },
    {
      name: 'Ngày Chiến thắng và Quốc tế Lao động',
      days: [
        { date: localDate(year, 4, 30), name: 'Ngày Chiến thắng' },
        { date: localDate(year, 5, 1), name: 'Ngày Quốc tế Lao động' },
      ],
    },
    { name: 'Quốc khánh', days: companion.date < nationalDay.date ? [companion, nationalDay] : [nationalDay, companion] },
  ];
}

/**
 * Every statutory day off of the year, including the compensating days of art. 111(3): a holiday
 * on a Saturday or Sunday gives a day off on the next working day after its block.
 */
export function statutoryDaysOff(year: number): CalendarDay[] {
  const daysOff: CalendarDay[] = [];
  const taken = new Set<LocalDate>();
  const blocks = holidayBlocks(year);
  for (const block of blocks) for (const day of block.days) taken.add(day.date);
  for (const block of blocks) {
    daysOff.push(...block.days);
    let owed = block.days.filter((day) => isWeekend(day.date)).length;
    let candidate = block.days[block.days.length - 1]!.date;
    while (owed > 0) {
      candidate = addDays(candidate, 1);
      if (isWeekend(candidate) || taken.has(candidate)) continue;
      taken.add(candidate);
      daysOff.push({ date: candidate, name: `Nghỉ bù ${block.name}` });
      owed -= 1;
    }
  }
  return daysOff.sort((a, b) => a.date.localeCompare(b.date));
}
