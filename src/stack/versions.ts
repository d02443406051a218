/**
 * The exact versions of the embedded local stack that `npm run setup` installs.
 * Bumping one here makes the next `npm run setup` rebuild that part.
 */
export const STACK_VERSIONS = {
  /** Newest Temporal CLI release whose go.mod has no `replace` directive, so `go install` accepts it. */
  temporalCli: { module: 'github.com/temporalio/cli/cmd/temporal', version: 'v1.5.1', binary: 'temporal' },
  /**
   * FerretDB 1.x still ships the SQLite backend (2.x needs PostgreSQL with DocumentDB). Built from
   * the small wrapper in stack/ferretdb/, whose go.mod pins this version (see the comment there).
   */
  ferretdb: { wrapperDir: 'stack/ferretdb', module: 'github.com/FerretDB/FerretDB', version: 'v1.24.2' },
  mailpit: { module: 'github.com/axllent/mailpit', version: 'v1.33.1', binary: 'mailpit' },
  /** Only for validating docker-compose.yml in tests: there is no Docker engine on dev machines. */
  /**
   * Built inside its own module (go install refuses it: its go.mod has exclude directives).
   * v5.6.0 needs Go 1.26.8; v5.7 needs 1.26.10.
   */
  dockerCompose: { module: 'github.com/docker/compose/v5', version: 'v5.6.0', package: './cmd' },
  /** Java time-skipping test server, run from its jar and dependency classpath. */
  temporalTestServer: { groupId: 'io.temporal', artifactId: 'temporal-test-server', version: '1.38.0' },
} as const;
