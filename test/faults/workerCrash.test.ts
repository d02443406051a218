/**
 * Fault drill: the worker process is killed with SIGKILL (no shutdown, no flush) in the middle of
 * work, and a new worker process takes over on the same task queue, against a real Temporal dev
 * server, FerretDB and Mailpit.
 *
 * One kill covers both cases of the issue: a campaign launch (120 assignments) that is also a
 * burst of escalations (launched with its deadline past, each assignment fires its latest
 * missed escalation as soon as it starts; see replan() in the assignment workflow). The worker is
 * killed when about half the assignments exist, mid-launch and mid-burst. One kill, not two,
 * because every kill costs 20 s: the activities the dead worker had started are retried only when
 * their start-to-close timeout (20 s, set in workflows/assignment/assignmentWorkflow.ts) expires.
 *
 * After the restart: every assignment exists once (one AssignmentAssigned, seq 1..n with no gap),
 * every email is delivered (one Message-ID per outbox entry), and the read model equals a rebuild
 * from the events. The outbox's documented window (a dispatcher killed after the SMTP server
 * accepted a message and before marking it sent sends it once more, same Message-ID) is the only
 * duplicate allowed; test/mail/crashRecovery.test.ts drills that window on its own.
 */
import { resolveCalendar } from '../../src/domain/calendar/resolveCalendar';
import { WorkingCalendar } from '../../src/domain/calendar/workingCalendar';
import { addDays, yearOf } from '../../src/domain/time/localDate';
import {
  checkEventsOnce,
  countEvents,
  deliveries,
  drillCampaign,
  killWorker,
  launch,
  readModelAndRebuild,
  startDrillStack,
  stopWorker,
  waitFor,
  waitForOutboxSettled,
  vietnamToday,
  type DrillStack,
} from './drillStack';

jest.setTimeout(240_000);

describe('fault drill: SIGKILL the worker', () => {
  let stack: DrillStack;

  beforeAll(async () => {
    stack = await startDrillStack({ agencies: 40, taskQueue: 'drill-crash' });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  /** Every entry delivered at least once; a second copy only for an entry whose send was interrupted by the kill (attempts > 1). */
  function checkDelivered(rows: { id: string; status: string; attempts: number; delivered: number }[]) {
    const missing = rows.filter((r) => r.delivered === 0 || r.status !== 'sent');
    const doubled = rows.filter((r) => r.delivered > 1);
    expect(missing).toEqual([]);
    for (const r of doubled) expect({ id: r.id, attempts: r.attempts > 1, delivered: r.delivered }).toEqual({ id: r.id, attempts: true, delivered: 2 });
    expect(doubled.length).toBeLessThanOrEqual(1);
    return doubled.length;
  }

  it('killed in the middle of a launch that is also a burst of escalations, then restarted: every assignment, event and email once', async () => {
    const key = 'drill-kill';
    // The deadline two working days before today: the first rung (overdue notice to the agency
    // head, on the first working day after the deadline) is missed and fires at once; the second
    // (3 working days later) is still ahead. Cheaper emails than the Committee rung's PDF letter.
    const today = vietnamToday();
    const calendar = new WorkingCalendar(resolveCalendar({ fromYear: yearOf(today) - 1, toYear: yearOf(today) + 1, years: [], version: 1 }));
    const deadline = calendar.addWorkingDays(today, -2);
    const launchDate = addDays(deadline, -20);
    const first = await stack.startWorker();
    // Launched weeks ago with its deadline past: each assignment, as it starts, is recorded
    // (AssignmentAssigned, assignment notice) and at once fires its latest missed escalation
    // (Escalated, overdue notice). A launch of 120 is thus also a burst of 120 escalations.
    const planned = await launch(
      stack,
      drillCampaign(key, 3, {
        year: yearOf(launchDate),
        launchDate,
        directive: { number: '98/KH-SNV', date: launchDate, issuer: 'Sở Nội vụ', title: 'Diễn tập sự cố' },
        defaultDeadline: { kind: 'fixedDate', date: deadline },
      }),
    );
    expect(planned).toBe(120);

    await waitFor(() => countEvents(stack, key, 'AssignmentAssigned'), (n) => n >= planned / 2, 120_000, 'half the assignments');
    await killWorker(first);
    const atKill = { assigned: await countEvents(stack, key, 'AssignmentAssigned'), escalated: await countEvents(stack, key, 'Escalated') };
    const mailedAtKill = await stack.engine.db.outbox.countDocuments({ campaignKey: key, status: 'sent' });
    // The kill must land mid-launch and mid-burst, or the drill proves nothing.
    expect(atKill.assigned).toBeLessThan(planned);
    expect(atKill.escalated).toBeLessThan(planned);
    expect(atKill.escalated).toBeGreaterThan(0);

    // A new worker process takes over. (Activities the dead one had started are retried only when
    // their start-to-close timeout, 20 s, expires: that is most of this test's duration.)
    const second = await stack.startWorker();
    await waitFor(() => countEvents(stack, key, 'Escalated'), (n) => n >= planned, 180_000, 'every escalation');
    await waitFor(() => stack.engine.db.assignments.countDocuments({ campaignKey: key }), (n) => n === planned, 60_000, 'read model');
    // Two emails per assignment: its notice and its escalation.
    await waitForOutboxSettled(stack, { campaignKey: key }, 2 * planned, 120_000);
    await stopWorker(second);

    const check = await checkEventsOnce(stack, key);
    expect(check.problems).toEqual([]);
    expect({ assignments: check.assignments, readModel: check.readModel, events: check.events }).toEqual({
      assignments: planned,
      readModel: planned,
      events: 2 * planned,
    });
    const perAssignment = [...check.byAssignment.values()].map((events) => events.map((e) => e.type).join(','));
    expect(new Set(perAssignment)).toEqual(new Set(['AssignmentAssigned,Escalated']));
    expect(await stack.engine.db.events.countDocuments({ campaignKey: key, type: 'Escalated', level: 'agencyHead' })).toBe(planned);

    const rows = await deliveries(stack, { campaignKey: key });
    expect(rows.filter((r) => r.id.endsWith('.assignmentNotice.launch'))).toHaveLength(planned);
    expect(rows.filter((r) => !r.id.endsWith('.assignmentNotice.launch'))).toHaveLength(planned);
    const doubled = checkDelivered(rows);
    const { before, after } = await readModelAndRebuild(stack);
    expect(after).toEqual(before);
    // eslint-disable-next-line no-console
    console.log(
      `drill SIGKILL: killed at ${atKill.assigned}/${planned} assigned, ${atKill.escalated}/${planned} escalated, ${mailedAtKill} emails sent; ` +
        `after restart ${check.assignments} assignments, ${check.events} events, ${rows.length} emails, ${doubled} delivered twice (window)`,
    );
  });
});
