/**
 * The shape of each command people can give an assignment, checked at the API and again by the
 * workflow before it decides. Apart from assignmentCommands.ts (the decisions), which workflows
 * share without zod (src/temporal/workflowBundle.ts).
 */
import { z } from 'zod';
import { LocalDateSchema } from '../time/localDateSchema';

/** A text people must write: missing, empty or blank, it is asked for in the same words. */
const text = (max: number, message: string) =>
  z.string({ error: (issue) => (issue.code === 'invalid_type' && issue.input === undefined ? message : undefined) }).trim().min(1, message).max(max);

/**
 * Only web links: a `javascript:`, `data:` or `file:` link shown on a page would run or reach
 * into the reader's machine when clicked.
 */
const EvidenceLinkSchema = z.url({ protocol: /^https?$/, error: 'Đường dẫn minh chứng phải bắt đầu bằng http:// hoặc https://.' }).max(2000);

/** A file uploaded as evidence (src/services/evidenceStore.ts): the event keeps what identifies it. */
export const EvidenceFileSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{24}$/, 'Mã tệp minh chứng không hợp lệ.'),
  name: z.string().trim().min(1).max(255),
  type: z.string().min(1).max(150),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'Mã kiểm tra tệp không hợp lệ.'),
});

export const CommandSchemas = {
  acknowledge: z.object({ type: z.literal('acknowledge') }),
  reportProgress: z.object({
    type: z.literal('reportProgress'),
    note: text(5000, 'Hãy nêu nội dung tiến độ.'),
    percent: z.number().min(0).max(100).optional(),
  }),
  submitResult: z.object({
    type: z.literal('submitResult'),
    summary: text(10_000, 'Hãy nêu kết quả thực hiện.'),
    evidenceLinks: z.array(EvidenceLinkSchema).max(50).default([]),
    evidenceFiles: z.array(EvidenceFileSchema).max(20).optional(),
    kpiValues: z
      .array(z.object({ indicator: text(500, 'Thiếu tên chỉ tiêu.'), value: z.number(), unit: z.string().max(50).optional() }))
      .max(50)
      .default([]),
  }),
  accept: z.object({ type: z.literal('accept'), comment: z.string().trim().max(5000).optional() }),
  returnForRework: z.object({ type: z.literal('returnForRework'), comment: text(5000, 'Hãy nêu lý do trả lại.') }),
  requestExtension: z.object({
    type: z.literal('requestExtension'),
    requestedDeadline: LocalDateSchema,
    reason: text(5000, 'Hãy nêu lý do xin gia hạn.'),
  }),
  decideExtension: z.object({
    type: z.literal('decideExtension'),
    grant: z.boolean(),
    /** When granting: a date other than the one requested. */
    deadline: LocalDateSchema.optional(),
    comment: z.string().trim().max(5000).optional(),
  }),
  reassign: z.object({
    type: z.literal('reassign'),
    toAgency: z.string().regex(/^[A-Z][A-Z0-9_]{1,19}$/, 'Mã cơ quan không hợp lệ.'),
    comment: z.string().trim().max(5000).optional(),
  }),
  cancel: z.object({ type: z.literal('cancel'), reason: text(5000, 'Hãy nêu lý do hủy.') }),
  /** A coordinating agency's note on an assignment it helps with. */
  addCoordinationNote: z.object({ type: z.literal('addCoordinationNote'), note: text(5000, 'Hãy nhập ý kiến phối hợp.') }),
} as const;

export const AssignmentCommandSchema = z.discriminatedUnion('type', [
  CommandSchemas.acknowledge,
  CommandSchemas.reportProgress,
  CommandSchemas.submitResult,
  CommandSchemas.accept,
  CommandSchemas.returnForRework,
  CommandSchemas.requestExtension,
  CommandSchemas.decideExtension,
  CommandSchemas.reassign,
  CommandSchemas.cancel,
  CommandSchemas.addCoordinationNote,
]);
export type AssignmentCommand = z.infer<typeof AssignmentCommandSchema>;
export type AssignmentCommandType = AssignmentCommand['type'];
export const COMMAND_TYPES = Object.keys(CommandSchemas) as AssignmentCommandType[];
