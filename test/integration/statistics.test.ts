/**
 * Report statistics from the events alone, as of a cutoff: the four categories per agency and
 * per section, with the on-time rate, and a past cutoff ignoring what happened later.
 */
import type { Actor } from '../../src/domain/assignment/actor';
import type { AssignmentCommand } from '../../src/domain/assignment/assignmentCommands';
import { computeStatistics } from '../../src/projections/statistics';
import { applyCommandUpdate } from '../../workflows/assignment/assignmentMessages';
import { startTestAssignment } from '../helpers/assignmentFixtures';
import { useWorkflowHarness } from '../helpers/workflowHarness';

const SECRETARIAT: Actor = { role: 'secretariat' };

describe('statistics as of a cutoff', () => {
  const harness = useWorkflowHarness(new Date('2021-12-01T01:00:00Z'));

  it('counts the four categories per agency and section from events, as they stood at the cutoff', async () => {
    const submit: AssignmentCommand = { type: 'submitResult', summary: 'Xong', evidenceLinks: [], kpiValues: [] };
    const h = harness();
    await h.run(async () => {
      const start = (agency: string, section: number) =>
        startTestAssignment(h, { id: `cchc-2021.s${section}.t1.${agency}`, deadline: '2021-12-15', plan: { title: 'Báo cáo' } });
      const onTime = await start('SNV', 1);
      const late = await start('STNMT', 1);
      await start('SXD', 2); // never does anything: overdue after 15/12
      const cancelled = await start('SYT', 2);
      const agency = (code: string): Actor => ({ role: 'agency', agencyCode: code });

      await h.env.sleep('5 days'); // 6/12
      await onTime.executeUpdate(applyCommandUpdate, { args: [submit, agency('SNV')] });
      await onTime.executeUpdate(applyCommandUpdate, { args: [{ type: 'accept' }, SECRETARIAT] });
      await cancelled.executeUpdate(applyCommandUpdate, { args: [{ type: 'cancel', reason: 'Trùng' }, SECRETARIAT] });
      await h.env.sleep('15 days'); // 21/12: past the deadline
      await late.executeUpdate(applyCommandUpdate, { args: [submit, agency('STNMT')] });
      await late.executeUpdate(applyCommandUpdate, { args: [{ type: 'accept' }, SECRETARIAT] });
    });

    // Names from the directory and titles from the campaign, next to codes and numbers.
    await h.db.agencies.collection.insertOne({ _id: 'SNV', name: 'Sở Nội vụ' } as never);
    await h.db.campaigns.collection.insertOne({
      _id: 'cchc-2021',
      definition: { sections: [{ number: 1, title: 'Giám đốc các sở' }, { number: 2, title: 'Chủ tịch UBND các quận' }] },
    } as never);

    const now = await computeStatistics(h.db, 'cchc-2021', new Date('2021-12-31T00:00:00Z'));
    expect(now.total).toMatchObject({ key: 'total', name: 'Tổng cộng', completedOnTime: 1, completedLate: 1, inProgressWithinDeadline: 0, overdue: 1, cancelled: 1, total: 4, onTimeRate: 50 });
    expect(now.bySection.map((row) => row.name)).toEqual(['Giám đốc các sở', 'Chủ tịch UBND các quận']);
    // An agency missing from the directory keeps its code as its name.
    expect(now.byAgency.find((row) => row.key === 'SXD')?.name).toBe('SXD');
    expect(now.bySection.map((row) => [row.key, row.completedOnTime, row.completedLate, row.overdue, row.cancelled])).toEqual([
      ['1', 1, 1, 0, 0],
      ['2', 0, 0, 1, 1],
    ]);
    expect(now.byAgency.find((row) => row.key === 'SNV')).toMatchObject({ name: 'Sở Nội vụ', completedOnTime: 1, onTimeRate: 100 });

    // At 10/12 the late one was still within its deadline, and nothing was overdue yet.
    const earlier = await computeStatistics(h.db, 'cchc-2021', new Date('2021-12-10T00:00:00Z'));
    expect(earlier.total).toMatchObject({ completedOnTime: 1, completedLate: 0, inProgressWithinDeadline: 2, overdue: 0, cancelled: 1 });
    // At 18/12 both open ones were overdue; the late acceptance of 21/12 does not count yet.
    const mid = await computeStatistics(h.db, 'cchc-2021', new Date('2021-12-18T00:00:00Z'));
    expect(mid.total).toMatchObject({ completedOnTime: 1, completedLate: 0, overdue: 2 });
  });
});
