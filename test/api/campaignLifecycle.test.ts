/**
 * The API end to end on the real stack: the secretariat launches a campaign, an agency works its
 * assignment through to acceptance, and the counts, timeline and report follow.
 */
import { dateAt } from '../../src/domain/time/localDate';
import { eventually, launchTestCampaign, startApiHarness, type ApiHarness } from '../helpers/apiHarness';

const today = dateAt(Date.now());

const campaign = {
  key: 'cchc-thu',
  year: Number(today.slice(0, 4)),
  title: 'Kế hoạch kiểm tra cải cách hành chính (thử)',
  directive: { number: '12/KH-SNV', date: today, issuer: 'Sở Nội vụ', title: 'Kiểm tra công tác CCHC' },
  launchDate: today,
  defaultDeadline: { kind: 'workingDaysAfterLaunch', workingDays: 20 },
  sections: [
    {
      number: 1,
      title: 'Giám đốc các sở',
      addressees: { groups: ['departments'] },
      tasks: [{ title: 'Rà soát thủ tục hành chính', coordinatingAgencies: ['SNV'] }],
    },
    { number: 2, title: 'Chủ tịch UBND Quận 1', addressees: { agencies: ['Q1'] }, tasks: [{ title: 'Niêm yết công khai' }] },
  ],
};

