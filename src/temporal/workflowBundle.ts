/**
 * How workflows/ is bundled for the workflow sandbox, the same for the engine's worker, the
 * simulator, the test harness and the replay test.
 *
 * Each workflow in the sandbox gets its own copy of every module it imports, evaluated on its first
 * task and kept while it is cached: ~1.1 MiB and ~11 ms of CPU per assignment with the engine's
 * modules, against ~0.17 MiB and ~5.6 ms once the pure domain modules below are shared and the one
 * module that needs zod (the command schema) is loaded only when a command arrives (1,000
 * sleeping workflows, RSS and CPU before and after; README, "Benchmarks"). Listed modules are
 * loaded once per worker thread and deep-frozen, so they must hold nothing per workflow and never
 * change an object after it is made: src/domain is pure by rule, but zod schemas finish building
 * themselves on first use, so the schemas live in `*Schema.ts` files that are not shared.
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
  'time/localDate',
];

export const WORKFLOWS_PATH = require.resolve('../../workflows');

export const workflowBundlerOptions = {
  preloadModules: ['luxon', ...SHARED_DOMAIN_MODULES.map((name) => path.join(DOMAIN_DIR, name))],
};
