import fs from 'node:fs';
import YAML from 'yaml';
import type { z } from 'zod';
import { fieldIssues } from '../domain/validation';

export class InputFileError extends Error {}

/** Reads a YAML or JSON file and validates it, with every problem named in Vietnamese. */
export function readDataFile<S extends z.ZodType>(file: string, schema: S, what: string): z.infer<S> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputFileError(`Không đọc được tệp ${file}: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = YAML.parse(text);
  } catch (error) {
    throw new InputFileError(`Tệp ${file} không phải YAML/JSON hợp lệ: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const lines = fieldIssues(parsed.error).map((issue) => `  - ${issue.field}: ${issue.message}`);
    throw new InputFileError(`${what} trong ${file} chưa hợp lệ:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
