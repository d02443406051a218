/**
 * The shipped official calendars 2021-2026 (defaults/official-calendars.yaml): each year keeps the
 * statutory rules, and the calendar the engine resolves from them is the one the notices published.
 * Expected runs of days off are written from the notices themselves, not from the code.
 */
import { resolveCalendar } from '../../../src/domain/calendar/resolveCalendar';
import { hungKingsDay, lunarNewYear, statutoryDaysOff } from '../../../src/domain/calendar/statutoryHolidays';
import { WorkingCalendar } from '../../../src/domain/calendar/workingCalendar';
import { addDays, isoWeekday, localDate, type LocalDate } from '../../../src/domain/time/localDate';
import { officialCalendarYears, officialDecisions, withOfficialDecisions } from '../../../src/services/officialCalendarData';

const YEARS = [2021, 2022, 2023, 2024, 2025, 2026];
const shipped = new WorkingCalendar(resolveCalendar({ fromYear: 2020, toYear: 2027, years: withOfficialDecisions([]), version: 1 }));

/** The run of consecutive days off (weekends included) around a date, as "first..last". */
function runOff(calendar: WorkingCalendar, date: LocalDate): string {
  expect(calendar.isWorkingDay(date)).toBe(false);
  let first = date;
  let last = date;
  while (!calendar.isWorkingDay(addDays(first, -1))) first = addDays(first, -1);
  while (!calendar.isWorkingDay(addDays(last, 1))) last = addDays(last, 1);
  return `${first}..${last}`;
}

describe('the shipped official decisions', () => {
  it('has one decision for every year 2021-2026, each citing its documents with issuer', () => {
    expect(officialDecisions().map((decision) => decision.year)).toEqual(YEARS);
    for (const decision of officialDecisions()) {
      for (const source of decision.sources) {
        expect(source.document).toMatch(/(số \d+\/[A-ZĐ-]+|Thông báo|Lịch)/);
        expect(source.issuer).toMatch(/^(Bộ|Văn phòng Chính phủ|Thủ tướng)/);
        // A decision is issued before or during its year.
        if (source.date) expect(Number(source.date.slice(0, 4))).toBeLessThanOrEqual(decision.year);
      }
      // Without a dated, numbered document the file must say what is unconfirmed.
      const numberedAndDated = decision.sources.some((source) => source.date && /\d+\/[A-ZĐ-]+/.test(source.document));
      if (!numberedAndDated) expect(decision.unconfirmed.length).toBeGreaterThan(0);
    }
  });

  it.each(YEARS)('%i keeps the statute: 11 days off on weekdays, every swap giving back what it takes', (year) => {
    const days = Array.from({ length: 366 }, (_, i) => addDays(localDate(year, 1, 1), i)).filter((d) => d.startsWith(`${year}-`));
    const weekdaysOff = days.filter((d) => isoWeekday(d) < 6 && !shipped.isWorkingDay(d));
    const weekendsWorked = days.filter((d) => isoWeekday(d) >= 6 && shipped.isWorkingDay(d));
    // Art. 112: 11 holidays; art. 111(3): one on a weekend is owed on a working day; a swap moves
    // a working day, so weekdays off minus weekend days worked stays 11.
    expect(weekdaysOff.length - weekendsWorked.length).toBe(11);
    // Each fixed holiday and Giỗ Tổ is off, and so is mùng 1 Tết.
    for (const date of [localDate(year, 1, 1), localDate(year, 4, 30), localDate(year, 5, 1), localDate(year, 9, 2), hungKingsDay(year), lunarNewYear(year)]) {
      expect(shipped.isWorkingDay(date)).toBe(false);
    }
    // The day next to 2/9 is 1/9 or 3/9.
    expect([localDate(year, 9, 1), localDate(year, 9, 3)].some((d) => !shipped.isWorkingDay(d))).toBe(true);
    // Tết: five days around mùng 1, so its run of days off is at least five days long.
    const [first, last] = runOff(shipped, lunarNewYear(year)).split('..') as [LocalDate, LocalDate];
    expect((Date.parse(last) - Date.parse(first)) / 86_400_000 + 1).toBeGreaterThanOrEqual(5);
    // Every day the calendar changes names a reason.
    for (const edit of officialCalendarYears().find((y) => y.year === year)!.daysOff) expect(shipped.reasonOff(edit.date)).toBe(edit.name);
  });

  it.each([
    // year, New Year, Tết, Giỗ Tổ, 30/4-1/5, Quốc khánh, Saturdays worked
    [2021, '2021-01-01..2021-01-03', '2021-02-10..2021-02-16', '2021-04-21..2021-04-21', '2021-04-30..2021-05-03', '2021-09-02..2021-09-05', []],
    [2022, '2022-01-01..2022-01-03', '2022-01-29..2022-02-06', '2022-04-09..2022-04-11', '2022-04-30..2022-05-03', '2022-09-01..2022-09-04', []],
    [2023, '2022-12-31..2023-01-02', '2023-01-20..2023-01-26', '2023-04-29..2023-05-03', '2023-04-29..2023-05-03', '2023-09-01..2023-09-04', []],
    [2024, '2023-12-30..2024-01-01', '2024-02-08..2024-02-14', '2024-04-18..2024-04-18', '2024-04-27..2024-05-01', '2024-08-31..2024-09-03', ['2024-05-04']],
    [2025, '2025-01-01..2025-01-01', '2025-01-25..2025-02-02', '2025-04-05..2025-04-07', '2025-04-30..2025-05-04', '2025-08-30..2025-09-02', ['2025-04-26']],
    [2026, '2026-01-01..2026-01-04', '2026-02-14..2026-02-22', '2026-04-25..2026-04-27', '2026-04-30..2026-05-03', '2026-08-29..2026-09-02', ['2026-01-10', '2026-08-22']],
  ] as const)('%i is the calendar the notices published', (year, newYear, tet, hung, victory, national, saturdays) => {
    expect(runOff(shipped, localDate(year, 1, 1))).toBe(newYear);
    expect(runOff(shipped, lunarNewYear(year))).toBe(tet);
    expect(runOff(shipped, hungKingsDay(year))).toBe(hung);
    expect(runOff(shipped, localDate(year, 4, 30))).toBe(victory);
    expect(runOff(shipped, localDate(year, 9, 2))).toBe(national);
    const days = Array.from({ length: 366 }, (_, i) => addDays(localDate(year, 1, 1), i)).filter((d) => d.startsWith(`${year}-`));
    expect(days.filter((d) => isoWeekday(d) >= 6 && shipped.isWorkingDay(d))).toEqual(saturdays);
  });

  it('leaves a year without a decision (2027) to the statutory defaults', () => {
    const statutory = new WorkingCalendar(resolveCalendar({ fromYear: 2027, toYear: 2027, years: [], version: 1 }));
    for (const day of statutoryDaysOff(2027)) expect(shipped.isWorkingDay(day.date)).toBe(statutory.isWorkingDay(day.date));
  });

  it('lets a year the secretariat saved replace the shipped decision of that year', () => {
    const years = withOfficialDecisions([{ year: 2024, daysOff: [], workingDays: [], notDaysOff: [], source: 'tự nhập' }]);
    expect(years.find((y) => y.year === 2024)?.source).toBe('tự nhập');
    expect(years.find((y) => y.year === 2025)?.source).toContain('8726/VPCP-KGVX');
  });
});
