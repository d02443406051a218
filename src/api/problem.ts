/**
 * Errors as RFC 9457 problem details (`application/problem+json`). Everything in them is read by a
 * civil servant, so `title`, `detail` and field messages are Vietnamese; programs tell problems
 * apart by `type` (/problems/<slug>) and `status`.
 */
import type { Response } from 'express';

export interface FieldProblem {
  /** Where in the request, e.g. "body.sections[0].title" or "query.limit". */
  field: string;
  message: string;
}

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    readonly detail: string,
    readonly extras: { errors?: FieldProblem[]; retryAfterSeconds?: number; members?: Record<string, unknown> } = {},
  ) {
    super(detail);
  }
}

export const problems = {
  notFound: (detail = 'Không tìm thấy tài nguyên được yêu cầu.') => new Problem(404, 'not-found', 'Không tìm thấy', detail),
  malformedJson: () =>
    new Problem(400, 'malformed-json', 'JSON không hợp lệ', 'Nội dung yêu cầu không phải JSON hợp lệ.'),
  malformedBody: (format: string) =>
    new Problem(400, 'malformed-body', 'Nội dung không đọc được', `Nội dung yêu cầu không phải ${format} hợp lệ.`),
  conflict: (detail: string, members?: Record<string, unknown>) => new Problem(409, 'conflict', 'Xung đột', detail, { members }),
  notAcceptable: (detail: string) => new Problem(406, 'not-acceptable', 'Không có dạng được yêu cầu', detail),
  badRequest: (detail: string) => new Problem(400, 'bad-request', 'Yêu cầu không hợp lệ', detail),
  payloadTooLarge: (limit: string) =>
    new Problem(413, 'payload-too-large', 'Nội dung quá lớn', `Nội dung yêu cầu vượt quá giới hạn ${limit}.`),
  unsupportedMediaType: (expected: string) =>
    new Problem(
      415,
      'unsupported-media-type',
      'Định dạng không được hỗ trợ',
      `Định dạng nội dung không được hỗ trợ; hãy gửi với Content-Type: ${expected}.`,
    ),
  validation: (errors: FieldProblem[]) =>
    new Problem(422, 'validation-error', 'Dữ liệu không hợp lệ', 'Dữ liệu gửi lên không hợp lệ.', { errors }),
  unavailable: (detail: string, retryAfterSeconds = 30) =>
    new Problem(503, 'service-unavailable', 'Dịch vụ tạm ngừng', detail, { retryAfterSeconds }),
  internal: () =>
    new Problem(500, 'internal-error', 'Lỗi hệ thống', 'Hệ thống gặp lỗi ngoài dự kiến; vui lòng thử lại sau.'),
};

export function sendProblem(res: Response, problem: Problem, instance?: string): void {
  if (problem.extras.retryAfterSeconds) res.setHeader('Retry-After', String(problem.extras.retryAfterSeconds));
  res
    .status(problem.status)
    .type('application/problem+json')
    .json({
      type: `/problems/${problem.slug}`,
      title: problem.title,
      status: problem.status,
      detail: problem.detail,
      instance,
      ...(problem.extras.errors ? { errors: problem.extras.errors } : {}),
      // Extension members a client acts on, e.g. the current version of what it tried to change.
      ...problem.extras.members,
    });
}
