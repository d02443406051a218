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

describe('docker-compose.yml', () => {
  it('is a valid compose file with Temporal on PostgreSQL, its UI, MongoDB 7, Mailpit and the engine', () => {
    const result = composeConfig(composeFile, { TEMPORAL_DB_PASSWORD: 'secret-for-test' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const config = JSON.parse(result.stdout) as {
      services: Record<string, { image?: string; build?: unknown; environment?: Record<string, string> }>;
    };
    expect(Object.keys(config.services).sort()).toEqual(
      ['engine', 'mailpit', 'mongodb', 'postgresql', 'temporal', 'temporal-ui'].sort(),
    );
    expect(config.services.mongodb?.image).toBe('mongo:7');
    expect(config.services.temporal?.environment?.DB).toBe('postgres12');
    expect(config.services.engine?.build).toBeDefined();
    // The engine is configured only by env vars, all pointing at the compose services.
    expect(config.services.engine?.environment).toMatchObject({
      TEMPORAL_ADDRESS: 'temporal:7233',
      MONGODB_URI: 'mongodb://mongodb:27017/directive-engine',
      SMTP_URL: 'smtp://mailpit:1025',
    });
  });

  it('refuses to render without the database password (no secret has a default)', () => {
    const result = composeConfig(composeFile, {});
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('TEMPORAL_DB_PASSWORD');
  });

  it('catches a broken file, so this check can fail', () => {
    const dir = freshDir('compose');
    const broken = fs.readFileSync(composeFile, 'utf8').replace('image: mongo:7', 'imagee: mongo:7');
    fs.writeFileSync(path.join(dir, 'docker-compose.yml'), broken);
    fs.copyFileSync(path.join(PROJECT_ROOT, 'Dockerfile'), path.join(dir, 'Dockerfile'));
    const result = composeConfig(path.join(dir, 'docker-compose.yml'), { TEMPORAL_DB_PASSWORD: 'x' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('imagee');
  });
});
