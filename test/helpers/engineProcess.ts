/**
 * Runs `npm start`'s entry point as a real child process (node with tsx's loader, so the pid is
 * the engine's own), on free ports and a fresh data folder, for tests of start, stop and crash.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/stack/paths';

export interface EngineProcessPorts {
  PORT: number;
  TEMPORAL_PORT: number;
  TEMPORAL_UI_PORT: number;
  MONGODB_PORT: number;
  SMTP_PORT: number;
  MAILPIT_UI_PORT: number;
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * Six free ports below the kernel's ephemeral range (32768 and up). A test that restarts an engine
 * on the same ports leaves them free for a moment; every other test process asks the kernel for
 * "any free port", which comes from the ephemeral range and so can never take these meanwhile.
 */
export async function allocatePorts(): Promise<EngineProcessPorts> {
  const picked: number[] = [];
  while (picked.length < 6) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (!picked.includes(port) && (await canListen(port))) picked.push(port);
  }
  const [PORT, TEMPORAL_PORT, TEMPORAL_UI_PORT, MONGODB_PORT, SMTP_PORT, MAILPIT_UI_PORT] = picked;
  return { PORT: PORT!, TEMPORAL_PORT: TEMPORAL_PORT!, TEMPORAL_UI_PORT: TEMPORAL_UI_PORT!, MONGODB_PORT: MONGODB_PORT!, SMTP_PORT: SMTP_PORT!, MAILPIT_UI_PORT: MAILPIT_UI_PORT! };
}

export class EngineProcess {
  output = '';
  readonly exited: Promise<number | null>;

  private constructor(readonly child: ChildProcess) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  static launch(dataDir: string, ports: EngineProcessPorts, extraEnv: Record<string, string> = {}): EngineProcess {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'info', LOAD_DEFAULTS: 'false', ...extraEnv };
    for (const [key, value] of Object.entries(ports)) env[key] = String(value);
    for (const key of ['TEMPORAL_ADDRESS', 'MONGODB_URI', 'SMTP_URL']) if (!(key in extraEnv)) delete env[key];
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'src/main.ts')], {
      cwd: PROJECT_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new EngineProcess(child);
  }

  /** Waits for the start-up banner, or fails with everything the process printed. */
  async waitUntilRunning(timeoutMs = 90_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.output.includes('Directive engine is running.')) {
      if (this.child.exitCode !== null) throw new Error(`engine exited (${this.child.exitCode}):\n${this.output}`);
      if (Date.now() > deadline) throw new Error(`engine did not start in time:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** Pids of live processes whose command line mentions `text` (e.g. a data folder). */
export function processesMentioning(text: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const commandLine = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (commandLine.includes(text)) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}
