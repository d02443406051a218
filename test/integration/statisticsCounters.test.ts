/**
 * The statistics counters on the real stack (the engine's workflows and activities, FerretDB):
 * statistics "as of now" read from them equal the fold of the events, after a varied life of
 * assignments, after a rebuild, after duplicated and overlapping deliveries of events, and as time
 * passes a deadline with no event at all (the instant is a parameter, never waited for).
 */
import { createActivities } from '../../activities';
import type { Actor } from '../../src/domain/assignment/actor';
import { SYSTEM_ACTOR } from '../../src/domain/assignment/actor';
import type { AssignmentCommand } from '../../src/domain/assignment/assignmentCommands';
import { stampEvents, type AssignmentEvent, type AssignmentEventBody } from '../../src/domain/assignment/assignmentEvents';
import type { Database } from '../../src/db/database';
import { rebuildStatisticsCounters } from '../../src/projections/statisticsCounters';
import { countCategories, countCategoriesBy } from '../../src/domain/assignment/assignmentSummary';
import { campaignCounts, computeStatistics, computeStatisticsFromEvents, openAssignments } from '../../src/projections/statistics';
import { applyCommandUpdate } from '../../workflows/assignment/assignmentMessages';
import { startTestAssignment, testPlan } from '../helpers/assignmentFixtures';
import { useWorkflowHarness } from '../helpers/workflowHarness';

const SECRETARIAT: Actor = { role: 'secretariat' };
const agency = (code: string): Actor => ({ role: 'agency', agencyCode: code });
const submit: AssignmentCommand = { type: 'submitResult', summary: 'Xong', evidenceLinks: [], kpiValues: [] };

/** The counters as stored, without the write counts (a rebuild writes each group once). */
async function storedCounters(db: Database) {
  const tallies = (await db.assignmentCounts.find().sort({ _id: 1 }).lean()).map(({ version: _version, ...rest }) => rest);
  const tasks = (await db.taskCounts.find().sort({ _id: 1 }).lean()).map(({ version: _version, ...rest }) => rest);
  const ledgers = (await db.countLedgers.find().sort({ _id: 1 }).lean()).map((doc) => ({
    _id: doc._id,
    members: doc.members.map(({ id, bucket }) => ({ id, bucket })),
  }));
  return { tallies, tasks, ledgers };
}

/** Statistics from the counters at `at` (the service's "now"), and folded from the events. */
async function bothWays(db: Database, campaignKey: string, at: number) {
  const fromCounters = await computeStatistics(db, campaignKey, new Date(at), at);
  const fromEvents = await computeStatisticsFromEvents(db, campaignKey, new Date(at));
  return { fromCounters, fromEvents };
}

