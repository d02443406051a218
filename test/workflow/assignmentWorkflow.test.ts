/**
 * AssignmentWorkflow on the time-skipping server, its clock starting on 1 December 2021 at 08:00
 * in Vietnam. Deadlines around Tết 2022 (mùng 1 = Tuesday 1 February; default days off Monday
 * 31 January to Friday 4 February) show reminders and escalations landing on working days only.
 */
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { Actor } from '../../src/domain/assignment/actor';
import type { AssignmentCommand } from '../../src/domain/assignment/assignmentCommands';
import { applyCommandUpdate, assignmentViewQuery, calendarChangedSignal, COMMAND_REFUSED } from '../../workflows/assignment/assignmentMessages';
import { eventTimes as timesOf, eventTypes, sleepUntil, startTestAssignment } from '../helpers/assignmentFixtures';
import { calendarFor, useWorkflowHarness } from '../helpers/workflowHarness';

const SECRETARIAT: Actor = { role: 'secretariat', name: 'Phòng CCHC' };
const STNMT: Actor = { role: 'agency', agencyCode: 'STNMT', name: 'Sở TN&MT' };
const DEC_1_2021 = new Date('2021-12-01T01:00:00Z');

describe('AssignmentWorkflow', () => {
  // Time only moves forward: each test gets its own server, starting on 1/12/2021 08:00.
  const harness = useWorkflowHarness(DEC_1_2021, { perTest: true });

  const launch = (id: string, deadline: string) => startTestAssignment(harness(), { id, deadline, coordinatingAgencies: ['SNV'] });

  it('reminds across Tết on working days only, climbs the whole ladder, and stops when accepted', async () => {
    const h = harness();
    await h.run(async () => {
      const id = 'cchc-2021.s4.t2.STNMT';
      const handle = await launch(id, '2022-02-10');
      await sleepUntil(h, '2022-03-12T00:00:00Z');

      // 7 working days before Thursday 10/2: back over the Tết days and two weekends to Tue 25/1.
      expect(await timesOf(h, id, 'ReminderSent')).toEqual([
        '2022-01-25 08:00',
        '2022-02-07 08:00',
        '2022-02-09 08:00',
        '2022-02-10 08:00',
      ]);
      // Head on the first working day after (Fri 11/2), secretariat 3 working days later (Wed 16/2),
      // People's Committee 7 after that (Fri 25/2), then every week (Fri 4/3, Fri 11/3).
      expect(await timesOf(h, id, 'Escalated')).toEqual([
        '2022-02-11 08:00',
        '2022-02-16 08:00',
        '2022-02-25 08:00',
        '2022-03-04 08:00',
        '2022-03-11 08:00',
      ]);
      const levels = (await h.db.events.find({ assignmentId: id, type: 'Escalated' }).sort({ seq: 1 }).lean()).map(
        (doc) => (doc as unknown as { level: string }).level,
      );
      expect(levels).toEqual(['agencyHead', 'secretariat', 'peoplesCommittee', 'peoplesCommittee', 'peoplesCommittee']);
      expect((await handle.query(assignmentViewQuery)).category).toBe('overdue');

      await handle.executeUpdate(applyCommandUpdate, {
        args: [{ type: 'submitResult', summary: 'Đã giảm tỷ lệ trễ hạn còn 0,3%', evidenceLinks: [], kpiValues: [] }, STNMT],
      });
      const accepted = await handle.executeUpdate(applyCommandUpdate, { args: [{ type: 'accept' }, SECRETARIAT] });
      expect(accepted.state.status).toBe('accepted');
      expect(accepted.category).toBe('completedLate');
      expect((await handle.result()).status).toBe('accepted');

      // Nothing more after acceptance, however long we wait.
      await h.env.sleep('30 days');
      expect(await timesOf(h, id, 'Escalated')).toHaveLength(5);
      const view = await h.db.assignments.findById(id).lean();
      expect(view?.status).toBe('accepted');
    });
  });

  it('re-times reminders and escalation when an extension is granted, and keeps the original deadline', async () => {
    const h = harness();
    await h.run(async () => {
      const id = 'cchc-2021.s4.t3.STNMT';
      const handle = await launch(id, '2022-02-10');
      await sleepUntil(h, '2022-02-08T03:00:00Z'); // Tue 8/2, 10:00 in Vietnam
      await handle.executeUpdate(applyCommandUpdate, {
        args: [{ type: 'requestExtension', requestedDeadline: '2022-02-24', reason: 'Chờ số liệu quý' }, STNMT],
      });
      const granted = await handle.executeUpdate(applyCommandUpdate, {
        args: [{ type: 'decideExtension', grant: true }, SECRETARIAT],
      });
      expect(granted.state).toMatchObject({ deadline: '2022-02-24', originalDeadline: '2022-02-10' });
      await sleepUntil(h, '2022-02-26T00:00:00Z');

      // Before the grant: 25/1 and 7/2 for the old deadline. After it, the new deadline's own
      // reminders: 7 working days before Thu 24/2 is Tue 15/2 (already due: sent once), 3 before
      // is Mon 21/2, 1 before Wed 23/2, then the day itself. Nothing for 9/2 or 10/2.
      expect(await timesOf(h, id, 'ReminderSent')).toEqual([
        '2022-01-25 08:00',
        '2022-02-07 08:00',
        '2022-02-15 08:00',
        '2022-02-21 08:00',
        '2022-02-23 08:00',
        '2022-02-24 08:00',
      ]);
      // First escalation the working day after the new deadline: Fri 25/2, not Fri 11/2.
      expect(await timesOf(h, id, 'Escalated')).toEqual(['2022-02-25 08:00']);
      await handle.executeUpdate(applyCommandUpdate, { args: [{ type: 'cancel', reason: 'Kết thúc thử nghiệm' }, SECRETARIAT] });
      await handle.result();
    });
  });

  it('loops through return-for-rework, pausing reminders while the result is under review', async () => {
    const h = harness();
    await h.run(async () => {
      const id = 'cchc-2021.s4.t4.STNMT';
      const handle = await launch(id, '2022-02-10');
      const act = (command: AssignmentCommand, actor: Actor) => handle.executeUpdate(applyCommandUpdate, { args: [command, actor] });
      await act({ type: 'acknowledge' }, STNMT);
      await act({ type: 'submitResult', summary: 'Bản đầu', evidenceLinks: ['https://stnmt.example/bao-cao-1'], kpiValues: [] }, STNMT);
      // Under review through 25/1: no reminder to the agency then.
      await sleepUntil(h, '2022-01-26T00:00:00Z');
      expect(await timesOf(h, id, 'ReminderSent')).toEqual([]);

      const returned = await act({ type: 'returnForRework', comment: 'Thiếu số liệu quận 12' }, SECRETARIAT);
      expect(returned.state).toMatchObject({ status: 'inProgress', returns: 1, lastReturnComment: 'Thiếu số liệu quận 12' });
      await sleepUntil(h, '2022-02-08T00:00:00Z');
      // Back in progress: the 3-working-day reminder (Mon 7/2) goes out; the missed 25/1 one does not.
      expect(await timesOf(h, id, 'ReminderSent')).toEqual(['2022-02-07 08:00']);

      await act({ type: 'submitResult', summary: 'Bản bổ sung', evidenceLinks: [], kpiValues: [{ indicator: 'Tỷ lệ trễ hạn', value: 0.3, unit: '%' }] }, STNMT);
      const accepted = await act({ type: 'accept', comment: 'Đạt' }, SECRETARIAT);
      expect(accepted.category).toBe('completedOnTime');
      await handle.result();
      expect(await eventTypes(h, id)).toEqual([
        'AssignmentAssigned',
        'Acknowledged',
        'ResultSubmitted',
        'Returned',
        'ReminderSent',
        'ResultSubmitted',
        'Accepted',
      ]);
    });
  });

  it('refuses, synchronously and without a trace, what an actor may not do', async () => {
    const h = harness();
    await h.run(async () => {
      const id = 'cchc-2021.s4.t5.STNMT';
      const handle = await launch(id, '2022-02-10');
      const attempt = (command: AssignmentCommand, actor: Actor) => handle.executeUpdate(applyCommandUpdate, { args: [command, actor] });
      const refusal = async (promise: Promise<unknown>) => {
        const error = await promise.then(() => undefined, (e: unknown) => e);
        expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
        return ((error as WorkflowUpdateFailedError).cause as Error).message;
      };

      expect(await refusal(attempt({ type: 'acknowledge' }, { role: 'agency', agencyCode: 'SXD' }))).toContain('STNMT');
      expect(await refusal(attempt({ type: 'cancel', reason: 'x' }, { role: 'committee' }))).toContain('chỉ được xem');
      expect(
        await refusal(attempt({ type: 'requestExtension', requestedDeadline: '2021-11-30', reason: 'x' }, STNMT)),
      ).toContain('đã qua');
      expect(await refusal(attempt({ type: 'accept' }, SECRETARIAT))).toContain('mới được giao');
      await attempt({ type: 'cancel', reason: 'Điều chỉnh kế hoạch' }, SECRETARIAT);
      expect((await handle.result()).status).toBe('cancelled');
      // A cancelled assignment's workflow has ended: nothing can reach it any more (the API
      // answers such requests from the read model with the reason).
      await expect(attempt({ type: 'submitResult', summary: 'x', evidenceLinks: [], kpiValues: [] }, STNMT)).rejects.toThrow(
        /completed|not found/i,
      );
      // Only the launch and the cancellation were recorded.
      expect(await eventTypes(h, id)).toEqual(['AssignmentAssigned', 'Cancelled']);
    });
  });
});

