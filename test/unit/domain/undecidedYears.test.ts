/** When a year without an official calendar decision must be flagged to the secretariat. */
import { undecidedYears, undecidedYearsWarning } from '../../../src/domain/calendar/undecidedYears';

const shipped = new Set([2021, 2022, 2023, 2024, 2025, 2026]);

describe('undecidedYears', () => {
  it('says nothing while the next year is not yet due (before 1 October)', () => {
    expect(undecidedYears('2026-09-30', shipped)).toEqual([]);
  });

  it('flags the next year from 1 October of the year before', () => {
    expect(undecidedYears('2026-10-01', shipped)).toEqual([2027]);
    expect(undecidedYears('2026-12-31', shipped)).toEqual([2027]);
  });

  it('keeps flagging a year running with no decision, and stops once it is entered', () => {
    expect(undecidedYears('2027-03-15', shipped)).toEqual([2027]);
    expect(undecidedYears('2027-10-05', shipped)).toEqual([2027, 2028]);
    expect(undecidedYears('2027-10-05', new Set([...shipped, 2027]))).toEqual([2028]);
  });

  it('words the warning for the secretariat, naming the defaults in use', () => {
    const warning = undecidedYearsWarning([2027])!;
    expect(warning).toContain('Chưa nhập quyết định nghỉ lễ, Tết năm 2027');
    expect(warning).toContain('ngày liền kề 2/9');
    expect(warning).toContain('hãy nhập các ngày nghỉ và ngày làm bù của năm 2027');
    // Plain words for civil servants: no API path or method.
    expect(warning).not.toMatch(/\/api\/|PUT|GET/);
    expect(undecidedYearsWarning([])).toBeUndefined();
  });
});
