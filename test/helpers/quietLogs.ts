// Runs in every test worker before its suite: keep test output to warnings and failures.
import { logger } from '../../src/logger';
import { installTemporalRuntime } from '../../src/temporal/runtime';

logger.level = process.env.LOG_LEVEL ?? 'warn';
installTemporalRuntime(logger, 'WARN');