describe('AssignmentWorkflow and calendar changes', () => {
  const harness = useWorkflowHarness(DEC_1_2021);

  it('moves a "10 working days" deadline when the secretariat adds a day off, and re-times its reminders', async () => {
    const h = harness();
    await h.run(async () => {
      const id = 'cchc-2021.s2.t1.SNV';
      const handle = await startTestAssignment(h, { id, deadlineRule: { kind: 'workingDaysAfterLaunch', workingDays: 10 } });
      // Wed 1/12 not counted; 10 working days: 2,3,6,7,8,9,10,13,14,15 December.
      expect((await handle.query(assignmentViewQuery)).state.deadline).toBe('2021-12-15');

      const withDayOff = calendarFor(2021, 2023, [
        { year: 2021, daysOff: [{ date: '2021-12-10', name: 'Nghỉ bù (thử nghiệm)' }], workingDays: [], notDaysOff: [] },
      ], 2);
      await handle.signal(calendarChangedSignal, withDayOff);
      await h.env.sleep('1 hour');
      const after = await handle.query(assignmentViewQuery);
      expect(after.state).toMatchObject({ deadline: '2021-12-16', originalDeadline: '2021-12-15' });
      const changed = await h.db.events.findOne({ assignmentId: id, type: 'DeadlineChanged' }).lean();
      expect(changed).toMatchObject({ from: '2021-12-15', to: '2021-12-16', reason: 'calendar' });

      await sleepUntil(h, '2021-12-17T00:00:00Z');
      // 7 working days before Thu 16/12 skipping Fri 10/12: 15,14,13,9,8,7,6 -> Mon 6/12; 3 before: Mon 13/12.
      expect(await timesOf(h, id, 'ReminderSent')).toEqual([
        '2021-12-06 08:00',
        '2021-12-13 08:00',
        '2021-12-15 08:00',
        '2021-12-16 08:00',
      ]);
      await handle.executeUpdate(applyCommandUpdate, { args: [{ type: 'cancel', reason: 'Kết thúc thử nghiệm' }, SECRETARIAT] });
    });
  });
});

