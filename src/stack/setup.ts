/**
 * `npm run setup`: installs the embedded local stack into .stack/ (git-ignored).
 * Idempotent: a part already installed at the pinned version is skipped.
 * Prints one line per part, and on failure the exact command and the end of its log.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, STACK_BIN_DIR, STACK_DIR, STACK_PROGRAMS, TEST_SERVER_DIR, findOnPath, locateChromium, type StackProgram } from './paths';
import { FERRETDB_BACKEND_FILES, FERRETDB_BACKEND_SOURCE_DIR, FERRETDB_PATCH, PATCHED_FERRETDB_DIR, writePatchedFerretDb, writeWrapperModfile } from './ferretDbPatch';
import { STACK_VERSIONS } from './versions';

const LOG_DIR = path.join(STACK_DIR, 'logs');
const RECEIPT_FILE = path.join(STACK_DIR, 'installed.json');

class SetupError extends Error {}

type Receipt = Partial<Record<StackProgram, string>>;

function readReceipt(): Receipt {
  try {
    return JSON.parse(fs.readFileSync(RECEIPT_FILE, 'utf8')) as Receipt;
  } catch {
    return {};
  }
}

function recordInstalled(name: StackProgram, version: string): void {
  const receipt = { ...readReceipt(), [name]: version };
  fs.writeFileSync(RECEIPT_FILE, JSON.stringify(receipt, null, 2) + '\n');
}

function say(part: string, message: string): void {
  process.stdout.write(`[setup] ${part.padEnd(22)} ${message}\n`);
}

/** Runs a command with its output sent to a log file; rejects with the log's tail on failure. */
function run(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; log: string }) {
  return new Promise<void>((resolve, reject) => {
    const out = fs.openSync(options.log, 'w');
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', out, out] });
    child.on('error', (error) => reject(new SetupError(`could not run ${command}: ${error.message}`)));
    child.on('exit', (code, signal) => {
      fs.closeSync(out);
      if (code === 0) return resolve();
      const tail = fs.readFileSync(options.log, 'utf8').split('\n').slice(-25).join('\n');
      reject(
        new SetupError(
          `\`${command} ${args.join(' ')}\` failed (${signal ?? `exit ${code}`}). Full log: ${options.log}\n${tail}`,
        ),
      );
    });
  });
}

/** A tool the set-up itself needs (Go, Java, Maven): from its env var, else PATH, else a clear error. */
function requireTool(envVar: string, command: string, purpose: string, installHint: string): string {
  const fromEnv = process.env[envVar];
  if (fromEnv) {
    if (fs.existsSync(fromEnv)) return fromEnv;
    throw new SetupError(`${envVar}=${fromEnv} does not exist. ${command} is needed ${purpose}.`);
  }
  const found = findOnPath(command);
  if (found) return found;
  throw new SetupError(
    `${command} was not found on PATH. It is needed ${purpose}. ${installHint}, or set ${envVar} to its path.`,
  );
}

/** True when the part is provided from outside (env var or PATH) or already installed at the pinned version. */
function alreadyThere(name: StackProgram, label: string, version: string): boolean {
  const program = STACK_PROGRAMS[name];
  const fromEnv = process.env[program.envVar];
  if (fromEnv) {
    say(label, `using ${fromEnv} (from ${program.envVar})`);
    return true;
  }
  if (fs.existsSync(program.installed) && readReceipt()[name] === version) {
    say(label, `${version} already installed, skipped`);
    return true;
  }
  const onPath = findOnPath(program.onPath);
  if (onPath && !onPath.startsWith(STACK_DIR)) {
    say(label, `using ${onPath} (found on PATH)`);
    return true;
  }
  return false;
}

async function goInstall(name: StackProgram, label: string, spec: { module: string; version: string; binary: string }) {
  if (alreadyThere(name, label, spec.version)) return;
  const go = requireTool('GO', 'go', 'to build the Temporal CLI, FerretDB and Mailpit', 'Install Go 1.24 or newer');
  const started = Date.now();
  say(label, `building ${spec.module}@${spec.version} with go install (a few minutes the first time)...`);
  const gobin = path.join(STACK_DIR, 'gobin', name);
  fs.mkdirSync(gobin, { recursive: true });
  await run(go, ['install', `${spec.module}@${spec.version}`], {
    env: { ...process.env, GOBIN: gobin },
    log: path.join(LOG_DIR, `${name}.log`),
  });
  const target = STACK_PROGRAMS[name].installed;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.renameSync(path.join(gobin, spec.binary), target);
  recordInstalled(name, spec.version);
  say(label, `${spec.version} installed in ${seconds(started)}`);
}

/** Builds a module's command inside the module itself, for modules `go install` refuses. */
async function goBuildInModule(name: StackProgram, label: string, spec: { module: string; version: string; package: string }) {
  if (alreadyThere(name, label, spec.version)) return;
  const go = requireTool('GO', 'go', `to build ${label}`, 'Install Go 1.26.8 or newer');
  const started = Date.now();
  say(label, `building ${spec.module}@${spec.version} (a few minutes the first time)...`);
  const log = path.join(LOG_DIR, `${name}.log`);
  const moduleDir = await downloadModule(go, spec, log);
  const target = STACK_PROGRAMS[name].installed;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  await run(go, ['build', '-o', target, spec.package], { cwd: moduleDir, log });
  recordInstalled(name, spec.version);
  say(label, `${spec.version} installed in ${seconds(started)}`);
}

