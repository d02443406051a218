/**
 * Benchmark 2: the reads a person waits for, at 10,000 and 50,000 assignments and 2 and 10
 * connections, with autocannon in a second process (the load generator does not share the
 * server's event loop): the API list, statistics now and as of a cutoff, the portal's agency list
 * and campaign page. Each is set against a floor measured in the same run through the same
 * server: one find by `_id` (GET /agencies/:code), so the ratio shows the work of the read itself.
 *
 * One campaign grows to each size: 200 agencies x 10 sections x (size / 2,000) tasks, seeded in
 * bulk (events and read model, then the statistics counters rebuilt from the events, as the live
 * path would have kept them); a tenth of the assignments have a result accepted, another tenth
 * one waiting, so statistics have every category.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { evolve, type AssignmentState } from '../src/domain/assignment/assignmentState';
import type { AssignmentEvent } from '../src/domain/assignment/assignmentEvents';
import { toViewDoc } from '../src/db/models/assignmentViewModel';
import { toStoredEvent } from '../src/db/models/eventModel';
import { rebuildStatisticsCounters } from '../src/projections/statisticsCounters';
import { addDays } from '../src/domain/time/localDate';
import { createApiToken } from '../src/services/apiTokens';
import type { BenchStack } from './benchStack';
import { cookieFor } from './portalBench';
import { round } from './stats';

const run = promisify(execFile);
/** A request slower than this counts as timed out (autocannon's default is 10 s). */
const REQUEST_TIMEOUT_SECONDS = 30;
const CAMPAIGN = 'api-bench';
const AGENCIES = Array.from({ length: 200 }, (_, i) => `C${String(i).padStart(3, '0')}`);
const SECTIONS = 10;
const LAUNCH = '2026-01-05';
/** Statistics as of this date fold only the events recorded by then (half of them). */
const CUTOFF = '2026-02-01';

export interface ApiFigure {
  assignments: number;
  connections: number;
  endpoint: string;
  requestsPerSecond: number;
  /** Latency of the requests that completed; timed-out ones (over 30 s) are counted apart. */
  p50Ms: number;
  p99Ms: number;
  /** This figure over the floor's (find by _id) in the same run and the same connections. */
  p50OverFloor: number;
  p99OverFloor: number;
  completed: number;
  timeouts: number;
  errors: number;
  non2xx: number;
}

/** Assignment n of the campaign: its events (assigned; for some a result, accepted or waiting). */
function eventsOf(n: number): AssignmentEvent[] {
  const agency = AGENCIES[n % AGENCIES.length]!;
  const section = (Math.floor(n / AGENCIES.length) % SECTIONS) + 1;
  const task = Math.floor(n / (AGENCIES.length * SECTIONS)) + 1;
  const id = `${CAMPAIGN}.s${section}.t${task}.${agency}`;
  const deadline = addDays(LAUNCH, 20 + (n % 400));
  // Recorded over two months, so the cutoff sees about half.
  const at = (days: number) => new Date(Date.parse(`${LAUNCH}T02:00:00Z`) + ((n % 60) + days) * 86_400_000).toISOString();
  const base = { assignmentId: id, campaignKey: CAMPAIGN };
  const events: AssignmentEvent[] = [
    {
      ...base,
      type: 'AssignmentAssigned',
      id: `${id}#1`,
      seq: 1,
      at: at(0),
      actor: { role: 'system' },
      launchDate: LAUNCH,
      deadline,
      sectionTitle: `Mục ${section}`,
      plan: {
        id,
        campaignKey: CAMPAIGN,
        sectionNumber: section,
        taskNumber: task,
        agencyCode: agency,
        coordinatingAgencies: n % 50 === 0 ? [AGENCIES[(n + 1) % AGENCIES.length]!] : [],
        title: `Nhiệm vụ ${section}.${task}: chuyển đổi số thủ tục hành chính`,
        kpiTargets: [],
        citations: [],
        deadlineRule: { kind: 'fixedDate', date: deadline },
      },
    },
  ];
  if (n % 10 < 2) {
    events.push({ ...base, type: 'ResultSubmitted', id: `${id}#2`, seq: 2, at: at(5), actor: { role: 'agency', agencyCode: agency }, summary: 'Đã hoàn thành', evidenceLinks: [], kpiValues: [] });
  }
  if (n % 10 === 0) events.push({ ...base, type: 'Accepted', id: `${id}#3`, seq: 3, at: at(6), actor: { role: 'secretariat' } });
  return events;
}

export async function seedDirectory(stack: BenchStack): Promise<void> {
  const { db } = stack.engine;
  await db.agencies.insertMany(AGENCIES.map((code) => ({ _id: code, name: `Cơ quan ${code}`, kind: 'department', groups: ['departments'], contacts: [], updatedAt: new Date() })));
}

