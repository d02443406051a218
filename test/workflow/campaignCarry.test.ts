/**
 * What a campaign carries across continue-as-new stays under Temporal's 2 MB payload limit at
 * 50,000 assignments, and gives back the same book. Worked out without launching 50,000
 * workflows: the campaign's own expansion and book, every assignment changed in the most costly
 * way (accepted at its own instant, deadline extended, some reassigned).
 */
import type { CampaignWorkflowInput } from '../../workflows/campaign/campaignWorkflow';
import { EPOCH, ProgressBook, resumeBook } from '../../workflows/progressBook';
import { initialSummaries } from '../../workflows/section/sectionWorkflow';
import { CampaignSchema } from '../../src/domain/campaign/campaign';
import { expandCampaign, type DirectoryEntry } from '../../src/domain/campaign/expandCampaign';
import { WorkingCalendar } from '../../src/domain/calendar/workingCalendar';
import { addDays } from '../../src/domain/time/localDate';
import { calendarFor } from '../helpers/workflowHarness';

const PAYLOAD_LIMIT = 2 * 1024 * 1024;

describe('the campaign state carried across continue-as-new', () => {
  it('stays under the 2 MB payload limit at 50,000 assignments, and resumes to the same book', () => {
    const directory: DirectoryEntry[] = Array.from({ length: 5_000 }, (_, i) => ({ code: `X${String(i + 1).padStart(4, '0')}`, groups: ['communes'] }));
    const campaign = CampaignSchema.parse({
      key: 'lon-2021',
      year: 2021,
      title: 'Kế hoạch 50.000 nhiệm vụ',
      directive: { number: '1/SNV-CCHC', date: '2021-11-30', issuer: 'Sở Nội vụ', title: 'Thử nghiệm' },
      defaultDeadline: { kind: 'fixedDate', date: '2022-03-31' },
      sections: [
        {
          number: 1,
          title: 'Chủ tịch UBND các xã',
          addressees: { groups: ['communes'] },
          tasks: Array.from({ length: 10 }, (_, i) => ({ title: `Nhiệm vụ ${i + 1}` })),
        },
      ],
    });
    const snapshot = calendarFor(2021, 2024);
    const { plans } = expandCampaign(campaign, directory);
    expect(plans).toHaveLength(50_000);

    const first = initialSummaries(plans, '2021-12-01', new WorkingCalendar(snapshot));
    const book = new ProgressBook(first);
    first.forEach((summary, i) => {
      const deadline = addDays(summary.deadline, (i % 200) + 1);
      book.record({
        ...summary,
        status: 'accepted',
        deadline,
        completedAt: new Date(Date.parse('2022-01-01T00:00:00Z') + i * 997_003).toISOString(),
        agencyCode: i % 100 === 0 ? 'STNMT' : summary.agencyCode,
      });
    });

    const input: CampaignWorkflowInput = {
      campaign,
      directory,
      launchDate: '2021-12-01',
      calendar: snapshot,
      carried: { sectionsStarted: 1, progress: book.carry(first, EPOCH) },
    };
    const bytes = Buffer.byteLength(JSON.stringify(input));
    expect(bytes).toBeLessThan(PAYLOAD_LIMIT / 2);

    const resumed = resumeBook(first, JSON.parse(JSON.stringify(input.carried)));
    expect(resumed.all).toEqual(book.all);
    const now = Date.parse('2022-06-01T00:00:00Z');
    expect(resumed.view(now, 50_000, false)).toEqual(book.view(now, 50_000, false));
  });
});
