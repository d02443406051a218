/**
 * Fault drills: the servers go away under a running engine (worker as a child process).
 *
 * - The Temporal dev server is stopped and started again on the same port and SQLite file in the
 *   middle of a campaign launch: nothing is lost (every assignment once, events consecutive), the
 *   worker carries on, and an update after the restart is applied and recorded.
 * - FerretDB (the MongoDB-protocol server) is stopped for about 30 s: the API answers 503 with
 *   Retry-After, the workflows keep their state (a query still answers), an update made during the
 *   outage waits for its event to be recorded (the activity retries), and everything converges
 *   once FerretDB is back (event and read model, read model = rebuild from events).
 */
import type { AssignmentStatus } from '../../src/domain/assignment/assignmentState';
import type { AssignmentCommand } from '../../src/domain/assignment/assignmentCommands';
import type { Actor } from '../../src/domain/assignment/actor';
import { applyAssignmentAction } from '../../src/services/assignmentActions';
import { createApiToken } from '../../src/services/apiTokens';
import { assignmentViewQuery } from '../../workflows/assignment/assignmentMessages';
import {
  checkEventsOnce,
  countEvents,
  deliveries,
  drillCampaign,
  launch,
  readModelAndRebuild,
  startDrillStack,
  stopWorker,
  waitFor,
  waitForOutboxSettled,
  type DrillStack,
} from './drillStack';

jest.setTimeout(240_000);

const OUTAGE_MS = 30_000;

describe('fault drills: servers stopped under a running engine', () => {
  let stack: DrillStack;

  beforeAll(async () => {
    stack = await startDrillStack({ agencies: 20, taskQueue: 'drill-outage', api: true });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const act = (id: string, command: AssignmentCommand, actor: Actor) =>
    applyAssignmentAction(stack.engine.client, { id, status: 'assigned' as AssignmentStatus }, command, actor);
  const agency = (code: string): Actor => ({ role: 'agency', agencyCode: code, name: `Văn phòng ${code}` });

  it('Temporal dev server stopped and restarted mid-launch: every assignment once, and the workflows carry on', async () => {
    const key = 'drill-temporal';
    const worker = await stack.startWorker();
    const planned = await launch(stack, drillCampaign(key, 4));
    expect(planned).toBe(80);

    const atStop = await waitFor(() => countEvents(stack, key, 'AssignmentAssigned'), (n) => n >= planned / 2, 120_000, 'half the assignments');
    await stack.restartTemporal();
    const atRestart = await countEvents(stack, key, 'AssignmentAssigned');

    await waitFor(() => countEvents(stack, key, 'AssignmentAssigned'), (n) => n === planned, 180_000, 'every assignment');
    await waitFor(() => stack.engine.db.assignments.countDocuments({ campaignKey: key }), (n) => n === planned, 60_000, 'read model');
    // The same worker process survived the restart (it reconnects on its own).
    expect(worker.child.exitCode).toBeNull();

    // An update after the restart: applied by the workflow, recorded as an event and in the read model.
    const id = `${key}.s1.t4.D20`;
    const view = await act(id, { type: 'acknowledge' }, agency('D20'));
    expect(view.state.status).not.toBe('assigned');
    await waitFor(() => stack.engine.db.events.countDocuments({ assignmentId: id, type: 'Acknowledged' }), (n) => n === 1, 30_000, 'Acknowledged');
    await waitFor(async () => (await stack.engine.db.assignments.findById(id).lean())?.status, (s) => s === view.state.status, 30_000, 'read model');

    await waitForOutboxSettled(stack, { campaignKey: key }, planned, 120_000);
    await stopWorker(worker);
    const check = await checkEventsOnce(stack, key);
    expect(check.problems).toEqual([]);
    expect({ assignments: check.assignments, readModel: check.readModel, events: check.events }).toEqual({
      assignments: planned,
      readModel: planned,
      events: planned + 1,
    });
    const rows = await deliveries(stack, { campaignKey: key });
    expect(rows.filter((r) => r.status !== 'sent' || r.delivered !== 1)).toEqual([]);
    const { before, after } = await readModelAndRebuild(stack);
    expect(after).toEqual(before);
    // eslint-disable-next-line no-console
    console.log(`drill temporal restart: stopped at ${atStop}/${planned} assigned (${atRestart} when back); after: ${check.assignments} assignments, ${check.events} events, ${rows.length} notices each delivered once`);
  });

  it('FerretDB stopped for 30 s: 503 with Retry-After, queries answer, an update made meanwhile converges after it returns', async () => {
    const key = 'drill-ferret';
    const worker = await stack.startWorker();
    const planned = await launch(stack, drillCampaign(key, 1));
    expect(planned).toBe(20);
    await waitFor(() => stack.engine.db.assignments.countDocuments({ campaignKey: key }), (n) => n === planned, 120_000, 'read model');
    await waitForOutboxSettled(stack, { campaignKey: key }, planned, 120_000);
    const { token } = await createApiToken(stack.engine.db, { role: 'secretariat', name: 'diễn tập' });
    const list = () =>
      fetch(`${stack.engine.apiUrl}/api/v1/assignments?campaign=${key}&limit=5`, { headers: { Authorization: `Bearer ${token}` } });
    expect((await list()).status).toBe(200);

    const id = `${key}.s1.t1.D07`;
    const handle = stack.engine.client.workflow.getHandle(id);
    await stack.stopFerret();
    const outageStarted = Date.now();

    // The API says "come back later", not 500.
    const during = await list();
    expect(during.status).toBe(503);
    expect(Number(during.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(during.headers.get('content-type')).toContain('application/problem+json');
    // The workflow still has its state.
    const live = await handle.query(assignmentViewQuery);
    expect(live.state).toMatchObject({ id, status: 'assigned', agencyCode: 'D07' });
    // An update during the outage: it waits for its event to be recorded (the activity retries).
    let settled = false;
    const update = act(id, { type: 'reportProgress', note: 'Đang triển khai trong lúc mất cơ sở dữ liệu', percent: 40 }, agency('D07')).finally(
      () => (settled = true),
    );
    update.catch(() => undefined);

    await new Promise((resolve) => setTimeout(resolve, Math.max(0, OUTAGE_MS - (Date.now() - outageStarted))));
    expect((await list()).status).toBe(503);
    await stack.startFerret();
    const settledBeforeReturn = settled;

    const view = await update;
    expect(view.state.status).toBe('inProgress');
    await waitFor(() => stack.engine.db.events.countDocuments({ assignmentId: id, type: 'ProgressReported' }), (n) => n === 1, 60_000, 'ProgressReported');
    await waitFor(async () => (await stack.engine.db.assignments.findById(id).lean())?.status, (s) => s === 'inProgress', 60_000, 'read model');
    await waitFor(async () => (await list()).status, (s) => s === 200, 60_000, 'API back');
    expect(worker.child.exitCode).toBeNull();

    await stopWorker(worker);
    const check = await checkEventsOnce(stack, key);
    expect(check.problems).toEqual([]);
    expect({ assignments: check.assignments, readModel: check.readModel, events: check.events }).toEqual({
      assignments: planned,
      readModel: planned,
      events: planned + 1,
    });
    const { before, after } = await readModelAndRebuild(stack);
    expect(after).toEqual(before);
    // eslint-disable-next-line no-console
    console.log(`drill ferretdb outage: ${Math.round((Date.now() - outageStarted) / 1000)} s from stop to convergence; update answered before the database returned: ${settledBeforeReturn}; ${check.events} events`);
  });
});
