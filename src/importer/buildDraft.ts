/**
 * Assembles the campaign draft from the analysed sections, fills what the text does not say with
 * visible placeholders (directive number, date, issuer, the default deadline, a section whose
 * addressees matched nothing), lists each placeholder and each doubt as a review item, and
 * validates the result against CampaignFileSchema: a draft that comes out of here can be
 * launched through the normal path once reviewed.
 */
import type { CampaignFile } from '../domain/campaign/campaignFile';
import { CampaignFileSchema } from '../domain/campaign/campaignFile';
import type { CampaignInput } from '../domain/campaign/campaign';
import { fieldIssues } from '../domain/validation';
import type { FoundDeadline } from './deadlines';
import type { ReviewItem } from './importReport';
import type { FoundKpiTarget } from './kpiTargets';
import type { DirectiveParticulars } from './letterhead';
import { slashDate } from './vietnameseDates';

/** The group a section gets when no addressee matched: expansion reports it, so it cannot slip through. */
export const PLACEHOLDER_GROUP = 'chua-xac-dinh';
export const PLACEHOLDER_NUMBER = '(chưa rõ số ký hiệu - cần bổ sung)';
export const PLACEHOLDER_ISSUER = '(chưa rõ cơ quan ban hành - cần bổ sung)';
export const PLACEHOLDER_TITLE = '(chưa rõ trích yếu - cần bổ sung)';
export const PLACEHOLDER_TASK = '(chưa có nội dung nhiệm vụ - cần bổ sung)';

const MAX_DETAILS = 5000;

export interface AnalysedTask {
  title: string;
  details: string;
  lines: number[];
  continuationLines: number[];
  standalone: boolean;
  coordinatingAgencies: string[];
  unmatchedCoordinators: string[];
  coordinatingGroups: string[];
  kpiTargets: FoundKpiTarget[];
  citations: string[];
  /** Dates of the cited documents (the directive is dated after them). */
  citationDates: string[];
  deadline?: FoundDeadline;
}

export interface AnalysedSection {
  number: number;
  line: number;
  title: string;
  agencies: string[];
  groups: string[];
  unmatched: string[];
  /** Group tags the text implies that no directory agency carries. */
  missingGroups: string[];
  tasks: AnalysedTask[];
}

export interface DraftOptions {
  key: string;
  year: number;
  particulars: DirectiveParticulars;
  /** Stand-in for a missing directive date: the latest date of a cited document, or 1 January. */
  fallbackDate: string;
}

/** The draft as the import decided it (no schema defaults): what the YAML shows. */
export interface DraftInput {
  campaign: CampaignInput;
  agencies: [];
  calendar: [];
}

export class DraftInvalidError extends Error {}

