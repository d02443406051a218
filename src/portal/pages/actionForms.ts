/**
 * The assignment page's forms: each action's path, its field names, and how a posted form becomes
 * the same command the API takes. Checking uses the command schemas, so a form and the API refuse
 * the same input with the same Vietnamese words; each error is tied to the field it is about.
 */
import '../../domain/validation';
import { CommandSchemas, type AssignmentCommand, type AssignmentCommandType } from '../../domain/assignment/assignmentCommandSchema';
import type { KpiTarget } from '../../domain/campaign/campaign';
import type { FieldError } from '../views/ErrorSummary';
import { field } from './pageContext';
import { parseVietnameseDate } from './vietnameseDate';

/** The path segment of each action: POST /nhiem-vu/:id/<slug>. */
export const ACTION_SLUGS: Record<AssignmentCommandType, string> = {
  acknowledge: 'tiep-nhan',
  reportProgress: 'bao-cao-tien-do',
  submitResult: 'gui-ket-qua',
  requestExtension: 'xin-gia-han',
  accept: 'cong-nhan',
  returnForRework: 'tra-lai',
  decideExtension: 'quyet-dinh-gia-han',
  reassign: 'giao-lai',
  cancel: 'huy',
  addCoordinationNote: 'y-kien-phoi-hop',
};

export const actionOfSlug = (slug: string): AssignmentCommandType | undefined =>
  (Object.entries(ACTION_SLUGS) as [AssignmentCommandType, string][]).find(([, s]) => s === slug)?.[0];

/** What the page says once an action is done. */
export const DONE_MESSAGES: Record<AssignmentCommandType, string> = {
  acknowledge: 'Đã tiếp nhận nhiệm vụ.',
  reportProgress: 'Đã gửi báo cáo tiến độ.',
  submitResult: 'Đã gửi kết quả. Ban Chỉ đạo sẽ thẩm định.',
  requestExtension: 'Đã gửi đề nghị gia hạn. Ban Chỉ đạo sẽ quyết định.',
  accept: 'Đã công nhận hoàn thành.',
  returnForRework: 'Đã trả lại để cơ quan hoàn thiện.',
  decideExtension: 'Đã ghi quyết định gia hạn.',
  reassign: 'Đã giao lại nhiệm vụ.',
  cancel: 'Đã hủy nhiệm vụ.',
  addCoordinationNote: 'Đã ghi ý kiến phối hợp.',
};

/** Field ids, unique on the page (several forms share it). Keys are the command's own fields. */
export const FIELD_IDS = {
  reportProgress: { percent: 'phan-tram', note: 'ghi-chu-tien-do' },
  submitResult: { summary: 'tom-tat', evidenceLinks: 'duong-dan', evidenceFiles: 'tep-minh-chung', kpiValues: 'chi-tieu-0' },
  requestExtension: { requestedDeadline: 'ngay-de-nghi', reason: 'ly-do-gia-han' },
  accept: { comment: 'nhan-xet' },
  returnForRework: { comment: 'ly-do-tra-lai' },
  decideExtension: { grant: 'quyet-dinh', deadline: 'ngay-gia-han', comment: 'y-kien-gia-han' },
  reassign: { toAgency: 'co-quan-moi', comment: 'y-kien-giao-lai' },
  cancel: { reason: 'ly-do-huy' },
  addCoordinationNote: { note: 'y-kien-phoi-hop' },
  acknowledge: {},
} as const satisfies Record<AssignmentCommandType, Record<string, string>>;

/** What the person typed, to show again when the form comes back with an error. */
export type FormValues = Record<string, string>;

export type ReadForm =
  | { ok: true; command: Omit<AssignmentCommand, 'evidenceFiles'> & { type: AssignmentCommandType }; values: FormValues }
  | { ok: false; errors: FieldError[]; values: FormValues };

const kpiField = (index: number) => `chi-tieu-${index}`;

/** "0,3" or "0.3" -> 0.3; undefined when it is not a number. */
function parseNumber(text: string): number | undefined {
  const normalised = text.replace(/\s/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) return undefined;
  return Number(normalised);
}

