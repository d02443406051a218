/**
 * Campaign expansion: sections x addressee agencies x tasks -> one assignment per lead agency
 * and task, with readable ids; problems with the addressees are reported, not thrown.
 */
import { CampaignSchema, type CampaignInput } from '../../../src/domain/campaign/campaign';
import {
  addresseesOf,
  expandCampaign,
  sectionWorkflowId,
  type DirectoryEntry,
} from '../../../src/domain/campaign/expandCampaign';

/** The directory, in its own order: departments first, then districts, then the office. */
const directory: DirectoryEntry[] = [
  { code: 'SNV', groups: ['departments'] },
  { code: 'STNMT', groups: ['departments'] },
  { code: 'STC', groups: ['departments', 'finance'] },
  { code: 'Q1', groups: ['districts'] },
  { code: 'Q3', groups: ['districts'] },
  { code: 'VPUB', groups: [] },
];

function campaign(sections: CampaignInput['sections']) {
  return CampaignSchema.parse({
    key: 'cchc-2021',
    year: 2021,
    title: 'Kế hoạch cải cách hành chính năm 2021',
    directive: { number: '1234/SNV-CCHC', date: '2021-01-15', issuer: 'Sở Nội vụ', title: 'Triển khai CCHC 2021' },
    defaultDeadline: { kind: 'fixedDate', date: '2021-12-15' },
    sections,
  });
}

const task = (title: string, extra: object = {}) => ({ title, ...extra });

describe('expandCampaign', () => {
  it('gives each task of a section to its agency with an id campaign.section.task.agency', () => {
    const { plans, problems } = expandCampaign(
      campaign([
        { number: 4, title: 'Giám đốc Sở Tài nguyên và Môi trường', addressees: { agencies: ['STNMT'] }, tasks: [task('A'), task('B')] },
      ]),
      directory,
    );
    expect(problems).toEqual([]);
    expect(plans.map((plan) => plan.id)).toEqual(['cchc-2021.s4.t1.STNMT', 'cchc-2021.s4.t2.STNMT']);
    expect(plans[1]).toMatchObject({
      campaignKey: 'cchc-2021',
      sectionNumber: 4,
      taskNumber: 2,
      agencyCode: 'STNMT',
      title: 'B',
    });
    expect(sectionWorkflowId('cchc-2021', 4)).toBe('cchc-2021.s4');
  });

  it('fans a group addressee out to every agency tagged with it', () => {
    const { plans, problems } = expandCampaign(
      campaign([{ number: 5, title: 'Chủ tịch UBND các quận', addressees: { groups: ['districts'] }, tasks: [task('Rà soát')] }]),
      directory,
    );
    expect(problems).toEqual([]);
    expect(plans.map((plan) => plan.id)).toEqual(['cchc-2021.s5.t1.Q1', 'cchc-2021.s5.t1.Q3']);
  });

  it('gives an agency named both directly and through a group one assignment per task, in directory order', () => {
    const { plans } = expandCampaign(
      campaign([
        {
          number: 6,
          title: 'Giám đốc các Sở; Giám đốc Sở Tài chính',
          addressees: { agencies: ['STC', 'Q3'], groups: ['departments', 'finance'] },
          tasks: [task('Báo cáo')],
        },
      ]),
      directory,
    );
    expect(plans.map((plan) => plan.agencyCode)).toEqual(['SNV', 'STNMT', 'STC', 'Q3']);
  });

  it('uses the task’s own deadline rule, else the campaign’s default', () => {
    const { plans } = expandCampaign(
      campaign([
        {
          number: 1,
          title: 'Giám đốc Sở Nội vụ',
          addressees: { agencies: ['SNV'] },
          tasks: [task('Mặc định'), task('Riêng', { deadline: { kind: 'workingDaysAfterLaunch', workingDays: 10 } })],
        },
      ]),
      directory,
    );
    expect(plans.map((plan) => plan.deadlineRule)).toEqual([
      { kind: 'fixedDate', date: '2021-12-15' },
      { kind: 'workingDaysAfterLaunch', workingDays: 10 },
    ]);
  });

  it('lists coordinating agencies without the lead agency itself', () => {
    const { plans } = expandCampaign(
      campaign([
        {
          number: 2,
          title: 'Giám đốc các Sở',
          addressees: { groups: ['departments'] },
          tasks: [task('Phối hợp', { coordinatingAgencies: ['SNV', 'STC'] })],
        },
      ]),
      directory,
    );
    expect(Object.fromEntries(plans.map((plan) => [plan.agencyCode, plan.coordinatingAgencies]))).toEqual({
      SNV: ['STC'],
      STNMT: ['SNV', 'STC'],
      STC: ['SNV'],
    });
  });

  it('reports unknown agency codes, empty groups and unknown coordinating agencies, and plans the rest', () => {
    const { plans, problems } = expandCampaign(
      campaign([
        {
          number: 3,
          title: 'Các cơ quan',
          addressees: { agencies: ['SXD', 'SNV'], groups: ['wards'] },
          tasks: [task('Một', { coordinatingAgencies: ['SYT'] })],
        },
      ]),
      directory,
    );
    expect(plans.map((plan) => plan.id)).toEqual(['cchc-2021.s3.t1.SNV']);
    expect(problems).toHaveLength(3);
    expect(problems.every((problem) => problem.sectionNumber === 3)).toBe(true);
    expect(problems.map((problem) => problem.message)).toEqual([
      expect.stringContaining('SXD'),
      expect.stringContaining('wards'),
      expect.stringMatching(/Nhiệm vụ 1.*SYT/),
    ]);
  });

  it('keeps section numbers as given across several sections', () => {
    const { plans } = expandCampaign(
      campaign([
        { number: 7, title: 'Văn phòng UBND', addressees: { agencies: ['VPUB'] }, tasks: [task('X')] },
        { number: 2, title: 'Sở Nội vụ', addressees: { agencies: ['SNV'] }, tasks: [task('Y'), task('Z')] },
      ]),
      directory,
    );
    expect(plans.map((plan) => plan.id)).toEqual(['cchc-2021.s7.t1.VPUB', 'cchc-2021.s2.t1.SNV', 'cchc-2021.s2.t2.SNV']);
  });
});

describe('addresseesOf', () => {
  it('gives nothing, and a problem, for a group no agency is in', () => {
    const section = campaign([{ number: 9, title: 'Phường', addressees: { groups: ['wards'] }, tasks: [task('X')] }]).sections[0]!;
    const { agencyCodes, problems } = addresseesOf(section, directory);
    expect(agencyCodes).toEqual([]);
    expect(problems).toEqual([{ sectionNumber: 9, message: expect.stringContaining('wards') }]);
  });
});

describe('CampaignSchema', () => {
  it('refuses two sections with the same number', () => {
    const attempt = () =>
      campaign([
        { number: 1, title: 'A', addressees: { agencies: ['SNV'] }, tasks: [task('X')] },
        { number: 1, title: 'B', addressees: { agencies: ['STC'] }, tasks: [task('Y')] },
      ]);
    expect(attempt).toThrow(/trùng/);
  });

  it('refuses a section with no addressee', () => {
    expect(() => campaign([{ number: 1, title: 'A', addressees: {}, tasks: [task('X')] }])).toThrow(/ít nhất một cơ quan/);
  });

  it('refuses a lowercase agency code', () => {
    expect(() => campaign([{ number: 1, title: 'A', addressees: { agencies: ['snv'] }, tasks: [task('X')] }])).toThrow();
  });
});
