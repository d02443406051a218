/**
 * One jest run for every layer: test/unit (pure, fast), test/workflow (time-skipping server),
 * test/integration and test/e2e (real Temporal, FerretDB, Mailpit on free ports), test/deploy.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }] },
  globalSetup: '<rootDir>/test/helpers/globalSetup.ts',
  globalTeardown: '<rootDir>/test/helpers/globalTeardown.ts',
  setupFiles: ['<rootDir>/test/helpers/testEnv.ts', '<rootDir>/test/helpers/quietLogs.ts'],
  // Two cores: more workers would only make the servers each suite starts fight for CPU.
  maxWorkers: 2,
  testTimeout: 120_000,
};
