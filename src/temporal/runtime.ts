import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';
import type { Logger } from '../logger';

let installed = false;

/**
 * Sends the Temporal SDK's own logs (worker state, bundling) through pino at WARN and above,
 * so the console shows one log format. Must run before the first worker or native connection.
 */
export function installTemporalRuntime(logger: Logger, level: LogLevel = 'WARN'): void {
  if (installed) return;
  installed = true;
  const sdkLogger = logger.child({ component: 'temporal-sdk' });
  Runtime.install({
    logger: new DefaultLogger(level, (entry) => {
      const fields = { ...entry.meta };
      if (entry.level === 'ERROR') sdkLogger.error(fields, entry.message);
      else if (entry.level === 'WARN') sdkLogger.warn(fields, entry.message);
      else sdkLogger.debug(fields, entry.message);
    }),
  });
}
