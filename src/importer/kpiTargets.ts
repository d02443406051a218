/**
 * Quantitative targets: percentages with the comparator the text puts before or after them.
 *   dưới / thấp hơn 1%    -> lt      không quá / tối đa 5%     -> lte
 *   trên / hơn 90%        -> gt      từ 95% trở lên / ít nhất  -> gte
 *   đạt 100%              -> gte     bằng 100%                 -> eq
 *   từ 30% đến 50%        -> two targets (gte 30, lte 50)
 * A percentage with no comparator is read as "at least" and flagged for review.
 *
 * What is measured (the indicator) is the "tỷ lệ ..." phrase before the number, with the
 * denominator after it ("tỷ lệ quá hạn xuống dưới 1% tổng số hồ sơ" -> "Tỷ lệ quá hạn trên tổng
 * số hồ sơ"); without one, the things counted after the number ("trên 90% các phòng..." ->
 * "Tỷ lệ phòng..."). When a second percentage follows in the same clause it qualifies what is
 * counted ("trên 90% các phòng trả kết quả đúng hạn từ 95% trở lên"): one target, over 90%,
 * whose indicator carries the 95% condition; not two targets.
 */
import type { KpiTarget } from '../domain/campaign/campaign';
import { splitSentences } from './sentences';
import { DATE_PATTERN } from './vietnameseDates';

export interface FoundKpiTarget {
  target: KpiTarget;
  /** The words the target was read from. */
  source: string;
  /** No comparator in the text: "gte" was assumed. */
  comparatorAssumed: boolean;
  /** No "tỷ lệ" phrase and nothing counted after the number: the indicator is the whole clause. */
  indicatorAssumed: boolean;
}

type Comparator = KpiTarget['comparator'];

const PERCENT = /(\d+(?:[.,]\d+)?)\s*%/gu;
/** Between two percentages, one of these starts a new clause (a separate target). */
const CLAUSE_BREAK = /;|:|,(?!\d)|\s(?:và|hoặc)\s/u;

const COMPARATORS_BEFORE: [RegExp, Comparator][] = [
  [/(không vượt quá|không quá|tối đa|không cao hơn|không nhiều hơn)\s*(?:mức\s*)?$/u, 'lte'],
  [/(không dưới|không thấp hơn|không ít hơn|tối thiểu|ít nhất)\s*(?:mức\s*)?$/u, 'gte'],
  [/(dưới|thấp hơn|ít hơn|nhỏ hơn)\s*(?:mức\s*)?$/u, 'lt'],
  [/(trên|cao hơn|nhiều hơn|lớn hơn|hơn|vượt)\s*(?:mức\s*)?$/u, 'gt'],
  [/(bằng)\s*$/u, 'eq'],
  [/(từ|đạt mức|đạt|ở mức)\s*$/u, 'gte'],
];

const TRAILING_VERBS = /\s+(?:xuống|lên|còn|ở mức|đạt|giảm|tăng|phải|luôn|là)$/u;
const PERIOD_AT_END = /\s+(?:trong\s+|của\s+)?(?:năm\s+\d{4}|giai đoạn\s+\d{4}\s*[-–]\s*\d{4})\s*$/u;
const DENOMINATOR = /^(?:trên\s+)?(?:tổng\s+)?số(?![\p{L}])/u;

const parseNumber = (value: string) => Number(value.replace(',', '.'));
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "năm 2021", "giai đoạn 2021 - 2025", "đến năm 2025": the period a sentence sets. */
export function periodOf(sentence: string): string | undefined {
  const text = sentence.replace(new RegExp(`ngày\\s+${DATE_PATTERN}`, 'gu'), '');
  const span = /giai đoạn\s+(\d{4})\s*[-–]\s*(\d{4})/u.exec(text);
  if (span) return `giai đoạn ${span[1]} - ${span[2]}`;
  const until = /(?:đến|trước)\s+(?:hết\s+)?năm\s+(\d{4})/u.exec(text);
  if (until) return `đến năm ${until[1]}`;
  const year = /năm\s+(\d{4})/u.exec(text);
  return year ? `năm ${year[1]}` : undefined;
}

function comparatorBefore(text: string): { comparator: Comparator; at: number } | undefined {
  const lower = text.toLowerCase();
  for (const [pattern, comparator] of COMPARATORS_BEFORE) {
    const match = pattern.exec(lower);
    if (match) return { comparator, at: match.index };
  }
  return undefined;
}

