/** Why a line of the input is in the "ignored" list, in the words the report shows. */
export const IGNORE_REASONS = {
  navigation: 'điều hướng của trang web',
  siteTitle: 'tên chuyên mục của trang web (lặp lại)',
  author: 'tài khoản người đăng bài',
  pageNumber: 'số trang',
  footer: 'chân trang (nguồn, liên hệ, ngày đăng)',
  separator: 'đường kẻ',
  letterhead: 'quốc hiệu, tiêu ngữ, tên cơ quan, số, ngày văn bản',
  title: 'trích yếu (dùng làm tên văn bản trong bản nháp)',
  addressedTo: 'phần "Kính gửi"',
  preamble: 'lời dẫn trước mục 1',
  recipients: 'phần "Nơi nhận"',
  signature: 'chức danh, chữ ký người ký',
  endMark: 'dấu kết thúc văn bản ./.',
  closing: 'sau phần nội dung (sau dấu ./., "Trên đây là..." hoặc "Nơi nhận")',
} as const;

export type IgnoreReason = keyof typeof IGNORE_REASONS;
