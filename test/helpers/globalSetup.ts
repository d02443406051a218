import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TEST_ROOT_ENV } from './testRoot';

export default function globalSetup(): void {
  const base = path.join(os.tmpdir(), 'directive-engine-tests');
  fs.mkdirSync(base, { recursive: true });
  // Set before jest forks its workers, so they all inherit it.
  process.env[TEST_ROOT_ENV] = fs.mkdtempSync(path.join(base, 'run-'));
}