/** Cuts what follows a target down to the words that describe it. */
function tidy(text: string): string {
  let result = text.split(/["”»“]/u)[0]!;
  const clauseEnd = CLAUSE_BREAK.exec(result);
  if (clauseEnd) result = result.slice(0, clauseEnd.index);
  result = result.replace(/[.!?…]+\s*$/u, '').trim();
  while (PERIOD_AT_END.test(result)) result = result.replace(PERIOD_AT_END, '').trim();
  return result;
}

function indicatorFrom(pre: string, post: string, qualified: boolean): string | undefined {
  const lowerPre = pre.toLowerCase();
  const at = Math.max(lowerPre.lastIndexOf('tỷ lệ'), lowerPre.lastIndexOf('tỉ lệ'));
  if (at >= 0) {
    let subject = pre.slice(at).trim();
    while (TRAILING_VERBS.test(subject)) subject = subject.replace(TRAILING_VERBS, '');
    if (DENOMINATOR.test(post)) return `${subject} trên ${post.replace(/^trên\s+/u, '')}`;
    return qualified && post ? `${subject} ${post}` : subject;
  }
  if (post && !DENOMINATOR.test(post)) return `Tỷ lệ ${post.replace(/^(?:các|những|số)\s+/u, '')}`;
  return undefined;
}

export function findKpiTargets(text: string): FoundKpiTarget[] {
  const found: FoundKpiTarget[] = [];
  for (const sentence of splitSentences(text)) {
    const period = periodOf(sentence);
    const percents = [...sentence.matchAll(PERCENT)];
    let previousEnd = 0;
    for (let i = 0; i < percents.length; ) {
      const head = percents[i]!;
      const headEnd = head.index + head[0].length;
      const before = sentence.slice(previousEnd, head.index);
      const cmp = comparatorBefore(before);
      let comparator: Comparator = cmp?.comparator ?? 'gte';
      let after = sentence.slice(headEnd);
      let consumed = headEnd;
      const direction = /^\s*trở (lên|xuống)/u.exec(after);
      if (direction) {
        comparator = direction[1] === 'lên' ? 'gte' : 'lte';
        consumed += direction[0].length;
        after = sentence.slice(consumed);
      }
      const pre = before.slice(0, cmp ? cmp.at : before.length);
      const source = (base: number) => sentence.slice(previousEnd, base).trim();

      // "từ 90% đến 95%": a range, two targets on one indicator.
      const range = cmp && /^từ/u.test(before.slice(cmp.at).toLowerCase()) ? /^\s*(?:đến|tới|-|–)\s*(\d+(?:[.,]\d+)?)\s*%/u.exec(after) : null;
      if (range) {
        const end = consumed + range[0].length;
        const post = tidy(sentence.slice(end));
        const indicator = indicatorFrom(pre, post, false);
        for (const [value, rangeComparator] of [[head[1]!, 'gte'], [range[1]!, 'lte']] as const) {
          found.push(makeTarget(indicator, sentence.slice(previousEnd, end), rangeComparator, parseNumber(value), period, false));
        }
        previousEnd = end;
        i += 2;
        continue;
      }

      // Later percentages of the same clause qualify what this one counts.
      let last = i;
      while (last + 1 < percents.length && !CLAUSE_BREAK.test(sentence.slice(percents[last]!.index, percents[last + 1]!.index))) last += 1;
      let groupEnd = consumed;
      if (last > i) {
        const tail = percents[last]!;
        groupEnd = tail.index + tail[0].length;
        const tailDirection = /^\s*trở (lên|xuống)/u.exec(sentence.slice(groupEnd));
        if (tailDirection) groupEnd += tailDirection[0].length;
      }
      const post = last > i ? tidy(sentence.slice(consumed, groupEnd)) : tidy(after);
      const indicator = indicatorFrom(pre, post, last > i);
      found.push(makeTarget(indicator, source(groupEnd), comparator, parseNumber(head[1]!), period, !cmp && !direction));
      previousEnd = groupEnd;
      i = last + 1;
    }
  }
  return found;
}

function makeTarget(
  indicator: string | undefined,
  source: string,
  comparator: Comparator,
  threshold: number,
  period: string | undefined,
  comparatorAssumed: boolean,
): FoundKpiTarget {
  const text = capitalize((indicator ?? source).replace(/^["“”\s]+/u, '').trim()).slice(0, 500);
  return {
    target: { indicator: text, comparator, threshold, unit: '%', ...(period ? { period } : {}) },
    source,
    comparatorAssumed,
    indicatorAssumed: indicator === undefined,
  };
}
