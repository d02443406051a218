/**
 * Fault drill: the scale-out path. The same small campaign, with the same scripted actions, runs
 * once with one worker process and once with two worker processes polling one task queue; the
 * events of every assignment (modulo timestamps and the campaign key) and the emails are the same.
 */
import type { AssignmentCommand } from '../../src/domain/assignment/assignmentCommands';
import type { AssignmentStatus } from '../../src/domain/assignment/assignmentState';
import type { Actor } from '../../src/domain/assignment/actor';
import { applyAssignmentAction } from '../../src/services/assignmentActions';
import {
  checkEventsOnce,
  deliveries,
  drillCampaign,
  launch,
  startDrillStack,
  stopWorker,
  vietnamToday,
  waitFor,
  waitForOutboxSettled,
  type DrillStack,
} from './drillStack';

jest.setTimeout(240_000);

const SECRETARIAT: Actor = { role: 'secretariat', name: 'Phòng CCHC, Sở Nội vụ' };

function laterDate(days: number): string {
  return new Date(Date.parse(`${vietnamToday()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** What happens to the i-th assignment: a script of (who, command). */
function script(i: number, agencyCode: string): [Actor, AssignmentCommand][] {
  const agency: Actor = { role: 'agency', agencyCode, name: `Văn phòng ${agencyCode}` };
  const submit: AssignmentCommand = { type: 'submitResult', summary: `Kết quả của ${agencyCode}`, evidenceLinks: ['https://example.org/bao-cao.pdf'], kpiValues: [] };
  switch (i % 6) {
    case 0:
      return [[agency, { type: 'acknowledge' }]];
    case 1:
      return [
        [agency, { type: 'acknowledge' }],
        [agency, { type: 'reportProgress', note: 'Đã làm được một nửa', percent: 50 }],
        [agency, submit],
        [SECRETARIAT, { type: 'accept', comment: 'Đạt' }],
      ];
    case 2:
      return [
        [agency, submit],
        [SECRETARIAT, { type: 'returnForRework', comment: 'Bổ sung minh chứng' }],
        [agency, submit],
      ];
    case 3:
      return [
        [agency, { type: 'requestExtension', requestedDeadline: laterDate(90), reason: 'Chờ ý kiến các sở' }],
        [SECRETARIAT, { type: 'decideExtension', grant: true }],
      ];
    case 4:
      return [[SECRETARIAT, { type: 'cancel', reason: 'Không còn phù hợp' }]];
    default:
      return [];
  }
}

describe('fault drill: two worker processes on one task queue', () => {
  let stack: DrillStack;

  beforeAll(async () => {
    stack = await startDrillStack({ agencies: 12, taskQueue: 'drill-scale' });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  /** Launches `key` (12 agencies x 2 tasks), plays the script, waits until everything settled; returns normalised events per assignment. */
  async function run(key: string, workerCount: number) {
    const workers = [];
    for (let i = 0; i < workerCount; i++) workers.push(await stack.startWorker());
    const planned = await launch(stack, drillCampaign(key, 2));
    await waitFor(() => stack.engine.db.assignments.countDocuments({ campaignKey: key }), (n) => n === planned, 120_000, 'read model');
    const ids = (await stack.engine.db.assignments.find({ campaignKey: key }, { _id: 1, agencyCode: 1 }).sort({ _id: 1 }).lean()).map((a) => ({
      id: a._id,
      agency: a.agencyCode,
    }));
    const expectedEvents = planned + ids.reduce((sum, a, i) => sum + script(i, a.agency).length, 0) + ids.filter((_, i) => i % 6 === 3).length;
    const refusals: string[] = [];
    await Promise.all(
      ids.map(async (a, i) => {
        for (const [actor, command] of script(i, a.agency)) {
          await applyAssignmentAction(stack.engine.client, { id: a.id, status: 'assigned' as AssignmentStatus }, command, actor).catch((error: Error) =>
            refusals.push(`${a.id} ${command.type}: ${error.message}`),
          );
        }
      }),
    );
    expect(refusals).toEqual([]);
    // Granting an extension records ExtensionDecided and DeadlineChanged.
    await waitFor(() => stack.engine.db.events.countDocuments({ campaignKey: key }), (n) => n >= expectedEvents, 60_000, 'every event');
    const outboxCount = await waitFor(
      async () => stack.engine.db.outbox.countDocuments({ campaignKey: key }),
      (n) => n > 0,
      10_000,
      'outbox',
    );
    await waitForOutboxSettled(stack, { campaignKey: key }, outboxCount, 120_000);

    // Which worker processes did the work (the identity in Temporal's history is pid@host).
    const identities = new Set<string>();
    for (const a of ids) {
      const history = await stack.engine.client.workflow.getHandle(a.id).fetchHistory();
      for (const e of history.events ?? []) {
        if (e.workflowTaskCompletedEventAttributes?.identity)
          identities.add(e.workflowTaskCompletedEventAttributes.identity);
        if (e.activityTaskStartedEventAttributes?.identity)
          identities.add(e.activityTaskStartedEventAttributes.identity);
      }
    }
    for (const w of workers) await stopWorker(w);

    const check = await checkEventsOnce(stack, key);
    expect(check.problems).toEqual([]);
    const events = await stack.engine.db.events.find({ campaignKey: key }).sort({ assignmentId: 1, seq: 1 }).lean();
    const normalised = new Map<string, string[]>();
    for (const e of events) {
      const { _id, at, ...rest } = e as unknown as Record<string, unknown>;
      void _id;
      void at;
      const text = JSON.stringify(rest, Object.keys(rest).sort())
        .replaceAll(key, 'KEY')
        .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, 'TIME');
      const local = (e.assignmentId as string).replace(key, 'KEY');
      normalised.set(local, [...(normalised.get(local) ?? []), `${e.seq} ${e.type} ${text}`]);
    }
    const mails = (await deliveries(stack, { campaignKey: key })).map((r) => ({ ...r, id: r.id.replace(key, 'KEY') }));
    return { planned, events: events.length, normalised, mails, identities, assignments: check.assignments };
  }

  it('the same campaign and actions give the same events and emails with two workers as with one', async () => {
    const one = await run('drill-one-worker', 1);
    const two = await run('drill-two-workers', 2);

    expect(one.planned).toBe(24);
    expect(two.assignments).toBe(one.assignments);
    expect(two.events).toBe(one.events);
    expect(Object.fromEntries(two.normalised)).toEqual(Object.fromEntries(one.normalised));
    const mailSummary = (mails: typeof one.mails) => mails.map((m) => `${m.id} ${m.status} ${m.delivered}`).sort();
    expect(mailSummary(two.mails)).toEqual(mailSummary(one.mails));
    expect(one.mails.every((m) => m.status === 'sent' && m.delivered === 1)).toBe(true);
    expect(one.identities.size).toBe(1);
    // Both processes took tasks from the queue.
    expect(two.identities.size).toBe(2);
    // eslint-disable-next-line no-console
    console.log(
      `drill two workers: ${one.assignments} assignments, ${one.events} events, ${one.mails.length} emails in each run; identical per assignment; worker identities ${one.identities.size} vs ${two.identities.size}`,
    );
  });
});
