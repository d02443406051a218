/**
 * `npm run rebuild-projections`: drops the read models (the assignments, the statistics counters)
 * and rebuilds them from the events.
 * Uses MONGODB_URI, or the embedded FerretDB of a running `npm start`.
 */
import { DEFAULT_DATABASE, loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { rebuildAssignmentProjection } from '../projections/assignmentProjection';
import { rebuildStatisticsCounters } from '../projections/statisticsCounters';

async function main(): Promise<void> {
  const config = loadConfig();
  const uri = config.MONGODB_URI ?? `mongodb://127.0.0.1:${config.MONGODB_PORT}/${DEFAULT_DATABASE}`;
  const db = await openDatabase(uri).catch((error: Error) => {
    throw new Error(
      `Cannot reach the database at ${uri} (${error.message}). Start the engine with \`npm start\` first, or set MONGODB_URI.`,
    );
  });
  try {
    const started = Date.now();
    const events = await db.events.estimatedDocumentCount();
    const assignments = await rebuildAssignmentProjection(db);
    const groups = await rebuildStatisticsCounters(db);
    process.stdout.write(`Rebuilt ${assignments} assignments and the statistics counters of ${groups} groups from ${events} events in ${Date.now() - started} ms.\n`);
  } finally {
    await db.close();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
