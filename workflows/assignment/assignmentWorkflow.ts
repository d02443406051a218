/**
 * AssignmentWorkflow: one task for one agency, followed from the day it is given to its end.
 *
 *   assigned -> acknowledged -> in progress -> result submitted -> accepted
 *                                   ^                |
 *                                   +--- returned ---+        (and at any time: extension,
 *                                                               reassignment, cancellation)
 *
 * Before the deadline it sends reminders, after it climbs the escalation ladder, on working days
 * only; every change is an event recorded by an activity. State lives here (Temporal's history is
 * the source of truth); the events collection and its projections follow it.
 */
import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  log,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { EngineActivities } from '../../activities';
import { SYSTEM_ACTOR, type Actor } from '../../src/domain/assignment/actor';
import { decide, type AssignmentCommand, type Decision } from '../../src/domain/assignment/assignmentCommands';
import { stampEvents, type AssignmentEvent, type AssignmentEventBody } from '../../src/domain/assignment/assignmentEvents';
import { evolve, FINAL_STATUSES, OPEN_STATUSES, type AssignmentState } from '../../src/domain/assignment/assignmentState';
import { summarize, type AssignmentSummary } from '../../src/domain/assignment/assignmentSummary';
import { planAlarms, type Alarm } from '../../src/domain/assignment/alarmSchedule';
import { categorize } from '../../src/domain/assignment/statusCategory';
import { resolveDeadline } from '../../src/domain/campaign/deadlineRule';
import type { AssignmentPlan } from '../../src/domain/campaign/expandCampaign';
import type { EscalationPolicy, ReminderPolicy } from '../../src/domain/campaign/policies';
import { CalendarRangeError, WorkingCalendar, type CalendarSnapshot } from '../../src/domain/calendar/workingCalendar';
import { notificationFor } from '../../src/domain/notification/notificationRequest';
import { addDays, dateAt, yearOf, type LocalDate } from '../../src/domain/time/localDate';
import { WorkflowLock } from '../workflowLock';
import {
  applyCommandUpdate,
  assignmentViewQuery,
  calendarChangedSignal,
  cancelAssignmentSignal,
  COMMAND_REFUSED,
  type AssignmentView,
} from './assignmentMessages';
import { assignmentChangedSignal } from '../section/sectionMessages';

export interface AssignmentWorkflowInput {
  plan: AssignmentPlan;
  sectionTitle: string;
  launchDate: LocalDate;
  calendar: CalendarSnapshot;
  reminderPolicy: ReminderPolicy;
  escalationPolicy: EscalationPolicy;
  /** Workflows told of every change (the section and the campaign); absent when run alone. */
  notify: string[];
  /** History length that triggers continue-as-new (default 4,000; tests set it low). */
  continueAsNewAfterEvents?: number;
  /** Set by continue-as-new: everything the previous run knew. */
  carried?: { state: AssignmentState; firedAlarms: string[]; recentEvents: AssignmentEvent[]; calendar: CalendarSnapshot };
}

const { recordAssignmentEvents, extendedCalendar } = proxyActivities<EngineActivities>({
  // A few idempotent writes: a short timeout lets another worker retry soon after a crash.
  startToCloseTimeout: '20 seconds',
  // Never give up: a database outage delays events, it must not lose them.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '2 minutes' },
});

/**
 * The command schema, loaded on the first command a workflow receives: zod costs each workflow
 * ~0.6 MiB while it is cached, and a launch or an alarm needs none of it (src/temporal/workflowBundle.ts).
 */
let commandSchema: typeof import('../../src/domain/assignment/assignmentCommandSchema').AssignmentCommandSchema | undefined;
function assignmentCommandSchema() {
  commandSchema ??= (require('../../src/domain/assignment/assignmentCommandSchema') as typeof import('../../src/domain/assignment/assignmentCommandSchema')).AssignmentCommandSchema;
  return commandSchema;
}

const RECENT_EVENTS_KEPT = 50;
/** Patch: the weekly escalation goes on past one schedule's repeats while the assignment is overdue. */
const REPEATS_GO_ON = 'escalation-repeats-go-on';
/**
 * Patch: when the calendar it carries runs out while it still escalates, the assignment asks for
 * the calendar over more years (before it, escalation stopped silently at the last year covered).
 */
