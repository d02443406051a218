/**
 * zod set to answer in plain Vietnamese, and issues turned into "where: what" lines a civil
 * servant can act on. Every entry point (API, portal, CLI) imports this before validating input.
 *
 * A message names the field in the reader's words (fieldLabels.ts) and says what is expected
 * ("Tỷ lệ hoàn thành phải là số từ 0 đến 100."), never zod's own vocabulary ("expected number,
 * received undefined"). A schema's own message, where it has one, is kept: it already says it.
 */
import { z } from 'zod';
import { describeField } from './fieldLabels';
import { DATE_ISSUE } from './time/localDateSchema';

type RawIssue = z.core.$ZodRawIssue;

const quoted = (values: readonly unknown[]) => values.map((value) => `"${String(value)}"`).join(', ');
const amount = (value: number | bigint) => String(value).replace('.', ',');

/** What a value of the expected kind is called. */
const KIND_WORDS: Record<string, string> = {
  string: 'phải là chữ (một đoạn văn bản)',
  number: 'phải là một số',
  int: 'phải là một số nguyên',
  bigint: 'phải là một số nguyên',
  boolean: 'phải là có hoặc không (true hoặc false)',
  array: 'phải là một danh sách',
  object: 'phải là một nhóm thông tin (đối tượng JSON)',
  date: 'phải là một ngày',
};

/** The bounds of the number schema at fault, to say both at once ("từ 0 đến 100"). */
function boundsOf(issue: RawIssue): { minimum?: number; maximum?: number } {
  const schema = (issue as { schema?: { minValue?: unknown; maxValue?: unknown } }).schema;
  const finite = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
  return { minimum: finite(schema?.minValue), maximum: finite(schema?.maxValue) };
}

function sizeMessage(label: string, issue: RawIssue & { origin?: string }, bound: number | bigint, big: boolean, inclusive: boolean): string {
  const n = Number(bound);
  switch (issue.origin) {
    case 'string':
      if (!big && n <= 1) return `Cần nhập ${label.charAt(0).toLowerCase()}${label.slice(1)}.`;
      return big ? `${label} dài tối đa ${n} ký tự.` : `${label} cần ít nhất ${n} ký tự.`;
    case 'array':
    case 'set':
      if (!big && n <= 1) return `${label} cần ít nhất một mục.`;
      return big ? `${label} có tối đa ${n} mục.` : `${label} cần ít nhất ${n} mục.`;
    case 'file':
      return big ? `${label} lớn tối đa ${n} byte.` : `${label} cần ít nhất ${n} byte.`;
    default: {
      const { minimum, maximum } = boundsOf(issue);
      if (minimum !== undefined && maximum !== undefined) return `${label} phải là số từ ${amount(minimum)} đến ${amount(maximum)}.`;
      if (big) return inclusive ? `${label} phải là số không lớn hơn ${amount(bound)}.` : `${label} phải là số nhỏ hơn ${amount(bound)}.`;
      return inclusive ? `${label} phải là số từ ${amount(bound)} trở lên.` : `${label} phải là số lớn hơn ${amount(bound)}.`;
    }
  }
}

/** The message of one issue, naming its field. */
export function plainMessage(issue: RawIssue): string {
  const label = describeField(issue.path ?? []);
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return `Cần nhập ${label.charAt(0).toLowerCase()}${label.slice(1)}.`;
      return `${label} ${KIND_WORDS[issue.expected] ?? 'không đúng kiểu dữ liệu'}.`;
    }
    case 'too_big':
      return sizeMessage(label, issue, issue.maximum, true, issue.inclusive ?? true);
    case 'too_small':
      return sizeMessage(label, issue, issue.minimum, false, issue.inclusive ?? true);
    case 'invalid_value':
      return issue.values.length === 1
        ? `${label} phải là ${quoted(issue.values)}.`
        : `${label} phải là một trong các giá trị: ${quoted(issue.values)}.`;
    case 'invalid_format':
      if (issue.format === 'email') return `${label} phải là một địa chỉ email, ví dụ ten@coquan.gov.vn.`;
      if (issue.format === 'url') return `${label} phải là một đường dẫn web bắt đầu bằng http:// hoặc https://.`;
      return `${label} không đúng dạng quy định.`;
    case 'not_multiple_of':
      return `${label} phải là bội số của ${amount(issue.divisor)}.`;
    case 'unrecognized_keys':
      return `${label} có ${issue.keys.length > 1 ? 'các trường' : 'trường'} không dùng được: ${quoted(issue.keys)}; hãy bỏ đi.`;
    case 'invalid_union':
      return `${label} không đúng một dạng nào được chấp nhận.`;
    case 'invalid_key':
    case 'invalid_element':
      return `${label} có phần tử không hợp lệ.`;
    case 'custom':
      if ((issue.params as { kind?: string } | undefined)?.kind === DATE_ISSUE) {
        return `${label} phải là một ngày có thật, viết dạng ngày/tháng/năm (ví dụ 28/02/2027) hoặc năm-tháng-ngày (2027-02-28).`;
      }
      return `${label} không hợp lệ.`;
    default:
      return `${label} không hợp lệ.`;
  }
}

z.config(z.locales.vi());
z.config({ customError: plainMessage });

export interface FieldIssue {
  field: string;
  message: string;
}

export function fieldIssues(error: z.ZodError, prefix = ''): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(toàn bộ)',
    message: issue.message,
  }));
}

export { z };
