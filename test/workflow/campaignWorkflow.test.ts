/**
 * CampaignWorkflow -> SectionWorkflow -> AssignmentWorkflow on the time-skipping server: a group
 * section fanning out to 300 agencies, counts from queries, and cancellation cascading down.
 */
import type { Campaign } from '../../src/domain/campaign/campaign';
import { CampaignSchema } from '../../src/domain/campaign/campaign';
import type { DirectoryEntry } from '../../src/domain/campaign/expandCampaign';
import { campaignWorkflow } from '../../workflows/campaign/campaignWorkflow';
import { cancelSignal, progressQuery } from '../../workflows/section/sectionMessages';
import { calendarFor, useWorkflowHarness } from '../helpers/workflowHarness';

const WARDS = Array.from({ length: 300 }, (_, i) => `P${String(i + 1).padStart(3, '0')}`);
const directory: DirectoryEntry[] = [
  { code: 'SNV', groups: ['departments'] },
  { code: 'STNMT', groups: ['departments'] },
  ...WARDS.map((code) => ({ code, groups: ['wards'] })),
];

const campaign: Campaign = CampaignSchema.parse({
  key: 'thu-2021',
  year: 2021,
  title: 'Kế hoạch thử nghiệm',
  directive: { number: '1/SNV-CCHC', date: '2021-11-30', issuer: 'Sở Nội vụ', title: 'Thử nghiệm' },
  defaultDeadline: { kind: 'fixedDate', date: '2022-03-31' },
  sections: [
    {
      number: 1,
      title: 'Chủ tịch UBND các phường',
      addressees: { groups: ['wards'] },
      tasks: [{ title: 'Niêm yết công khai thủ tục hành chính' }],
    },
    {
      number: 2,
      title: 'Giám đốc các Sở',
      addressees: { groups: ['departments'] },
      tasks: [{ title: 'Rà soát quy trình nội bộ', coordinatingAgencies: ['SNV'] }, { title: 'Báo cáo quý' }],
    },
  ],
});

async function waitUntilClosed(handle: { describe(): Promise<{ status: { name: string } }> }): Promise<void> {
  for (let i = 0; i < 1_500; i++) {
    if ((await handle.describe()).status.name !== 'RUNNING') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('workflow still running after 150 s');
}

describe('CampaignWorkflow', () => {
  const harness = useWorkflowHarness(new Date('2021-12-01T01:00:00Z'));

  it('fans a group section out to 300 agencies, counts them, and cancels all of them in cascade', async () => {
    const h = harness();
    await h.run(async () => {
      const handle = await h.env.client.workflow.start(campaignWorkflow, {
        taskQueue: h.taskQueue,
        workflowId: campaign.key,
        args: [{ campaign, directory, launchDate: '2021-12-01', calendar: calendarFor(2021, 2024) }],
      });
      const section1 = h.env.client.workflow.getHandle('thu-2021.s1');
      // Starting 300 children takes real time (not virtual): poll the section's own count.
      for (let i = 0; i < 600; i++) {
        const progress = await section1.query(progressQuery).catch(() => undefined);
        if (progress && progress.started === 300) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const sectionProgress = await section1.query(progressQuery);
      expect(sectionProgress).toMatchObject({ planned: 300, started: 300 });

      const progress = await handle.query(progressQuery);
      expect(progress.planned).toBe(304);
      expect(progress.counts).toMatchObject({ inProgressWithinDeadline: 304, overdue: 0, total: 304 });
      expect(progress.bySection['2']?.total).toBe(4);
      expect(progress.byAgency.P150?.total).toBe(1);

      // Every assignment exists once, with its stable id, in the read model.
      for (let i = 0; i < 300 && (await h.db.assignments.countDocuments()) < 304; i++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(await h.db.assignments.countDocuments()).toBe(304);
      expect(await h.db.assignments.findById('thu-2021.s1.t1.P300').lean()).toMatchObject({ agencyCode: 'P300', status: 'assigned' });
      expect(await h.db.assignments.findById('thu-2021.s2.t1.STNMT').lean()).toMatchObject({ coordinatingAgencies: ['SNV'] });

      await handle.signal(cancelSignal, { actor: { role: 'secretariat', name: 'Phòng CCHC' }, reason: 'Hủy kế hoạch thử nghiệm' });
      // Poll rather than `result()`: waiting on a result lets the test server skip virtual time,
      // and the assignments would live through months of reminders before the cancel lands.
      await waitUntilClosed(handle);
      const final = await handle.result();
      expect(final.counts).toMatchObject({ total: 304, cancelled: 304 });
      expect(await h.db.assignments.countDocuments({ status: 'cancelled' })).toBe(304);
      expect(await h.db.events.countDocuments({ type: 'Cancelled' })).toBe(304);
      await waitUntilClosed(section1);
      const sectionResult = await section1.result();
      expect(sectionResult.counts).toMatchObject({ total: 300, cancelled: 300 });
    });
  });

  it('completes when cancelled while a section is still starting its assignments', async () => {
    const h = harness();
    const many = Array.from({ length: 600 }, (_, i) => `X${String(i + 1).padStart(3, '0')}`);
    const large: Campaign = CampaignSchema.parse({
      ...campaign,
      key: 'huy-2021',
      sections: [{ number: 1, title: 'Chủ tịch UBND các xã', addressees: { groups: ['communes'] }, tasks: [{ title: 'Rà soát thủ tục' }] }],
    });
    await h.run(async () => {
      const handle = await h.env.client.workflow.start(campaignWorkflow, {
        taskQueue: h.taskQueue,
        workflowId: large.key,
        args: [{ campaign: large, directory: many.map((code) => ({ code, groups: ['communes'] })), launchDate: '2021-12-01', calendar: calendarFor(2021, 2024) }],
      });
      const section = h.env.client.workflow.getHandle('huy-2021.s1');
      // Cancel once the section has started a first batch, long before its 600 are started.
      for (let i = 0; i < 600; i++) {
        const progress = await section.query(progressQuery).catch(() => undefined);
        if (progress && progress.started > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await handle.signal(cancelSignal, { actor: { role: 'secretariat', name: 'Phòng CCHC' }, reason: 'Hủy kế hoạch' });

      await waitUntilClosed(handle);
      const launched = await h.db.events.countDocuments({ campaignKey: large.key, type: 'AssignmentAssigned' });
      expect(launched).toBeLessThan(600); // the case at hand: some were never started
      const final = await handle.result();
      expect(final.counts).toMatchObject({ total: 600, cancelled: 600 });
      // Every started one was cancelled through its own workflow, and recorded.
      expect(await h.db.events.countDocuments({ campaignKey: large.key, type: 'Cancelled' })).toBe(launched);
    });
  });
});
