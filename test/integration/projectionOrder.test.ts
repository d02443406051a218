/**
 * The read model never goes back to an older state: recordings of one assignment's events that
 * overlap (concurrent attempts, or a retried attempt that outlived its 20 s timeout and writes
 * late) leave the document at the newest sequence, equal to a rebuild from the events.
 */
import { createActivities } from '../../activities';
import { openDatabase, type Database } from '../../src/db/database';
import type { FerretDbServer } from '../../src/stack/embeddedServices';
import { stampEvents, type AssignmentEventBody } from '../../src/domain/assignment/assignmentEvents';
import { SYSTEM_ACTOR } from '../../src/domain/assignment/actor';
import { rebuildAssignmentProjection } from '../../src/projections/assignmentProjection';
import { testPlan } from '../helpers/assignmentFixtures';
import { startTestFerretDb, uniqueDatabaseName } from '../helpers/servers';

describe('the assignments projection under overlapping recordings', () => {
  let ferret: FerretDbServer;
  let db: Database;
  beforeAll(async () => {
    ferret = await startTestFerretDb();
    db = await openDatabase(`${ferret.uri}${uniqueDatabaseName('projection-order')}`);
  });
  afterAll(async () => {
    await db?.close();
    await ferret?.service.stop();
  });

  it('keeps the newest state whichever recording writes last', async () => {
    const { recordAssignmentEvents } = createActivities({ db });
    const plan = testPlan({ id: 'cchc-2021.s1.t1.STNMT', deadline: '2022-02-10' });
    const bodies: AssignmentEventBody[] = [
      { type: 'AssignmentAssigned', plan, launchDate: '2021-12-01', deadline: '2022-02-10', sectionTitle: 'Thủ trưởng cơ quan' },
      ...Array.from({ length: 30 }, (_, i): AssignmentEventBody => ({ type: 'ProgressReported', note: `Báo cáo lần ${i + 1}`, percent: i + 1 })),
    ];
    const events = stampEvents({ assignmentId: plan.id, campaignKey: plan.campaignKey, lastSeq: 0, at: '2021-12-01T01:00:00.000Z', actor: SYSTEM_ACTOR }, bodies);
    await recordAssignmentEvents({ events: events.slice(0, 1), notifications: [] });
    // Overlapping recordings of the later events, newest first: each reads the document, folds
    // what it carries onto it, and writes, in whatever order the database serves them. The older
    // ones are what a retried attempt that outlived its timeout, or a second handler let in by a
    // lock that did not exclude, would write.
    const overlapping = Array.from({ length: 30 }, (_, i) => events.slice(1, events.length - i));
    await Promise.all(overlapping.map((batch) => recordAssignmentEvents({ events: batch, notifications: [] })));

    const live = await db.assignments.findById(plan.id).lean();
    expect(live).toMatchObject({ seq: 31, lastProgress: { percent: 30 } });
    await rebuildAssignmentProjection(db);
    expect(await db.assignments.findById(plan.id).lean()).toEqual(live);
  });
});
