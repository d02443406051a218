/**
 * The import report as text for a person: the sections and their tasks, who each section
 * addresses (and what did not match), the documents cited, the targets, the lines set aside and
 * why, the sentence count, and the points to review.
 */
import type { Agency } from '../domain/agency/agency';
import { groupLabel } from '../domain/agency/groupLabels';
import type { KpiTarget } from '../domain/campaign/campaign';
import { describeDeadlineRule } from '../domain/campaign/deadlineRule';
import { IGNORE_REASONS } from './ignoreReasons';
import { ignoredLines, type ImportReport } from './importReport';

const COMPARATOR_WORDS: Record<KpiTarget['comparator'], [string, string]> = {
  lt: ['dưới', ''],
  lte: ['không quá', ''],
  gt: ['trên', ''],
  gte: ['từ', ' trở lên'],
  eq: ['bằng', ''],
};

/** "dưới 0,4%", "từ 96% trở lên". */
export function describeTarget(target: KpiTarget): string {
  const [before, after] = COMPARATOR_WORDS[target.comparator];
  const value = String(target.threshold).replace('.', ',');
  return `${target.indicator}: ${before} ${value}${target.unit}${after}${target.period ? ` (${target.period})` : ''}`;
}

const plural = (n: number, word: string) => `${n} ${word}`;

export function formatSummary(report: ImportReport, directory: Agency[], source?: string): string {
  const nameOf = (code: string) => {
    const name = directory.find((agency) => agency.code === code)?.name;
    return name ? `${name} (${code})` : code;
  };
  const members = (group: string) => directory.filter((agency) => agency.groups.includes(group)).length;
  const lines: string[] = [];
  const taskCount = report.sections.reduce((n, section) => n + section.tasks.length, 0);
  const found = report.found;

  lines.push(`Nhập văn bản${source ? ` ${source}` : ''}`);
  lines.push(`  Trích yếu:        ${found.title ?? '(không tìm thấy - cần bổ sung)'}`);
  lines.push(`  Số ký hiệu:       ${found.number ?? '(không ghi - cần bổ sung)'}`);
  lines.push(`  Ngày ban hành:    ${found.date ? found.date.split('-').reverse().join('/') : '(không ghi - cần bổ sung)'}`);
  lines.push(`  Cơ quan ban hành: ${found.issuer ?? '(không nhận ra - cần bổ sung)'}`);
  lines.push('');
  lines.push(`${plural(report.sections.length, 'mục')}, ${plural(taskCount, 'nhiệm vụ')}:`);
  for (const section of report.sections) {
    lines.push(`  Mục ${section.number} (dòng ${section.line}): ${section.title}`);
    const addressees = [
      ...section.groups.map((group) => `nhóm "${groupLabel(group)}" (${members(group)} cơ quan)`),
      ...section.agencies.map(nameOf),
    ];
    lines.push(`    Gửi: ${addressees.length ? addressees.join('; ') : '(chưa xác định)'}`);
    for (const text of section.unmatched) lines.push(`    ! Không có trong danh bạ: "${text}"`);
    lines.push(`    ${plural(section.tasks.length, 'nhiệm vụ')}:`);
    for (const task of section.tasks) {
      lines.push(`      ${task.number}. ${task.title}`);
      const notes: string[] = [];
      if (task.coordinatingAgencies.length) notes.push(`phối hợp: ${task.coordinatingAgencies.join(', ')}`);
      if (task.deadline) notes.push(`hạn: ${describeDeadlineRule(task.deadline.rule)} ("${task.deadline.phrase}")`);
      if (task.continuationLines.length) notes.push(`nối đoạn dòng ${task.continuationLines.join(', ')}`);
      if (task.standalone) notes.push('đoạn đứng riêng');
      if (notes.length) lines.push(`         ${notes.join('; ')}`);
      for (const text of task.unmatchedCoordinators) lines.push(`         ! Cơ quan phối hợp không có trong danh bạ: "${text}"`);
    }
  }

  const matchedCount = report.sections.reduce((n, s) => n + s.matched.length, 0);
  const unmatchedCount = report.sections.reduce(
    (n, s) => n + s.unmatched.length + s.tasks.reduce((m, t) => m + t.unmatchedCoordinators.length, 0),
    0,
  );
  lines.push('');
  lines.push(`Tên cơ quan, nhóm khớp danh bạ: ${matchedCount} ở tiêu đề mục; không khớp: ${unmatchedCount}.`);

  const citations = report.sections.flatMap((section) =>
    section.tasks.flatMap((task) => task.citations.map((text) => `${text} (mục ${section.number}, nhiệm vụ ${task.number})`)),
  );
  lines.push(`Văn bản được dẫn (${citations.length}):`);
  for (const text of citations) lines.push(`  - ${text}`);

  const targets = report.sections.flatMap((section) =>
    section.tasks.flatMap((task) => task.kpiTargets.map((target) => `Mục ${section.number}, nhiệm vụ ${task.number}: ${describeTarget(target)}`)),
  );
  lines.push(`Chỉ tiêu (${targets.length}):`);
  for (const text of targets) lines.push(`  - ${text}`);

  if (report.abbreviations.length) {
    lines.push(`Chữ viết tắt: ${report.abbreviations.map((entry) => `${entry.forms[0]} = ${entry.meaning}`).join('; ')}.`);
  }

  const ignored = ignoredLines(report);
  lines.push(`Dòng bỏ qua (${ignored.length}):`);
  for (const line of ignored) {
    const text = line.text.length > 70 ? `${line.text.slice(0, 69)}…` : line.text;
    lines.push(`  dòng ${line.line} [${IGNORE_REASONS[line.reason]}]: ${text}`);
  }

  const s = report.sentences;
  lines.push(`Câu: ${s.total} = ${s.inHeaders} ở tiêu đề mục + ${s.inTasks} trong nhiệm vụ + ${s.ignored} bỏ qua.`);

  lines.push(`Cần rà soát (${report.review.length}):`);
  for (const item of report.review) lines.push(`  - ${item.path.join('.')}: ${item.message}`);
  return lines.join('\n');
}