describe('AssignmentWorkflow over a long life', () => {
  const harness = useWorkflowHarness(DEC_1_2021);

  it('continues as new when its history grows, without losing state or repeating an alarm', async () => {
    const h = harness();
    await h.run(async () => {
      const id = 'cchc-2021.s9.t1.STNMT';
      const handle = await startTestAssignment(h, { id, deadline: '2022-02-10', continueAsNewAfterEvents: 40 });
      const firstRunId = (await handle.describe()).runId;
      await handle.executeUpdate(applyCommandUpdate, { args: [{ type: 'acknowledge' }, STNMT] });
      // Four reminders, then the ladder and weekly repeats: 10/2 + 13 weeks.
      await sleepUntil(h, '2022-05-14T00:00:00Z');
      const view = await handle.query(assignmentViewQuery);
      expect((await handle.describe()).runId).not.toBe(firstRunId);
      expect(view.state).toMatchObject({ status: 'acknowledged', remindersSent: 4, acknowledgedAt: expect.any(String) });
      const escalations = await timesOf(h, id, 'Escalated');
      // 11/2, 16/2, 25/2, then every Friday from 4/3 to 13/5: eleven repeats.
      expect(escalations).toHaveLength(14);
      expect(new Set(escalations).size).toBe(14);
      expect(escalations.at(-1)).toBe('2022-05-13 08:00');
      expect(view.state.escalations).toBe(14);
      // Events keep consecutive numbers across runs.
      const seqs = (await h.db.events.find({ assignmentId: id }).sort({ seq: 1 }).lean()).map((doc) => doc.seq);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
      await handle.executeUpdate(applyCommandUpdate, { args: [{ type: 'cancel', reason: 'Kết thúc thử nghiệm' }, SECRETARIAT] });
    });
  });
});

