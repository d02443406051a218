/**
 * `npm start`: the embedded local stack (for every service not given by env var), then the worker
 * and the HTTP API in this one process. Ctrl-C or SIGTERM stops everything it started.
 */
import { ConfigError, loadConfig, portalSettings } from './config';
import { startEngine, type RunningEngine } from './engine';
import { logger } from './logger';
import { loadDefaultsIfEmpty, loadPeopleIfEmpty } from './services/defaultData';
import { startLocalStack, type LocalStack } from './stack/localStack';
import { StackStartError } from './stack/service';

async function main(): Promise<void> {
  const config = loadConfig();
  let stack: LocalStack | undefined;
  let engine: RunningEngine | undefined;
  let shuttingDown = false;

  const shutdown = async (reason: string, exitCode: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info(`stopping (${reason})...`);
    await engine?.stop().catch((error) => logger.error({ err: error }, 'error while stopping the engine'));
    await stack?.stop();
    logger.info('stopped');
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void shutdown('SIGINT', 0));
  process.on('SIGTERM', () => void shutdown('SIGTERM', 0));
  // Last resort if the process dies another way: never leave the servers it started running.
  process.on('exit', () => stack?.killNow());

  stack = await startLocalStack(config, (message) => logger.info(message));
  engine = await startEngine({
    temporalAddress: stack.temporalAddress,
    temporalSecurity: config.temporalSecurity,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    mongoUri: stack.mongoUri,
    smtpUrl: stack.smtpUrl,
    mailFrom: config.MAIL_FROM,
    logger,
    runWorker: config.RUN_WORKER,
    api: config.RUN_API ? { host: config.HOST, port: config.PORT } : undefined,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    trustProxyHops: config.TRUST_PROXY_HOPS,
    maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
    portal: portalSettings(config),
  }).catch(async (error: unknown) => {
    await stack?.stop();
    throw error;
  });
  if (config.LOAD_DEFAULTS) {
    await loadDefaultsIfEmpty({ db: engine.db, client: engine.client, taskQueue: config.TEMPORAL_TASK_QUEUE }, (message) =>
      logger.info(message),
    );
  } else {
    // Without the demo data, the agencies' contacts still become people who may sign in.
    await loadPeopleIfEmpty(engine.db, (message) => logger.info(message), null);
  }
  void engine.workerStopped.then(() => shutdown('the worker stopped', 1), () => shutdown('the worker failed', 1));

  const lines = ['', 'Directive engine is running.'];
  if (engine.apiUrl) {
    lines.push(`  Portal:       ${engine.portal.url}   (sign in with a work email; the link arrives by email)`);
    lines.push(`  API:          ${engine.apiUrl}/api/v1   (health: ${engine.apiUrl}/health)`);
    lines.push(`  API docs:     ${engine.apiUrl}/api/docs`);
  }
  if (stack.temporalUiUrl) lines.push(`  Temporal UI:  ${stack.temporalUiUrl}`);
  if (stack.mailpitUiUrl) lines.push(`  Mailpit UI:   ${stack.mailpitUiUrl}   (every email the engine sends)`);
  if (stack.usesDataFolder) lines.push(`  Data folder:  ${config.dataDir}`);
  lines.push('Press Ctrl-C to stop.', '');
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StackStartError) {
    process.stderr.write(`\n${error.message}\n\n`);
  } else {
    logger.fatal({ err: error }, 'the engine could not start');
  }
  process.exit(1);
});
