/**
 * How workflows/ is bundled for the workflow sandbox, the same for the engine's worker, the
 * simulator, the test harness and the replay test.
 *
 * Each workflow in the sandbox gets its own copy of every module it imports, evaluated on its first
 * task and kept while it is cached. With zod among them a cached assignment cost ~1 MiB and ~11 ms
 * of CPU; with the schemas loaded only on a workflow's first command, 269 KiB and 6.5 ms; with the
 * pure domain modules below also shared, 204 KiB and 5.5 ms (`BENCH_ONLY=footprint npm run bench`).
 * Listed modules are loaded once per worker thread and deep-frozen, so they must hold nothing per
 * workflow and never change an object after it is made: src/domain is pure by rule, but zod
 * schemas finish building themselves on first use, so the schemas live in `*Schema.ts` files that
 * are not shared.
 */
import path from 'node:path';

const DOMAIN_DIR = path.resolve(__dirname, '../domain');

/**
 * The src/domain modules the workflows import, except the schema files (test/workflow/
 * workflowBundle.test.ts fails when a new import is missing here).
 */
export const SHARED_DOMAIN_MODULES = [
  'assignment/actor',
  'assignment/alarmSchedule',
  'assignment/assignmentCommands',
  'assignment/assignmentEvents',
  'assignment/assignmentState',
  'assignment/assignmentSummary',
  'assignment/statusCategory',
  'calendar/workingCalendar',
  'campaign/deadlineRule',
  'campaign/expandCampaign',
  'notification/notificationRequest',
  'time/dateInput',
  'time/localDate',
];

export const WORKFLOWS_PATH = require.resolve('../../workflows');

export const workflowBundlerOptions = {
  preloadModules: ['luxon', ...SHARED_DOMAIN_MODULES.map((name) => path.join(DOMAIN_DIR, name))],
};