describe('AssignmentWorkflow and errors of the domain', () => {
  const harness = useWorkflowHarness(DEC_1_2021);

  /** Failed workflow tasks in a workflow's history: a task that throws is retried, stuck, forever. */
  async function failedTasks(handle: { fetchHistory(): Promise<{ events?: { workflowTaskFailedEventAttributes?: unknown }[] | null }> }) {
    return ((await handle.fetchHistory()).events ?? []).filter((event) => event.workflowTaskFailedEventAttributes).length;
  }

  it('refuses a malformed command that arrives with the launch, instead of failing its task', async () => {
    const h = harness();
    const id = 'cchc-2021.s5.t1.STNMT';
    const handle = await startTestAssignment(h, { id, deadline: '2022-02-10' });
    // Sent before a worker polls: the launch is not recorded yet, so the validator lets it
    // through and the handler is the one to check it.
    const malformed = handle.executeUpdate(applyCommandUpdate, { args: [{ type: 'reportProgress', note: '', percent: 250 }, STNMT] });
    await h.run(async () => {
      const error = await malformed.then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
      expect((error as WorkflowUpdateFailedError).cause).toMatchObject({ type: COMMAND_REFUSED, details: ['invalidInput'] });
      expect(((error as WorkflowUpdateFailedError).cause as Error).message).toContain('Hãy nêu nội dung tiến độ.');
      // It changed nothing, and the assignment goes on answering.
      const view = await handle.executeUpdate(applyCommandUpdate, { args: [{ type: 'acknowledge' }, STNMT] });
      expect(view.state).toMatchObject({ status: 'acknowledged', seq: 2 });
    });
    expect(await eventTypes(h, id)).toEqual(['AssignmentAssigned', 'Acknowledged']);
    expect(await failedTasks(handle)).toBe(0);
  });

  it('keeps its calendar when a new one does not cover its dates, instead of failing its task', async () => {
    const h = harness();
    await h.run(async () => {
      const id = 'cchc-2021.s5.t2.STNMT';
      const handle = await startTestAssignment(h, { id, deadline: '2022-02-10' });
      // A snapshot of 2024-2026 cannot say whether 10/2/2022 is a working day.
      await handle.signal(calendarChangedSignal, calendarFor(2024, 2026, [], 2));
      const view = await handle.executeUpdate(applyCommandUpdate, { args: [{ type: 'acknowledge' }, STNMT] });
      expect(view.state).toMatchObject({ status: 'acknowledged', deadline: '2022-02-10' });
      expect(await failedTasks(handle)).toBe(0);

      // A calendar that covers it still applies: 10/2/2022 made a day off moves the deadline.
      await handle.signal(
        calendarChangedSignal,
        calendarFor(2021, 2023, [{ year: 2022, daysOff: [{ date: '2022-02-10', name: 'Nghỉ bù' }], workingDays: [], notDaysOff: [] }], 3),
      );
      const after = await handle.executeUpdate(applyCommandUpdate, { args: [{ type: 'reportProgress', note: 'Đang làm', percent: 10 }, STNMT] });
      expect(after.state.deadline).toBe('2022-02-11');
      expect(await eventTypes(h, id)).toEqual(['AssignmentAssigned', 'Acknowledged', 'DeadlineChanged', 'ProgressReported']);
      expect(await failedTasks(handle)).toBe(0);
    });
  });
});