/** Grows the campaign to `to` assignments (from `from`): events and read model, 1,000 at a time. */
export async function seed(stack: BenchStack, from: number, to: number): Promise<void> {
  const { db } = stack.engine;
  const tasks = Math.ceil(to / (AGENCIES.length * SECTIONS));
  const definition = {
    key: CAMPAIGN,
    year: 2026,
    title: 'Kế hoạch đo tải',
    directive: { number: '1/KH-SNV', date: LAUNCH, issuer: 'Sở Nội vụ', title: 'Đo tải' },
    launchDate: LAUNCH,
    sections: Array.from({ length: SECTIONS }, (_, s) => ({
      number: s + 1,
      title: `Mục ${s + 1}`,
      addressees: { agencies: [], groups: ['departments'] },
      tasks: Array.from({ length: tasks }, (_, t) => ({ title: `Nhiệm vụ ${s + 1}.${t + 1}` })),
    })),
  };
  await db.campaigns.collection.replaceOne(
    { _id: CAMPAIGN as never },
    { definition, launchDate: LAUNCH, launchedAt: new Date(), launchedBy: 'bench', plannedAssignments: to },
    { upsert: true },
  );
  for (let i = from; i < to; i += 1_000) {
    const histories = Array.from({ length: Math.min(1_000, to - i) }, (_, k) => eventsOf(i + k));
    await db.events.collection.insertMany(histories.flat().map(toStoredEvent) as never[], { ordered: false });
    const states = histories.map((events) => events.reduce<AssignmentState | undefined>(evolve, undefined)!);
    await db.assignments.collection.insertMany(states.map(toViewDoc) as never[], { ordered: false });
  }
  // Statistics of today read the counters, which the live path would have kept with each event.
  await rebuildStatisticsCounters(db);
}

/**
 * One autocannon run of about `seconds`, as a fixed number of requests sized from one timed
 * request: a run by duration would abandon the requests under way at its end, and the server,
 * still working on them, would slow the next endpoint's figures down.
 */
async function autocannon(url: string, header: string, seconds: number, connections: number) {
  const [name, ...value] = header.split('=');
  const started = performance.now();
  const probe = await fetch(url, { headers: { [name!]: value.join('=') } });
  await probe.arrayBuffer();
  if (probe.status !== 200) throw new Error(`${url}: HTTP ${probe.status}`);
  const amount = Math.min(20_000, Math.max(connections * 3, Math.round((connections * seconds * 1000) / (performance.now() - started))));
  const bin = path.resolve(__dirname, '../node_modules/autocannon/autocannon.js');
  const { stdout } = await run(process.execPath, [bin, '-c', String(connections), '-a', String(amount), '-t', String(REQUEST_TIMEOUT_SECONDS), '-j', '-H', header, url], {
    maxBuffer: 16 * 1024 * 1024,
    timeout: (seconds * 20 + REQUEST_TIMEOUT_SECONDS + 60) * 1000,
  });
  return JSON.parse(stdout) as { duration: number; requests: { total: number }; latency: { p50: number; p99: number }; errors: number; timeouts: number; non2xx: number };
}

export async function apiBench(stack: BenchStack, sizes: number[], seconds = 10, connectionCounts = [2, 10]): Promise<ApiFigure[]> {
  const { token } = await createApiToken(stack.engine.db, { name: 'bench', role: 'secretariat' });
  await seedDirectory(stack);
  const api = `Authorization=Bearer ${token}`;
  const agency = `Cookie=${await cookieFor(stack, { email: 'chuyenvien@c007.example', role: 'agency', agencyCode: 'C007' })}`;
  const secretariat = `Cookie=${await cookieFor(stack, { email: 'bench.thuongtruc@sonoivu.example', role: 'secretariat', agencyCode: 'C000' })}`;
  const only = process.env.BENCH_API_ENDPOINTS?.split(',');
  const endpoints: [string, string, string][] = (
    [
      ['floor (find by _id)', '/api/v1/agencies/C007', api],
      ['list', `/api/v1/assignments?campaign=${CAMPAIGN}&agency=C007&limit=50`, api],
      ['statistics', `/api/v1/statistics?campaign=${CAMPAIGN}`, api],
      ['statistics as of a cutoff', `/api/v1/statistics?campaign=${CAMPAIGN}&cutoff=${CUTOFF}`, api],
      ['portal agency list', '/nhiem-vu', agency],
      ['portal campaign page', `/ke-hoach/${CAMPAIGN}`, secretariat],
    ] as [string, string, string][]
  ).filter(([name], i) => i === 0 || !only || only.some((part) => name.startsWith(part)));
  const figures: ApiFigure[] = [];
  let seeded = 0;
  for (const size of sizes) {
    await seed(stack, seeded, size);
    seeded = size;
    for (const connections of connectionCounts) {
      let floor: ApiFigure | undefined;
      for (const [endpoint, url, header] of endpoints) {
        const result = await autocannon(`${stack.engine.apiUrl}${url}`, header, seconds, connections);
        const figure: ApiFigure = {
          assignments: size,
          connections,
          endpoint,
          requestsPerSecond: round(result.requests.total / result.duration),
          p50Ms: result.latency.p50,
          p99Ms: result.latency.p99,
          p50OverFloor: floor ? round(result.latency.p50 / Math.max(floor.p50Ms, 0.1)) : 1,
          p99OverFloor: floor ? round(result.latency.p99 / Math.max(floor.p99Ms, 0.1)) : 1,
          completed: result.requests.total,
          timeouts: result.timeouts,
          errors: result.errors - result.timeouts,
          non2xx: result.non2xx,
        };
        floor ??= figure;
        figures.push(figure);
        console.log(
          `  ${endpoint} @ ${size}, ${connections} conn: ${figure.requestsPerSecond} req/s, p50 ${figure.p50Ms} ms, p99 ${figure.p99Ms} ms (x${figure.p50OverFloor} / x${figure.p99OverFloor} the floor)${result.timeouts ? `, ${result.timeouts} timeouts` : ''}${result.non2xx ? `, ${result.non2xx} non-2xx` : ''}`,
        );
      }
    }
  }
  return figures;
}
