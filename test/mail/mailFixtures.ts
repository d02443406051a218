/**
 * A small directory with contacts, a campaign, and assignment histories written through the
 * engine's real activity (events, outbox entries and read model in one go), for the mail suites.
 */
import { createRecordAssignmentEvents } from '../../activities/recordAssignmentEvents';
import type { Agency } from '../../src/domain/agency/agency';
import type { Actor } from '../../src/domain/assignment/actor';
import { stampEvents, type AssignmentEventBody } from '../../src/domain/assignment/assignmentEvents';
import { CampaignSchema, type Campaign } from '../../src/domain/campaign/campaign';
import type { AssignmentPlan } from '../../src/domain/campaign/expandCampaign';
import { notificationFor, type NotificationRequest } from '../../src/domain/notification/notificationRequest';
import type { Database } from '../../src/db/database';
import { loadMailSettings, type MailSettings } from '../../src/outbox/mailSettings';

export const SECRETARIAT = 'thuongtruc-cchc@sonoivu.example';
export const COMMITTEE = 'vanphong@ubnd.example';

export const DIRECTORY: Agency[] = [
  {
    code: 'STNMT',
    name: 'Sở Tài nguyên và Môi trường',
    kind: 'department',
    groups: ['departments'],
    contacts: [
      { role: 'head', name: 'Nguyễn Toàn Thắng', title: 'Giám đốc', email: 'giamdoc@stnmt.hcm.example' },
      { role: 'focalPoint', name: 'Trần Thị Hồng', title: 'Chuyên viên', email: 'daumoi@stnmt.hcm.example' },
    ],
  },
  {
    code: 'SNV',
    name: 'Sở Nội vụ',
    kind: 'department',
    groups: ['departments'],
    contacts: [
      { role: 'head', name: 'Võ Ngọc Quốc Thuận', email: 'giamdoc@snv.hcm.example' },
      { role: 'focalPoint', name: 'Lê Văn Đức', email: 'daumoi@snv.hcm.example' },
    ],
  },
  {
    code: 'Q1',
    name: 'Ủy ban nhân dân Quận 1',
    kind: 'district',
    groups: ['districts'],
    contacts: [
      { role: 'head', name: 'Lê Đức Thanh', email: 'chutich@q1.hcm.example' },
      { role: 'focalPoint', name: 'Phạm Thu Hà', email: 'daumoi@q1.hcm.example' },
    ],
  },
  // In the directory, but with no email address: its emails cannot be delivered.
  { code: 'Q3', name: 'Ủy ban nhân dân Quận 3', kind: 'district', groups: ['districts'], contacts: [] },
];

export async function seedDirectory(db: Database, agencies: Agency[] = DIRECTORY): Promise<void> {
  for (const { code, ...rest } of agencies) {
    await db.agencies.replaceOne({ _id: code }, { ...rest, updatedAt: new Date() }, { upsert: true });
  }
}

export function testCampaign(key = 'cchc-2021', overrides: Partial<Campaign> = {}): Campaign {
  return CampaignSchema.parse({
    key,
    year: 2021,
    title: 'Kế hoạch cải cách hành chính năm 2021',
    directive: { number: '1234/KH-UBND', date: '2021-11-30', issuer: 'UBND Thành phố Hồ Chí Minh', title: 'Kế hoạch cải cách hành chính năm 2021' },
    launchDate: '2021-12-01',
    defaultDeadline: { kind: 'fixedDate', date: '2022-02-10' },
    sections: [
      {
        number: 4,
        title: 'Giám đốc Sở Tài nguyên và Môi trường',
        addressees: { agencies: ['STNMT'] },
        tasks: [
          {
            title: 'Giảm tỷ lệ hồ sơ trễ hạn',
            details: 'Rà soát quy trình giải quyết hồ sơ đất đai, công khai tiến độ trên cổng dịch vụ công.',
            coordinatingAgencies: ['SNV'],
            kpiTargets: [{ indicator: 'Tỷ lệ hồ sơ trễ hạn', comparator: 'lt', threshold: 1, unit: '%', period: 'năm 2021' }],
          },
          { title: 'Số hóa hồ sơ địa chính' },
        ],
      },
      { number: 5, title: 'Chủ tịch UBND các quận', addressees: { agencies: ['Q1', 'Q3'] }, tasks: [{ title: 'Niêm yết thủ tục hành chính' }] },
    ],
    ...overrides,
  });
}

export async function seedCampaign(db: Database, campaign: Campaign): Promise<void> {
  await db.campaigns.create({
    _id: campaign.key,
    definition: campaign,
    launchDate: campaign.launchDate ?? '2021-12-01',
    launchedAt: new Date(),
    launchedBy: 'Phòng CCHC',
    plannedAssignments: 0,
  });
}

export function plan(id: string, overrides: Partial<AssignmentPlan> = {}): AssignmentPlan {
  const [campaignKey, s, t, agencyCode] = id.split('.') as [string, string, string, string];
  return {
    id,
    campaignKey,
    sectionNumber: Number(s.slice(1)),
    taskNumber: Number(t.slice(1)),
    agencyCode,
    coordinatingAgencies: [],
    title: 'Giảm tỷ lệ hồ sơ trễ hạn',
    kpiTargets: [],
    citations: [],
    deadlineRule: { kind: 'fixedDate', date: '2022-02-10' },
    ...overrides,
  };
}

const SYSTEM: Actor = { role: 'system', name: 'hệ thống' };

/**
 * Appends events to an assignment's history through the real activity (which queues the emails
 * they cause). `at` is the events' instant; returns the outbox ids queued.
 */
export async function record(
  db: Database,
  assignmentId: string,
  at: string,
  bodies: AssignmentEventBody[],
  actor: Actor = SYSTEM,
): Promise<string[]> {
  const last = await db.events.findOne({ assignmentId }).sort({ seq: -1 }).lean();
  const campaignKey = assignmentId.split('.')[0]!;
  const events = stampEvents({ assignmentId, campaignKey, lastSeq: last?.seq ?? 0, at, actor }, bodies);
  const current = await db.assignments.findById(assignmentId, { agencyCode: 1 }).lean();
  let agencyCode = current?.agencyCode ?? (bodies[0]?.type === 'AssignmentAssigned' ? bodies[0].plan.agencyCode : '');
  const notifications: NotificationRequest[] = [];
  for (const event of events) {
    if (event.type === 'Reassigned') agencyCode = event.to;
    const request = notificationFor(event, agencyCode);
    if (request) notifications.push(request);
  }
  await createRecordAssignmentEvents(db)({ events, notifications });
  return notifications.map((n) => n.id);
}

export function assigned(p: AssignmentPlan, deadline = '2022-02-10'): AssignmentEventBody {
  return { type: 'AssignmentAssigned', plan: p, launchDate: '2021-12-01', deadline, sectionTitle: 'Giám đốc các Sở' };
}

/** Settings for tests: the defaults, fast polling, short backoff; no automatic digest. */
export function testMailSettings(overrides: Partial<MailSettings> = {}): MailSettings {
  return {
    ...loadMailSettings({}),
    secretariat: { name: 'Thường trực Ban Chỉ đạo CCHC', address: SECRETARIAT },
    committee: { name: 'Văn phòng UBND Thành phố', address: COMMITTEE },
    digest: null,
    // The daily pending list follows the wall clock: suites queue it themselves when they test it.
    pendingDigest: false,
    pollIntervalMs: 100,
    backoff: { baseMs: 100, maxMs: 1_000 },
    ...overrides,
  };
}