describe('AssignmentWorkflow overdue for a long time', () => {
  const harness = useWorkflowHarness(DEC_1_2021);

  it('goes on repeating the last escalation past one schedule of repeats, until the assignment ends', async () => {
    const h = harness();
    await h.run(async () => {
      const id = 'cchc-2021.s6.t1.STNMT';
      // Repeated every day (the policy's shortest), so that a schedule's 104 repeats run out
      // within months: the first on Mon 13/12, the 104th in March 2022.
      const handle = await startTestAssignment(h, {
        id,
        deadline: '2021-12-10',
        escalationPolicy: { steps: [{ level: 'agencyHead', workingDaysAfterPrevious: 1 }], repeatEveryDays: 1 },
      });
      await sleepUntil(h, '2022-06-01T00:00:00Z');
      const steps = (await h.db.events.find({ assignmentId: id, type: 'Escalated' }).sort({ seq: 1 }).lean()).map(
        (doc) => (doc as unknown as { step: number }).step,
      );
      // The ladder's one rung, then a repeat a day (moved to a working day) to the end of May.
      expect(steps.length).toBeGreaterThan(1 + 104 + 30);
      expect(steps).toEqual(steps.map((_, i) => i + 1));
      expect((await timesOf(h, id, 'Escalated')).at(-1)).toBe('2022-05-31 08:00');

      await handle.executeUpdate(applyCommandUpdate, { args: [{ type: 'cancel', reason: 'Kết thúc thử nghiệm' }, SECRETARIAT] });
      await handle.result();
    });
  });
});

describe('AssignmentWorkflow whose calendar runs out', () => {
  // Its own server: the suite above leaves the clock in June 2022.
  const harness = useWorkflowHarness(DEC_1_2021, { perTest: true });

  it('asks for the calendar over more years when the one it carries runs out, and goes on escalating', async () => {
    const h = harness();
    await h.run(async () => {
      const id = 'cchc-2021.s6.t2.STNMT';
      // Its calendar covers 2021 only: before the patch, escalation stopped silently on 31/12/2021.
      const handle = await startTestAssignment(h, {
        id,
        deadline: '2021-12-10',
        calendar: calendarFor(2021, 2021),
        escalationPolicy: { steps: [{ level: 'agencyHead', workingDaysAfterPrevious: 1 }], repeatEveryDays: 1 },
      });
      await sleepUntil(h, '2022-02-15T00:00:00Z');
      // The days that carry an escalation (the daily ones of a break go out on the day after it).
      const times = [...new Set(await timesOf(h, id, 'Escalated'))];
      // Into 2022 on its working days: 01/01 (Saturday) is made up on Monday 03/01, and Tết Nhâm
      // Dần is off from 31/01 to 04/02.
      expect(times.filter((t) => t >= '2021-12-30' && t < '2022-01-06')).toEqual(['2021-12-30 08:00', '2021-12-31 08:00', '2022-01-04 08:00', '2022-01-05 08:00']);
      expect(times.filter((t) => t >= '2022-01-31' && t < '2022-02-05')).toEqual([]);
      expect(times.at(-1)).toBe('2022-02-14 08:00');
      if (process.env.RECORD_HISTORY_TO) {
        // The history of this code path, for the replay test (test/workflow/histories/v2).
        const { historyToJSON } = await import('@temporalio/common/lib/proto-utils');
        const fs = await import('node:fs');
        fs.writeFileSync(`${process.env.RECORD_HISTORY_TO}/${id}.json`, historyToJSON(await handle.fetchHistory()));
      }
      await handle.executeUpdate(applyCommandUpdate, { args: [{ type: 'cancel', reason: 'Kết thúc thử nghiệm' }, SECRETARIAT] });
      await handle.result();
    });
  });
});
