/**
 * The engine's worker as a separate process (`src/main.ts` with RUN_API=false), pointed at the
 * bench stack: the load generator and the API stay in the bench process, so the worker's resident
 * memory is its own and can be read from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { BenchStack } from './benchStack';
import { rssMiB } from './stats';

export interface WorkerProcess {
  pid: number;
  /** Resident set size in MiB, from /proc/<pid>/status (VmRSS). */
  rssMiB(): number;
  stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '..');

export async function spawnWorker(stack: BenchStack, taskQueue = 'bench'): Promise<WorkerProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      RUN_API: 'false',
      RUN_WORKER: 'true',
      LOAD_DEFAULTS: 'false',
      LOG_LEVEL: 'warn',
      DATA_DIR: path.join(stack.dir, `worker-${Date.now()}`), // its own: a data folder is locked by one process
      TEMPORAL_ADDRESS: stack.temporal.address,
      TEMPORAL_TASK_QUEUE: taskQueue,
      MONGODB_URI: `${stack.ferret.uri}bench`,
      SMTP_URL: stack.mailpit.smtpUrl,
      WEEKLY_DIGEST: 'false',
    },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not spawn the worker process');
  // Ready once the worker polls: give it time to bundle the workflows (a few seconds).
  await new Promise((resolve) => setTimeout(resolve, 8_000));
  if (child.exitCode !== null) throw new Error(`worker process exited: ${stderr}`);
  return {
    pid,
    rssMiB: () => rssMiB(pid),
    async stop() {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
