import { CampaignSchema } from '../../src/domain/campaign/campaign';
import { redateCampaign } from '../../src/services/defaultData';

const campaign = CampaignSchema.parse({
  key: 'cchc-2021',
  year: 2021,
  title: 'Kế hoạch',
  directive: { number: '1', date: '2021-11-15', issuer: 'Sở Nội vụ', title: 'x' },
  launchDate: '2021-11-15',
  defaultDeadline: { kind: 'fixedDate', date: '2022-01-14' },
  sections: [
    {
      number: 1,
      title: 'Các sở',
      addressees: { groups: ['departments'] },
      tasks: [
        { title: 'Trong năm 2021', deadline: { kind: 'fixedDate', date: '2021-12-31' } },
        { title: 'Một lần', deadline: { kind: 'workingDaysAfterLaunch', workingDays: 30 } },
        { title: 'Thường xuyên' },
      ],
    },
  ],
});

describe('re-dating the default campaign for a new installation', () => {
  it('starts today and moves every fixed deadline by the same whole years, so that all lie ahead', () => {
    const redated = redateCampaign(campaign, '2026-11-27');
    expect(redated.launchDate).toBe('2026-11-27');
    // 2021-12-31 + 5 years is the first year after 27/11/2026 for every fixed date.
    expect(redated.sections[0]!.tasks[0]!.deadline).toEqual({ kind: 'fixedDate', date: '2026-12-31' });
    expect(redated.defaultDeadline).toEqual({ kind: 'fixedDate', date: '2027-01-14' });
    // Relative rules keep counting from the new launch day.
    expect(redated.sections[0]!.tasks[1]!.deadline).toEqual({ kind: 'workingDaysAfterLaunch', workingDays: 30 });
    expect(redated.key).toBe('cchc-2021');
  });

  it('moves one more year when a deadline would otherwise have passed', () => {
    const redated = redateCampaign(campaign, '2027-01-05');
    expect(redated.sections[0]!.tasks[0]!.deadline).toEqual({ kind: 'fixedDate', date: '2027-12-31' });
    expect(redated.defaultDeadline).toEqual({ kind: 'fixedDate', date: '2028-01-14' });
  });
});
