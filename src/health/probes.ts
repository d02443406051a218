import type { Connection } from '@temporalio/client';
import type { Connection as MongooseConnection } from 'mongoose';
import type { SmtpTransport } from '../mail/smtpTransport';
import type { HealthProbes } from './dependencyHealth';

/** checkDependencies gives each probe 2 s; the Temporal call ends by then too. */
const PROBE_DEADLINE_MS = 2_000;

/** The real probes: a gRPC health check, a MongoDB ping, an SMTP greeting (connect, EHLO, QUIT). */
export function createHealthProbes(deps: {
  temporal: Connection;
  mongo: MongooseConnection;
  smtp: SmtpTransport;
}): HealthProbes {
  return {
    temporal: async () => {
      // A deadline ends the call (and the client's retries) with the probe's own time-out.
      const answer = await deps.temporal.withDeadline(Date.now() + PROBE_DEADLINE_MS, () => deps.temporal.healthService.check({}));
      // 1 = SERVING in grpc.health.v1
      if (answer.status !== 1) throw new Error(`Temporal health status ${String(answer.status)}`);
    },
    mongodb: async () => {
      const db = deps.mongo.db;
      if (!db || deps.mongo.readyState !== 1) throw new Error('not connected');
      await db.admin().ping();
    },
    smtp: () => deps.smtp.verify(),
  };
}
