/** Counts in the four official categories (plus cancelled and total), one row per section or task. */
import type { CategoryCounts } from '../../domain/assignment/assignmentSummary';
import { CATEGORY_LABELS, STATUS_CATEGORIES } from '../../domain/assignment/statusCategory';

export interface CountsRow {
  label: string;
  href?: string;
  counts: CategoryCounts;
  /** A sub-row (a task under its section). */
  nested?: boolean;
}

export function CountsTable({ rows, caption, firstColumn }: { rows: CountsRow[]; caption: string; firstColumn: string }) {
  return (
    <div class="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table class="table table--counts">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{firstColumn}</th>
            {STATUS_CATEGORIES.map((category) => (
              <th scope="col" class="numeric">
                {CATEGORY_LABELS[category]}
              </th>
            ))}
            <th scope="col" class="numeric">
              Đã hủy
            </th>
            <th scope="col" class="numeric">
              Tổng
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr class={row.nested ? 'nested' : undefined}>
              <th scope="row">{row.href ? <a href={row.href}>{row.label}</a> : row.label}</th>
              {STATUS_CATEGORIES.map((category) => (
                <td class="numeric">{row.counts[category]}</td>
              ))}
              <td class="numeric">{row.counts.cancelled}</td>
              <td class="numeric">{row.counts.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