/** Downloads a module into the Go module cache (read-only there) and returns its folder. */
async function downloadModule(go: string, spec: { module: string; version: string }, log: string): Promise<string> {
  const downloaded = await capture(go, ['mod', 'download', '-json', `${spec.module}@${spec.version}`], log);
  const moduleDir = (JSON.parse(downloaded) as { Dir?: string }).Dir;
  if (!moduleDir) throw new SetupError(`go mod download gave no folder for ${spec.module}@${spec.version}; see ${log}`);
  return moduleDir;
}

/** Runs a command and returns its standard output (stderr goes to the log). */
function capture(command: string, args: string[], log: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const err = fs.openSync(log, 'w');
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', err] });
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', (error) => reject(new SetupError(`could not run ${command}: ${error.message}`)));
    child.on('exit', (code) => {
      fs.closeSync(err);
      if (code === 0) resolve(out);
      else reject(new SetupError(`\`${command} ${args.join(' ')}\` failed (exit ${code}): ${fs.readFileSync(log, 'utf8').slice(-2000)}`));
    });
  });
}

/**
 * Builds FerretDB from the wrapper module in stack/ferretdb (FerretDB used as a library), against
 * a patched copy of the FerretDB module (src/stack/ferretDbPatch.ts says why).
 */
async function buildFerretDb() {
  const label = 'ferretdb';
  const spec = STACK_VERSIONS.ferretdb;
  const wrapperDir = path.join(PROJECT_ROOT, spec.wrapperDir);
  // The receipt also covers the wrapper's own files, the backend files and the patch, so editing them triggers a rebuild.
  const backendFiles = FERRETDB_BACKEND_FILES.map((file) => path.join('sqlite', file));
  const fingerprint = `${spec.version}+${fingerprintOf(wrapperDir, ['main.go', 'go.mod', 'go.sum', ...backendFiles], FERRETDB_PATCH.id)}`;
  if (alreadyThere('ferretdb', label, fingerprint)) return;
  const go = requireTool('GO', 'go', 'to build the Temporal CLI, FerretDB and Mailpit', 'Install Go 1.24 or newer');
  const started = Date.now();
  say(label, `building FerretDB ${spec.version} (SQLite backend, patched) from ${spec.wrapperDir}...`);
  const log = path.join(LOG_DIR, 'ferretdb.log');
  const moduleDir = await downloadModule(go, spec, log);
  const buildDir = path.join(STACK_DIR, 'build');
  const copyDir = PATCHED_FERRETDB_DIR;
  const modfile = path.join(buildDir, 'ferretdb-wrapper.mod');
  fs.mkdirSync(buildDir, { recursive: true });
  writePatchedFerretDb(moduleDir, copyDir, FERRETDB_BACKEND_SOURCE_DIR, spec.version);
  writeWrapperModfile(wrapperDir, spec.module, copyDir, modfile);
  await run(go, ['build', `-modfile=${modfile}`, '-o', STACK_PROGRAMS.ferretdb.installed, '.'], { cwd: wrapperDir, log });
  recordInstalled('ferretdb', fingerprint);
  say(label, `${spec.version} installed in ${seconds(started)}`);
}

function fingerprintOf(dir: string, files: string[], extra = ''): string {
  const hash = createHash('sha256');
  hash.update(extra);
  for (const file of files) hash.update(fs.readFileSync(path.join(dir, file)));
  return hash.digest('hex').slice(0, 12);
}

