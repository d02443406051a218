/**
 * One program of the local stack run as a child process: started, waited for until it answers,
 * and stopped (SIGTERM, then SIGKILL if it lingers). Its output goes to a log file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { isListening } from './ports';

export interface ServiceSpec {
  /** What a user calls it in messages, e.g. "Temporal dev server". */
  name: string;
  command: string;
  args: string[];
  /** Ports it will listen on, checked free before the start. `label` names the env var to change it. */
  ports: { port: number; label: string }[];
  logFile: string;
  /** Resolves true once the program answers requests. */
  isReady: () => Promise<boolean>;
  startTimeoutMs?: number;
}

export class StackStartError extends Error {}

export class RunningService {
  private exited: Promise<void>;

  constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    this.exited = new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else child.once('exit', () => resolve());
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get hasExited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /** Asks the program to stop, and kills it if it has not stopped after `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.hasExited) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  /** Immediate kill, for fault drills and for exit handlers that cannot wait. */
  kill(): void {
    if (!this.hasExited) this.child.kill('SIGKILL');
  }
}

function logTail(file: string, lines = 15): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Busy ports are asked again for a few seconds: a server a restart has just killed may still hold one. */
async function stillListening(port: number): Promise<boolean> {
  for (let i = 0; i < PORT_RELEASE_CHECKS; i++) {
    if (!(await isListening(port))) return false;
    await sleep(200);
  }
  return true;
}

const PORT_RELEASE_CHECKS = 15;

export async function startService(spec: ServiceSpec): Promise<RunningService> {
  for (const { port, label } of spec.ports) {
    if (await stillListening(port)) {
      throw new StackStartError(
        `Cannot start ${spec.name}: port ${port} is already in use by another program. ` +
          `Stop that program, or choose another port with ${label}.`,
      );
    }
  }
  fs.mkdirSync(path.dirname(spec.logFile), { recursive: true });
  const log = fs.openSync(spec.logFile, 'a');
  // Own process group: a Ctrl-C in the terminal reaches only the engine, which then stops the
  // stack in order (worker first, then the servers it talks to).
  const child = spawn(spec.command, spec.args, { stdio: ['ignore', log, log], detached: true });
  fs.closeSync(log);
  const service = new RunningService(spec.name, child);
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));

  const deadline = Date.now() + (spec.startTimeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (spawnError) throw new StackStartError(`Cannot start ${spec.name} (${spec.command}): ${spawnError.message}`);
    if (service.hasExited) {
      throw new StackStartError(
        `${spec.name} exited during start-up. Last lines of ${spec.logFile}:\n${logTail(spec.logFile)}`,
      );
    }
    if (await spec.isReady().catch(() => false)) return service;
    await sleep(100);
  }
  await service.stop(2_000);
  throw new StackStartError(
    `${spec.name} did not answer within ${Math.round((spec.startTimeoutMs ?? 60_000) / 1000)} s. ` +
      `Last lines of ${spec.logFile}:\n${logTail(spec.logFile)}`,
  );
}