describe('a campaign through the API', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApiHarness();
  });
  afterAll(() => api?.stop());

  it('launches once, lets the agency work its assignment to acceptance, and reports it', async () => {
    const { tokens } = api;
    const launched = await api.call('POST', '/api/v1/campaigns', { token: tokens.secretariat, json: campaign, headers: { 'Idempotency-Key': 'launch-1' } });
    expect(launched.status).toBe(201);
    expect(launched.body).toMatchObject({ key: 'cchc-thu', plannedAssignments: 4 });
    expect(launched.headers.get('location')).toBe('/api/v1/campaigns/cchc-thu');

    // The same request retried with its key: the first answer, nothing started twice.
    const replay = await api.call('POST', '/api/v1/campaigns', { token: tokens.secretariat, json: campaign, headers: { 'Idempotency-Key': 'launch-1' } });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(launched.body);
    // Without the key, a second launch of the same campaign is a conflict.
    const again = await api.call('POST', '/api/v1/campaigns', { token: tokens.secretariat, json: campaign });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    expect(again.body.detail).toContain('đã được khởi động');

    const listed = await eventually(
      () => api.call('GET', '/api/v1/assignments?campaign=cchc-thu&limit=10', { token: tokens.secretariat }),
      (response) => response.body?.items?.length === 4,
    );
    expect(listed.body.items.map((item: { id: string }) => item.id).sort()).toEqual([
      'cchc-thu.s1.t1.SNV',
      'cchc-thu.s1.t1.STNMT',
      'cchc-thu.s1.t1.SXD',
      'cchc-thu.s2.t1.Q1',
    ]);
    expect(listed.body.items.every((item: { category: string }) => item.category === 'inProgressWithinDeadline')).toBe(true);

    const id = 'cchc-thu.s1.t1.STNMT';
    const act = (action: string, token: string, json: unknown = {}) => api.call('POST', `/api/v1/assignments/${id}/${action}`, { token, json });
    expect((await act('acknowledge', tokens.STNMT)).body.state.status).toBe('acknowledged');
    expect((await act('reportProgress', tokens.STNMT, { note: 'Đã rà soát 40 thủ tục', percent: 40 })).status).toBe(200);
    const submitted = await act('submitResult', tokens.STNMT, {
      summary: 'Đã rà soát 120 thủ tục, đề xuất đơn giản hóa 15',
      evidenceLinks: ['https://stnmt.hcm.example/bao-cao-ra-soat.pdf'],
      kpiValues: [{ indicator: 'Tỷ lệ hồ sơ trễ hạn', value: 0.3, unit: '%' }],
    });
    expect(submitted.body.state.status).toBe('resultSubmitted');
    // The coordinating agency sees it but cannot act; the secretariat accepts.
    expect((await api.call('GET', `/api/v1/assignments/${id}`, { token: tokens.SNV })).status).toBe(200);
    expect((await act('accept', tokens.SNV)).status).toBe(403);
    const accepted = await act('accept', tokens.secretariat, { comment: 'Đạt yêu cầu' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ state: { status: 'accepted' }, category: 'completedOnTime' });
    // Nothing more can happen to it.
    const late = await act('submitResult', tokens.STNMT, { summary: 'Bổ sung' });
    expect(late.status).toBe(409);

    const details = await eventually(
      () => api.call('GET', `/api/v1/assignments/${id}`, { token: tokens.STNMT }),
      (response) => response.body?.status === 'accepted',
    );
    expect(details.body.timeline.map((event: { type: string }) => event.type)).toEqual([
      'AssignmentAssigned',
      'Acknowledged',
      'ProgressReported',
      'ResultSubmitted',
      'Accepted',
    ]);
    expect(details.body.timeline[3].actor).toMatchObject({ role: 'agency', agencyCode: 'STNMT' });
    expect(details.body.timeline[4].actor).toMatchObject({ role: 'secretariat' });
    expect(details.body.timeline[4].description).toBe('Công nhận hoàn thành: Đạt yêu cầu');

    const overview = await api.call('GET', '/api/v1/campaigns/cchc-thu', { token: tokens.committee });
    expect(overview.body.counts).toMatchObject({ completedOnTime: 1, inProgressWithinDeadline: 3, total: 4 });
    expect(overview.body.bySection['1']).toMatchObject({ completedOnTime: 1, total: 3 });
    // An agency sees counts of what it may see only: its own and those it coordinates on.
    const seenBySxd = await api.call('GET', '/api/v1/campaigns/cchc-thu', { token: tokens.SXD });
    expect(seenBySxd.body.counts.total).toBe(1);

    // Statistics of today come from the counters, which the acceptance's recording brought up to date.
    const stats = await api.call('GET', '/api/v1/statistics?campaign=cchc-thu&by=agency', { token: tokens.committee });
    expect(stats.status).toBe(200);
    expect(stats.body.rows.find((row: { key: string }) => row.key === 'STNMT')).toMatchObject({ name: 'Sở Tài nguyên và Môi trường', completedOnTime: 1, onTimeRate: 100 });
    expect(stats.body.total).toMatchObject({ key: 'total', name: 'Tổng cộng', completedOnTime: 1, inProgressWithinDeadline: 3, total: 4 });
    const bySection = await api.call('GET', '/api/v1/statistics?campaign=cchc-thu&by=section', { token: tokens.committee });
    expect(bySection.body.rows.map((row: { key: string; name: string }) => [row.key, row.name])).toEqual([
      ['1', 'Giám đốc các sở'],
      ['2', 'Chủ tịch UBND Quận 1'],
    ]);
    const csv = await api.call('GET', '/api/v1/statistics?campaign=cchc-thu&by=agency&format=csv', { token: tokens.secretariat });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    // (fetch's text() drops the byte-order mark; it is checked on the raw bytes below.)
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('Mã cơ quan,Cơ quan,Hoàn thành đúng hạn,Hoàn thành quá hạn,Đang thực hiện trong hạn,Quá hạn chưa hoàn thành,Đã hủy,Tổng số,Tỷ lệ đúng hạn (%)');
    expect(lines).toContain('STNMT,Sở Tài nguyên và Môi trường,1,0,0,0,0,1,100');
    expect(lines.at(-1)).toBe('Tổng cộng,,1,0,3,0,0,4,100');
    const raw = await fetch(`${api.baseUrl}/api/v1/statistics?campaign=cchc-thu&format=csv`, { headers: { Authorization: `Bearer ${tokens.secretariat}` } });
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    // Cancelling the campaign cascades to every open assignment.
    const cancelled = await api.call('POST', '/api/v1/campaigns/cchc-thu/cancel', { token: tokens.secretariat, json: { reason: 'Kết thúc thử nghiệm' } });
    expect(cancelled.status).toBe(202);
    const afterCancel = await eventually(
      () => api.call('GET', '/api/v1/assignments?campaign=cchc-thu', { token: tokens.secretariat }),
      (response) => response.body.items.filter((item: { status: string }) => item.status === 'cancelled').length === 3,
    );
    expect(afterCancel.body.items.find((item: { id: string }) => item.id === id).status).toBe('accepted');
  });

  it('launches from YAML too', async () => {
    const yaml = `key: cchc-yaml
year: ${campaign.year}
title: Kế hoạch gửi bằng YAML
directive: { number: 13/KH-SNV, date: "${today}", issuer: Sở Nội vụ, title: Thử YAML }
launchDate: "${today}"
defaultDeadline: { kind: daysAfterLaunch, days: 30 }
sections:
  - number: 1
    title: Chủ tịch UBND Quận 1
    addressees: { agencies: [Q1] }
    tasks: [{ title: Báo cáo tình hình }]
`;
    const response = await api.call('POST', '/api/v1/campaigns', { token: api.tokens.secretariat, body: yaml, contentType: 'application/yaml' });
    expect(response.status).toBe(201);
    expect(response.body.plannedAssignments).toBe(1);
  });
});
