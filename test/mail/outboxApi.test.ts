/**
 * GET /api/v1/outbox and its companions, on the whole engine (worker, dispatcher and API over real
 * HTTP): the secretariat sees what was sent, what waits and what failed (with the reason), filters
 * and pages through it, sends a failed email again once the directory is fixed, and switches a
 * campaign to a test mailbox. Other roles see none of it.
 */
import { resolveCalendar } from '../../src/domain/calendar/resolveCalendar';
import { WorkingCalendar } from '../../src/domain/calendar/workingCalendar';
import { resolveDeadline } from '../../src/domain/campaign/deadlineRule';
import { dateAt, yearOf } from '../../src/domain/time/localDate';
import { eventually, startApiHarness, type ApiHarness } from '../helpers/apiHarness';
import { testMailSettings } from './mailFixtures';

const today = dateAt(Date.now());
/** The launch's deadline, worked out here: 20 working days on the statutory calendar (no edits in this suite). */
const deadline = resolveDeadline(
  { kind: 'workingDaysAfterLaunch', workingDays: 20 },
  today,
  new WorkingCalendar(resolveCalendar({ fromYear: yearOf(today), toYear: yearOf(today) + 1, years: [], version: 1 })),
);
const ddmmyyyy = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
const KEY = 'thu-hop-thu';
const STNMT_NOTICE = `${KEY}.s1.t1.STNMT.assignmentNotice.launch`;
const Q1_NOTICE = `${KEY}.s2.t1.Q1.assignmentNotice.launch`;

