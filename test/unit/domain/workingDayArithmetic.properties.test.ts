/**
 * Properties of working-day arithmetic that must hold for every date and count, checked with
 * fast-check on the statutory calendar of 2020-2030 (dates drawn from 2021-2029 so counting of
 * up to 200 working days (about nine months) never leaves the covered years).
 */
import fc from 'fast-check';
import { addDays } from '../../../src/domain/time/localDate';
import { statutoryCalendar } from './fixtures';

const calendar = statutoryCalendar(2020, 2030);

/** 2021-01-01 .. 2029-12-31. */
const anyDate = fc.integer({ min: 0, max: 3286 }).map((offset) => addDays('2021-01-01', offset));
const positiveCount = fc.integer({ min: 1, max: 200 });
const nonZeroCount = fc.oneof(positiveCount, positiveCount.map((n) => -n));
// Each run walks up to ~300 calendar days through luxon; 100 runs keep the suite to a few seconds.
const runs = { numRuns: 100 };

/** Reference: walk back one calendar day at a time to the first working day on/before `date`. */
function onOrPreviousWorkingDay(date: string): string {
  let day = date;
  while (!calendar.isWorkingDay(day)) day = addDays(day, -1);
  return day;
}

describe('working-day arithmetic (properties)', () => {
  it('addWorkingDays(d, n) is a working day for every n != 0', () => {
    fc.assert(
      fc.property(anyDate, nonZeroCount, (d, n) => calendar.isWorkingDay(calendar.addWorkingDays(d, n))),
      runs,
    );
  });

  it('addWorkingDays(d, n) lies strictly after d for n > 0 and strictly before it for n < 0', () => {
    fc.assert(
      fc.property(anyDate, nonZeroCount, (d, n) => {
        const result = calendar.addWorkingDays(d, n);
        return n > 0 ? result > d : result < d;
      }),
      runs,
    );
  });

  it('workingDaysBetween(d, addWorkingDays(d, n)) === n for n > 0', () => {
    fc.assert(
      fc.property(anyDate, positiveCount, (d, n) => calendar.workingDaysBetween(d, calendar.addWorkingDays(d, n)) === n),
      runs,
    );
  });

  it('going n working days forward then n back returns d itself when d is a working day', () => {
    fc.assert(
      fc.property(anyDate, positiveCount, (d, n) => {
        fc.pre(calendar.isWorkingDay(d));
        return calendar.addWorkingDays(calendar.addWorkingDays(d, n), -n) === d;
      }),
      runs,
    );
  });

  it('from any d, forward n then back n lands on the last working day on/before d', () => {
    // On a day off d, n forward counts from d's next working day, and n back stops at the working
    // day before d: e.g. Sat 13/03/2021 +1 = Mon 15/03, and Mon 15/03 -1 = Fri 12/03, not Sat 13/03.
    expect(calendar.addWorkingDays(calendar.addWorkingDays('2021-03-13', 1), -1)).toBe('2021-03-12');
    fc.assert(
      fc.property(anyDate, positiveCount, (d, n) => {
        return calendar.addWorkingDays(calendar.addWorkingDays(d, n), -n) === onOrPreviousWorkingDay(d);
      }),
      runs,
    );
  });

  it('and symmetrically, back n then forward n lands on onOrNextWorkingDay(d)', () => {
    fc.assert(
      fc.property(anyDate, positiveCount, (d, n) => {
        return calendar.addWorkingDays(calendar.addWorkingDays(d, -n), n) === calendar.onOrNextWorkingDay(d);
      }),
      runs,
    );
  });

  it('addWorkingDays is strictly increasing in n', () => {
    const count = fc.integer({ min: -200, max: 200 });
    fc.assert(
      fc.property(anyDate, count, count, (d, a, b) => {
        fc.pre(a !== b);
        const [lo, hi] = a < b ? [a, b] : [b, a];
        return calendar.addWorkingDays(d, lo) < calendar.addWorkingDays(d, hi);
      }),
      runs,
    );
  });

  it('adding in two steps is adding once, from a working day', () => {
    fc.assert(
      // a + b stays within 200, so the sum never runs past 2030.
      fc.property(anyDate, fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }), (d, a, b) => {
        fc.pre(calendar.isWorkingDay(d));
        return calendar.addWorkingDays(calendar.addWorkingDays(d, a), b) === calendar.addWorkingDays(d, a + b);
      }),
      runs,
    );
  });

  it('onOrNextWorkingDay is idempotent, a working day, not before its input, with only days off in between', () => {
    fc.assert(
      fc.property(anyDate, (d) => {
        const next = calendar.onOrNextWorkingDay(d);
        if (calendar.onOrNextWorkingDay(next) !== next || !calendar.isWorkingDay(next) || next < d) return false;
        for (let day = d; day < next; day = addDays(day, 1)) if (calendar.isWorkingDay(day)) return false;
        return true;
      }),
      runs,
    );
  });

  it('onOrNextWorkingDay(d) === d exactly when d is a working day', () => {
    fc.assert(
      fc.property(anyDate, (d) => (calendar.onOrNextWorkingDay(d) === d) === calendar.isWorkingDay(d)),
      runs,
    );
  });
});
