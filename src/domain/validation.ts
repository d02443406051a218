/**
 * zod set to answer in Vietnamese, and issues turned into "where: what" lines a civil servant
 * can act on. Every entry point (API, CLI) imports this before validating input.
 */
import { z } from 'zod';

z.config(z.locales.vi());

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
