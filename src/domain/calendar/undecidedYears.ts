/**
 * Which years run on the statutory defaults alone when they should not: each year's days off
 * depend on a decision (Tết placement, the day next to 2/9, swaps) usually published in the autumn
 * before. From 1 October the next year counts as due, so the secretariat is warned in time.
 */
import { yearOf, type LocalDate } from '../time/localDate';

/** The years, due by `today`, with no decision entered (shipped or saved by the secretariat). */
export function undecidedYears(today: LocalDate, decided: ReadonlySet<number>): number[] {
  const year = yearOf(today);
  const due = today >= `${year}-10-01` ? [year, year + 1] : [year];
  return due.filter((candidate) => !decided.has(candidate));
}

/** The warning the secretariat reads, in Vietnamese; undefined when every due year is decided. */
export function undecidedYearsWarning(years: number[]): string | undefined {
  if (years.length === 0) return undefined;
  const list = years.join(' và ');
  return (
    `Chưa nhập quyết định nghỉ lễ, Tết năm ${list}. Hệ thống đang tính hạn theo cách tính mặc định của Bộ luật Lao động ` +
    `(Tết gồm ngày cuối năm Âm lịch và mùng 1 đến mùng 4; ngày liền kề 2/9 là ngày nối với cuối tuần; không có ngày hoán đổi). ` +
    // Said to civil servants: what to do, not the API call (the README tells the operator that).
    `Khi có thông báo chính thức, hãy nhập các ngày nghỉ và ngày làm bù của năm ${list} vào lịch làm việc của hệ thống.`
  );
}
