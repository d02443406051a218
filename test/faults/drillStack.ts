/**
 * What the fault drills share: the real servers (Temporal dev server, FerretDB, Mailpit) on free
 * ports, an in-process client (no worker, no API unless asked) to launch and inspect, workers as
 * child processes (`node --import tsx src/main.ts` with RUN_API=false) that can be SIGKILLed, and
 * the checks every drill ends with (each assignment once, events consecutive, each email once,
 * read model equal to a rebuild from events).
 */
import { startEngine, type RunningEngine } from '../../src/engine';
import { logger } from '../../src/logger';
import type { Agency } from '../../src/domain/agency/agency';
import type { AssignmentEvent } from '../../src/domain/assignment/assignmentEvents';
import { SYSTEM_ACTOR } from '../../src/domain/assignment/actor';
import { CampaignSchema, type Campaign } from '../../src/domain/campaign/campaign';
import { launchCampaign } from '../../src/services/campaignService';
import { rebuildAssignmentProjection } from '../../src/projections/assignmentProjection';
import type { FerretDbServer, MailpitServer, TemporalDevServer } from '../../src/stack/embeddedServices';
import { allocatePorts, EngineProcess } from '../helpers/engineProcess';
import { MailpitApi } from '../helpers/mailpitApi';
import { startTestFerretDb, startTestMailpit, startTestTemporal, uniqueDatabaseName } from '../helpers/servers';
import { freshDir } from '../helpers/testRoot';
import { freePorts } from '../../src/stack/ports';
import { eventually } from '../helpers/eventually';

export interface DrillStack {
  temporal: TemporalDevServer;
  ferret: FerretDbServer;
  mailpit: MailpitServer;
  inbox: MailpitApi;
  mongoUri: string;
  taskQueue: string;
  /** In-process client and database (and the API when asked); runs no worker and no dispatcher. */
  engine: RunningEngine;
  workers: EngineProcess[];
  startWorker(extraEnv?: Record<string, string>): Promise<EngineProcess>;
  /** Stops the Temporal dev server (SIGTERM) and starts it again on the same port and SQLite file. */
  restartTemporal(): Promise<void>;
  /** Stops FerretDB; `startFerret` starts it again on the same port and SQLite folder. */
  stopFerret(): Promise<void>;
  startFerret(): Promise<void>;
  stop(): Promise<void>;
}

/** `count` districts, each with a head and a focal point, so every email has an address. */
export function drillAgencies(count: number): Agency[] {
  return Array.from({ length: count }, (_, i) => {
    const code = `D${String(i + 1).padStart(2, '0')}`;
    return {
      code,
      name: `Ủy ban nhân dân Đơn vị ${i + 1}`,
      kind: 'district',
      groups: ['districts'],
      contacts: [
        { role: 'head', name: `Chủ tịch ${code}`, email: `chutich@${code.toLowerCase()}.hcm.example` },
        { role: 'focalPoint', name: `Đầu mối ${code}`, email: `daumoi@${code.toLowerCase()}.hcm.example` },
      ],
    } as Agency;
  });
}

export async function startDrillStack(options: { agencies: number; taskQueue: string; api?: boolean }): Promise<DrillStack> {
  const [temporalPort, ferretPort] = (await freePorts(2)) as [number, number];
  const temporalAt = { dataDir: freshDir('temporal'), port: temporalPort };
  const ferretAt = { dataDir: freshDir('ferretdb'), port: ferretPort };
  const [temporal, ferret, mailpit] = await Promise.all([startTestTemporal(temporalAt), startTestFerretDb(ferretAt), startTestMailpit()]);
  const mongoUri = `${ferret.uri}${uniqueDatabaseName('drill')}`;
  const engine = await startEngine({
    temporalAddress: temporal.address,
    namespace: 'default',
    taskQueue: options.taskQueue,
    mongoUri,
    smtpUrl: mailpit.smtpUrl,
    mailFrom: 'cchc@sonoivu.example',
    logger: logger.child({ test: 'faults' }),
    runWorker: false,
    api: options.api ? { host: '127.0.0.1', port: 0 } : undefined,
    rateLimitPerMinute: 1_000_000,
    outbox: false,
  });
  for (const { code, ...rest } of drillAgencies(options.agencies)) {
    await engine.db.agencies.replaceOne({ _id: code }, { ...rest, updatedAt: new Date() }, { upsert: true });
  }
  const workers: EngineProcess[] = [];
  const stack: DrillStack = {
    temporal,
    ferret,
    mailpit,
    inbox: new MailpitApi(mailpit.uiUrl),
    mongoUri,
    taskQueue: options.taskQueue,
    engine,
    workers,
    async startWorker(extraEnv = {}) {
      const worker = EngineProcess.launch(freshDir('drill-worker'), await allocatePorts(), {
        TEMPORAL_ADDRESS: temporal.address,
        MONGODB_URI: mongoUri,
        SMTP_URL: mailpit.smtpUrl,
        TEMPORAL_TASK_QUEUE: options.taskQueue,
        RUN_API: 'false',
        RUN_WORKER: 'true',
        LOG_LEVEL: 'info',
        WEEKLY_DIGEST: 'false',
        PENDING_DIGEST: 'false',
        OUTBOX_POLL_MS: '200',
        OUTBOX_LEASE_SECONDS: '6',
        OUTBOX_RETRY_BASE_SECONDS: '0.5',
        OUTBOX_RETRY_MAX_SECONDS: '2',
        ...extraEnv,
      });
      workers.push(worker);
      await worker.waitUntilRunning();
      return worker;
    },
    async restartTemporal() {
      await stack.temporal.service.stop();
      stack.temporal = await startTestTemporal(temporalAt);
    },
    async stopFerret() {
      await stack.ferret.service.stop();
    },
    async startFerret() {
      stack.ferret = await startTestFerretDb(ferretAt);
    },
    async stop() {
      for (const worker of workers) if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGKILL');
      await Promise.all(workers.map((w) => w.exited));
      await engine.stop().catch(() => undefined);
      await Promise.all([stack.temporal.service.stop(), stack.ferret.service.stop(), mailpit.service.stop()]);
    },
  };
  return stack;
}

