/**
 * Benchmark 2: API latency and throughput with autocannon, run as a second process so the load
 * generator does not share the API's event loop. The read model and the events are seeded in
 * bulk (one AssignmentAssigned per assignment: the list reads the model, statistics the counters
 * rebuilt from those events).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { evolve } from '../src/domain/assignment/assignmentState';
import { toViewDoc } from '../src/db/models/assignmentViewModel';
import { toStoredEvent } from '../src/db/models/eventModel';
import { rebuildStatisticsCounters } from '../src/projections/statisticsCounters';
import { createApiToken } from '../src/services/apiTokens';
import type { BenchStack } from './benchStack';
import { assignedEvent } from './launchProfile';

const run = promisify(execFile);
/** A request slower than this counts as timed out (autocannon's default is 10 s). */
const REQUEST_TIMEOUT_SECONDS = 30;
const CAMPAIGN = 'api-bench';
const AGENCIES = Array.from({ length: 20 }, (_, i) => `A${String(i).padStart(2, '0')}`);

export interface ApiFigure {
  assignments: number;
  endpoint: string;
  requestsPerSecond: number;
  /** Latency of the requests that completed; timed-out ones (over 30 s) are counted apart. */
  p50Ms: number;
  p99Ms: number;
  completed: number;
  timeouts: number;
  errors: number;
  non2xx: number;
}

/** Adds assignments `from`..`to`-1 of the bench campaign: events and read model, 1,000 at a time. */
async function seed(stack: BenchStack, from: number, to: number): Promise<void> {
  const { db } = stack.engine;
  if (from === 0) {
    await db.campaigns.collection.insertOne({ _id: CAMPAIGN, definition: {}, launchDate: '2021-12-01', launchedAt: new Date(), launchedBy: 'bench', plannedAssignments: 0 } as never);
  }
  for (let i = from; i < to; i += 1_000) {
    const events = Array.from({ length: Math.min(1_000, to - i) }, (_, k) => assignedEvent(CAMPAIGN, i + k, AGENCIES[(i + k) % AGENCIES.length]!));
    await db.events.collection.insertMany(events.map(toStoredEvent) as never[], { ordered: false });
    await db.assignments.collection.insertMany(events.map((event) => toViewDoc(evolve(undefined, event))) as never[], { ordered: false });
  }
  // Statistics of today read the counters, which the live path would have kept with each event.
  await rebuildStatisticsCounters(db);
}

async function autocannon(url: string, token: string, seconds: number, connections: number) {
  const bin = path.resolve(__dirname, '../node_modules/autocannon/autocannon.js');
  const { stdout } = await run(process.execPath, [bin, '-c', String(connections), '-d', String(seconds), '-t', String(REQUEST_TIMEOUT_SECONDS), '-j', '-H', `Authorization=Bearer ${token}`, url], {
    maxBuffer: 16 * 1024 * 1024,
    timeout: (seconds + REQUEST_TIMEOUT_SECONDS + 60) * 1000,
  });
  return JSON.parse(stdout) as { duration: number; requests: { total: number }; latency: { p50: number; p99: number }; errors: number; timeouts: number; non2xx: number };
}

export async function apiBench(stack: BenchStack, sizes: number[], seconds = 10, connections = 10): Promise<ApiFigure[]> {
  const { token } = await createApiToken(stack.engine.db, { name: 'bench', role: 'secretariat' });
  const figures: ApiFigure[] = [];
  let seeded = 0;
  for (const size of sizes) {
    await seed(stack, seeded, size);
    seeded = size;
    const endpoints = {
      list: `/api/v1/assignments?campaign=${CAMPAIGN}&agency=A07&limit=50`,
      statistics: `/api/v1/statistics?campaign=${CAMPAIGN}`,
    };
    for (const [endpoint, url] of Object.entries(endpoints)) {
      const result = await autocannon(`${stack.engine.apiUrl}${url}`, token, seconds, connections);
      figures.push({
        assignments: size,
        endpoint,
        requestsPerSecond: Math.round((result.requests.total / result.duration) * 10) / 10,
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        completed: result.requests.total,
        timeouts: result.timeouts,
        errors: result.errors - result.timeouts,
        non2xx: result.non2xx,
      });
      console.log(`  ${endpoint} @ ${size}: ${figures.at(-1)!.requestsPerSecond} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.timeouts} timeouts`);
    }
  }
  return figures;
}
