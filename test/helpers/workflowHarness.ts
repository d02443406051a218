/**
 * The engine's real workflows and activities on the time-skipping test server, with a real
 * FerretDB behind the activities. One harness per suite; `run` wraps a test body in a worker.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { openDatabase, type Database } from '../../src/db/database';
import { resolveCalendar } from '../../src/domain/calendar/resolveCalendar';
import type { CalendarYear } from '../../src/domain/calendar/calendarYear';
import type { CalendarSnapshot } from '../../src/domain/calendar/workingCalendar';
import type { FerretDbServer } from '../../src/stack/embeddedServices';
import { createTimeSkippingEnvironment, startTestFerretDb, uniqueDatabaseName } from './servers';
import { workflowBundlerOptions, WORKFLOWS_PATH } from '../../src/temporal/workflowBundle';

export interface WorkflowHarness {
  env: TestWorkflowEnvironment;
  db: Database;
  taskQueue: string;
  /** Runs `body` while a worker with the engine's workflows and activities polls the task queue. */
  run<T>(body: () => Promise<T>): Promise<T>;
  stop(): Promise<void>;
}

let ferret: FerretDbServer | undefined;
let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

export async function startWorkflowHarness(startAt: Date, taskQueue = 'engine-test'): Promise<WorkflowHarness> {
  ferret ??= await startTestFerretDb();
  const [env, db] = await Promise.all([
    createTimeSkippingEnvironment(startAt),
    openDatabase(`${ferret.uri}${uniqueDatabaseName('wf')}`),
  ]);
  // Bundled once per test file; a worker runs once, so each `run` gets a new one.
  bundle ??= bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, ...workflowBundlerOptions, logger: quietBundler });
  const workflowBundle = await bundle;
  const activities = createActivities({ db });
  return {
    env,
    db,
    taskQueue,
    run: async (body) => {
      const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle, activities });
      return worker.runUntil(body());
    },
    stop: async () => {
      await db.close();
      await env.teardown();
    },
  };
}

const quietBundler = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
};

export async function stopSharedFerretDb(): Promise<void> {
  await ferret?.service.stop();
  ferret = undefined;
}

export function calendarFor(fromYear: number, toYear: number, years: CalendarYear[] = [], version = 1): CalendarSnapshot {
  return resolveCalendar({ fromYear, toYear, years, version });
}

/**
 * Jest lifecycle for a suite: one harness for the suite, or a fresh one per test when tests need
 * virtual time to start again from `startAt` (it only moves forward).
 */
export function useWorkflowHarness(startAt: Date, options: { perTest?: boolean } = {}): () => WorkflowHarness {
  let h: WorkflowHarness | undefined;
  const start = async () => {
    h = await startWorkflowHarness(startAt);
  };
  const stop = () => h?.stop();
  if (options.perTest) {
    beforeEach(start);
    afterEach(stop);
  } else {
    beforeAll(start);
    afterAll(stop);
  }
  afterAll(() => stopSharedFerretDb());
  return () => {
    if (!h) throw new Error('harness not started');
    return h;
  };
}
