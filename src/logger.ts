import pino from 'pino';

/** One JSON logger for the whole process; LOG_LEVEL sets its level. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { service: 'directive-engine' },
  timestamp: pino.stdTimeFunctions.isoTime,
});

export type Logger = pino.Logger;