describe('the outbox API', () => {
  let api: ApiHarness;
  const get = (path: string, token = api.tokens.secretariat) => api.call('GET', path, { token });

  beforeAll(async () => {
    api = await startApiHarness({ outbox: { settings: testMailSettings() } });
    const stnmt = await api.call('PUT', '/api/v1/agencies/STNMT', {
      token: api.tokens.secretariat,
      json: {
        name: 'Sở Tài nguyên và Môi trường',
        kind: 'department',
        groups: ['departments'],
        contacts: [{ role: 'focalPoint', name: 'Trần Thị Hồng', email: 'daumoi@stnmt.hcm.example' }],
      },
    });
    expect(stnmt.status).toBe(200);
    const launched = await api.call('POST', '/api/v1/campaigns', {
      token: api.tokens.secretariat,
      json: {
        key: KEY,
        year: Number(today.slice(0, 4)),
        title: 'Thử hộp thư đi',
        directive: { number: '2/KH', date: today, issuer: 'Sở Nội vụ', title: 'Thử' },
        launchDate: today,
        defaultDeadline: { kind: 'workingDaysAfterLaunch', workingDays: 20 },
        sections: [
          { number: 1, title: 'Giám đốc Sở TN&MT', addressees: { agencies: ['STNMT'] }, tasks: [{ title: 'Rà soát quy trình' }] },
          { number: 2, title: 'Chủ tịch UBND Quận 1', addressees: { agencies: ['Q1'] }, tasks: [{ title: 'Niêm yết thủ tục' }] },
        ],
      },
    });
    expect(launched.status).toBe(201);
    // STNMT's notice goes out; Q1 has no address yet: failed, and the secretariat told.
    await eventually(
      () => api.engine.db.outbox.find().lean(),
      (entries) => entries.length === 3 && entries.every((e) => e.status === 'sent' || e.status === 'failed'),
      { timeoutMs: 60_000 },
    );
  });
  afterAll(() => api?.stop());

  it('is for the secretariat only', async () => {
    for (const token of [api.tokens.STNMT, api.tokens.committee]) {
      expect((await get('/api/v1/outbox', token)).status).toBe(403);
      expect((await api.call('POST', `/api/v1/outbox/${Q1_NOTICE}/retry`, { token })).status).toBe(403);
    }
    expect((await api.call('GET', '/api/v1/outbox')).status).toBe(401);
  });

  it('lists sent, pending and failed emails with their recipients, subject and reason', async () => {
    const all = await get('/api/v1/outbox');
    expect(all.status).toBe(200);
    expect(all.body.counts).toEqual({ pending: 0, sending: 0, sent: 2, failed: 1 });
    const sent = all.body.items.find((item: { id: string }) => item.id === STNMT_NOTICE);
    expect(sent).toMatchObject({
      kind: 'assignmentNotice',
      kindLabel: 'Thông báo giao nhiệm vụ',
      status: 'sent',
      statusLabel: 'Đã gửi',
      campaignKey: KEY,
      agencyCode: 'STNMT',
      to: [{ name: 'Trần Thị Hồng', address: 'daumoi@stnmt.hcm.example' }],
      subject: `[${KEY} | ${KEY}.s1.t1.STNMT] Giao nhiệm vụ: Rà soát quy trình (hạn ${ddmmyyyy(deadline)})`,
      messageId: `<${STNMT_NOTICE}@sonoivu.example>`,
    });

    const failed = await get('/api/v1/outbox?status=failed');
    expect(failed.body.items).toEqual([
      expect.objectContaining({ id: Q1_NOTICE, statusLabel: 'Không gửi được', lastError: expect.stringContaining('Danh bạ chưa có địa chỉ email nào của Ủy ban nhân dân Quận 1 (Q1)') }),
    ]);
    expect(failed.body.counts).toEqual({ pending: 0, sending: 0, sent: 2, failed: 1 });
    const notices = await get('/api/v1/outbox?kind=deliveryFailure');
    expect(notices.body.items).toEqual([expect.objectContaining({ aboutEntryId: Q1_NOTICE, status: 'sent', to: [expect.objectContaining({ address: expect.stringContaining('@sonoivu.example') })] })]);
    expect((await get(`/api/v1/outbox?campaign=${KEY}&agency=STNMT`)).body.items.map((i: { id: string }) => i.id)).toEqual([STNMT_NOTICE]);
    expect((await get(`/api/v1/outbox/${encodeURIComponent(Q1_NOTICE)}`)).body).toMatchObject({ id: Q1_NOTICE, status: 'failed' });
  });

  it('pages newest first with a cursor, and refuses bad filters in Vietnamese', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await get(`/api/v1/outbox?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.body.items).toHaveLength(1);
      seen.push(page.body.items[0].id);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual([STNMT_NOTICE, Q1_NOTICE, `${Q1_NOTICE}.deliveryFailure.1`].sort());
    const bad = await get('/api/v1/outbox?status=lost');
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].field).toBe('query.status');
    expect((await get('/api/v1/outbox?cursor=xyz')).status).toBe(400);
    expect((await get('/api/v1/outbox/khong-co')).status).toBe(404);
  });

  it('sends a failed email again once the directory has an address, and refuses to resend a sent one', async () => {
    expect((await api.call('POST', `/api/v1/outbox/${STNMT_NOTICE}/retry`, { token: api.tokens.secretariat })).status).toBe(409);
    expect((await api.call('POST', '/api/v1/outbox/khong-co/retry', { token: api.tokens.secretariat })).status).toBe(404);
    await api.call('PUT', '/api/v1/agencies/Q1', {
      token: api.tokens.secretariat,
      json: { name: 'Ủy ban nhân dân Quận 1', kind: 'district', groups: ['districts'], contacts: [{ role: 'head', name: 'Lê Đức Thanh', email: 'chutich@q1.hcm.example' }] },
    });
    const retried = await api.call('POST', `/api/v1/outbox/${Q1_NOTICE}/retry`, { token: api.tokens.secretariat });
    expect(retried.status).toBe(200);
    expect(retried.body.status).toBe('pending');
    const after = await eventually(() => get(`/api/v1/outbox/${Q1_NOTICE}`), (r) => r.body.status === 'sent');
    expect(after.body).toMatchObject({ attempts: 2, to: [{ name: 'Lê Đức Thanh', address: 'chutich@q1.hcm.example' }] });
  });

  it('switches a campaign to a test mailbox and back', async () => {
    const path = `/api/v1/campaigns/${KEY}/mail-settings`;
    expect((await get(path)).body).toEqual({ campaignKey: KEY, testMailbox: null });
    const on = await api.call('PUT', path, { token: api.tokens.secretariat, json: { testMailbox: 'thu-nghiem@sonoivu.example' } });
    expect(on.status).toBe(200);
    expect((await get(path)).body).toMatchObject({ testMailbox: 'thu-nghiem@sonoivu.example', updatedBy: 'secretariat' });
    const invalid = await api.call('PUT', path, { token: api.tokens.secretariat, json: { testMailbox: 'khong-phai-email' } });
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors[0].message).toBe('Địa chỉ email hộp thư thử nghiệm không hợp lệ.');
    expect((await api.call('PUT', '/api/v1/campaigns/khong-co/mail-settings', { token: api.tokens.secretariat, json: { testMailbox: null } })).status).toBe(404);
    expect((await api.call('PUT', path, { token: api.tokens.STNMT, json: { testMailbox: null } })).status).toBe(403);
    expect((await api.call('PUT', path, { token: api.tokens.secretariat, json: { testMailbox: null } })).body.testMailbox).toBeNull();
  });
});
