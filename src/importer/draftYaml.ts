/**
 * The draft as YAML for the secretariat to edit, with each review item written as a comment
 * ("# CẦN RÀ SOÁT: ...") on the line it concerns, and a header listing them all: the file itself
 * shows what is a placeholder or a doubt. Lists of codes and tags are written on one line, task details as folded blocks.
 */
import YAML, { isCollection, isScalar, isSeq, type Node } from 'yaml';
import type { DraftInput } from './buildDraft';
import type { ReviewItem } from './importReport';

const MARK = 'CẦN RÀ SOÁT';

export function renderDraftYaml(input: DraftInput, review: ReviewItem[], source?: string): string {
  const doc = new YAML.Document(input);
  YAML.visit(doc, {
    Seq(_, node) {
      if (node.items.every((item) => isScalar(item))) node.flow = true;
    },
    // The directive's own paragraphs: a folded block reads like the text, without quotes.
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === 'details' && isScalar(pair.value)) pair.value.type = 'BLOCK_FOLDED';
    },
  });

  const notes = new Map<Node, string[]>();
  for (const item of review) {
    const node = nearestNode(doc, item.path);
    if (!node) continue;
    notes.set(node, [...(notes.get(node) ?? []), item.message]);
  }
  for (const [node, messages] of notes) {
    if (isCollection(node) && !(isSeq(node) && node.flow)) {
      node.commentBefore = messages.map((message) => ` ${MARK}: ${message}`).join('\n');
    } else {
      node.comment = ` ${MARK}: ${messages.join(' | ')}`;
    }
  }

  const header = [
    ` Bản nháp kế hoạch do "npm run import" tạo${source ? ` từ ${source}` : ''}.`,
    ' Kiểm tra từng mục với văn bản gốc, viết lại tên nhiệm vụ cho gọn, rồi mới triển khai.',
    review.length ? ` ${review.length} điểm ${MARK.toLowerCase()} (được đánh dấu "${MARK}" ngay tại dòng liên quan).` : ' Không có điểm nào cần rà soát.',
  ];
  doc.commentBefore = header.join('\n');
  return doc.toString({ lineWidth: 100 });
}

/** The node at `path`, or the closest ancestor that exists (an empty list is left out of the draft). */
function nearestNode(doc: YAML.Document, path: (string | number)[]): Node | undefined {
  for (let length = path.length; length > 0; length--) {
    const node = doc.getIn(path.slice(0, length), true);
    if (node && (isScalar(node) || isCollection(node))) return node;
  }
  return undefined;
}