function testServerPom(): string {
  const { groupId, artifactId, version } = STACK_VERSIONS.temporalTestServer;
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by npm run setup: resolves the Temporal Java test server and its whole classpath. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.directive-engine</groupId>
  <artifactId>temporal-test-server-classpath</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>${groupId}</groupId>
      <artifactId>${artifactId}</artifactId>
      <version>${version}</version>
    </dependency>
  </dependencies>
</project>
`;
}

/**
 * The launcher takes the port as its only argument (what the Temporal SDK passes to an
 * `existing-path` executable) and `exec`s java, so a signal sent to it reaches the JVM.
 */
const TEST_SERVER_LAUNCHER = `#!/bin/sh
# Temporal's Java time-skipping test server. Usage: temporal-test-server PORT [--start-time=ISO]
here=$(cd "$(dirname "$0")/.." && pwd)
java=\${JAVA_HOME:+$JAVA_HOME/bin/}java
# Short-lived test JVM: tiered C1 and the serial collector make it start fastest.
exec "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto \\
  -cp "$here/classes:$here/lib/*" directiveengine.TimeSkippingServer "$@"
`;

const TEST_SERVER_SOURCE = path.join(PROJECT_ROOT, 'stack', 'temporal-test-server', 'TimeSkippingServer.java');

async function installTestServer() {
  const label = 'temporal test server';
  const version = `${STACK_VERSIONS.temporalTestServer.version}+${fingerprintOf(path.dirname(TEST_SERVER_SOURCE), [path.basename(TEST_SERVER_SOURCE)])}`;
  if (alreadyThere('temporalTestServer', label, version)) return;
  requireTool('JAVA', 'java', 'to run the Temporal time-skipping test server', 'Install Java 17 (apt-get install openjdk-17-jdk-headless)');
  const javac = requireTool('JAVAC', 'javac', 'to compile the test server launcher', 'Install a Java 17 JDK (apt-get install openjdk-17-jdk-headless)');
  const mvn = requireTool('MVN', 'mvn', 'to fetch the Temporal test server from Maven Central', 'Install Maven (apt-get install maven)');
  const started = Date.now();
  say(label, `fetching io.temporal:temporal-test-server:${version} and its classpath with Maven...`);
  fs.rmSync(TEST_SERVER_DIR, { recursive: true, force: true });
  fs.mkdirSync(path.join(TEST_SERVER_DIR, 'bin'), { recursive: true });
  fs.writeFileSync(path.join(TEST_SERVER_DIR, 'pom.xml'), testServerPom());
  await run(mvn, ['-B', '-q', 'dependency:copy-dependencies', '-DoutputDirectory=lib', '-DincludeScope=runtime'], {
    cwd: TEST_SERVER_DIR,
    log: path.join(LOG_DIR, 'temporalTestServer.log'),
  });
  await run(javac, ['-d', path.join(TEST_SERVER_DIR, 'classes'), '-cp', path.join(TEST_SERVER_DIR, 'lib', '*'), TEST_SERVER_SOURCE], {
    log: path.join(LOG_DIR, 'temporalTestServer-javac.log'),
  });
  const launcher = STACK_PROGRAMS.temporalTestServer.installed;
  fs.writeFileSync(launcher, TEST_SERVER_LAUNCHER, { mode: 0o755 });
  recordInstalled('temporalTestServer', version);
  say(label, `${version} installed in ${seconds(started)} (${fs.readdirSync(path.join(TEST_SERVER_DIR, 'lib')).length} jars)`);
}

/**
 * Chromium for the browser tests: Debian's package, installed with apt-get when missing (as root),
 * or the one CHROMIUM_PATH names. A system package, not a .stack part: apt keeps it up to date.
 */
async function ensureChromium() {
  const label = 'chromium (tests)';
  if (process.env.CHROMIUM_PATH) {
    if (!locateChromium()) throw new SetupError(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not an executable file.`);
    say(label, `using ${process.env.CHROMIUM_PATH} (from CHROMIUM_PATH)`);
    return;
  }
  const found = locateChromium();
  if (found) {
    say(label, `using ${found} (found on PATH)`);
    return;
  }
  const aptGet = findOnPath('apt-get');
  if (!aptGet || process.getuid?.() !== 0) {
    throw new SetupError(
      'chromium was not found. The browser tests need it: run `apt-get install -y chromium` as root, or set CHROMIUM_PATH to a Chromium executable.',
    );
  }
  const started = Date.now();
  say(label, 'installing Debian\'s chromium with apt-get...');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run(aptGet, ['update'], { env, log: path.join(LOG_DIR, 'chromium-apt-update.log') });
  await run(aptGet, ['install', '-y', '--no-install-recommends', 'chromium'], { env, log: path.join(LOG_DIR, 'chromium.log') });
  const installed = locateChromium();
  if (!installed) throw new SetupError(`apt-get installed chromium but no chromium is on PATH; see ${path.join(LOG_DIR, 'chromium.log')}`);
  say(label, `${installed} installed in ${seconds(started)}`);
}

function seconds(since: number): string {
  return `${Math.round((Date.now() - since) / 1000)}s`;
}

async function main() {
  const started = Date.now();
  fs.mkdirSync(STACK_BIN_DIR, { recursive: true });
  fs.mkdirSync(LOG_DIR, { recursive: true });
  // Maven is network-bound and Go builds are CPU-bound: run them side by side.
  const goBuilds = (async () => {
    await goInstall('temporal', 'temporal cli', STACK_VERSIONS.temporalCli);
    await buildFerretDb();
    await goInstall('mailpit', 'mailpit', STACK_VERSIONS.mailpit);
    await goBuildInModule('dockerCompose', 'docker compose (tests)', STACK_VERSIONS.dockerCompose);
  })();
  const results = await Promise.allSettled([goBuilds, installTestServer(), ensureChromium()]);
  const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  fs.rmSync(path.join(STACK_DIR, 'gobin'), { recursive: true, force: true });
  if (failures.length > 0) {
    for (const failure of failures) {
      const reason = failure.reason as Error;
      process.stderr.write(`\n[setup] FAILED: ${reason instanceof SetupError ? reason.message : reason.stack}\n`);
    }
    process.exit(1);
  }
  say('done', `local stack ready in .stack/ (${seconds(started)}). Next: npm start`);
}

void main();
