/**
 * Finds directory agencies and group phrases in a text. Used on section headers (who the
 * section addresses) and on "phối hợp" spans (who coordinates). Names are matched as folded word
 * sequences (tokens.ts) in all the ways nameVariants.ts knows; where two candidates overlap the
 * longer wins ("Văn phòng UBND Thành phố" over "UBND Thành phố", "quận, huyện" over "các quận").
 * What is left of a header once role words ("Thủ trưởng", "Chủ tịch"...) are set aside is
 * reported as unmatched: nothing is dropped silently.
 */
import type { Agency } from '../domain/agency/agency';
import { GROUP_PHRASES } from './groupPhrases';
import { nameVariants } from './nameVariants';
import { findSequence, isWord, phraseTokens, tokenize, type Token } from './tokens';

export interface Mention {
  /** The agency code, for a name; undefined for a group phrase. */
  code?: string;
  /** The group tags, for a group phrase. */
  groups: string[];
  /** Original text of the mention. */
  text: string;
  firstToken: number;
  /** Exclusive. */
  endToken: number;
}

export interface AddresseeMatch {
  agencies: string[];
  groups: string[];
  mentions: Mention[];
  /** Pieces of the text that look like an addressee but match nothing in the directory. */
  unmatched: string[];
}

interface Pattern {
  words: string[];
  code?: string;
  groups: string[];
}

/** Words around names that say who in the agency, not which agency. */
const ROLE_AND_FILLER_WORDS = [
  'thủ trưởng', 'người đứng đầu', 'lãnh đạo', 'phó giám đốc', 'giám đốc', 'phó chủ tịch', 'chủ tịch',
  'cục trưởng', 'chánh văn phòng', 'chánh thanh tra', 'trưởng ban', 'đồng chí', 'đề nghị', 'đối với',
  'ủy ban nhân dân', 'ubnd', 'thành phố', 'tp', 'các', 'những', 'và', 'cùng', 'với', 'cơ quan', 'đơn vị',
  'có liên quan', 'liên quan',
].map(phraseTokens);

/** Words that open a request before its subject: "Kính đề nghị...", "Giao Sở Nội vụ theo dõi...". */
const SUBJECT_LEADS = ['kính', 'giao', 'yêu cầu'].map(phraseTokens);

const BOUNDARIES = new Set([',', ';', ':', '(', ')', '.', '…', '/']);

export class AgencyMatcher {
  private readonly patterns: Pattern[];

  constructor(private readonly directory: Agency[]) {
    this.patterns = [
      ...directory.flatMap((agency) => nameVariants(agency).map((words) => ({ words, code: agency.code, groups: [] }))),
      ...GROUP_PHRASES.flatMap((entry) => entry.phrases.map((phrase) => ({ words: phraseTokens(phrase), groups: entry.groups }))),
    ];
  }

  /** Every agency name and group phrase in the text, left to right, none overlapping. */
  mentions(text: string, tokens: Token[] = tokenize(text)): Mention[] {
    const candidates: Mention[] = [];
    for (const pattern of this.patterns) {
      for (const first of findSequence(tokens, pattern.words)) {
        const endToken = first + pattern.words.length;
        candidates.push({
          code: pattern.code,
          groups: pattern.groups,
          text: text.slice(tokens[first]!.start, tokens[endToken - 1]!.end),
          firstToken: first,
          endToken,
        });
      }
    }
    candidates.sort((a, b) => b.endToken - b.firstToken - (a.endToken - a.firstToken) || a.firstToken - b.firstToken);
    const taken: Mention[] = [];
    for (const candidate of candidates) {
      if (taken.every((other) => candidate.endToken <= other.firstToken || candidate.firstToken >= other.endToken)) {
        taken.push(candidate);
      }
    }
    return taken.sort((a, b) => a.firstToken - b.firstToken);
  }

  /** Who a section header addresses. */
  addressees(header: string): AddresseeMatch {
    const tokens = tokenize(header);
    const mentions = this.mentions(header, tokens);
    const agencies = unique(mentions.flatMap((mention) => (mention.code ? [mention.code] : [])));
    const groups = unique(mentions.flatMap((mention) => mention.groups));
    const collapsed = collapseGroups(agencies, groups, this.directory);
    return { ...collapsed, mentions, unmatched: leftoverFragments(header, tokens, mentions, { joinRuns: true }) };
  }

