/**
 * Words that open a request rather than say what it is: "Đề nghị Sở Ngoại vụ..." addresses Sở
 * Ngoại vụ; "Đề nghị rà soát..." asks to review. They are taken off section headers and tasks.
 * ("Giao" and "Chỉ đạo" are left alone: they also begin real tasks and names, "Giao thông...".)
 */
const LEADING = /^(?:kính đề nghị|đề nghị|yêu cầu|đối với)\s+/iu;

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function stripLeadingWords(text: string): string {
  let result = text.trim();
  while (LEADING.test(result)) result = result.replace(LEADING, '');
  return result === text.trim() ? result : capitalize(result);
}

/** A section header's addressee line: leading words off, and the colon that introduces the tasks. */
export function addresseeLine(text: string): string {
  return stripLeadingWords(text).replace(/\s*[:.;]+$/u, '').trim();
}
