/**
 * Errors as RFC 9457 problem details (`application/problem+json`). `title` stays a short English
 * label for engineers; `detail` and field messages are Vietnamese, for the civil servant reading them.
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
    readonly extras: { errors?: FieldProblem[]; retryAfterSeconds?: number } = {},
  ) {
    super(detail);
  }
}

export const problems = {
  notFound: (detail = 'Không tìm thấy tài nguyên được yêu cầu.') => new Problem(404, 'not-found', 'Not Found', detail),
  malformedJson: () =>
    new Problem(400, 'malformed-json', 'Malformed JSON', 'Nội dung yêu cầu không phải JSON hợp lệ.'),
  malformedBody: (format: string) =>
    new Problem(400, 'malformed-body', 'Malformed Body', `Nội dung yêu cầu không phải ${format} hợp lệ.`),
  conflict: (detail: string) => new Problem(409, 'conflict', 'Conflict', detail),
  badRequest: (detail: string) => new Problem(400, 'bad-request', 'Bad Request', detail),
  payloadTooLarge: (limit: string) =>
    new Problem(413, 'payload-too-large', 'Payload Too Large', `Nội dung yêu cầu vượt quá giới hạn ${limit}.`),
  unsupportedMediaType: (expected: string) =>
    new Problem(
      415,
      'unsupported-media-type',
      'Unsupported Media Type',
      `Định dạng nội dung không được hỗ trợ; hãy gửi với Content-Type: ${expected}.`,
    ),
  validation: (errors: FieldProblem[]) =>
    new Problem(422, 'validation-error', 'Validation Error', 'Dữ liệu gửi lên không hợp lệ.', { errors }),
  unavailable: (detail: string, retryAfterSeconds = 30) =>
    new Problem(503, 'service-unavailable', 'Service Unavailable', detail, { retryAfterSeconds }),
  internal: () =>
    new Problem(500, 'internal-error', 'Internal Server Error', 'Hệ thống gặp lỗi ngoài dự kiến; vui lòng thử lại sau.'),
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
    });
}
