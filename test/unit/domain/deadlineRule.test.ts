/**
 * A task's deadline from its rule and the launch date, by the Civil Code 2015: the launch day is
 * not counted (art. 147), and a period ending on a day off ends on the next working day (art. 148).
 * Calendar: the statutory days off only (see statutoryHolidays.test.ts for 2021's list).
 */
import {
  deadlinesOutsideCalendar,
  describeDeadlineRule,
  resolveDeadline,
} from '../../../src/domain/campaign/deadlineRule';
import { DeadlineRuleSchema } from '../../../src/domain/campaign/deadlineRuleSchema';
import { statutoryCalendar } from './fixtures';

const calendar = statutoryCalendar(2020, 2030);

describe('resolveDeadline: N working days after the launch', () => {
  it('does not count the launch day', () => {
    // Launched Mon 01/03/2021: day 1 is Tue 02/03.
    expect(resolveDeadline({ kind: 'workingDaysAfterLaunch', workingDays: 1 }, '2021-03-01', calendar)).toBe('2021-03-02');
    // 5 working days from Mon 01/03: Tue 2 .. Fri 5, Mon 8.
    expect(resolveDeadline({ kind: 'workingDaysAfterLaunch', workingDays: 5 }, '2021-03-01', calendar)).toBe('2021-03-08');
  });

  it('starts counting on the first working day after a launch on a day off', () => {
    // Launched Sat 06/03/2021: Sun 07 is off, Mon 08/03 is day 1.
    expect(resolveDeadline({ kind: 'workingDaysAfterLaunch', workingDays: 1 }, '2021-03-06', calendar)).toBe('2021-03-08');
  });

  it('skips Tết 2021: launched Fri 05/02/2021, 5 working days end Fri 19/02/2021', () => {
    // statutoryDaysOff(2021) around Tết: 11/02 Thu (last day of the lunar year), 12/02 Fri
    // (mùng 1), 13-14/02 weekend (mùng 2-3), 15/02 Mon (mùng 4), then 16/02 Tue and 17/02 Wed
    // compensating the two Tết days on the weekend.
    //   Sat 06, Sun 07: weekend
    //   Mon 08 = 1, Tue 09 = 2, Wed 10 = 3
    //   Thu 11 .. Wed 17: Tết and its compensation
    //   Thu 18 = 4, Fri 19 = 5
    expect(resolveDeadline({ kind: 'workingDaysAfterLaunch', workingDays: 5 }, '2021-02-05', calendar)).toBe('2021-02-19');
  });

  it('skips 30/4, 1/5 and the compensating Monday in 2021', () => {
    // Launched Fri 23/04/2021, 5 working days: Mon 26 = 1, Tue 27 = 2, Wed 28 = 3, Thu 29 = 4,
    // Fri 30/04 holiday, Sat 01/05 holiday, Sun 02, Mon 03/05 compensating -> Tue 04/05 = 5.
    expect(resolveDeadline({ kind: 'workingDaysAfterLaunch', workingDays: 5 }, '2021-04-23', calendar)).toBe('2021-05-04');
  });
});

describe('resolveDeadline: a fixed date', () => {
  it('keeps a date that is a working day', () => {
    expect(resolveDeadline({ kind: 'fixedDate', date: '2021-12-15' }, '2021-03-01', calendar)).toBe('2021-12-15');
  });

  it('moves a Sunday to Monday', () => {
    expect(resolveDeadline({ kind: 'fixedDate', date: '2021-08-15' }, '2021-03-01', calendar)).toBe('2021-08-16');
  });

  it('moves National Day to the next working day', () => {
    // Thu 02/09/2021 Quốc khánh, Fri 03/09 its companion day, weekend -> Mon 06/09.
    expect(resolveDeadline({ kind: 'fixedDate', date: '2021-09-02' }, '2021-03-01', calendar)).toBe('2021-09-06');
  });

  it('moves mùng 1 Tết 2022 past the whole Tết break', () => {
    // Tết 2022: Mon 31/01 to Fri 04/02, weekend -> Mon 07/02.
    expect(resolveDeadline({ kind: 'fixedDate', date: '2022-02-01' }, '2021-12-01', calendar)).toBe('2022-02-07');
  });
});

