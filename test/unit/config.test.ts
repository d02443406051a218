import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';

describe('loadConfig', () => {
  it('defaults to the embedded stack on the usual ports', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      TEMPORAL_PORT: 7233,
      MONGODB_PORT: 27017,
      SMTP_PORT: 1025,
      RUN_WORKER: true,
      RUN_API: true,
    });
    expect([config.TEMPORAL_ADDRESS, config.MONGODB_URI, config.SMTP_URL]).toEqual([undefined, undefined, undefined]);
  });

  it('treats an empty service address as unset (start the embedded one)', () => {
    expect(loadConfig({ TEMPORAL_ADDRESS: '  ' }).TEMPORAL_ADDRESS).toBeUndefined();
  });

  it('names every bad variable in one error', () => {
    const attempt = () => loadConfig({ PORT: 'eighty', RUN_WORKER: 'maybe' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT/);
    expect(attempt).toThrow(/RUN_WORKER/);
  });

  it('lets a process run only the worker or only the API (scale-out)', () => {
    expect(loadConfig({ RUN_API: 'false' })).toMatchObject({ RUN_API: false, RUN_WORKER: true });
  });

  it('launches the 2021 demo only on the embedded database, unless asked', () => {
    expect(loadConfig({}).LOAD_DEFAULTS).toBe(true);
    expect(loadConfig({ MONGODB_URI: 'mongodb://db:27017/x' }).LOAD_DEFAULTS).toBe(false);
    expect(loadConfig({ MONGODB_URI: 'mongodb://db:27017/x', LOAD_DEFAULTS: 'true' }).LOAD_DEFAULTS).toBe(true);
    expect(loadConfig({ LOAD_DEFAULTS: 'false' }).LOAD_DEFAULTS).toBe(false);
  });

  describe('a managed Temporal cluster', () => {
    const pem = path.join(os.tmpdir(), `config-test-${process.pid}.pem`);
    beforeAll(() => fs.writeFileSync(pem, '-----BEGIN CERTIFICATE-----\nMA==\n-----END CERTIFICATE-----\n'));
    afterAll(() => fs.rmSync(pem, { force: true }));
    const external = { TEMPORAL_ADDRESS: 'ns.acct.tmprl.cloud:7233' };

    it('has no TLS and no API key by default', () => {
      expect(loadConfig(external).temporalSecurity).toEqual({});
    });

    it('takes an API key, with TLS turned on for it', () => {
      expect(loadConfig({ ...external, TEMPORAL_API_KEY: 'k-123' }).temporalSecurity).toEqual({ tls: expect.any(Object), apiKey: 'k-123' });
      expect(loadConfig({ ...external, TEMPORAL_TLS: 'true' }).temporalSecurity.tls).toBeDefined();
    });

    it('reads the CA and the client pair from PEM files', () => {
      const { tls } = loadConfig({ ...external, TEMPORAL_TLS_CA_FILE: pem, TEMPORAL_TLS_CERT_FILE: pem, TEMPORAL_TLS_KEY_FILE: pem, TEMPORAL_TLS_SERVER_NAME: 'temporal.test' }).temporalSecurity;
      expect(tls?.serverNameOverride).toBe('temporal.test');
      expect(tls?.serverRootCACertificate?.toString()).toContain('BEGIN CERTIFICATE');
      expect(tls?.clientCertPair?.key.toString()).toContain('BEGIN CERTIFICATE');
    });

    it.each([
      [{ TEMPORAL_API_KEY: 'k' }, 'TEMPORAL_API_KEY', 'TEMPORAL_ADDRESS'],
      [{ ...external, TEMPORAL_TLS_CERT_FILE: pem }, 'TEMPORAL_TLS_KEY_FILE', 'both'],
      [{ ...external, TEMPORAL_TLS_CA_FILE: '/nowhere/ca.pem' }, 'TEMPORAL_TLS_CA_FILE', 'cannot read'],
      [{ ...external, TEMPORAL_TLS: 'false', TEMPORAL_API_KEY: 'k' }, 'TEMPORAL_TLS', 'unencrypted'],
    ])('refuses %j, naming %s', (env, variable, reason) => {
      const attempt = () => loadConfig(env as NodeJS.ProcessEnv);
      expect(attempt).toThrow(ConfigError);
      expect(attempt).toThrow(new RegExp(`${variable}: .*${reason}`));
    });
  });
});
