/**
 * The read model is a projection of the events only: dropping it and folding the events again
 * gives exactly what the live path built, after a varied life of assignments.
 */
import type { Actor } from '../../src/domain/assignment/actor';
import type { AssignmentCommand } from '../../src/domain/assignment/assignmentCommands';
import { rebuildAssignmentProjection } from '../../src/projections/assignmentProjection';
import { applyCommandUpdate } from '../../workflows/assignment/assignmentMessages';
import { startTestAssignment } from '../helpers/assignmentFixtures';
import { useWorkflowHarness } from '../helpers/workflowHarness';

const SECRETARIAT: Actor = { role: 'secretariat', name: 'Phòng CCHC' };

describe('rebuilding the assignments projection', () => {
  const harness = useWorkflowHarness(new Date('2021-12-01T01:00:00Z'));

  it('gives back, from the events alone, the same read model the live path built', async () => {
    const scripts: Record<string, AssignmentCommand[]> = {
      SNV: [{ type: 'acknowledge' }, { type: 'submitResult', summary: 'Xong', evidenceLinks: [], kpiValues: [] }, { type: 'accept' }],
      STNMT: [
        { type: 'reportProgress', note: 'Đã rà soát 60%', percent: 60 },
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

    const count = await rebuildAssignmentProjection(h.db);
    expect(count).toBe(5);
    const rebuilt = await h.db.assignments.find().sort({ _id: 1 }).lean();
    expect(rebuilt).toEqual(live);
  });
});