describe('resolveDeadline: N calendar days after the launch', () => {
  it('counts calendar days from the day after the launch', () => {
    // 01/03/2021 + 30 days = Wed 31/03/2021, a working day.
    expect(resolveDeadline({ kind: 'daysAfterLaunch', days: 30 }, '2021-03-01', calendar)).toBe('2021-03-31');
  });

  it('ends on the next working day when the last day is off', () => {
    // 20/04/2021 + 10 days = Fri 30/04 (holiday); Sat 01/05 holiday, Sun 02, Mon 03 compensating -> Tue 04/05.
    expect(resolveDeadline({ kind: 'daysAfterLaunch', days: 10 }, '2021-04-20', calendar)).toBe('2021-05-04');
  });
});

describe('DeadlineRuleSchema and describeDeadlineRule', () => {
  it('writes the rule as a Vietnamese document would', () => {
    expect(describeDeadlineRule({ kind: 'fixedDate', date: '2021-12-15' })).toBe('trước hết ngày 15/12/2021');
    expect(describeDeadlineRule({ kind: 'workingDaysAfterLaunch', workingDays: 5 })).toBe('trong 5 ngày làm việc kể từ ngày giao');
    expect(describeDeadlineRule({ kind: 'daysAfterLaunch', days: 30 })).toBe('trong 30 ngày kể từ ngày giao');
  });

  it('refuses an empty period and a date that does not exist', () => {
    expect(DeadlineRuleSchema.safeParse({ kind: 'workingDaysAfterLaunch', workingDays: 0 }).success).toBe(false);
    expect(DeadlineRuleSchema.safeParse({ kind: 'daysAfterLaunch', days: 0 }).success).toBe(false);
    expect(DeadlineRuleSchema.safeParse({ kind: 'fixedDate', date: '2021-02-30' }).success).toBe(false);
    expect(DeadlineRuleSchema.safeParse({ kind: 'fixedDate', date: '30/02/2021' }).success).toBe(false);
    // dd/mm/yyyy as people write it is read, and kept as ISO.
    expect(DeadlineRuleSchema.parse({ kind: 'fixedDate', date: '15/12/2021' })).toEqual({ kind: 'fixedDate', date: '2021-12-15' });
  });
});

describe('deadlinesOutsideCalendar: what a launch calendar cannot count is refused before the launch', () => {
  const launchCalendar = statutoryCalendar(2026, 2029);
  const plan = (sectionNumber: number, taskNumber: number, deadlineRule: Parameters<typeof resolveDeadline>[0]) => ({ sectionNumber, taskNumber, deadlineRule });

  it('names each task once, with its date and the years the calendar holds', () => {
    const problems = deadlinesOutsideCalendar(
      [
        plan(1, 1, { kind: 'fixedDate', date: '2022-12-31' }),
        plan(1, 1, { kind: 'fixedDate', date: '2022-12-31' }), // the same task for another agency
        plan(1, 2, { kind: 'workingDaysAfterLaunch', workingDays: 30 }),
        plan(2, 1, { kind: 'fixedDate', date: '2031-01-15' }),
      ],
      '2026-12-02',
      launchCalendar,
    );
    expect(problems).toEqual([
      { sectionNumber: 1, message: expect.stringContaining('nhiệm vụ 1 có hạn 31/12/2022, nằm ngoài lịch làm việc') },
      { sectionNumber: 2, message: expect.stringContaining('hạn 15/01/2031') },
    ]);
    expect(problems[0]!.message).toContain('năm 2026 đến 2029');
  });

  it('finds nothing when every deadline lies within the calendar', () => {
    expect(deadlinesOutsideCalendar([plan(1, 1, { kind: 'fixedDate', date: '2027-06-30' })], '2026-12-02', launchCalendar)).toEqual([]);
  });
});
