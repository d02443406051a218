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
});
