/**
 * One place that declares a route: its roles, the zod schemas of its inputs, and its handler.
 * Mounting validates inputs against the schemas (422 in Vietnamese on failure), checks the role
 * (403), and records the route in the OpenAPI registry, so the docs and the checks never drift.
 */
import type { Request, Response, Router } from 'express';
import YAML from 'yaml';
import type { z } from 'zod';
import { callerOf, forbidden, type Caller } from './middleware/authenticate';
import type { OpenApiRegistry } from './openapi/registry';
import { problems } from './problem';
import { parse } from './validate';

type Role = Caller['actor']['role'];

export interface RouteSpec<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType> {
  method: 'get' | 'post' | 'put' | 'delete';
  /** Express style, e.g. "/campaigns/:key". */
  path: string;
  summary: string;
  tag: string;
  roles: Role[];
  params?: P;
  query?: Q;
  body?: B;
  /** The launch route also takes YAML. */
  yamlBody?: boolean;
  /** Reshapes the body as read before it is validated (the launch route unwraps an import draft). */
  prepareBody?: (raw: unknown) => unknown;
  /** Extra documented answers, e.g. { 409: 'Đã tồn tại' }. */
  responses?: Record<number, string>;
  /** The schema of the JSON answer, for the docs only (the handler builds the answer). */
  answers?: z.ZodType;
  /** Answers with something other than JSON (CSV...). */
  produces?: string[];
  /** Takes a raw document instead of a JSON body (the handler reads req.body itself). */
  consumes?: string[];
  /**
   * Checks that depend on the resource (may this agency see or act on this assignment?), run
   * before the body is validated: a caller who may not act learns nothing from a 422. What it
   * loads can be kept in `res.locals` for the handler.
   */
  guard?: (context: { req: Request; res: Response; caller: Caller; params: z.infer<P> }) => Promise<void>;
}

export interface RouteContext<B, Q, P> {
  req: Request;
  res: Response;
  caller: Caller;
  body: B;
  query: Q;
  params: P;
}

/** What a handler returns: a status and a JSON body, or nothing when it answered itself. */
export type RouteResult = { status: number; body: unknown; headers?: Record<string, string> } | void;

const JSON_TYPES = ['application/json'];
const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml'];

function readBody(req: Request, yaml: boolean): unknown {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (!hasBody) return {};
  if (req.is(JSON_TYPES)) return req.body;
  if (yaml && req.is(YAML_TYPES)) {
    try {
      return YAML.parse(String(req.body ?? ''));
    } catch {
      throw problems.malformedBody('YAML');
    }
  }
  throw problems.unsupportedMediaType(yaml ? 'application/json hoặc application/yaml' : 'application/json');
}

/** The parameters a query schema names (an object, or a pipe that starts with one). */
function parameterNames(schema: z.ZodType | undefined): string[] {
  if (!schema) return [];
  const def = (schema as { def?: { type?: string; in?: z.ZodType; shape?: Record<string, unknown> } }).def;
  if (def?.type === 'object' && def.shape) return Object.keys(def.shape);
  if (def?.type === 'pipe' && def.in) return parameterNames(def.in);
  return [];
}

/**
 * A parameter the route does not know is refused, not ignored: "?status=resultSubmitted" on a
 * list that has no such filter used to answer with every assignment, as if it had filtered.
 */
function refuseUnknownParameters(schema: z.ZodType | undefined, given: Request['query']): void {
  const allowed = parameterNames(schema);
  const unknown = Object.keys(given ?? {}).filter((name) => !allowed.includes(name));
  if (unknown.length === 0) return;
  const known = allowed.length ? `Tham số dùng được: ${allowed.join(', ')}.` : 'Đường dẫn này không nhận tham số nào.';
  throw problems.validation(unknown.map((name) => ({ field: `query.${name}`, message: `Tham số "${name}" không dùng được ở đây. ${known}` })));
}

export function defineRoute<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType>(
  router: Router,
  registry: OpenApiRegistry,
  spec: RouteSpec<B, Q, P>,
  handler: (context: RouteContext<z.infer<B>, z.infer<Q>, z.infer<P>>) => Promise<RouteResult>,
): void {
  registry.add(spec);
  router[spec.method](spec.path, async (req, res) => {
    const caller = callerOf(req);
    if (!spec.roles.includes(caller.actor.role)) throw forbidden('Vai trò của mã truy cập này không được thực hiện thao tác này.');
    // What the request asks is checked before the resource guard: it tells nothing about the resource.
    refuseUnknownParameters(spec.query, req.query);
    const params = spec.params ? parse(spec.params, req.params, 'params') : req.params;
    if (spec.guard) await spec.guard({ req, res, caller, params: params as z.infer<P> });
    const query = spec.query ? parse(spec.query, req.query, 'query') : {};
    const raw = spec.body ? readBody(req, Boolean(spec.yamlBody)) : undefined;
    const body = spec.body ? parse(spec.body, spec.prepareBody ? spec.prepareBody(raw) : raw, 'body') : undefined;
    const result = await handler({ req, res, caller, body, query, params } as RouteContext<z.infer<B>, z.infer<Q>, z.infer<P>>);
    if (result && !res.headersSent) {
      for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
      res.status(result.status).json(result.body);
    }
  });
}