/** Stops a worker process gracefully (SIGTERM: it finishes the task and the email under way). */
export async function stopWorker(worker: EngineProcess): Promise<void> {
  if (worker.child.exitCode !== null || worker.child.signalCode !== null) return;
  worker.child.kill('SIGTERM');
  await worker.exited;
}

export async function killWorker(worker: EngineProcess): Promise<void> {
  worker.child.kill('SIGKILL');
  await worker.exited;
}

/** Today in Vietnam (UTC+7), as YYYY-MM-DD. */
export function vietnamToday(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** One section addressed to the `districts` group with `tasks` tasks: tasks x agencies assignments. */
export function drillCampaign(key: string, tasks: number, overrides: Record<string, unknown> = {}): Campaign {
  const today = vietnamToday();
  return CampaignSchema.parse({
    key,
    year: Number(today.slice(0, 4)),
    title: `Kế hoạch diễn tập sự cố ${key}`,
    directive: { number: '99/KH-SNV', date: today, issuer: 'Sở Nội vụ', title: 'Diễn tập sự cố' },
    launchDate: today,
    defaultDeadline: { kind: 'workingDaysAfterLaunch', workingDays: 20 },
    sections: [
      {
        number: 1,
        title: 'Chủ tịch UBND các đơn vị',
        addressees: { groups: ['districts'] },
        tasks: Array.from({ length: tasks }, (_, i) => ({ title: `Nhiệm vụ diễn tập số ${i + 1}` })),
      },
    ],
    ...overrides,
  });
}

export async function launch(stack: DrillStack, campaign: Campaign): Promise<number> {
  const result = await launchCampaign({ db: stack.engine.db, client: stack.engine.client, taskQueue: stack.taskQueue }, campaign, {
    ...SYSTEM_ACTOR,
    role: 'secretariat',
    name: 'diễn tập',
  });
  return result.plannedAssignments;
}

export function waitFor<T>(probe: () => Promise<T>, check: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  return eventually(probe, check, { timeoutMs, what, intervalMs: 100, retryErrors: true });
}

export const countEvents = (stack: DrillStack, campaignKey: string, type?: AssignmentEvent['type']) =>
  stack.engine.db.events.countDocuments(type ? { campaignKey, type } : { campaignKey });

/** Every assignment of the campaign exists once in events and read model; per assignment, seq runs 1..n with no gap. */
export async function checkEventsOnce(stack: DrillStack, campaignKey: string) {
  const events = await stack.engine.db.events.find({ campaignKey }, { _id: 1, assignmentId: 1, seq: 1, type: 1 }).lean();
  const byAssignment = new Map<string, { seq: number; type: string }[]>();
  for (const e of events) {
    const list = byAssignment.get(e.assignmentId) ?? [];
    list.push({ seq: e.seq, type: e.type });
    byAssignment.set(e.assignmentId, list);
  }
  const problems: string[] = [];
  for (const [id, list] of byAssignment) {
    list.sort((a, b) => a.seq - b.seq);
    const assigned = list.filter((e) => e.type === 'AssignmentAssigned').length;
    if (assigned !== 1) problems.push(`${id}: ${assigned} AssignmentAssigned`);
    list.forEach((e, i) => {
      if (e.seq !== i + 1) problems.push(`${id}: seq ${e.seq} at position ${i + 1}`);
    });
    if (list[0]?.type !== 'AssignmentAssigned') problems.push(`${id}: first event ${list[0]?.type}`);
  }
  const readModel = await stack.engine.db.assignments.find({ campaignKey }, { _id: 1 }).lean();
  return { assignments: byAssignment.size, events: events.length, readModel: readModel.length, byAssignment, problems };
}

/** How many messages Mailpit holds for each outbox entry (by Message-ID), for the entries matching `filter`. */
export async function deliveries(stack: DrillStack, filter: Record<string, unknown>) {
  const entries = await stack.engine.db.outbox.find(filter).lean();
  const messages = await stack.inbox.messages();
  const counts = new Map<string, number>();
  for (const m of messages) counts.set(`<${m.MessageID}>`, (counts.get(`<${m.MessageID}>`) ?? 0) + 1);
  return entries.map((e) => ({ id: e._id, status: e.status, attempts: e.attempts, delivered: counts.get(e.messageId ?? '') ?? 0 }));
}

/** Waits until every outbox entry matching `filter` is settled (sent or failed) and there are `expected` of them. */
export async function waitForOutboxSettled(stack: DrillStack, filter: Record<string, unknown>, expected: number, timeoutMs: number) {
  await waitFor(
    async () => ({
      total: await stack.engine.db.outbox.countDocuments(filter),
      open: await stack.engine.db.outbox.countDocuments({ ...filter, status: { $in: ['pending', 'sending'] } }),
    }),
    (c) => c.total === expected && c.open === 0,
    timeoutMs,
    'outbox settled',
  );
}

/** The read model as it is, then as a rebuild from events makes it: they must be equal. */
export async function readModelAndRebuild(stack: DrillStack) {
  const sorted = async () =>
    (await stack.engine.db.assignments.find({}).sort({ _id: 1 }).lean()).map((doc) => JSON.parse(JSON.stringify(doc)) as unknown);
  const before = await sorted();
  await rebuildAssignmentProjection(stack.engine.db);
  const after = await sorted();
  return { before, after };
}
