/**
 * `npm run bench`: every benchmark in turn on one fresh bench stack, a table on stdout, and the
 * figures as JSON in bench/results/<ISO date>.json. Sizes come from the environment:
 *   BENCH_LAUNCH_SIZES=1000,2000   campaign sizes (assignments), launched one after the other
 *   BENCH_API_SIZES=10000,50000    assignments seeded in the read model for the API benchmark
 *   BENCH_API_SECONDS=10 BENCH_API_CONNECTIONS=2,10   each autocannon run (list, statistics, portal pages, floor)
 *   BENCH_API_ENDPOINTS=list,statistics   a subset of the reads (the floor always runs)
 *   BENCH_LAG_UPDATES=100          updates timed for the projection lag
 *   BENCH_TIMERS=100               short timers for the timer accuracy
 *   BENCH_ONLY=launch,timers,api,footprint,portal   a subset (launch includes worker memory, profile and lag)
 *   BENCH_PORTAL_REQUESTS=20       sequential requests timed per portal page (10,000 assignments)
 *   BENCH_FOOTPRINT_WORKFLOWS=1000 sleeping workflows weighed for the per-workflow footprint
 *   BENCH_FERRETDB_PPROF=127.0.0.1:6060   FerretDB serves Go's /debug/pprof there (to profile it)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { apiBench, type ApiFigure } from './apiBench';
import { startAuxWorker } from './auxWorker';
import { startBenchStack } from './benchStack';
import { launchBench, type LaunchResult } from './launchBench';
import { portalBench, type PortalFigure } from './portalBench';
import { profileDatabase, profileHistories } from './launchProfile';
import { projectionLagBench, type ProjectionLag } from './projectionLag';
import { timerBench, type TimerAccuracy } from './timerBench';
import { workflowFootprint, type FootprintFigure } from './workflowFootprint';
import { measureWorkerMemory, type MemoryFigure } from './workerMemory';
import { spawnWorker } from './workerProcess';

const sizes = (name: string, fallback: string) => (process.env[name] ?? fallback).split(',').map(Number).filter((n) => n > 0);
const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

async function main(): Promise<void> {
  const startedAt = new Date();
  // The API and the load generators here; the engine's worker in its own process.
  const stack = await startBenchStack({ runWorker: false });
  const aux = await startAuxWorker(stack);
  let worker = await spawnWorker(stack);
  try {
    const only = new Set((process.env.BENCH_ONLY ?? 'launch,timers,api,footprint,portal').split(','));
    let launch: LaunchResult | undefined;
    let launchProfile: { histories: unknown; databaseMsPerStep: unknown } | undefined;
    const memory: MemoryFigure[] = [];
    let lag: ProjectionLag | undefined;
    if (only.has('launch')) {
      console.log('1. campaign launch (and 3. worker memory after each campaign)');
      const launched: string[] = [];
      launch = await launchBench(stack, sizes('BENCH_LAUNCH_SIZES', '1000,2000'), async (open, key) => {
        launched.push(key);
        const measured = await measureWorkerMemory(stack, worker, open);
        memory.push(measured.figure);
        worker = measured.worker;
      });
      const firstKey = launched[0]!;
      console.log('   profile: where a launched assignment spends its time');
      const ids = Array.from({ length: 50 }, (_, i) => `${firstKey}.s1.t${(i % 10) + 1}.W${String(Math.floor(i / 10) * 7).padStart(4, '0')}`);
      launchProfile = { histories: await profileHistories(stack, ids), databaseMsPerStep: await profileDatabase(stack) };
      console.log('4. projection lag');
      lag = await projectionLagBench(stack, firstKey, launch.campaigns[0]!.assignments / 10, num('BENCH_LAG_UPDATES', 100));
    }
    let timers: TimerAccuracy | undefined;
    if (only.has('timers')) {
      console.log('5. timer accuracy');
      timers = await timerBench(stack, Math.max(1, Math.round(num('BENCH_TIMERS', 100) / 5)), 5);
    }
    let footprint: FootprintFigure[] = [];
    if (only.has('footprint')) {
      console.log('3b. one cached workflow (sleeping, in the engine\'s bundle)');
      footprint = await workflowFootprint(stack, num('BENCH_FOOTPRINT_WORKFLOWS', 1000));
    }
    let api: ApiFigure[] = [];
    if (only.has('api')) {
      console.log('2. reads: API and portal pages against a find by _id (autocannon in a second process)');
      api = await apiBench(stack, sizes('BENCH_API_SIZES', '10000,50000'), num('BENCH_API_SECONDS', 10), sizes('BENCH_API_CONNECTIONS', '2,10'));
    }
    let portal: PortalFigure[] = [];
    if (only.has('portal')) {
      console.log('6. portal pages (sequential requests)');
      portal = await portalBench(stack, num('BENCH_PORTAL_REQUESTS', 20));
    }

    const results = {
      startedAt: startedAt.toISOString(),
      seconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), loadAverage: os.loadavg() },
      launch,
      launchProfile,
      workerMemory: memory,
      workflowFootprint: footprint,
      projectionLag: lag,
      timers,
      api,
      portal,
    };
    printTable(results);
    const file = path.join(__dirname, 'results', `${startedAt.toISOString().replace(/:/g, '-')}.json`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nwritten ${path.relative(process.cwd(), file)}`);
  } finally {
    await worker.stop();
    await aux.stop();
    await stack.stop();
  }
}

function printTable(r: { launch?: LaunchResult; workerMemory: MemoryFigure[]; workflowFootprint: FootprintFigure[]; projectionLag?: ProjectionLag; timers?: TimerAccuracy; api: ApiFigure[]; portal: PortalFigure[] }): void {
  const rows: [string, string][] = [];
  if (r.launch) rows.push(['no-op workflow starts (ceiling)', `${r.launch.ceilingPerSecond}/s`]);
  if (r.launch) rows.push(['same-shape children (start, activity, timer)', `${r.launch.sameShapePerSecond}/s`]);
  for (const c of r.launch?.campaigns ?? []) rows.push([`campaign launch, ${c.assignments} assignments`, `${c.perSecond}/s in ${c.seconds} s (${c.ratioToSameShape} of same shape, ${c.ratioToCeiling} of ceiling)`]);
  for (const m of r.workerMemory) rows.push([`worker RSS, ${m.openWorkflows} open workflows`, `${m.cacheFullMiB} MiB cache full, ${m.afterEvictionMiB} MiB after eviction`]);
  for (const f of r.workflowFootprint) rows.push([`one cached workflow, ${f.shared ? 'shared domain modules' : 'a copy per workflow'}`, `${f.kibPerWorkflow} KiB, ${f.cpuMsPerWorkflow} ms CPU (${f.workflows} sleeping)`]);
  for (const a of r.api) rows.push([`${a.endpoint}, ${a.assignments} assignments, ${a.connections} conn`, `${a.requestsPerSecond} req/s, p50 ${a.p50Ms} ms, p99 ${a.p99Ms} ms (floor x${a.p50OverFloor} / x${a.p99OverFloor})${a.timeouts ? `, ${a.timeouts} timed out (>30 s)` : ''}${a.errors + a.non2xx ? `, ${a.errors + a.non2xx} failed` : ''}`]);
  for (const p of r.portal) rows.push([`portal ${p.page}, ${p.assignments} assignments`, `p50 ${p.p50Ms} ms, p99 ${p.p99Ms} ms (${p.requests} requests)`]);
  const lag = r.projectionLag;
  if (lag) rows.push([`projection lag (${lag.updates} updates)`, `p50 ${lag.p50Ms} ms, p99 ${lag.p99Ms} ms, ${lag.visibleOnFirstRead} visible on the first read`]);
  if (r.timers) rows.push([`timer lateness (${r.timers.timers} timers)`, `p50 ${r.timers.p50Ms} ms, p99 ${r.timers.p99Ms} ms, max ${r.timers.maxMs} ms`]);
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log('');
  for (const [name, figure] of rows) console.log(`${name.padEnd(width)}  ${figure}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