const CALENDAR_COVERAGE_GROWS = 'calendar-coverage-grows';
/** Years asked for past the later of the calendar's last year and this year. */
const YEARS_MORE = 3;
/** Alarms this recently due still fire after a re-plan; older missed reminders are dropped. */
const MISSED_ALARM_GRACE_MS = 12 * 3600 * 1000;
/** Continue-as-new well before Temporal's history limits. */
const HISTORY_EVENTS_BEFORE_CONTINUE = 4_000;

export async function assignmentWorkflow(input: AssignmentWorkflowInput): Promise<AssignmentSummary> {
  let calendar = new WorkingCalendar(input.carried?.calendar ?? input.calendar);
  let state: AssignmentState | undefined = input.carried?.state;
  const firedAlarms = new Set(input.carried?.firedAlarms ?? []);
  const recentEvents: AssignmentEvent[] = [...(input.carried?.recentEvents ?? [])];
  const lock = new WorkflowLock();
  /** Bumped by every change; the alarm loop re-plans when it moves. */
  let version = 0;
  let schedule: Alarm[] = [];

  const current = (): AssignmentState => {
    if (!state) throw ApplicationFailure.nonRetryable('assignment not initialised yet');
    return state;
  };

  /** Applies events, then records them (and the emails they cause). Call under the lock. */
  async function commit(bodies: AssignmentEventBody[], actor: Actor): Promise<void> {
    if (bodies.length === 0) return;
    const before = state;
    const events = stampEvents(
      {
        assignmentId: input.plan.id,
        campaignKey: input.plan.campaignKey,
        lastSeq: state?.seq ?? 0,
        at: new Date(Date.now()).toISOString(),
        actor,
      },
      bodies,
    );
    let next = state;
    const notifications = [];
    for (const event of events) {
      next = evolve(next, event);
      const request = notificationFor(event, next.agencyCode);
      if (request) notifications.push(request);
    }
    // Applied before it is recorded: the workflow is the source of truth, and queries see the
    // change at once; the activity retries until the events collection has it too.
    state = next;
    recentEvents.push(...events);
    recentEvents.splice(0, Math.max(0, recentEvents.length - RECENT_EVENTS_KEPT));
    version += 1;
    await recordAssignmentEvents({ events, notifications });
    if (before && state && summaryChanged(summarize(before), summarize(state))) await tellParents(summarize(state));
  }

  async function tellParents(summary: AssignmentSummary): Promise<void> {
    for (const workflowId of input.notify) {
      try {
        await getExternalWorkflowHandle(workflowId).signal(assignmentChangedSignal, summary);
      } catch (error) {
        // A finished parent has nothing left to count; the change is in the events regardless.
        log.warn('could not tell a parent workflow of a change', { workflowId, error: String(error) });
      }
    }
  }

  function view(): AssignmentView {
    const s = current();
    const next = OPEN_STATUSES.includes(s.status) ? schedule.find((alarm) => !firedAlarms.has(alarm.key)) : undefined;
    return {
      state: s,
      category: categorize(s, Date.now()),
      recentEvents,
      nextAlarm: next && { key: next.key, kind: next.kind, date: next.date },
    };
  }

  /**
   * The decision on a command as it stands now. Bad input is a refusal like any other, never a
   * thrown ZodError: an error that is not a Temporal failure fails the workflow task, and the
   * workflow would retry that task instead of answering.
   */
  function judge(command: AssignmentCommand, actor: Actor): Decision {
    const parsed = assignmentCommandSchema().safeParse(command);
    if (!parsed.success) return { accepted: false, code: 'invalidInput', reason: parsed.error.issues.map((i) => i.message).join(' ') };
    return decide(current(), parsed.data, actor, { now: Date.now(), calendar });
  }

  function refusalOf(command: AssignmentCommand, actor: Actor) {
    const decision = judge(command, actor);
    return decision.accepted ? undefined : decision;
  }

  setHandler(assignmentViewQuery, view);

  /**
   * Messages sent before the workflow's first task reach their handlers as soon as they are set,
   * before the launch takes the lock: they wait for the launch outside the lock, or they would
   * hold it against the launch they wait for.
   */
  const launched = () => condition(() => state !== undefined);

  setHandler(
    applyCommandUpdate,
    async (command, actor) => {
      await launched();
      return lock.run(async () => {
        // Decide again under the lock: another change may have landed since validation.
        const decision = judge(command, actor);
        if (!decision.accepted) {
          throw ApplicationFailure.create({ type: COMMAND_REFUSED, message: decision.reason, details: [decision.code], nonRetryable: true });
        }
        await commit(decision.events, actor);
        return view();
      });
    },
    {
      validator: (command, actor) => {
        // In the first moments the launch is still being recorded: the handler decides then.
        if (!state) return;
        const refusal = refusalOf(command, actor);
        if (refusal) throw ApplicationFailure.create({ type: COMMAND_REFUSED, message: refusal.reason, details: [refusal.code] });
      },
    },
  );

  setHandler(cancelAssignmentSignal, async ({ actor, reason }) => {
    // A cancellation that arrives with the launch is not lost: it waits for the launch.
    await launched();
    await lock.run(async () => {
      const decision = decide(current(), { type: 'cancel', reason }, actor, { now: Date.now(), calendar });
      if (decision.accepted) await commit(decision.events, actor);
    });
  });

  setHandler(calendarChangedSignal, async (snapshot) => {
    // A calendar that arrives with the launch re-times it once it is recorded, as any other.
    await launched();
    await lock.run(() => adoptCalendar(snapshot, () => snapshot.version > calendar.version));
  });

  /**
   * Takes a calendar (call under the lock): re-times the deadline if the data moved it. `newer`,
   * asked under the lock, says whether to take it at all: a later version, or the same over more years.
   */
  async function adoptCalendar(snapshot: CalendarSnapshot, newer: () => boolean): Promise<void> {
    if (!newer()) return;
    const s = current();
    const next = new WorkingCalendar(snapshot);
    let retimed: LocalDate | undefined;
    if (!FINAL_STATUSES.includes(s.status)) {
      try {
        // A granted extension fixed a date; otherwise the task's rule decides again.
        retimed = s.extensionsGranted > 0 ? next.onOrNextWorkingDay(s.deadline) : resolveDeadline(s.deadlineRule, s.launchDate, next);
      } catch (error) {
        if (!(error instanceof CalendarRangeError)) throw error;
        // It cannot time this assignment (its years are not all there): keep the calendar it
        // has. Thrown on, the error would fail the workflow task again and again.
        log.warn('calendar change not applied: it does not cover this assignment', {
          version: snapshot.version,
          years: `${snapshot.fromYear}-${snapshot.toYear}`,
          deadline: s.deadline,
          error: error.message,
        });
        return;
      }
    }
    calendar = next;
    version += 1;
    if (retimed !== undefined && retimed !== s.deadline) {
      await commit([{ type: 'DeadlineChanged', from: s.deadline, to: retimed, reason: 'calendar' }], SYSTEM_ACTOR);
    }
  }

  /** The alarms of the deadline in force still to fire; long-missed ones are dropped. */
  function replan(): Alarm[] {
    const s = current();
    const pending = planAlarms({
      deadline: s.deadline,
      calendar,
      reminders: input.reminderPolicy,
      escalation: input.escalationPolicy,
      repeatsBefore: repeatsFired(s.deadline),
    }).filter((alarm) => !firedAlarms.has(alarm.key));
    const missed = pending.filter((alarm) => alarm.at < Date.now() - MISSED_ALARM_GRACE_MS);
    // Keep the highest escalation reached while nobody was counting (e.g. during review).
    const latestMissedEscalation = missed.filter((alarm) => alarm.kind === 'escalation').at(-1);
    for (const alarm of missed) if (alarm !== latestMissedEscalation) firedAlarms.add(alarm.key);
    return pending.filter((alarm) => !firedAlarms.has(alarm.key));
  }

  /** How many repeats of the ladder's last rung have fired for this deadline. */
  function repeatsFired(deadline: LocalDate): number {
    const prefix = `escalation:${deadline}:`;
    let highest = 0;
    for (const key of firedAlarms) {
      if (key.startsWith(prefix)) highest = Math.max(highest, Number(key.slice(prefix.length)) - input.escalationPolicy.steps.length);
    }
    return highest;
  }

  async function fire(alarm: Alarm): Promise<void> {
    const s = current();
    firedAlarms.add(alarm.key);
    const body: AssignmentEventBody =
      alarm.kind === 'reminder'
        ? { type: 'ReminderSent', alarmKey: alarm.key, deadline: s.deadline, workingDaysLeft: alarm.workingDaysLeft }
        : {
            type: 'Escalated',
            alarmKey: alarm.key,
            deadline: s.deadline,
            level: alarm.level,
            step: alarm.step,
            workingDaysOverdue: calendar.workingDaysBetween(s.deadline, dateAt(Date.now())),
          };
    await commit([body], SYSTEM_ACTOR);
  }

  if (!state) {
    const deadline = resolveDeadline(input.plan.deadlineRule, input.launchDate, calendar);
    await lock.run(() =>
      commit(
        [{ type: 'AssignmentAssigned', plan: input.plan, launchDate: input.launchDate, deadline, sectionTitle: input.sectionTitle }],
        SYSTEM_ACTOR,
      ),
    );
  }

  let plannedFor = -1;
  while (!FINAL_STATUSES.includes(current().status)) {
    if (plannedFor !== version) {
      schedule = replan();
      plannedFor = version;
    }
    const due = OPEN_STATUSES.includes(current().status) ? schedule.find((alarm) => !firedAlarms.has(alarm.key)) : undefined;
    const changed = () => version !== plannedFor;
    if (!due && OPEN_STATUSES.includes(current().status) && input.escalationPolicy.repeatEveryDays && patched(REPEATS_GO_ON)) {
      // Every repeat planned has fired and it is still overdue: plan the next ones. (Before this
      // patch the escalation stopped, silently, after REPEATS_AHEAD repeats.)
      const next = replan();
      if (next.length > 0) {
        schedule = next;
        continue;
      }
    }
    if (
      !due &&
      OPEN_STATUSES.includes(current().status) &&
      input.escalationPolicy.repeatEveryDays &&
      !calendar.covers(addDays(dateAt(Date.now()), 366)) &&
      patched(CALENDAR_COVERAGE_GROWS)
    ) {
      // Nothing left to plan while it still escalates: the calendar ran out. Take it over more years.
      const snapshot = calendar.snapshot;
      const asked = await extendedCalendar({ fromYear: snapshot.fromYear, toYear: Math.max(snapshot.toYear, yearOf(dateAt(Date.now()))) + YEARS_MORE });
      // Never a version below the one it has: a later broadcast must still count as newer.
      const wider = { ...asked, version: Math.max(asked.version, snapshot.version) };
      const before = calendar;
      if (wider.toYear > snapshot.toYear) await lock.run(() => adoptCalendar(wider, () => calendar === before));
      // Taken (or replaced meanwhile by a newer one): plan again. Else wait, as before the patch.
      if (calendar !== before) continue;
    }
    if (!due) {
      await condition(changed);
    } else if (due.at > Date.now()) {
      await condition(changed, due.at - Date.now());
    } else {
      await lock.run(async () => {
        // Re-check under the lock: an update may have closed the assignment or moved the deadline.
        if (!changed() && OPEN_STATUSES.includes(current().status) && !firedAlarms.has(due.key)) await fire(due);
      });
    }
    const info = workflowInfo();
    if (info.continueAsNewSuggested || info.historyLength > (input.continueAsNewAfterEvents ?? HISTORY_EVENTS_BEFORE_CONTINUE)) {
      await condition(allHandlersFinished);
      const s = current();
      await continueAsNew<typeof assignmentWorkflow>({
        ...input,
        carried: {
          state: s,
          // Only alarms of the deadline in force can fire again; the rest need not be carried.
          firedAlarms: [...firedAlarms].filter((key) => key.includes(`:${s.deadline}:`)),
          recentEvents,
          calendar: calendar.snapshot,
        },
      });
    }
  }
  // Let a handler that is still answering (e.g. the accept that ended it) finish first.
  await condition(allHandlersFinished);
  return summarize(current());
}

function summaryChanged(a: AssignmentSummary, b: AssignmentSummary): boolean {
  return a.status !== b.status || a.deadline !== b.deadline || a.agencyCode !== b.agencyCode || a.completedAt !== b.completedAt;
}
