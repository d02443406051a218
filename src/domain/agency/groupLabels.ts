/**
 * What people call the directory's group tags. Tags stay short codes in files and ids; anything a
 * person reads (the import summary, pages) says the group as a directive would.
 */
const GROUP_LABELS: Record<string, string> = {
  departments: 'sở, ban, ngành',
  districts: 'thành phố Thủ Đức, quận, huyện',
  'urban-districts': 'các quận',
  'rural-districts': 'các huyện',
  'chua-xac-dinh': 'chưa xác định',
};

/** The group's Vietnamese name, or its tag when the directory uses a tag this list does not know. */
export function groupLabel(tag: string): string {
  return GROUP_LABELS[tag] ?? tag;
}
