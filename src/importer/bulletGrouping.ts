/**
 * Groups a section's paragraphs into tasks. Each dash bullet ("- ", "– ", "• ") starts a task.
 * A paragraph without a dash after a bullet continues that bullet (the directive's section 2 has
 * one: a second paragraph of the same request); before the first bullet it stands alone as its
 * own task, unless it ends with a colon and introduces the bullets (then it belongs to the
 * header). "+" sub-bullets belong to the bullet above them. A section with no bullets at all is
 * one task made of all its paragraphs (the directive's section 9).
 */
import type { Item } from './sectionSplitter';

export interface RawTask {
  /** The paragraphs of the task, markers removed. */
  items: Item[];
  /** Lines of paragraphs without a dash joined to the bullet before them. */
  continuationLines: number[];
  /** A paragraph without a dash taken as a task of its own. */
  standalone: boolean;
}

export interface GroupedSection {
  /** Paragraphs that introduce the bullets ("... các nội dung sau:"). */
  leadIns: Item[];
  tasks: RawTask[];
}

const BULLET = /^(?:[-–—−•●▪◦*]|[a-zđ]\)|\d+\.\d+\.?)\s*(?=\S)/u;
const SUB_BULLET = /^\+\s*(?=\S)/u;

const withoutMarker = (item: Item): Item => ({
  line: item.line,
  text: item.text.replace(BULLET, '').replace(SUB_BULLET, '').trim(),
});

export function groupTasks(body: Item[]): GroupedSection {
  const isBullet = (item: Item | undefined) => !!item && BULLET.test(item.text);
  if (!body.some((item) => isBullet(item) || SUB_BULLET.test(item.text))) {
    return { leadIns: [], tasks: body.length ? [{ items: body.map(withoutMarker), continuationLines: [], standalone: false }] : [] };
  }

  const grouped: GroupedSection = { leadIns: [], tasks: [] };
  let current: RawTask | undefined;
  body.forEach((item, index) => {
    if (isBullet(item) || (SUB_BULLET.test(item.text) && !current)) {
      current = { items: [withoutMarker(item)], continuationLines: [], standalone: false };
      grouped.tasks.push(current);
    } else if (SUB_BULLET.test(item.text) && current) {
      current.items.push(withoutMarker(item));
    } else if (/:$/u.test(item.text) && isBullet(body[index + 1])) {
      grouped.leadIns.push(item);
    } else if (current) {
      current.items.push(item);
      current.continuationLines.push(item.line);
    } else {
      grouped.tasks.push({ items: [item], continuationLines: [], standalone: true });
    }
  });
  return grouped;
}
