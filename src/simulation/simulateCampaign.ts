/**
 * Runs a campaign through the real workflow code on Temporal's time-skipping test server, from
 * its launch date to `until`, applying scripted actions on their dates, and returns every event
 * with its virtual time. Nothing is written to MongoDB and no email is sent.
 */
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { createSimulationActivities } from '../../activities/simulationActivities';
import type { Actor } from '../domain/assignment/actor';
import type { AssignmentEvent } from '../domain/assignment/assignmentEvents';
import type { CampaignFile } from '../domain/campaign/campaignFile';
import { expandCampaign, sectionWorkflowId } from '../domain/campaign/expandCampaign';
import type { ScriptedAction } from '../domain/campaign/scriptedAction';
import { resolveCalendar } from '../domain/calendar/resolveCalendar';
import { withOfficialDecisions } from '../services/officialCalendarData';
import type { NotificationRequest } from '../domain/notification/notificationRequest';
import { dateAt, endOfDay, instantAt, yearOf, type LocalDate } from '../domain/time/localDate';
import { createTimeSkippingEnvironment } from '../temporal/timeSkippingEnvironment';
import { workflowBundlerOptions, WORKFLOWS_PATH } from '../temporal/workflowBundle';
import { applyCommandUpdate } from '../../workflows/assignment/assignmentMessages';
import { campaignWorkflow } from '../../workflows/campaign/campaignWorkflow';

export interface ActionOutcome {
  action: ScriptedAction;
  at: string;
  accepted: boolean;
  reason?: string;
}

export interface SimulationResult {
  launchDate: LocalDate;
  until: LocalDate;
  events: AssignmentEvent[];
  notifications: NotificationRequest[];
  actions: ActionOutcome[];
  /** Each workflow's history as Temporal's JSON, when asked for (replay tests record them). */
  histories?: Record<string, string>;
}

const TASK_QUEUE = 'simulation';

/** A campaign the preview refuses, as a launch would: every problem in Vietnamese, one a line. */
export class SimulationRefused extends Error {
  constructor(readonly problems: string[]) {
    super(`Không mô phỏng được kế hoạch này:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

function actorOf(by: string): Actor {
  return by === 'secretariat' ? { role: 'secretariat', name: 'mô phỏng' } : { role: 'agency', agencyCode: by, name: 'mô phỏng' };
}

export async function simulateCampaign(options: {
  file: CampaignFile;
  until?: LocalDate;
  actions?: ScriptedAction[];
  onEvent?: (event: AssignmentEvent) => void;
  recordHistories?: boolean;
}): Promise<SimulationResult> {
  const { campaign, agencies, calendar } = options.file;
  // The checks a launch makes: a preview of a campaign that gives nothing, or that names agencies
  // the directory lacks, would print an empty or partial run with no word of why.
  const directory = agencies.map((agency) => ({ code: agency.code, groups: agency.groups }));
  const expansion = expandCampaign(campaign, directory);
  if (expansion.problems.length > 0) {
    throw new SimulationRefused(
      expansion.problems.map((problem) => (problem.sectionNumber === undefined ? problem.message : `Mục ${problem.sectionNumber}: ${problem.message}`)),
    );
  }
  const launchDate = campaign.launchDate ?? campaign.directive.date;
  // Default: long enough to see the whole ladder after the last fixed deadline.
  const until = options.until ?? `${yearOf(launchDate) + 1}-03-31`;
  const events: AssignmentEvent[] = [];
  const notifications: NotificationRequest[] = [];
  const actions = [...(options.actions ?? [])].sort((a, b) => `${a.on} ${a.at}`.localeCompare(`${b.on} ${b.at}`));
  const outcomes: ActionOutcome[] = [];
  const histories: Record<string, string> = {};

  const env = await createTimeSkippingEnvironment(new Date(instantAt(launchDate, '07:00')));
  try {
    const workflowBundle = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, ...workflowBundlerOptions, logger: silentLogger });
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: TASK_QUEUE,
      workflowBundle,
      activities: createSimulationActivities({
        calendar: (fromYear, toYear) => resolveCalendar({ fromYear, toYear, years: withOfficialDecisions(calendar), version: 1 }),
        record(recorded, requested) {
          events.push(...recorded);
          notifications.push(...requested);
          recorded.forEach((event) => options.onEvent?.(event));
        },
      }),
    });
    await worker.runUntil(async () => {
      await env.client.workflow.start(campaignWorkflow, {
        taskQueue: TASK_QUEUE,
        workflowId: campaign.key,
        args: [
          {
            campaign,
            directory,
            launchDate,
            // The official decisions shipped with the engine, with the file's own years on top.
            calendar: resolveCalendar({ fromYear: yearOf(launchDate), toYear: yearOf(until) + 2, years: withOfficialDecisions(calendar), version: 1 }),
          },
        ],
      });
      const sleepUntil = async (instant: number) => {
        const now = await env.currentTimeMs();
        if (instant > now) await env.sleep(instant - now);
      };
      for (const action of actions) {
        if (action.on > until) break;
        await sleepUntil(instantAt(action.on, action.at));
        const at = new Date(await env.currentTimeMs()).toISOString();
        try {
          await env.client.workflow
            .getHandle(action.assignment)
            .executeUpdate(applyCommandUpdate, { args: [action.command, actorOf(action.by)] });
          outcomes.push({ action, at, accepted: true });
        } catch (error) {
          const reason =
            error instanceof WorkflowUpdateFailedError ? (error.cause as Error | undefined)?.message : (error as Error).message;
          outcomes.push({ action, at, accepted: false, reason: reason ?? String(error) });
        }
      }
      await sleepUntil(endOfDay(until) - 1);
      if (options.recordHistories) {
        const ids = [campaign.key, ...campaign.sections.map((section) => sectionWorkflowId(campaign.key, section.number))];
        ids.push(...new Set(events.map((event) => event.assignmentId)));
        for (const id of ids) histories[id] = historyToJSON(await env.client.workflow.getHandle(id).fetchHistory());
      }
    });
  } finally {
    await env.teardown();
  }
  events.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  return { launchDate, until, events, notifications, actions: outcomes, histories: options.recordHistories ? histories : undefined };
}

export function virtualDate(event: AssignmentEvent): LocalDate {
  return dateAt(Date.parse(event.at));
}

const silentLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: (message: string) => process.stderr.write(`${message}\n`),
};
