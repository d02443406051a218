/**
 * Phrases by which a directive addresses a whole group of agencies, and the directory group
 * tags they mean. "Thủ trưởng sở, ban, ngành" is every department, board and sector;
 * "các quận, huyện" is the 16 urban and the 5 rural districts (not Thủ Đức, which a directive
 * names on its own: "thành phố Thủ Đức, các quận, huyện" is then the whole "districts" group;
 * see collapseGroups in agencyMatcher.ts).
 */
export interface GroupPhrase {
  /** As written; matched as folded word sequences, so "quận - huyện" = "quận huyện". */
  phrases: string[];
  groups: string[];
}

export const GROUP_PHRASES: GroupPhrase[] = [
  {
    phrases: [
      'sở, ban, ngành',
      'sở ban ngành',
      'sở, ban ngành',
      'sở, ngành',
      'sở ngành',
      'các sở',
      'cơ quan chuyên môn thuộc Ủy ban nhân dân Thành phố',
      'cơ quan chuyên môn thuộc UBND Thành phố',
    ],
    groups: ['departments'],
  },
  { phrases: ['quận, huyện', 'quận huyện'], groups: ['urban-districts', 'rural-districts'] },
  { phrases: ['cấp huyện'], groups: ['districts'] },
  { phrases: ['các quận'], groups: ['urban-districts'] },
  { phrases: ['các huyện'], groups: ['rural-districts'] },
];