export function buildDraft(
  sections: AnalysedSection[],
  options: DraftOptions,
): { input: DraftInput; draft: CampaignFile; review: ReviewItem[] } {
  const review: ReviewItem[] = [];
  const { particulars } = options;
  const directivePath = ['campaign', 'directive'];
  if (!particulars.number) review.push({ path: [...directivePath, 'number'], message: 'Văn bản không ghi số ký hiệu: điền số ký hiệu.' });
  if (!particulars.date) {
    review.push({
      path: [...directivePath, 'date'],
      message: `Văn bản không ghi ngày ban hành: tạm lấy ${slashDate(options.fallbackDate)} (ngày của văn bản được dẫn gần nhất, hoặc đầu năm); điền ngày thật.`,
    });
  }
  if (!particulars.issuer) review.push({ path: [...directivePath, 'issuer'], message: 'Không nhận ra cơ quan ban hành: điền tên cơ quan.' });
  if (!particulars.title) review.push({ path: [...directivePath, 'title'], message: 'Không tìm thấy trích yếu văn bản: điền trích yếu.' });
  const title = (particulars.title ?? PLACEHOLDER_TITLE).slice(0, 500);

  const undated = sections.reduce((n, section) => n + section.tasks.filter((task) => !task.deadline).length, 0);
  const defaultDeadline = `${options.year}-12-31`;
  if (undated > 0) {
    review.push({
      path: ['campaign', 'defaultDeadline'],
      message: `${undated} nhiệm vụ văn bản không ghi hạn dùng hạn mặc định giữ chỗ ${slashDate(defaultDeadline)}: xác định hạn.`,
    });
  }

  const campaign: CampaignInput = {
    key: options.key,
    year: options.year,
    title,
    directive: {
      number: particulars.number ?? PLACEHOLDER_NUMBER,
      date: particulars.date ?? options.fallbackDate,
      issuer: particulars.issuer ?? PLACEHOLDER_ISSUER,
      title,
    },
    defaultDeadline: { kind: 'fixedDate', date: defaultDeadline },
    sections: sections.map((section, s) => {
      const path = ['campaign', 'sections', s];
      const noAddressee = section.agencies.length + section.groups.length === 0;
      if (noAddressee) {
        review.push({
          path: [...path, 'addressees'],
          message: `Không nhận ra cơ quan nhận trong "${section.title}": chọn cơ quan hoặc nhóm (tạm ghi nhóm "${PLACEHOLDER_GROUP}").`,
        });
      }
      for (const text of section.unmatched) {
        review.push({ path: [...path, 'addressees'], message: `Không có trong danh bạ: "${text}".` });
      }
      for (const group of section.missingGroups) {
        review.push({ path: [...path, 'addressees'], message: `Nhóm "${group}" không có cơ quan nào trong danh bạ.` });
      }
      if (section.tasks.length === 0) {
        review.push({ path: [...path, 'tasks'], message: 'Mục không có nội dung nhiệm vụ: bổ sung (tạm ghi một nhiệm vụ giữ chỗ).' });
      }
      const tasks = section.tasks.length ? section.tasks : [placeholderTask(section.line)];
      return {
        number: section.number,
        title: section.title.slice(0, 500),
        addressees: noAddressee
          ? { groups: [PLACEHOLDER_GROUP] }
          : {
              ...(section.agencies.length ? { agencies: section.agencies } : {}),
              ...(section.groups.length ? { groups: section.groups } : {}),
            },
        tasks: tasks.map((task, t) => draftTask(task, [...path, 'tasks', t], review)),
      };
    }),
  };

  const input: DraftInput = { campaign, agencies: [], calendar: [] };
  const parsed = CampaignFileSchema.safeParse(input);
  if (!parsed.success) {
    const issues = fieldIssues(parsed.error).map((issue) => `${issue.field}: ${issue.message}`);
    throw new DraftInvalidError(`Bản nháp chưa hợp lệ:\n  - ${issues.join('\n  - ')}`);
  }
  return { input, draft: parsed.data, review };
}

function placeholderTask(line: number): AnalysedTask {
  return {
    title: PLACEHOLDER_TASK, details: '', lines: [line], continuationLines: [], standalone: false, coordinatingAgencies: [],
    unmatchedCoordinators: [], coordinatingGroups: [], kpiTargets: [], citations: [], citationDates: [],
  };
}

function draftTask(task: AnalysedTask, path: (string | number)[], review: ReviewItem[]): CampaignInput['sections'][number]['tasks'][number] {
  for (const line of task.continuationLines) {
    review.push({ path, message: `Đoạn không có gạch đầu dòng (dòng ${line}) được nối vào nhiệm vụ này: kiểm tra lại.` });
  }
  if (task.standalone) review.push({ path, message: `Đoạn đứng riêng (dòng ${task.lines[0]}) được coi là một nhiệm vụ: kiểm tra lại.` });
  for (const text of task.unmatchedCoordinators) {
    review.push({ path: [...path, 'coordinatingAgencies'], message: `Cơ quan phối hợp không có trong danh bạ: "${text}".` });
  }
  for (const text of task.coordinatingGroups) {
    review.push({
      path: [...path, 'coordinatingAgencies'],
      message: `Phối hợp với cả nhóm "${text}": danh sách cơ quan phối hợp chỉ nhận mã cơ quan, nhóm này giữ trong nội dung.`,
    });
  }
  task.kpiTargets.forEach((found, k) => {
    if (found.comparatorAssumed) {
      review.push({ path: [...path, 'kpiTargets', k], message: `Chỉ tiêu "${found.source}" không ghi phép so sánh: tạm hiểu là "từ ... trở lên".` });
    }
    if (found.indicatorAssumed) {
      review.push({ path: [...path, 'kpiTargets', k, 'indicator'], message: 'Không xác định được tên chỉ tiêu: tạm lấy cả câu.' });
    }
  });
  let details = task.details;
  if (details.length > MAX_DETAILS) {
    details = `${details.slice(0, MAX_DETAILS - 1)}…`;
    review.push({ path: [...path, 'details'], message: `Nội dung dài quá ${MAX_DETAILS} ký tự nên đã bị cắt: xem bản gốc.` });
  }
  return {
    title: task.title,
    ...(details ? { details } : {}),
    ...(task.coordinatingAgencies.length ? { coordinatingAgencies: task.coordinatingAgencies } : {}),
    ...(task.kpiTargets.length ? { kpiTargets: task.kpiTargets.map((found) => found.target) } : {}),
    ...(task.citations.length ? { citations: task.citations } : {}),
    ...(task.deadline ? { deadline: task.deadline.rule } : {}),
  };
}
