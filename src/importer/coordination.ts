/**
 * Coordinating agencies of a task: the agencies named after "phối hợp (với)" when it is the
 * task's verb ("Chủ trì, phối hợp với Sở Y tế...", "Phối hợp với Sở Xây dựng rà soát...",
 * "Tích cực, phối hợp chuyên môn với ... Sở Nội vụ"). It is a verb when it opens a clause: at the
 * start of the task, after a comma, semicolon or "và", or after "chủ trì". As a noun ("công tác
 * phối hợp với Sở Y tế", "vướng mắc trong phối hợp với...") it names a partner of the subject
 * matter, not a helper on the task, and is left alone.
 *
 * The span runs to the end of the clause or to the verb that follows the names ("để", "nhằm",
 * "đề xuất", "tiếp tục"...). Group phrases in the span ("các sở, ban, ngành") cannot be
 * coordinators (the schema takes agency codes): they are reported for the secretariat.
 */
import { leftoverFragments, type AgencyMatcher, type Mention } from './agencyMatcher';
import { phraseTokens, tokenize, type Token } from './tokens';

export interface Coordination {
  agencies: { code: string; text: string }[];
  /** Group phrases in a coordination span, e.g. "các sở, ban, ngành". */
  groups: { groups: string[]; text: string }[];
  /** Agency-like names in a coordination span that the directory does not hold. */
  unmatched: string[];
}

const CLAUSE_OPENERS = new Set([',', ';', ':', '.', '(', 'và', 'trì']);
const SPAN_END = new Set([';', ':', '.', '(', ')']);
const STOP_WORDS = [
  'để', 'nhằm', 'trong', 'đề xuất', 'tiếp tục', 'thực hiện', 'triển khai', 'tổ chức', 'xây dựng', 'đẩy nhanh',
  'đẩy mạnh', 'rà soát', 'tham mưu', 'hướng dẫn', 'kiểm tra', 'giải quyết', 'báo cáo', 'theo', 'nghiên cứu',
  'hoàn thành', 'bảo đảm', 'đảm bảo', 'xử lý', 'tuyên truyền', 'trình',
].map(phraseTokens);

/** Words an agency name starts with: a leftover piece starting so is flagged as unmatched. */
const AGENCY_HEADS = [
  'sở', 'ban', 'cục', 'chi cục', 'văn phòng', 'thanh tra', 'ủy ban', 'ubnd', 'bưu điện', 'kho bạc', 'công an',
  'bảo hiểm', 'hội', 'liên đoàn', 'đoàn', 'mặt trận', 'trung tâm', 'viện', 'trường', 'tổng công ty', 'công ty',
  'quận', 'huyện', 'phường', 'xã',
].map(phraseTokens);

const startsWithAny = (tokens: Token[], at: number, phrases: string[][]) =>
  phrases.find((words) => words.every((word, k) => tokens[at + k]?.text === word));

export function findCoordination(text: string, matcher: AgencyMatcher): Coordination {
  const tokens = tokenize(text);
  const mentions = matcher.mentions(text, tokens);
  const mentionAt = new Map(mentions.map((mention) => [mention.firstToken, mention]));
  const result: Coordination = { agencies: [], groups: [], unmatched: [] };

  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i]!.text !== 'phối' || tokens[i + 1]!.text !== 'hợp') continue;
    const before = tokens[i - 1];
    if (before && !CLAUSE_OPENERS.has(before.text)) continue;

    const spanMentions: Mention[] = [];
    let end = i + 2;
    while (end < tokens.length) {
      const mention = mentionAt.get(end);
      if (mention) {
        spanMentions.push(mention);
        end = mention.endToken;
        continue;
      }
      const token = tokens[end]!;
      // A verb right after "phối hợp" ("phối hợp thực hiện với Sở ...") does not end the span.
      if (SPAN_END.has(token.text) || (end > i + 3 && startsWithAny(tokens, end, STOP_WORDS))) break;
      end += 1;
    }

    for (const mention of spanMentions) {
      if (mention.code) {
        if (!result.agencies.some((agency) => agency.code === mention.code)) result.agencies.push({ code: mention.code, text: mention.text });
      } else {
        result.groups.push({ groups: mention.groups, text: mention.text });
      }
    }
    const span = tokens.slice(i + 2, end);
    const spanOffset = i + 2;
    const local = spanMentions.map((mention) => ({ ...mention, firstToken: mention.firstToken - spanOffset, endToken: mention.endToken - spanOffset }));
    result.unmatched.push(
      ...leftoverFragments(text, span, local, { keep: (words) => !!startsWithAny(words, 0, AGENCY_HEADS) }),
    );
    i = end - 1;
  }
  return result;
}
