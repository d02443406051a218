/**
 * The read model is a projection of the events only: dropping it and folding the events again
 * gives exactly what the live path built, after a varied life of assignments.
 */
import type { Actor } from '../../src/domain/assignment/actor';
import type { AssignmentCommand } from '../../src/domain/assignment/assignmentCommands';
import { rebuildAssignmentProjection } from '../../src/projections/assignmentProjection';
import { applyCommandUpdate, calendarChangedSignal } from '../../workflows/assignment/assignmentMessages';
import { eventTypes, sleepUntil, startTestAssignment } from '../helpers/assignmentFixtures';
import { calendarFor, useWorkflowHarness } from '../helpers/workflowHarness';

const SECRETARIAT: Actor = { role: 'secretariat', name: 'Phòng CCHC' };

describe('rebuilding the assignments projection', () => {
  const harness = useWorkflowHarness(new Date('2021-12-01T01:00:00Z'));

  it('gives back, from the events alone, the same read model the live path built', async () => {
    const scripts: Record<string, AssignmentCommand[]> = {
      SNV: [{ type: 'acknowledge' }, { type: 'submitResult', summary: 'Xong', evidenceLinks: [], kpiValues: [] }, { type: 'accept' }],
      STNMT: [
        { type: 'reportProgress', note: 'Đã rà soát 60%', percent: 60 },
        { type: 'addCoordinationNote', note: 'Sở TT&TT đã cấp tài khoản cho cán bộ rà soát' },
        { type: 'requestExtension', requestedDeadline: '2022-03-15', reason: 'Chờ số liệu' },
        { type: 'decideExtension', grant: true, deadline: '2022-03-13' },
      ],
      SXD: [
        { type: 'submitResult', summary: 'Bản đầu', evidenceLinks: [], kpiValues: [] },
        { type: 'returnForRework', comment: 'Thiếu phụ lục' },
      ],
      SYT: [{ type: 'reassign', toAgency: 'SGDDT', comment: 'Đúng thẩm quyền' }],
      SCT: [{ type: 'cancel', reason: 'Trùng nhiệm vụ' }],
    };
    const h = harness();
    await h.run(async () => {
      for (const [agency, commands] of Object.entries(scripts)) {
        const id = `cchc-2021.s1.t1.${agency}`;
        const handle = await startTestAssignment(h, {
          id,
          deadline: '2022-01-14',
          coordinatingAgencies: ['SNV', 'STTTT'],
          plan: {
            title: 'Rà soát thủ tục hành chính',
            kpiTargets: [{ indicator: 'Tỷ lệ hồ sơ trễ hạn', comparator: 'lt', threshold: 0.4, unit: '%' }],
            citations: ['Nghị định số 61/2018/NĐ-CP'],
          },
        });
        for (const command of commands) {
          const actor: Actor = ['acknowledge', 'reportProgress', 'submitResult', 'requestExtension'].includes(command.type)
            ? { role: 'agency', agencyCode: agency }
            : command.type === 'addCoordinationNote'
              ? { role: 'agency', agencyCode: 'STTTT' }
              : SECRETARIAT;
          await handle.executeUpdate(applyCommandUpdate, { args: [command, actor] });
        }
      }
      // Reminders and escalations through the deadline and a little past it.
      await h.env.sleep('60 days');
    });

    const live = await h.db.assignments.find().sort({ _id: 1 }).lean();
    expect(live).toHaveLength(5);
    expect(live.map((doc) => doc.status).sort()).toEqual(['accepted', 'assigned', 'cancelled', 'inProgress', 'inProgress']);
    expect(live.find((doc) => doc._id.endsWith('.SYT'))?.agencyCode).toBe('SGDDT');
    // The coordinating agency's note went through the workflow into the events, and changed no state.
    expect(await h.db.events.countDocuments({ type: 'CoordinationNoteAdded', 'actor.agencyCode': 'STTTT' })).toBe(1);

    const count = await rebuildAssignmentProjection(h.db);
    expect(count).toBe(5);
    const rebuilt = await h.db.assignments.find().sort({ _id: 1 }).lean();
    expect(rebuilt).toEqual(live);
  });
});

describe('the assignments projection when changes queue up together', () => {
  const harness = useWorkflowHarness(new Date('2021-12-01T01:00:00Z'));

  it('equals a rebuild after several updates, an alarm and a calendar signal queued together', async () => {
    const h = harness();
    const id = 'cchc-2021.s2.t1.STNMT';
    const STNMT: Actor = { role: 'agency', agencyCode: 'STNMT', name: 'Sở TN&MT' };
    // Sent before any worker polls, so they all reach the workflow's first task and queue behind
    // its launch: a calendar that makes the deadline (Fri 10/12) a day off, four progress
    // reports, and the first reminder, due at once (7 working days before: Wed 1/12 08:00).
    const handle = await startTestAssignment(h, { id, deadline: '2021-12-10' });
    await handle.signal(
      calendarChangedSignal,
      calendarFor(2021, 2023, [{ year: 2021, daysOff: [{ date: '2021-12-10', name: 'Nghỉ bù' }], workingDays: [], notDaysOff: [] }], 2),
    );
    const updates = [20, 40, 60, 80].map((percent) =>
      handle.executeUpdate(applyCommandUpdate, { args: [{ type: 'reportProgress', note: `Đã làm ${percent}%`, percent }, STNMT] }),
    );

    await h.run(async () => {
      await Promise.all(updates);
      for (let i = 0; i < 300 && (await h.db.events.countDocuments({ assignmentId: id })) < 7; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });
    expect((await eventTypes(h, id)).sort()).toEqual(
      ['AssignmentAssigned', 'DeadlineChanged', 'ProgressReported', 'ProgressReported', 'ProgressReported', 'ProgressReported', 'ReminderSent'].sort(),
    );

    // One change at a time: never two recordings of its events under way together.
    let outstanding = 0;
    let mostAtOnce = 0;
    for (const event of (await handle.fetchHistory()).events ?? []) {
      if (event.activityTaskScheduledEventAttributes) outstanding += 1;
      if (event.activityTaskCompletedEventAttributes) outstanding -= 1;
      mostAtOnce = Math.max(mostAtOnce, outstanding);
    }
    expect(mostAtOnce).toBe(1);

    const live = await h.db.assignments.findById(id).lean();
    expect(live).toMatchObject({ seq: 7, deadline: '2021-12-13' });
    await rebuildAssignmentProjection(h.db);
    expect(await h.db.assignments.findById(id).lean()).toEqual(live);
  });
});
