/**
 * The category of an assignment as a tag: always its words, with a colour and a symbol as extra
 * cues, never the colour alone (people who do not see colours, printouts).
 */
import { CATEGORY_LABELS, type StatusCategory } from '../../domain/assignment/statusCategory';

const SYMBOLS: Record<StatusCategory, string> = {
  overdue: '!',
  inProgressWithinDeadline: '…',
  completedLate: '✓',
  completedOnTime: '✓',
};

export function CategoryTag({ category }: { category?: StatusCategory }) {
  if (!category) return <strong class="tag tag--cancelled">Đã hủy</strong>;
  return (
    <strong class={`tag tag--${category}`}>
      <span aria-hidden="true">{SYMBOLS[category]} </span>
      {CATEGORY_LABELS[category]}
    </strong>
  );
}
