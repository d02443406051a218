/**
 * Recovery after a crash: `npm start` records the pids it spawned in the data folder, so the next
 * start can stop programs a killed run left behind, and refuse to run twice on the same data.
 */
import fs from 'node:fs';
import path from 'node:path';

function commandLineOf(pid: number): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return undefined;
  }
}

/**
 * Alive until it is a zombie or gone. Not judged by its command line: a process being torn down
 * loses its memory (an empty cmdline) before it closes its sockets, so a restart that trusted the
 * cmdline found the killed server's port still taken.
 */
function isAlive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (name) state ...": the name may hold spaces or parentheses, the state follows the last ')'.
    const state = stat.charAt(stat.lastIndexOf(')') + 2);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

export class DataFolderLock {
  private constructor(private readonly file: string) {}

  /** Takes the data folder for this process, or explains which process holds it. */
  static acquire(dataDir: string): DataFolderLock {
    fs.mkdirSync(dataDir, { recursive: true });
    const file = path.join(dataDir, 'engine.pid');
    const holder = Number.parseInt(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '', 10);
    if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder) && commandLineOf(holder)?.includes('node')) {
      throw new Error(
        `Another engine (pid ${holder}) is already running on the data folder ${dataDir}. ` +
          `Stop it first (Ctrl-C in its terminal, or \`kill ${holder}\`), or set DATA_DIR to another folder.`,
      );
    }
    // Absent, ours, or stale (its process is gone): take it.
    fs.writeFileSync(file, String(process.pid));
    return new DataFolderLock(file);
  }

  release(): void {
    fs.rmSync(this.file, { force: true });
  }
}

export class SpawnedProcessRecord {
  private readonly file: string;
  private pids: number[] = [];

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'stack.pids');
  }

  /**
   * Kills programs a previous run started and did not stop (it was killed itself). Only pids whose
   * command line still mentions this data folder are touched, so a reused pid is left alone.
   */
  async killLeftovers(dataDir: string, log: (message: string) => void): Promise<void> {
    const recorded = fs.existsSync(this.file) ? fs.readFileSync(this.file, 'utf8').split('\n').map(Number) : [];
    for (const pid of recorded.filter((p) => Number.isInteger(p) && p > 0)) {
      const commandLine = commandLineOf(pid);
      if (!commandLine?.includes(dataDir)) continue;
      log(`stopping a leftover process from a previous run (pid ${pid}: ${commandLine.split(' ')[0]})`);
      process.kill(pid, 'SIGKILL');
      for (let i = 0; i < 50 && isAlive(pid); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    fs.rmSync(this.file, { force: true });
  }

  add(pid: number): void {
    this.pids.push(pid);
    fs.writeFileSync(this.file, this.pids.join('\n'));
  }

  clear(): void {
    this.pids = [];
    fs.rmSync(this.file, { force: true });
  }
}
