/** Request parts checked against zod schemas; a failure is a 422 naming each field in Vietnamese. */
import type { Request } from 'express';
import '../domain/validation';
import type { z } from 'zod';
import { fieldIssues } from '../domain/validation';
import { problems } from './problem';

export function parse<S extends z.ZodType>(schema: S, value: unknown, where: 'body' | 'query' | 'params'): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw problems.validation(fieldIssues(parsed.error, where));
  return parsed.data;
}

export const body = <S extends z.ZodType>(schema: S, req: Request) => parse(schema, req.body ?? {}, 'body');
export const query = <S extends z.ZodType>(schema: S, req: Request) => parse(schema, req.query, 'query');
export const params = <S extends z.ZodType>(schema: S, req: Request) => parse(schema, req.params, 'params');
