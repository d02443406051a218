/**
 * Page chrome: lines around the directive that are not part of it. A text copied from a web
 * page brings navigation ("Quay lại", "Danh mục"), the section title repeated, the poster's
 * account name ("nddthuan.snv"), page numbers; an official letter brings the national motto, the
 * "Nơi nhận" list and the signature block. Each is recognised by its shape, and goes to the
 * ignored list with its reason (never silently dropped).
 */
import { foldVietnamese } from '../domain/text/foldVietnamese';
import type { IgnoreReason } from './ignoreReasons';
import type { Paragraph } from './normalizeText';

const NAVIGATION_WORDS = [
  'quay lại', 'trở lại', 'trở về', 'trang chủ', 'danh mục', 'in trang', 'in bài', 'bản in', 'gửi email', 'gửi bài viết',
  'chia sẻ', 'lên đầu trang', 'về đầu trang', 'xem thêm', 'xem tiếp', 'tin liên quan', 'các tin khác', 'tin khác',
  'tin mới', 'tin đã đưa', 'bình luận', 'lượt xem', 'cỡ chữ', 'tải về', 'tệp đính kèm', 'đính kèm', 'tìm kiếm',
  'đăng nhập', 'facebook', 'zalo', 'twitter', 'email', 'print', 'share', 'back', 'home', 'menu', 'sitemap', 'rss',
].sort((a, b) => b.length - a.length);

const SHAPES: [RegExp, IgnoreReason][] = [
  [/^[-_=*~·•.]{3,}$/u, 'separator'],
  [/^(?:trang\s*)?\d{1,3}(?:\s*\/\s*\d{1,3})?$/iu, 'pageNumber'],
  [/^-\s*\d{1,3}\s*-$/u, 'pageNumber'],
  [/^cộng h(?:òa|oà) xã hội chủ nghĩa việt nam$/iu, 'letterhead'],
  [/^độc lập\s*[-–]\s*tự do\s*[-–]\s*hạnh phúc$/iu, 'letterhead'],
  [/^(?:nguồn|tác giả|người đăng|người viết|biên tập|ngày đăng|ngày cập nhật|cập nhật|lượt xem|lượt truy cập|bản quyền|copyright|địa chỉ|điện thoại|đt|fax|e-?mail|website)\s*:/iu, 'footer'],
  [/^(?:cập nhật|ngày đăng|đăng ngày)\s+(?:lúc\s+|ngày\s+)?\d/iu, 'footer'],
  [/^©/u, 'footer'],
  [/^(?:https?:\/\/|www\.)\S+$/iu, 'footer'],
  [/^\S+@\S+\.\S+$/u, 'footer'],
  // A login name on its own line, as CMS pages print under an article.
  [/^(?=[^ ]*[a-z])[a-z0-9_-]+(?:\.[a-z0-9_-]+)+$/iu, 'author'],
];

const SIGNATURE = [
  /^(?:KT|TM|TL|TUQ|Q)\.\s*\p{Lu}/u,
  /^(?:PHÓ )?(?:GIÁM ĐỐC|CHỦ TỊCH|CHÁNH VĂN PHÒNG|CHÁNH THANH TRA|TRƯỞNG BAN|CỤC TRƯỞNG|BỘ TRƯỞNG|THỦ TƯỚNG)$/u,
  /^\(?(?:đã ký|ký tên|đã ký và đóng dấu|ký, ghi rõ họ tên)[^)]*\)?$/iu,
  /^ký bởi\s*:/iu,
];
/** A person's name: 2 to 5 capitalised words, nothing else (the signer under the signature). */
const PERSON_NAME = /^\p{Lu}\p{L}*(?:\s\p{Lu}\p{L}*){1,4}$/u;
const RECIPIENT_ITEM = /^(?:[-+•–]|lưu\s*:)/iu;

function isNavigation(text: string): boolean {
  let rest = foldVietnamese(text);
  const before = rest;
  for (const word of NAVIGATION_WORDS) rest = rest.split(word).join(' ');
  return rest !== before && rest.replace(/[\d\s\p{P}\p{S}]/gu, '') === '';
}

function isRepeatedTitle(text: string): boolean {
  return /^(.{6,})\s+\1$/u.test(text);
}

/** Chrome lines, by paragraph index. */
export function findChrome(paragraphs: Paragraph[]): Map<number, IgnoreReason> {
  const chrome = new Map<number, IgnoreReason>();
  let inRecipients = false;
  let linesSinceSignature = Infinity;
  paragraphs.forEach(({ text }, index) => {
    linesSinceSignature += 1;
    if (SIGNATURE.some((pattern) => pattern.test(text))) {
      chrome.set(index, 'signature');
      linesSinceSignature = 0;
      return;
    }
    if (linesSinceSignature <= 2 && PERSON_NAME.test(text)) {
      chrome.set(index, 'signature');
      return;
    }
    if (/^nơi nhận\s*:?/iu.test(text)) {
      chrome.set(index, 'recipients');
      inRecipients = true;
      return;
    }
    if (inRecipients && RECIPIENT_ITEM.test(text)) {
      chrome.set(index, 'recipients');
      return;
    }
    inRecipients = false;
    const shape = SHAPES.find(([pattern]) => pattern.test(text));
    if (shape) chrome.set(index, shape[1]);
    else if (isNavigation(text)) chrome.set(index, 'navigation');
    else if (isRepeatedTitle(text)) chrome.set(index, 'siteTitle');
  });
  return chrome;
}
