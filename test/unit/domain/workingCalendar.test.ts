/**
 * Working days: weekends and holidays off, swapped Saturdays worked, the secretariat's per-year
 * edits on top of the statutory defaults, and counting in working days.
 */
import { CalendarYearSchema, type CalendarYear } from '../../../src/domain/calendar/calendarYear';
import { resolveCalendar } from '../../../src/domain/calendar/resolveCalendar';
import { CalendarRangeError, WorkingCalendar } from '../../../src/domain/calendar/workingCalendar';
import { statutoryCalendar } from './fixtures';

const calendar = statutoryCalendar(2020, 2030);

describe('WorkingCalendar with the statutory days only', () => {
  it('works Monday to Friday and rests on Saturday and Sunday', () => {
    // The week of Mon 08/03/2021 has no holiday.
    expect(['2021-03-08', '2021-03-09', '2021-03-10', '2021-03-11', '2021-03-12'].map((d) => calendar.isWorkingDay(d))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(calendar.isWorkingDay('2021-03-13')).toBe(false);
    expect(calendar.isWorkingDay('2021-03-14')).toBe(false);
    expect(calendar.reasonOff('2021-03-13')).toBe('Thứ Bảy');
    expect(calendar.reasonOff('2021-03-14')).toBe('Chủ nhật');
    expect(calendar.reasonOff('2021-03-12')).toBeUndefined();
  });

  it('rests on holidays and compensating days, and says why', () => {
    expect(calendar.isWorkingDay('2021-02-12')).toBe(false);
    expect(calendar.reasonOff('2021-02-12')).toBe('Tết Nguyên đán (mùng 1)');
    // Mon 03/05/2021 compensates for Labour Day on Saturday 01/05.
    expect(calendar.isWorkingDay('2021-05-03')).toBe(false);
    expect(calendar.reasonOff('2021-05-03')).toMatch(/^Nghỉ bù/);
    expect(calendar.isWorkingDay('2021-05-04')).toBe(true);
  });

  it('keeps only weekdays in the snapshot’s days off (a holiday on a weekend is off anyway)', () => {
    const snapshot = resolveCalendar({ fromYear: 2021, toYear: 2021, years: [], version: 3 });
    const dates = snapshot.daysOff.map((day) => day.date);
    expect(dates).toContain('2021-02-12'); // Fri, mùng 1
    expect(dates).not.toContain('2021-02-13'); // Sat, mùng 2
    expect(dates).not.toContain('2021-05-01'); // Sat, Labour Day
    expect(snapshot.workingDays).toEqual([]);
    expect(snapshot.version).toBe(3);
  });

  it('counts forward and backward, never counting the start day', () => {
    expect(calendar.addWorkingDays('2021-03-12', 1)).toBe('2021-03-15'); // Fri -> Mon
    expect(calendar.addWorkingDays('2021-03-15', -1)).toBe('2021-03-12'); // Mon -> Fri
    expect(calendar.addWorkingDays('2021-03-13', 1)).toBe('2021-03-15'); // Sat -> Mon
    expect(calendar.addWorkingDays('2021-03-10', 0)).toBe('2021-03-10');
    // Thu 29/04/2021 + 1: Fri 30/04 holiday, weekend, Mon 03/05 compensating -> Tue 04/05.
    expect(calendar.addWorkingDays('2021-04-29', 1)).toBe('2021-05-04');
    expect(calendar.addWorkingDays('2021-05-04', -1)).toBe('2021-04-29');
  });

  it('counts working days between two dates: after the first, up to and including the second', () => {
    expect(calendar.workingDaysBetween('2021-04-29', '2021-05-04')).toBe(1);
    expect(calendar.workingDaysBetween('2021-03-08', '2021-03-12')).toBe(4);
    expect(calendar.workingDaysBetween('2021-03-12', '2021-03-12')).toBe(0);
    expect(calendar.workingDaysBetween('2021-03-12', '2021-03-08')).toBe(0);
  });

  it('moves a day off to the next working day, and leaves a working day alone', () => {
    // Thu 11/02/2021 (last day of the lunar year) -> Tết to 15/02, compensating 16-17/02 -> Thu 18/02.
    expect(calendar.onOrNextWorkingDay('2021-02-11')).toBe('2021-02-18');
    expect(calendar.onOrNextWorkingDay('2021-02-18')).toBe('2021-02-18');
  });

  it('crosses New Year into the next covered year', () => {
    // Fri 31/12/2021 + 1: weekend, Sat 01/01/2022 owes Mon 03/01 -> Tue 04/01/2022.
    expect(calendar.addWorkingDays('2021-12-31', 1)).toBe('2022-01-04');
  });
});

describe('per-year edits from the secretariat', () => {
  // Tết 2021 as the Government placed it for civil servants: Wed 10/02 to Tue 16/02. The
  // default five days are Thu 11/02 to Mon 15/02 plus compensating Tue 16/02 and Wed 17/02, so
  // the year's data adds Wed 10/02 and removes Wed 17/02.
  const tet2021: CalendarYear = CalendarYearSchema.parse({
    year: 2021,
    daysOff: [{ date: '2021-02-10', name: 'Nghỉ Tết Nguyên đán (29 tháng Chạp)' }],
    notDaysOff: [{ date: '2021-02-17', name: 'Không nghỉ bù: Tết đã bố trí từ 10/02' }],
  });
  // A swap (illustrative): Tue 04/01/2022 off in exchange for working Sat 08/01/2022.
  const swap2022: CalendarYear = CalendarYearSchema.parse({
    year: 2022,
    daysOff: [{ date: '2022-01-04', name: 'Nghỉ hoán đổi' }],
    workingDays: [{ date: '2022-01-08', name: 'Làm bù cho ngày 04/01' }],
  });
  const edited = statutoryCalendar(2021, 2022, [tet2021, swap2022]);

  it('adds the extra day off and names it', () => {
    expect(edited.isWorkingDay('2021-02-10')).toBe(false);
    expect(edited.reasonOff('2021-02-10')).toBe('Nghỉ Tết Nguyên đán (29 tháng Chạp)');
  });

  it('drops a statutory default the year’s decision moved', () => {
    expect(edited.isWorkingDay('2021-02-17')).toBe(true);
    // The other defaults stay.
    expect(edited.isWorkingDay('2021-02-16')).toBe(false);
    expect(edited.onOrNextWorkingDay('2021-02-10')).toBe('2021-02-17');
  });

  it('works the swapped Saturday and counts it', () => {
    expect(edited.isWorkingDay('2022-01-08')).toBe(true);
    expect(edited.reasonOff('2022-01-08')).toBeUndefined();
    expect(edited.isWorkingDay('2022-01-04')).toBe(false);
    // Fri 07/01/2022 + 1 is the swapped Saturday 08/01, not Mon 10/01.
    expect(edited.addWorkingDays('2022-01-07', 1)).toBe('2022-01-08');
    // Week of 03/01/2022: Mon 03 (compensating New Year) and Tue 04 (swap) off; Wed-Fri and Sat 08 work.
    expect(edited.workingDaysBetween('2022-01-02', '2022-01-09')).toBe(4);
  });

  it('makes a statutory day off a working day when the year says so', () => {
    // Sat 01/05/2021 is Labour Day; a (hypothetical) decision to work it wins over the default.
    const workLabourDay = CalendarYearSchema.parse({
      year: 2021,
      workingDays: [{ date: '2021-05-01', name: 'Làm việc' }],
    });
    const cal = statutoryCalendar(2021, 2021, [workLabourDay]);
    expect(cal.isWorkingDay('2021-05-01')).toBe(true);
  });

  it('ignores edits of years outside the range and leaves other years at their defaults', () => {
    const cal = statutoryCalendar(2022, 2022, [tet2021]);
    expect(cal.isWorkingDay('2022-01-03')).toBe(false); // statutory compensation for 01/01/2022
    expect(cal.isWorkingDay('2022-01-04')).toBe(true); // the 2022 swap is not in this calendar
  });

  it('refuses a year whose days belong to another year, or a day both off and worked', () => {
    expect(
      CalendarYearSchema.safeParse({ year: 2021, daysOff: [{ date: '2022-01-04', name: 'Nghỉ' }] }).success,
    ).toBe(false);
    expect(
      CalendarYearSchema.safeParse({
        year: 2022,
        daysOff: [{ date: '2022-01-08', name: 'Nghỉ' }],
        workingDays: [{ date: '2022-01-08', name: 'Làm' }],
      }).success,
    ).toBe(false);
  });
});

describe('the years a calendar covers', () => {
  const short = statutoryCalendar(2021, 2022);

  it('answers only inside its years', () => {
    expect(short.covers('2021-01-01')).toBe(true);
    expect(short.covers('2022-12-31')).toBe(true);
    expect(short.covers('2020-12-31')).toBe(false);
    expect(short.covers('2023-01-01')).toBe(false);
  });

  it('throws CalendarRangeError for a date outside them', () => {
    expect(() => short.isWorkingDay('2023-01-02')).toThrow(CalendarRangeError);
    expect(() => short.isWorkingDay('2020-12-31')).toThrow(CalendarRangeError);
    expect(() => short.onOrNextWorkingDay('2022-12-31')).toThrow(CalendarRangeError); // next is in 2023
  });

  it('throws CalendarRangeError when counting runs past the last year', () => {
    // Fri 30/12/2022: the next working day is in 2023.
    expect(() => short.addWorkingDays('2022-12-30', 1)).toThrow(CalendarRangeError);
    expect(() => short.addWorkingDays('2021-01-04', -1)).toThrow(CalendarRangeError);
  });

  it('gives up with CalendarRangeError after two months without a working day', () => {
    const days = Array.from({ length: 90 }, (_, i) => new Date(Date.UTC(2021, 0, 1 + i)).toISOString().slice(0, 10));
    const closed = new WorkingCalendar({
      version: 1,
      fromYear: 2021,
      toYear: 2021,
      daysOff: days.map((date) => ({ date, name: 'Đóng cửa' })),
      workingDays: [],
    });
    expect(() => closed.onOrNextWorkingDay('2021-01-01')).toThrow(CalendarRangeError);
    expect(() => closed.addWorkingDays('2020-12-31', 1)).toThrow(CalendarRangeError);
  });
});
