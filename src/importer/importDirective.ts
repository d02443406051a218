/**
 * The importer: the text of a Vietnamese directive in, a campaign draft and a report out.
 * Pure (no I/O): the CLI and the API read the file (docxText.ts turns a .docx into text).
 *
 *   normalizeText    lines -> paragraphs (Unicode, spaces, line ends)
 *   chromeFilter     web navigation, footers, signature, "Nơi nhận" -> ignored
 *   sectionSplitter  numbered addressee sections; preamble before, closing matter after
 *   letterhead       number, date, issuer, title from the preamble
 *   agencyMatcher    section headers -> directory agencies and groups (+ unmatched)
 *   bulletGrouping   dash bullets -> tasks; continuation and standalone paragraphs
 *   leadingWords     "Đề nghị ..." off headers and tasks
 *   citations, kpiTargets, coordination, deadlines   what each task cites, targets, who helps, by when
 *   taskTitle        a short draft title per task
 *   buildDraft       the draft, placeholders and review items, validated
 *   importReport     where every line went, sentence accounting
 */
import type { Agency } from '../domain/agency/agency';
import type { CampaignFile } from '../domain/campaign/campaignFile';
import { abbreviationsUsed } from './abbreviations';
import { AgencyMatcher } from './agencyMatcher';
import { buildDraft, DraftInvalidError, type AnalysedSection, type AnalysedTask, type DraftInput } from './buildDraft';
import { groupTasks } from './bulletGrouping';
import { findChrome } from './chromeFilter';
import { findCitations } from './citations';
import { findCoordination } from './coordination';
import { findDeadline } from './deadlines';
import { countSentences, type ImportReport, type Placement, type SectionReport } from './importReport';
import { findKpiTargets } from './kpiTargets';
import { addresseeLine, stripLeadingWords } from './leadingWords';
import { readLetterhead } from './letterhead';
import { normalizeText } from './normalizeText';
import { splitSections, type RawSection } from './sectionSplitter';
import { taskTitle } from './taskTitle';

export interface ImportOptions {
  /** The agency directory addressees are matched against. */
  directory: Agency[];
  /** Campaign key of the draft; default "du-thao-<year>". */
  key?: string;
  /** Today (YYYY-MM-DD): the year when the text names none. */
  today?: string;
}

export interface ImportResult {
  /** Validated, with the schema's defaults applied. */
  draft: CampaignFile;
  /** The same draft as written to YAML: only what the import decided, no defaults. */
  draftInput: DraftInput;
  report: ImportReport;
}

export function importDirective(text: string, options: ImportOptions): ImportResult {
  const matcher = new AgencyMatcher(options.directory);
  const paragraphs = normalizeText(text);
  const split = splitSections(paragraphs, findChrome(paragraphs), (line) => matcher.subjectOf(line));
  const letterhead = readLetterhead(split.preamble, matcher);

  const placements: Placement[] = [
    ...split.ignored.map(({ item, reason }) => ({ ...item, to: { kind: 'ignored' as const, reason } })),
    ...letterhead.placements.map(({ item, reason }) => ({ ...item, to: { kind: 'ignored' as const, reason } })),
  ];
  if (split.sections.length === 0) {
    throw new DraftInvalidError('Không thấy mục nào đánh số "1.", "2."... (mỗi mục là một cơ quan nhận): không lập được bản nháp.');
  }
  const sections = split.sections.map((section) => analyseSection(section, matcher, placements));
  placements.sort((a, b) => a.line - b.line);

  const fullText = paragraphs.map((paragraph) => paragraph.text).join('\n');
  const year =
    Number((letterhead.particulars.date ?? '').slice(0, 4)) ||
    mostMentionedYear(fullText) ||
    Number((options.today ?? new Date().toISOString()).slice(0, 4));
  // A directive is dated after the documents it cites: the latest of them stands in for its date.
  const citedDates = sections
    .flatMap((section) => section.analysed.tasks.flatMap((task) => task.citationDates))
    .sort();
  const { input, draft, review } = buildDraft(sections.map((section) => section.analysed), {
    key: options.key ?? `du-thao-${year}`,
    year,
    particulars: letterhead.particulars,
    fallbackDate: citedDates[citedDates.length - 1] ?? `${year}-01-01`,
  });

  const report: ImportReport = {
    found: letterhead.particulars,
    sections: sections.map((section) => section.report),
    placements,
    sentences: countSentences(placements),
    abbreviations: abbreviationsUsed(fullText),
    review,
  };
  return { draft, draftInput: input, report };
}

function analyseSection(
  section: RawSection,
  matcher: AgencyMatcher,
  placements: Placement[],
): { analysed: AnalysedSection; report: SectionReport } {
  const title = addresseeLine(section.header.text);
  const match = matcher.addressees(title);
  const grouped = groupTasks(section.body);
  placements.push({ ...section.header, to: { kind: 'sectionHeader', section: section.number } });
  for (const item of grouped.leadIns) placements.push({ ...item, to: { kind: 'sectionHeader', section: section.number } });

  const tasks = grouped.tasks.map((raw, index): AnalysedTask => {
    for (const item of raw.items) placements.push({ ...item, to: { kind: 'task', section: section.number, task: index + 1 } });
    const details = stripLeadingWords(raw.items.map((item) => item.text).join('\n'));
    const coordination = findCoordination(details, matcher);
    const citations = findCitations(details);
    return {
      title: taskTitle(details),
      details,
      lines: raw.items.map((item) => item.line),
      continuationLines: raw.continuationLines,
      standalone: raw.standalone,
      coordinatingAgencies: coordination.agencies.map((agency) => agency.code),
      unmatchedCoordinators: coordination.unmatched,
      coordinatingGroups: coordination.groups.map((group) => group.text),
      kpiTargets: findKpiTargets(details),
      citations: citations.map((citation) => citation.text),
      citationDates: citations.flatMap((citation) => (citation.date ? [citation.date] : [])),
      deadline: findDeadline(details),
    };
  });

  const analysed: AnalysedSection = {
    number: section.number,
    line: section.header.line,
    title,
    agencies: match.agencies,
    groups: match.groups,
    unmatched: match.unmatched,
    missingGroups: match.groups.filter((group) => !matcher.hasGroup(group)),
    tasks,
  };
  const report: SectionReport = {
    number: section.number,
    title,
    line: section.header.line,
    agencies: match.agencies,
    groups: match.groups,
    matched: match.mentions.map((mention) => ({ text: mention.text, code: mention.code, groups: mention.groups })),
    unmatched: match.unmatched,
    leadInLines: grouped.leadIns.map((item) => item.line),
    tasks: tasks.map((task, index) => ({
      number: index + 1,
      title: task.title,
      lines: task.lines,
      continuationLines: task.continuationLines,
      standalone: task.standalone,
      citations: task.citations,
      kpiTargets: task.kpiTargets.map((found) => found.target),
      coordinatingAgencies: task.coordinatingAgencies,
      unmatchedCoordinators: task.unmatchedCoordinators,
      coordinatingGroups: task.coordinatingGroups,
      deadline: task.deadline,
    })),
  };
  return { analysed, report };
}

/** The year the text talks about most ("năm 2021", "29/10/2021"), if any. */
function mostMentionedYear(text: string): number | undefined {
  const counts = new Map<number, number>();
  for (const match of text.matchAll(/(?:năm\s+|\/)(20\d\d|21\d\d)(?!\d)/gu)) {
    const year = Number(match[1]);
    counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
}