describe('statistics counters', () => {
  const harness = useWorkflowHarness(new Date('2021-12-01T01:00:00Z'));

  it('equal the fold after a varied life of assignments, as a deadline passes, and after a rebuild', async () => {
    const h = harness();
    let now = 0;
    await h.run(async () => {
      const start = (id: string) => startTestAssignment(h, { id, deadline: '2021-12-15' });
      const onTime = await start('cchc-2021.s1.t1.SNV');
      const late = await start('cchc-2021.s1.t1.STNMT');
      const extended = await start('cchc-2021.s1.t2.STNMT');
      const returned = await start('cchc-2021.s1.t1.Q1');
      await start('cchc-2021.s2.t1.SXD'); // never does anything: overdue after 15/12
      const cancelled = await start('cchc-2021.s2.t1.SYT');
      const reassigned = await start('cchc-2021.s2.t1.SCT');

      await h.env.sleep('5 days'); // 6/12
      await onTime.executeUpdate(applyCommandUpdate, { args: [{ type: 'acknowledge' }, agency('SNV')] });
      await onTime.executeUpdate(applyCommandUpdate, { args: [submit, agency('SNV')] });
      await onTime.executeUpdate(applyCommandUpdate, { args: [{ type: 'accept' }, SECRETARIAT] });
      await cancelled.executeUpdate(applyCommandUpdate, { args: [{ type: 'cancel', reason: 'Trùng' }, SECRETARIAT] });
      await reassigned.executeUpdate(applyCommandUpdate, { args: [{ type: 'reassign', toAgency: 'SGDDT', comment: 'Đúng thẩm quyền' }, SECRETARIAT] });
      await extended.executeUpdate(applyCommandUpdate, { args: [{ type: 'requestExtension', requestedDeadline: '2022-01-20', reason: 'Chờ số liệu' }, agency('STNMT')] });
      await extended.executeUpdate(applyCommandUpdate, { args: [{ type: 'decideExtension', grant: true, deadline: '2022-01-20' }, SECRETARIAT] });
      await returned.executeUpdate(applyCommandUpdate, { args: [submit, agency('Q1')] });
      await returned.executeUpdate(applyCommandUpdate, { args: [{ type: 'returnForRework', comment: 'Thiếu phụ lục' }, SECRETARIAT] });
      await h.env.sleep('15 days'); // 21/12: past the first deadline; reminders and escalations on the way
      await late.executeUpdate(applyCommandUpdate, { args: [submit, agency('STNMT')] });
      await late.executeUpdate(applyCommandUpdate, { args: [{ type: 'accept' }, SECRETARIAT] });
      now = await h.env.currentTimeMs();
    });
    expect(await h.db.events.countDocuments({ type: 'Escalated' })).toBeGreaterThan(0);

    const today = await bothWays(h.db, 'cchc-2021', now);
    expect(today.fromCounters.total).toMatchObject({ completedOnTime: 1, completedLate: 1, inProgressWithinDeadline: 1, overdue: 3, cancelled: 1, total: 7 });
    expect(today.fromCounters).toEqual(today.fromEvents);
    // Counted under the agency it was reassigned to, and no longer under the first one.
    expect(today.fromCounters.byAgency.map((row) => row.key)).toEqual(['Q1', 'SGDDT', 'SNV', 'STNMT', 'SXD', 'SYT']);

    // 21/1/2022: the extended deadline (20/1) has passed with no event; the counters say so.
    const later = Date.parse('2022-01-21T00:00:00Z');
    const afterDeadline = await bothWays(h.db, 'cchc-2021', later);
    expect(afterDeadline.fromCounters.total).toMatchObject({ inProgressWithinDeadline: 0, overdue: 4 });
    expect(afterDeadline.fromCounters).toEqual(afterDeadline.fromEvents);
    expect(await openAssignments(h.db, 'cchc-2021', later)).toBe(4);

    // The campaign page's counts per section and task: the same as counting the read model's rows.
    const rows = await h.db.assignments.find({ campaignKey: 'cchc-2021' }).lean();
    expect((await campaignCounts(h.db, later, 'cchc-2021')).get('cchc-2021')).toEqual({
      total: countCategories(rows, later),
      bySection: countCategoriesBy(rows, (row) => String(row.sectionNumber), later),
      byTask: countCategoriesBy(rows, (row) => `${row.sectionNumber}.${row.taskNumber}`, later),
    });

    const live = await storedCounters(h.db);
    expect(await rebuildStatisticsCounters(h.db)).toBe(live.tallies.length);
    expect(await storedCounters(h.db)).toEqual(live);
    expect(await computeStatistics(h.db, 'cchc-2021', new Date(now), now)).toEqual(today.fromCounters);
  });

  it('count nothing twice when events are delivered again, late, or overlapping, and finish a recording that died half-way', async () => {
    const { db } = harness();
    const { recordAssignmentEvents } = createActivities({ db });
    const at = '2022-01-05T02:00:00.000Z';
    const stamp = (id: string, lastSeq: number, bodies: AssignmentEventBody[]): AssignmentEvent[] =>
      stampEvents({ assignmentId: id, campaignKey: 'dup-2022', lastSeq, at, actor: SYSTEM_ACTOR }, bodies);
    const launch = (id: string, deadline: string) =>
      stamp(id, 0, [{ type: 'AssignmentAssigned', plan: testPlan({ id, deadline }), launchDate: '2022-01-04', deadline, sectionTitle: 'Thủ trưởng cơ quan' }]);
    const record = (events: AssignmentEvent[]) => recordAssignmentEvents({ events, notifications: [] });

    const done = 'dup-2022.s1.t1.SNV';
    const moved = 'dup-2022.s1.t1.STNMT';
    const open = 'dup-2022.s2.t1.SXD';
    await Promise.all([record(launch(done, '2022-02-10')), record(launch(moved, '2022-02-10')), record(launch(open, '2022-02-10'))]);
    const accepted = stamp(done, 1, [{ type: 'ResultSubmitted', summary: 'Xong', evidenceLinks: [], kpiValues: [] }, { type: 'Accepted' }]);
    await record(accepted);
    const settled = await storedCounters(db);

    // The same delivery again, the launch again, and a late retry of the first half.
    await record(accepted);
    await record(launch(done, '2022-02-10'));
    await record(accepted.slice(0, 1));
    expect(await storedCounters(db)).toEqual(settled);

    // Thirty deadline changes, recorded in overlapping batches, newest first: whichever lands
    // last, the assignment is counted once, at its last deadline.
    const dates = Array.from({ length: 30 }, (_, i) => `2022-03-${String(i + 1).padStart(2, '0')}`);
    const changes = stamp(moved, 1, dates.map((to, i) => ({ type: 'DeadlineChanged', from: i === 0 ? '2022-02-10' : dates[i - 1]!, to, reason: 'extension' })));
    await Promise.all(changes.map((_, i) => record(changes.slice(0, changes.length - i))));
    const ledger = await db.countLedgers.findById('dup-2022.s1.STNMT').lean();
    expect(ledger?.members).toEqual([expect.objectContaining({ id: moved, bucket: '2022-03-30' })]);

    // A recording that died between the ledger's write and the tallies': its retry finishes it.
    await db.assignmentCounts.deleteOne({ _id: 'dup-2022.s1.STNMT' });
    await db.taskCounts.deleteOne({ _id: 'dup-2022.s1.STNMT' });
    await record(changes.slice(-1));

    const nowInstant = Date.parse(at);
    const { fromCounters, fromEvents } = await bothWays(db, 'dup-2022', nowInstant);
    expect(fromCounters.total).toMatchObject({ completedOnTime: 1, inProgressWithinDeadline: 2, total: 3 });
    expect(fromCounters).toEqual(fromEvents);

    // The last moment of 10/02 (Vietnam) the open one is within its deadline; the next, overdue.
    const lastMoment = await bothWays(db, 'dup-2022', Date.parse('2022-02-10T16:59:59.999Z'));
    expect(lastMoment.fromCounters.total).toMatchObject({ inProgressWithinDeadline: 2, overdue: 0 });
    expect(lastMoment.fromCounters).toEqual(lastMoment.fromEvents);
    const nextDay = await bothWays(db, 'dup-2022', Date.parse('2022-02-10T17:00:00.000Z'));
    expect(nextDay.fromCounters.total).toMatchObject({ inProgressWithinDeadline: 1, overdue: 1 });
    expect(nextDay.fromCounters).toEqual(nextDay.fromEvents);
  });
});
