/**
 * Public holidays of the Labour Code 2019 (art. 112(1)) and the compensating days off when a
 * holiday falls on the weekly rest day (art. 111(3)).
 * Expected dates are the published Vietnamese calendar, not output of the code.
 */
import { hungKingsDay, lunarNewYear, statutoryDaysOff } from '../../../src/domain/calendar/statutoryHolidays';

const datesOf = (year: number) => statutoryDaysOff(year).map((day) => day.date);
const nameOn = (year: number, date: string) => statutoryDaysOff(year).find((day) => day.date === date)?.name;

describe('lunarNewYear (mùng 1 Tết) on the Vietnamese lunar calendar', () => {
  it.each([
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
  ])('Tết %i is %s', (year, expected) => {
    expect(lunarNewYear(year)).toBe(expected);
  });

  // The Vietnamese calendar is computed at UTC+7, China's at UTC+8: the new moon falls on
  // different civil days, and Vietnam celebrates one day earlier than China (2007-02-18, 2030-02-03).
  it.each([
    [2007, '2007-02-17'],
    [2030, '2030-02-02'],
  ])('Tết %i is %s, a day before the Chinese New Year', (year, expected) => {
    expect(lunarNewYear(year)).toBe(expected);
  });

  // The famous case: in 1985 Vietnam celebrated Tết a whole month before China (1985-02-20).
  it('Tết 1985 is 1985-01-21, a month before the Chinese New Year', () => {
    expect(lunarNewYear(1985)).toBe('1985-01-21');
  });
});

describe('hungKingsDay (10th day of the 3rd lunar month)', () => {
  it.each([
    [2020, '2020-04-02'],
    [2021, '2021-04-21'],
    [2022, '2022-04-10'],
    [2023, '2023-04-29'],
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
  ])('Giỗ Tổ Hùng Vương %i is %s', (year, expected) => {
    expect(hungKingsDay(year)).toBe(expected);
  });
});

describe('statutoryDaysOff', () => {
  it('gives five Tết days: the last day of the old lunar year and mùng 1-4', () => {
    // Tết 2026 is Tue 17/02: 16/02 (Mon, last day of the old year) to 20/02 (Fri), all weekdays,
    // so no compensating day.
    const tet = statutoryDaysOff(2026).filter((day) => day.name.startsWith('Tết Nguyên đán'));
    expect(tet.map((day) => day.date)).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
    expect(datesOf(2026)).not.toContain('2026-02-23');
  });

  it('lists every holiday of 2024 with its compensation', () => {
    // Tết 2024: Fri 09/02 to Tue 13/02; Sat 10/02 and Sun 11/02 are owed -> Wed 14/02, Thu 15/02.
    // 30/04 Tue and 01/05 Wed; 02/09 Mon with 03/09 Tue next to it (Mon -> the day after).
    expect(datesOf(2024)).toEqual([
      '2024-01-01',
      '2024-02-09',
      '2024-02-10',
      '2024-02-11',
      '2024-02-12',
      '2024-02-13',
      '2024-02-14',
      '2024-02-15',
      '2024-04-18',
      '2024-04-30',
      '2024-05-01',
      '2024-09-02',
      '2024-09-03',
    ]);
  });

  it('2021: 30/4 Fri + 1/5 Sat gives Mon 3/5 off', () => {
    const days = datesOf(2021);
    expect(days).toEqual(expect.arrayContaining(['2021-04-30', '2021-05-01', '2021-05-03']));
    expect(nameOn(2021, '2021-05-03')).toMatch(/^Nghỉ bù/);
    // Only one day is owed (Friday was a working day anyway), so Tue 4/5 is a working day.
    expect(days).not.toContain('2021-05-04');
  });

  it('2021: Tết Thu 11/2 to Mon 15/2 covers a weekend, so Tue 16/2 and Wed 17/2 are owed', () => {
    expect(datesOf(2021).filter((date) => date.startsWith('2021-02'))).toEqual([
      '2021-02-11',
      '2021-02-12',
      '2021-02-13',
      '2021-02-14',
      '2021-02-15',
      '2021-02-16',
      '2021-02-17',
    ]);
  });

  it('2022: 1/1 on a Saturday gives Mon 3/1; Hùng Kings on Sunday 10/4 gives Mon 11/4', () => {
    expect(datesOf(2022)).toEqual(expect.arrayContaining(['2022-01-01', '2022-01-03', '2022-04-10', '2022-04-11']));
  });

  it('2022: 30/4 Sat and 1/5 Sun owe two days: Mon 2/5 and Tue 3/5', () => {
    const days = datesOf(2022);
    expect(days).toEqual(expect.arrayContaining(['2022-05-02', '2022-05-03']));
    expect(days).not.toContain('2022-05-04');
  });

  it('2023: back-to-back blocks do not compensate onto each other', () => {
    // Hùng Kings Sat 29/4, Victory Day Sun 30/4, Labour Day Mon 1/5. Hùng Kings is owed one
    // day: Sun 30/4 is a weekend and Mon 1/5 is a holiday itself -> Tue 2/5. Victory Day
    // is owed one more -> Wed 3/5 (as the 2023 decision gave: 29/4 to 3/5 off).
    const may = datesOf(2023).filter((date) => date >= '2023-04-29' && date <= '2023-05-31');
    expect(may).toEqual(['2023-04-29', '2023-04-30', '2023-05-01', '2023-05-02', '2023-05-03']);
  });

  it('places the National Day companion to join the weekend', () => {
    // 2022: 2/9 Fri -> 1/9 Thu (Thu-Sun break). 2021: 2/9 Thu -> 3/9 Fri.
    expect(datesOf(2022)).toEqual(expect.arrayContaining(['2022-09-01', '2022-09-02']));
    expect(datesOf(2022)).not.toContain('2022-09-05');
    expect(datesOf(2021)).toEqual(expect.arrayContaining(['2021-09-02', '2021-09-03']));
    // 2023: 2/9 Sat -> 1/9 Fri, and the Saturday owes Mon 4/9 (2023 had 1/9 to 4/9 off).
    expect(datesOf(2023).filter((date) => date.startsWith('2023-09'))).toEqual(['2023-09-01', '2023-09-02', '2023-09-04']);
    // 2025: 2/9 Tue -> 1/9 Mon.
    expect(datesOf(2025).filter((date) => date.startsWith('2025-09'))).toEqual(['2025-09-01', '2025-09-02']);
  });

  it('names each day in Vietnamese', () => {
    expect(nameOn(2021, '2021-02-12')).toBe('Tết Nguyên đán (mùng 1)');
    expect(nameOn(2021, '2021-04-21')).toBe('Giỗ Tổ Hùng Vương');
    expect(nameOn(2021, '2021-09-02')).toBe('Quốc khánh');
  });

  it('returns the days sorted and without duplicates', () => {
    for (let year = 2020; year <= 2030; year++) {
      const days = datesOf(year);
      expect([...days].sort()).toEqual(days);
      expect(new Set(days).size).toBe(days.length);
      // 1/1, 5 Tết days, Hùng Kings, 30/4, 1/5, 2/9 and its companion: 11 days before compensation.
      expect(days.length).toBeGreaterThanOrEqual(11);
    }
  });
});
