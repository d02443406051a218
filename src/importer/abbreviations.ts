/**
 * Abbreviations of Vietnamese administrative texts. The matcher uses them to recognise
 * "Sở TN&MT" or "UBND Quận 1" as directory names written out in full; the report lists the ones
 * a directive uses, with their meaning.
 */
export interface Abbreviation {
  /** As written in documents; the first is the usual one. */
  forms: string[];
  meaning: string;
}

export const ABBREVIATIONS: Abbreviation[] = [
  { forms: ['UBND'], meaning: 'Ủy ban nhân dân' },
  { forms: ['HĐND'], meaning: 'Hội đồng nhân dân' },
  { forms: ['TP.HCM', 'TPHCM', 'TP. Hồ Chí Minh'], meaning: 'Thành phố Hồ Chí Minh' },
  { forms: ['TP'], meaning: 'Thành phố' },
  { forms: ['TN&MT', 'TNMT'], meaning: 'Tài nguyên và Môi trường' },
  { forms: ['TT&TT', 'TTTT'], meaning: 'Thông tin và Truyền thông' },
  { forms: ['KH&ĐT', 'KHĐT'], meaning: 'Kế hoạch và Đầu tư' },
  { forms: ['LĐ-TB&XH', 'LĐTBXH'], meaning: 'Lao động - Thương binh và Xã hội' },
  { forms: ['GD&ĐT', 'GDĐT'], meaning: 'Giáo dục và Đào tạo' },
  { forms: ['KH&CN', 'KHCN'], meaning: 'Khoa học và Công nghệ' },
  { forms: ['NN&PTNT', 'NNPTNT'], meaning: 'Nông nghiệp và Phát triển nông thôn' },
  { forms: ['GTVT'], meaning: 'Giao thông vận tải' },
  { forms: ['VH&TT', 'VHTT'], meaning: 'Văn hóa và Thể thao' },
  { forms: ['QH-KT', 'QHKT'], meaning: 'Quy hoạch - Kiến trúc' },
  { forms: ['VPĐKĐĐ'], meaning: 'Văn phòng Đăng ký đất đai' },
  { forms: ['BCĐ'], meaning: 'Ban Chỉ đạo' },
  { forms: ['CCHC'], meaning: 'cải cách hành chính' },
  { forms: ['TTHC'], meaning: 'thủ tục hành chính' },
  { forms: ['CBCCVC'], meaning: 'cán bộ, công chức, viên chức' },
  { forms: ['DVCTT'], meaning: 'dịch vụ công trực tuyến' },
];

/** The abbreviations a text uses (written in capitals as a whole word), in table order. */
export function abbreviationsUsed(text: string): Abbreviation[] {
  return ABBREVIATIONS.filter((entry) =>
    entry.forms.some((form) => {
      // '&' needs no escape, and escaping it is an error in a 'u' regular expression.
      const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, (c) => `\\${c}`);
      return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text);
    }),
  );
}
