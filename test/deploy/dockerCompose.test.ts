/**
 * docker-compose.yml is for users (no Docker engine runs here), so it is checked with
 * `docker compose config`, the compose plugin `npm run setup` builds into .stack/docker.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, STACK_DIR } from '../../src/stack/paths';
import { freshDir } from '../helpers/testRoot';

function composeConfig(file: string, env: Record<string, string>) {
  const result = spawnSync('docker', ['compose', '-f', file, 'config', '--format', 'json'], {
    cwd: path.dirname(file),
    env: { PATH: process.env.PATH, DOCKER_CONFIG: path.join(STACK_DIR, 'docker'), ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const composeFile = path.join(PROJECT_ROOT, 'docker-compose.yml');
/** Every secret the file needs: each must be given, none has a default. */
const SECRETS = { TEMPORAL_DB_PASSWORD: 'pg-4f9c1e7a2b', MONGODB_PASSWORD: 'mongo-8d3a6b0c5e' };

interface Port {
  host_ip?: string;
  target: number;
  published?: string;
}
interface ComposeConfig {
  services: Record<string, { image?: string; build?: unknown; environment?: Record<string, string | null>; ports?: Port[]; command?: unknown }>;
}

function renderedConfig(env: Record<string, string> = SECRETS): ComposeConfig {
  const result = composeConfig(composeFile, env);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as ComposeConfig;
}

describe('docker-compose.yml', () => {
  it('is a valid compose file with Temporal on PostgreSQL, its UI, MongoDB 7, Mailpit and the engine', () => {
    const config = renderedConfig();
    expect(Object.keys(config.services).sort()).toEqual(
      ['engine', 'mailpit', 'mongodb', 'postgresql', 'temporal', 'temporal-ui'].sort(),
    );
    expect(config.services.mongodb?.image).toBe('mongo:7');
    expect(config.services.temporal?.environment?.DB).toBe('postgres12');
    expect(config.services.engine?.build).toBeDefined();
    // The engine is configured only by env vars, all pointing at the compose services.
    expect(config.services.engine?.environment).toMatchObject({
      TEMPORAL_ADDRESS: 'temporal:7233',
      MONGODB_URI: expect.stringMatching(/^mongodb:\/\/[^@]+@mongodb:27017\/directive-engine\?authSource=admin$/),
      SMTP_URL: 'smtp://mailpit:1025',
    });
  });

  it('publishes only the API on the network; the Temporal UI and Mailpit UI on the host loopback only', () => {
    const published = Object.entries(renderedConfig().services).flatMap(([service, spec]) =>
      (spec.ports ?? []).map((port) => ({ service, target: port.target, hostIp: port.host_ip ?? '0.0.0.0' })),
    );
    expect(published.filter((port) => port.hostIp !== '127.0.0.1')).toEqual([{ service: 'engine', target: 3000, hostIp: '0.0.0.0' }]);
    expect(published.map((port) => port.service).sort()).toEqual(['engine', 'mailpit', 'temporal-ui']);
  });

  it('keeps the Temporal UI read-only: no cancel, signal or terminate past the API\'s roles', () => {
    expect(renderedConfig().services['temporal-ui']?.environment?.TEMPORAL_DISABLE_WRITE_ACTIONS).toBe('true');
  });

  it('turns MongoDB authentication on, and the engine logs in with the same password', () => {
    const { services } = renderedConfig();
    expect(services.mongodb?.environment).toMatchObject({ MONGO_INITDB_ROOT_USERNAME: 'engine', MONGO_INITDB_ROOT_PASSWORD: SECRETS.MONGODB_PASSWORD });
    const uri = new URL(services.engine!.environment!.MONGODB_URI!);
    expect([uri.username, uri.password]).toEqual(['engine', SECRETS.MONGODB_PASSWORD]);
    expect(services.temporal?.environment?.POSTGRES_PWD).toBe(SECRETS.TEMPORAL_DB_PASSWORD);
    expect(services.postgresql?.environment?.POSTGRES_PASSWORD).toBe(SECRETS.TEMPORAL_DB_PASSWORD);
  });

  it.each(Object.keys(SECRETS))('refuses to render without %s, or with it empty (no secret has a default)', (secret) => {
    for (const value of [undefined, '']) {
      const env: Record<string, string> = { ...SECRETS };
      if (value === undefined) delete env[secret];
      else env[secret] = value;
      const result = composeConfig(composeFile, env);
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain(secret);
    }
  });

  it('ships no placeholder secret: .env.example leaves every password empty', () => {
    const example = fs.readFileSync(path.join(PROJECT_ROOT, '.env.example'), 'utf8');
    const assignments = example.split('\n').filter((line) => /^[A-Z_]+=/.test(line));
    expect(assignments.map((line) => line.split('=')[0]).sort()).toEqual(Object.keys(SECRETS).sort());
    expect(assignments.filter((line) => !line.endsWith('='))).toEqual([]);
    // Rendered with .env.example as it is (a user who forgot to fill it in), compose refuses.
    const dir = freshDir('compose-env');
    fs.copyFileSync(composeFile, path.join(dir, 'docker-compose.yml'));
    fs.copyFileSync(path.join(PROJECT_ROOT, '.env.example'), path.join(dir, '.env'));
    expect(composeConfig(path.join(dir, 'docker-compose.yml'), {}).status).not.toBe(0);
    // Nor does the compose file itself carry a password in clear.
    expect(fs.readFileSync(composeFile, 'utf8')).not.toMatch(/change-?me|PASSWORD:-|PWD:-|(password|secret)\s*:\s*["']?\w/i);
  });

  it('does not launch the 2021 demo campaign (whose emails would go through the real relay) unless asked', () => {
    expect(renderedConfig().services.engine?.environment?.LOAD_DEFAULTS).toBe('false');
    expect(renderedConfig({ ...SECRETS, LOAD_DEFAULTS: 'true' }).services.engine?.environment?.LOAD_DEFAULTS).toBe('true');
  });

  it('catches a broken file, so this check can fail', () => {
    const dir = freshDir('compose');
    const broken = fs.readFileSync(composeFile, 'utf8').replace('image: mongo:7', 'imagee: mongo:7');
    fs.writeFileSync(path.join(dir, 'docker-compose.yml'), broken);
    fs.copyFileSync(path.join(PROJECT_ROOT, 'Dockerfile'), path.join(dir, 'Dockerfile'));
    const result = composeConfig(path.join(dir, 'docker-compose.yml'), SECRETS);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('imagee');
  });
});
