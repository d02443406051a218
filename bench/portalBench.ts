/**
 * Benchmark 6: the portal's main pages at 10,000 assignments, as a person opens them: the agency
 * list, one assignment page, the secretariat's queue and the campaign page. Sequential requests
 * on this machine, so a request's time is the server's time to build the page (plus a local hop).
 * The campaign is seeded in bulk: 200 agencies x 10 sections x 5 tasks, a tenth of them with a
 * result waiting for the secretariat.
 */
import { evolve, type AssignmentState } from '../src/domain/assignment/assignmentState';
import type { AssignmentEvent } from '../src/domain/assignment/assignmentEvents';
import { toViewDoc } from '../src/db/models/assignmentViewModel';
import { toStoredEvent } from '../src/db/models/eventModel';
import { countAssignments } from '../src/projections/statisticsCounters';
import { savePerson } from '../src/services/people';
import { consumeSignInCode, issueSignInCode } from '../src/services/signIn';
import { sessionCookieName } from '../src/portal/session/sessionCookie';
import { addDays } from '../src/domain/time/localDate';
import type { BenchStack } from './benchStack';
import { percentile, round } from './stats';

const CAMPAIGN = 'portal-bench';
const SECTIONS = 10;
const TASKS = 5;
const LAUNCH = '2026-01-05';

export interface PortalFigure {
  assignments: number;
  page: string;
  requests: number;
  p50Ms: number;
  p99Ms: number;
}

function eventsOf(section: number, task: number, agency: string, n: number): AssignmentEvent[] {
  const id = `${CAMPAIGN}.s${section}.t${task}.${agency}`;
  const deadline = addDays(LAUNCH, 20 + (n % 400));
  const base = { assignmentId: id, campaignKey: CAMPAIGN, at: new Date(Date.parse(`${LAUNCH}T02:00:00Z`)).toISOString() };
  const events: AssignmentEvent[] = [
    {
      ...base,
      type: 'AssignmentAssigned',
      id: `${id}#1`,
      seq: 1,
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
        coordinatingAgencies: [],
        title: `Nhiệm vụ ${section}.${task}: chuyển đổi số thủ tục hành chính`,
        kpiTargets: [],
        citations: [],
        deadlineRule: { kind: 'fixedDate', date: deadline },
      },
    },
  ];
  if (n % 10 === 0) {
    events.push({ ...base, type: 'ResultSubmitted', id: `${id}#2`, seq: 2, actor: { role: 'agency', agencyCode: agency }, summary: 'Đã hoàn thành', evidenceLinks: [], kpiValues: [] });
  }
  return events;
}

export async function seed(stack: Pick<BenchStack, "engine">, agencies: string[]): Promise<number> {
  const { db } = stack.engine;
  await db.agencies.insertMany(agencies.map((code) => ({ _id: code, name: `Cơ quan ${code}`, kind: 'department', groups: ['departments'], contacts: [], updatedAt: new Date() })));
  await db.campaigns.collection.insertOne({
    _id: CAMPAIGN,
    definition: {
      key: CAMPAIGN,
      year: 2026,
      title: 'Kế hoạch đo tải cổng thông tin',
      directive: { number: '1/KH-SNV', date: LAUNCH, issuer: 'Sở Nội vụ', title: 'Đo tải' },
      launchDate: LAUNCH,
      sections: Array.from({ length: SECTIONS }, (_, s) => ({
        number: s + 1,
        title: `Mục ${s + 1}`,
        addressees: { agencies: [], groups: ['departments'] },
        tasks: Array.from({ length: TASKS }, (_, t) => ({ title: `Nhiệm vụ ${s + 1}.${t + 1}` })),
      })),
    },
    launchDate: LAUNCH,
    launchedAt: new Date(),
    launchedBy: 'bench',
    plannedAssignments: agencies.length * SECTIONS * TASKS,
  } as never);
  let n = 0;
  for (const agency of agencies) {
    const histories: AssignmentEvent[][] = [];
    for (let s = 1; s <= SECTIONS; s += 1) for (let t = 1; t <= TASKS; t += 1) histories.push(eventsOf(s, t, agency, (n += 1)));
    await db.events.collection.insertMany(histories.flat().map(toStoredEvent) as never[], { ordered: false });
    const states = histories.map((events) => events.reduce<AssignmentState | undefined>(evolve, undefined)!);
    await db.assignments.collection.insertMany(states.map(toViewDoc) as never[], { ordered: false });
    // The campaign page counts from the counters, which the live path would have kept with each event.
    await countAssignments(db, states);
  }
  return n;
}

export async function cookieFor(stack: BenchStack, person: { email: string; role: 'agency' | 'secretariat'; agencyCode: string }): Promise<string> {
  const { db, portal } = stack.engine;
  const now = Date.now();
  await savePerson(db, { ...person, name: person.email, active: true }, now);
  const { code } = await issueSignInCode(db, { email: person.email, next: '/', now });
  const result = await consumeSignInCode(db, code, now, portal);
  if (result.status !== 'signedIn') throw new Error(`bench sign-in failed: ${result.status}`);
  return `${sessionCookieName(portal)}=${result.session.secret}`;
}

async function time(url: string, cookie: string, requests: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < requests; i += 1) {
    const started = performance.now();
    const response = await fetch(url, { headers: { Cookie: cookie } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
    samples.push(performance.now() - started);
  }
  return samples;
}

export async function portalBench(stack: BenchStack, requests = 20): Promise<PortalFigure[]> {
  const agencies = Array.from({ length: 200 }, (_, i) => `A${String(i).padStart(3, '0')}`);
  const assignments = await seed(stack, agencies);
  const agencyCookie = await cookieFor(stack, { email: 'chuyenvien@a007.example', role: 'agency', agencyCode: 'A007' });
  const secretariatCookie = await cookieFor(stack, { email: 'thuongtruc@sonoivu.example', role: 'secretariat', agencyCode: 'A000' });
  const base = stack.engine.apiUrl!;
  const pages: [string, string, string][] = [
    ['agency list (/nhiem-vu)', '/nhiem-vu', agencyCookie],
    ['assignment page', `/nhiem-vu/${CAMPAIGN}.s3.t2.A007`, agencyCookie],
    ["secretariat's queue (/can-xu-ly)", '/can-xu-ly', secretariatCookie],
    ['campaign page (/ke-hoach/:key)', `/ke-hoach/${CAMPAIGN}`, secretariatCookie],
  ];
  const figures: PortalFigure[] = [];
  for (const [page, path, cookie] of pages) {
    await time(`${base}${path}`, cookie, 1); // warm-up
    const samples = await time(`${base}${path}`, cookie, requests);
    figures.push({ assignments, page, requests, p50Ms: round(percentile(samples, 50)), p99Ms: round(percentile(samples, 99)) });
    console.log(`  ${page} @ ${assignments}: p50 ${figures.at(-1)!.p50Ms} ms, p99 ${figures.at(-1)!.p99Ms} ms (${requests} requests)`);
  }
  return figures;
}