/** Reads and checks one posted form. `kpiTargets`: the task's targets, one value field each. */
export function readActionForm(action: AssignmentCommandType, body: unknown, kpiTargets: KpiTarget[] = []): ReadForm {
  const ids = FIELD_IDS[action] as Record<string, string>;
  const values: FormValues = {};
  for (const id of Object.values(ids)) values[id] = field(body, id);
  const errors: FieldError[] = [];
  const input: Record<string, unknown> = { type: action };

  switch (action) {
    case 'reportProgress': {
      input.note = values['ghi-chu-tien-do'];
      const percentText = values['phan-tram']!;
      if (percentText) {
        const percent = parseNumber(percentText);
        if (percent === undefined || percent < 0 || percent > 100) errors.push({ field: 'phan-tram', message: 'Tỷ lệ hoàn thành là một số từ 0 đến 100.' });
        else input.percent = percent;
      }
      break;
    }
    case 'submitResult': {
      input.summary = values['tom-tat'];
      input.evidenceLinks = values['duong-dan']!.split(/\s*\n\s*/).map((line) => line.trim()).filter(Boolean);
      const kpiValues = [];
      for (const [index, target] of kpiTargets.entries()) {
        const id = kpiField(index);
        values[id] = field(body, id);
        if (!values[id]) continue;
        const value = parseNumber(values[id]!);
        if (value === undefined) errors.push({ field: id, message: `Giá trị "${target.indicator}" phải là một số, ví dụ 0,3.` });
        else kpiValues.push({ indicator: target.indicator, value, unit: target.unit });
      }
      input.kpiValues = kpiValues;
      break;
    }
    case 'requestExtension': {
      input.reason = values['ly-do-gia-han'];
      const date = parseVietnameseDate(values['ngay-de-nghi']!);
      if (!date) errors.push({ field: 'ngay-de-nghi', message: 'Hãy nhập ngày đề nghị gia hạn theo dạng ngày/tháng/năm, ví dụ 31/12/2026.' });
      else input.requestedDeadline = date;
      break;
    }
    case 'accept':
      if (values['nhan-xet']) input.comment = values['nhan-xet'];
      break;
    case 'returnForRework':
      input.comment = values['ly-do-tra-lai'];
      break;
    case 'decideExtension': {
      const decision = values['quyet-dinh'];
      if (decision !== 'dong-y' && decision !== 'khong-dong-y') errors.push({ field: 'quyet-dinh', message: 'Hãy chọn đồng ý hoặc không đồng ý gia hạn.' });
      input.grant = decision === 'dong-y';
      if (values['ngay-gia-han']) {
        const date = parseVietnameseDate(values['ngay-gia-han']!);
        if (!date) errors.push({ field: 'ngay-gia-han', message: 'Hãy nhập ngày gia hạn theo dạng ngày/tháng/năm, ví dụ 31/12/2026.' });
        else input.deadline = date;
      }
      if (values['y-kien-gia-han']) input.comment = values['y-kien-gia-han'];
      break;
    }
    case 'reassign':
      input.toAgency = values['co-quan-moi'];
      if (!values['co-quan-moi']) errors.push({ field: 'co-quan-moi', message: 'Hãy chọn cơ quan nhận nhiệm vụ.' });
      if (values['y-kien-giao-lai']) input.comment = values['y-kien-giao-lai'];
      break;
    case 'cancel':
      input.reason = values['ly-do-huy'];
      break;
    case 'addCoordinationNote':
      input.note = values['y-kien-phoi-hop'];
      break;
    case 'acknowledge':
      break;
  }

  const parsed = CommandSchemas[action].safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      const id = ids[key] ?? '';
      // One message a field: the first problem found is the one to fix.
      if (id && errors.some((error) => error.field === id)) continue;
      // The shared error map (src/domain/validation.ts) names the field and what it takes.
      const text = issue.message;
      const message = key === 'evidenceLinks' ? `Dòng ${Number(issue.path[1] ?? 0) + 1}: ${text}` : text;
      errors.push({ field: id, message });
    }
  }
  if (errors.length > 0 || !parsed.success) return { ok: false, errors, values };
  return { ok: true, command: parsed.data as ReadForm extends { ok: true; command: infer C } ? C : never, values };
}
