import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { TEST_ROOT_ENV } from './testRoot';

/** Kills any server a crashed or careless suite left running, then removes the run's files. */
export default function globalTeardown(): void {
  const root = process.env[TEST_ROOT_ENV];
  if (!root) return;
  try {
    execFileSync('pkill', ['-KILL', '-f', root], { stdio: 'ignore' });
  } catch {
    // pkill exits 1 when nothing matched: the normal case.
  }
  fs.rmSync(root, { recursive: true, force: true });
}
