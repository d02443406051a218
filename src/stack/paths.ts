import fs from 'node:fs';
import path from 'node:path';

/** The folder holding package.json, found by walking up (works from src/ and from dist/). */
function findProjectRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${start}`);
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = findProjectRoot(__dirname);

/** Git-ignored folder where `npm run setup` puts the local stack's programs. */
export const STACK_DIR = path.join(PROJECT_ROOT, '.stack');
export const STACK_BIN_DIR = path.join(STACK_DIR, 'bin');
export const TEST_SERVER_DIR = path.join(STACK_DIR, 'temporal-test-server');

/** Git-ignored folder where `npm start` keeps state between runs. */
export const DEFAULT_DATA_DIR = path.join(PROJECT_ROOT, 'data');

/** Each program the stack needs, with the env var that overrides where it is. */
export const STACK_PROGRAMS = {
  temporal: { envVar: 'TEMPORAL_CLI_PATH', installed: path.join(STACK_BIN_DIR, 'temporal'), onPath: 'temporal' },
  ferretdb: { envVar: 'FERRETDB_PATH', installed: path.join(STACK_BIN_DIR, 'ferretdb'), onPath: 'ferretdb' },
  mailpit: { envVar: 'MAILPIT_PATH', installed: path.join(STACK_BIN_DIR, 'mailpit'), onPath: 'mailpit' },
  temporalTestServer: {
    envVar: 'TEMPORAL_TEST_SERVER_PATH',
    installed: path.join(TEST_SERVER_DIR, 'bin', 'temporal-test-server'),
    onPath: 'temporal-test-server',
  },
  /** Installed as a Docker CLI plugin so `docker compose config` works without a Docker engine. */
  dockerCompose: {
    envVar: 'DOCKER_COMPOSE_PATH',
    installed: path.join(STACK_DIR, 'docker', 'cli-plugins', 'docker-compose'),
    onPath: 'docker-compose',
  },
} as const;

export type StackProgram = keyof typeof STACK_PROGRAMS;

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Looks a command up on PATH, like `command -v`. */
export function findOnPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, command);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Where a stack program is: the env var if set, else the copy `npm run setup` installed,
 * else one already on PATH. Undefined when none exists.
 */
export function locateProgram(name: StackProgram): string | undefined {
  const program = STACK_PROGRAMS[name];
  const fromEnv = process.env[program.envVar];
  if (fromEnv) return isExecutable(fromEnv) ? fromEnv : undefined;
  if (isExecutable(program.installed)) return program.installed;
  return findOnPath(program.onPath);
}

/** Like locateProgram, but explains how to fix a missing program instead of returning undefined. */
export function requireProgram(name: StackProgram): string {
  const found = locateProgram(name);
  if (found) return found;
  const program = STACK_PROGRAMS[name];
  const fromEnv = process.env[program.envVar];
  const hint = fromEnv
    ? `${program.envVar}=${fromEnv} is not an executable file.`
    : `Run \`npm run setup\` to install it into .stack/, or set ${program.envVar} to its path.`;
  throw new Error(`${name} is not installed. ${hint}`);
}

/**
 * The Chromium the browser tests drive (Debian's `chromium` package; Playwright's own browser
 * download cannot work on these machines): CHROMIUM_PATH if set, else `chromium` on PATH.
 */
export function locateChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return isExecutable(fromEnv) ? fromEnv : undefined;
  return findOnPath('chromium') ?? findOnPath('chromium-browser');
}
