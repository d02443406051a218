import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Every server a test run starts keeps its files under one folder per run, named in its command
 * line; the global teardown kills whatever still mentions it, so no test leaves a process behind.
 */
export const TEST_ROOT_ENV = 'DIRECTIVE_ENGINE_TEST_ROOT';

export function testRoot(): string {
  const root = process.env[TEST_ROOT_ENV] ?? path.join(os.tmpdir(), 'directive-engine-tests', `adhoc-${process.pid}`);
  fs.mkdirSync(root, { recursive: true });
  return root;
}

/** A fresh folder for one server or one test. */
export function freshDir(prefix: string): string {
  return fs.mkdtempSync(path.join(testRoot(), `${prefix}-`));
}
