/**
 * The OpenAPI 3.1 document, built from the same zod schemas that validate requests (zod's JSON
 * Schema output is the 2020-12 dialect OpenAPI 3.1 uses).
 */
import { z } from 'zod';
import type { RouteSpec } from '../defineRoute';

type AnySpec = RouteSpec<z.ZodType, z.ZodType, z.ZodType>;

const toSchema = (schema: z.ZodType, io: 'input' | 'output' = 'input') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;

function parametersOf(schema: z.ZodType | undefined, location: 'path' | 'query') {
  if (!schema) return [];
  const json = toSchema(schema) as { properties?: Record<string, object>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

export class OpenApiRegistry {
  private readonly routes: { spec: AnySpec; prefix: string }[] = [];

  constructor(private readonly prefix: string) {}

  add(spec: RouteSpec<z.ZodType, z.ZodType, z.ZodType>): void {
    this.routes.push({ spec, prefix: this.prefix });
  }

  document(): Record<string, unknown> {
    const paths: Record<string, Record<string, unknown>> = {};
    for (const { spec, prefix } of this.routes) {
      const path = `${prefix}${spec.path}`.replace(/:([A-Za-z]+)/g, '{$1}');
      const responses: Record<string, unknown> = {
        [spec.method === 'post' && spec.path === '/campaigns' ? '201' : '200']: {
          description: 'Thành công',
          content: Object.fromEntries(
            (spec.produces ?? ['application/json']).map((type) => [type, type === 'application/json' && spec.answers ? { schema: toSchema(spec.answers, 'output') } : {}]),
          ),
        },
        '401': problemResponse('Thiếu hoặc sai mã truy cập'),
        '403': problemResponse('Vai trò hoặc cơ quan không được phép'),
        '422': problemResponse('Dữ liệu không hợp lệ (từng trường, bằng tiếng Việt)'),
        '429': problemResponse('Quá nhiều yêu cầu'),
        '503': problemResponse('Một thành phần phụ thuộc đang ngừng; thử lại sau Retry-After giây'),
      };
      for (const [status, description] of Object.entries(spec.responses ?? {})) responses[status] = problemResponse(description);
      const operation: Record<string, unknown> = {
        summary: spec.summary,
        tags: [spec.tag],
        description: `Vai trò được phép: ${spec.roles.join(', ')}.`,
        parameters: [...parametersOf(spec.params, 'path'), ...parametersOf(spec.query, 'query')],
        responses,
      };
      if (spec.consumes) {
        operation.requestBody = {
          required: true,
          content: Object.fromEntries(spec.consumes.map((type) => [type, { schema: { type: 'string', format: type.startsWith('text/') ? undefined : 'binary' } }])),
        };
      }
      if (spec.body) {
        const schema = toSchema(spec.body);
        operation.requestBody = {
          required: true,
          content: {
            'application/json': { schema },
            ...(spec.yamlBody ? { 'application/yaml': { schema } } : {}),
          },
        };
      }
      paths[path] = { ...(paths[path] ?? {}), [spec.method]: operation };
    }
    return {
      openapi: '3.1.0',
      info: {
        title: 'Directive engine API',
        version: '1',
        description:
          'Theo dõi nhiệm vụ UBND Thành phố giao cho các sở, ngành, quận, huyện: kế hoạch, nhiệm vụ, thao tác, ' +
          'danh bạ cơ quan, lịch làm việc, thống kê. Xác thực bằng Authorization: Bearer <mã>.',
      },
      security: [{ bearer: [] }],
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
        schemas: {
          Problem: {
            type: 'object',
            properties: {
              type: { type: 'string' },
              title: { type: 'string' },
              status: { type: 'integer' },
              detail: { type: 'string', description: 'Tiếng Việt' },
              instance: { type: 'string' },
              errors: {
                type: 'array',
                items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } },
              },
            },
          },
        },
      },
      paths,
    };
  }
}