  /**
   * The agencies a paragraph names as its subject, and what they are asked to do: "Sở Tài chính
   * chủ trì, phối hợp với Sở Nội vụ..." is Sở Tài chính, then "chủ trì, phối hợp với...". The
   * subject is one or more names (or group phrases) at the start, joined by commas or "và", with
   * role and request words around them ("Đề nghị Giám đốc Sở Y tế..."); what follows must start
   * with a word and say something (a verb phrase), or there is no subject: a bare addressee line
   * ("Sở Y tế, Sở Tài chính") and "Sở Tư pháp: ..." are headers, not sentences.
   */
  subjectOf(text: string): { subject: string; rest: string } | undefined {
    const tokens = tokenize(text);
    const mentionAt = new Map(this.mentions(text, tokens).map((mention) => [mention.firstToken, mention]));
    // A name may itself start with a filler ("Ủy ban nhân dân Quận 1"): a mention wins over skipping.
    const nextMention = (from: number) => {
      let at = from;
      for (;;) {
        if (mentionAt.has(at)) return at;
        const skip = [...SUBJECT_LEADS, ...ROLE_AND_FILLER_WORDS].find((words) => words.every((word, k) => tokens[at + k]?.text === word));
        if (!skip) return at;
        at += skip.length;
      }
    };
    let at = nextMention(0);
    let end = -1;
    for (;;) {
      const mention = mentionAt.get(at);
      if (!mention) break;
      end = mention.endToken;
      const joined = tokens[end]?.text === ',' || tokens[end]?.text === 'và' ? end + 1 : end;
      at = nextMention(joined);
      if (at === end || !mentionAt.has(at)) break;
    }
    if (end < 0 || !isWord(tokens[end])) return undefined;
    const said = withoutFillers(tokens.slice(end).filter(isWord));
    if (said.length < 2) return undefined;
    return { subject: text.slice(0, tokens[end - 1]!.end).trim(), rest: text.slice(tokens[end]!.start).trim() };
  }

  /** Tags the directory uses, to check a group phrase points at something. */
  hasGroup(tag: string): boolean {
    return this.directory.some((agency) => agency.groups.includes(tag));
  }

  nameOf(code: string): string | undefined {
    return this.directory.find((agency) => agency.code === code)?.name;
  }
}

/**
 * The pieces of `text` outside the mentions that still hold words once role and filler words
 * are set aside, as the user wrote them. Pieces are cut at punctuation; with `joinRuns`, pieces
 * only separated by commas are one ("phường, xã, thị trấn"). `keep` filters pieces (coordination
 * keeps only those that start like an agency name).
 */
export function leftoverFragments(
  text: string,
  tokens: Token[],
  mentions: Mention[],
  options: { keep?: (words: Token[]) => boolean; joinRuns?: boolean } = {},
): string[] {
  const covered = new Set<number>();
  for (const mention of mentions) for (let i = mention.firstToken; i < mention.endToken; i++) covered.add(i);
  const runs: Token[][][] = [];
  let run: Token[][] = [];
  let current: Token[] = [];
  const closePiece = () => {
    const meaningful = withoutFillers(current);
    if (meaningful.some(isWord) && (options.keep ?? (() => true))(meaningful)) run.push(current);
    current = [];
  };
  const closeRun = () => {
    closePiece();
    if (run.length) runs.push(run);
    run = [];
  };
  tokens.forEach((token, index) => {
    if (covered.has(index)) closeRun();
    else if (BOUNDARIES.has(token.text)) (options.joinRuns && token.text === ',' ? closePiece : closeRun)();
    else current.push(token);
  });
  closeRun();
  return runs.map((pieces) => {
    const first = withoutFillers(pieces[0]!)[0]!;
    const lastPiece = pieces[pieces.length - 1]!;
    return text.slice(first.start, lastPiece[lastPiece.length - 1]!.end);
  });
}

function withoutFillers(fragment: Token[]): Token[] {
  const result: Token[] = [];
  for (let i = 0; i < fragment.length; ) {
    const filler = ROLE_AND_FILLER_WORDS.find((words) => words.every((word, k) => fragment[i + k]?.text === word));
    if (filler) {
      i += filler.length;
    } else {
      result.push(fragment[i]!);
      i += 1;
    }
  }
  return result;
}

/**
 * Replaces parts that together make up a whole directory group by that group: the urban
 * districts, the rural districts and Thủ Đức named one by one are the group "districts".
 */
export function collapseGroups(
  agencies: string[],
  groups: string[],
  directory: Pick<Agency, 'code' | 'groups'>[],
): { agencies: string[]; groups: string[] } {
  const members = (tag: string) => new Set(directory.filter((agency) => agency.groups.includes(tag)).map((agency) => agency.code));
  const allTags = unique(directory.flatMap((agency) => agency.groups));
  let result = { agencies: [...agencies], groups: [...groups] };
  for (const tag of allTags) {
    if (result.groups.includes(tag)) continue;
    const whole = members(tag);
    const partGroups = result.groups.filter((group) => {
      const part = members(group);
      return part.size > 0 && [...part].every((code) => whole.has(code));
    });
    const partAgencies = result.agencies.filter((code) => whole.has(code));
    if (partGroups.length + partAgencies.length < 2) continue;
    const covered = new Set([...partGroups.flatMap((group) => [...members(group)]), ...partAgencies]);
    if (![...whole].every((code) => covered.has(code))) continue;
    const firstPart = result.groups.findIndex((group) => partGroups.includes(group));
    const remaining = result.groups.filter((group) => !partGroups.includes(group));
    remaining.splice(firstPart < 0 ? remaining.length : firstPart, 0, tag);
    result = { agencies: result.agencies.filter((code) => !partAgencies.includes(code)), groups: remaining };
  }
  return result;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
