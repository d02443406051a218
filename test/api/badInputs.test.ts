/**
 * Bad input, route by route: each gets a 4xx problem+json (Vietnamese detail, per-field
 * messages where fields are wrong) and leaves every collection exactly as it was.
 */
import { dateAt } from '../../src/domain/time/localDate';
import { launchTestCampaign, startApiHarness, type ApiHarness, type CallOptions } from '../helpers/apiHarness';

const today = dateAt(Date.now());
const ID = 'cchc-bad.s1.t1.STNMT';

interface BadCase {
  name: string;
  method: string;
  path: string;
  options: Omit<CallOptions, 'token'>;
  status: number;
  /** A field the 422 must name. */
  field?: string;
  /** Words one of its messages must say. */
  message?: string;
}

const BIG = JSON.stringify({ summary: 'x'.repeat(1_100_000) });

const CASES: BadCase[] = [
  { name: 'malformed JSON on launch', method: 'POST', path: '/api/v1/campaigns', options: { body: '{"key": "x",', contentType: 'application/json' }, status: 400 },
  { name: 'malformed YAML on launch', method: 'POST', path: '/api/v1/campaigns', options: { body: 'key: [unclosed', contentType: 'application/yaml' }, status: 400 },
  { name: 'plain text on launch', method: 'POST', path: '/api/v1/campaigns', options: { body: 'hello', contentType: 'text/plain' }, status: 415 },
  { name: 'oversized body', method: 'POST', path: `/api/v1/assignments/${ID}/submitResult`, options: { body: BIG, contentType: 'application/json' }, status: 413 },
  { name: 'campaign key with capitals', method: 'POST', path: '/api/v1/campaigns', options: { json: { key: 'CCHC 2021' } }, status: 422, field: 'body.key' },
  { name: 'campaign without sections', method: 'POST', path: '/api/v1/campaigns', options: { json: { key: 'cchc-x', year: 2026, title: 't', directive: { number: '1', date: today, issuer: 'i', title: 't' }, defaultDeadline: { kind: 'fixedDate', date: '2026-02-30' }, sections: [] } }, status: 422, field: 'body.defaultDeadline.date' },
  { name: 'campaign addressed to an unknown agency', method: 'POST', path: '/api/v1/campaigns', options: { json: { key: 'cchc-y', year: 2026, title: 't', directive: { number: '1', date: today, issuer: 'i', title: 't' }, defaultDeadline: { kind: 'fixedDate', date: '2026-12-31' }, sections: [{ number: 1, title: 'x', addressees: { agencies: ['NOPE'] }, tasks: [{ title: 't' }] }] } }, status: 422 },
  { name: 'campaign that gives no assignment', method: 'POST', path: '/api/v1/campaigns', options: { json: { key: 'cchc-z', year: 2026, title: 't', directive: { number: '1', date: today, issuer: 'i', title: 't' }, defaultDeadline: { kind: 'workingDaysAfterLaunch', workingDays: 5 }, sections: [{ number: 1, title: 'Các phường', addressees: { groups: ['phuong'] }, tasks: [{ title: 't' }] }] } }, status: 422, field: 'body.sections', message: 'Kế hoạch không giao được nhiệm vụ nào' },
  { name: 'unknown campaign', method: 'GET', path: '/api/v1/campaigns/khong-co', options: {}, status: 404 },
  { name: 'campaign key not a key', method: 'GET', path: '/api/v1/campaigns/%20', options: {}, status: 422 },
  { name: 'cancel without a reason', method: 'POST', path: '/api/v1/campaigns/cchc-bad/cancel', options: { json: {} }, status: 422, field: 'body.reason' },
  { name: 'unknown assignment', method: 'GET', path: '/api/v1/assignments/cchc-bad.s9.t9.X', options: {}, status: 404 },
  { name: 'action on an unknown assignment', method: 'POST', path: '/api/v1/assignments/cchc-bad.s9.t9.X/accept', options: { json: {} }, status: 404 },
  { name: 'unknown action', method: 'POST', path: `/api/v1/assignments/${ID}/approve`, options: { json: {} }, status: 404 },
  { name: 'bad cursor', method: 'GET', path: '/api/v1/assignments?cursor=not-a-cursor', options: {}, status: 400 },
  { name: 'limit not a number', method: 'GET', path: '/api/v1/assignments?limit=abc', options: {}, status: 422, field: 'query.limit' },
  { name: 'limit too large', method: 'GET', path: '/api/v1/assignments?limit=100000', options: {}, status: 422, field: 'query.limit' },
  { name: 'unknown category', method: 'GET', path: '/api/v1/assignments?category=late', options: {}, status: 422, field: 'query.category' },
  { name: 'due date not a date', method: 'GET', path: '/api/v1/assignments?dueBefore=31/02/2026', options: {}, status: 422, field: 'query.dueBefore' },
  { name: 'progress without a note', method: 'POST', path: `/api/v1/assignments/${ID}/reportProgress`, options: { json: { note: '  ', percent: 150 } }, status: 422, field: 'body.note' },
  { name: 'result with a bad evidence link', method: 'POST', path: `/api/v1/assignments/${ID}/submitResult`, options: { json: { summary: 'x', evidenceLinks: ['không phải link'] } }, status: 422, field: 'body.evidenceLinks.0' },
  { name: 'extension to a past date', method: 'POST', path: `/api/v1/assignments/${ID}/requestExtension`, options: { json: { requestedDeadline: '2020-01-01', reason: 'x' } }, status: 422 },
  { name: 'extension to a day that does not exist', method: 'POST', path: `/api/v1/assignments/${ID}/requestExtension`, options: { json: { requestedDeadline: '2026-13-01', reason: 'x' } }, status: 422, field: 'body.requestedDeadline' },
  { name: 'accept before any result', method: 'POST', path: `/api/v1/assignments/${ID}/accept`, options: { json: {} }, status: 409 },
  { name: 'decide with no request pending', method: 'POST', path: `/api/v1/assignments/${ID}/decideExtension`, options: { json: { grant: true } }, status: 409 },
  { name: 'reassign to an unknown agency', method: 'POST', path: `/api/v1/assignments/${ID}/reassign`, options: { json: { toAgency: 'NOPE' } }, status: 422, field: 'body.toAgency' },
  { name: 'reassign to a malformed code', method: 'POST', path: `/api/v1/assignments/${ID}/reassign`, options: { json: { toAgency: 'sở xây dựng' } }, status: 422, field: 'body.toAgency' },
  { name: 'unknown agency', method: 'GET', path: '/api/v1/agencies/NOPE', options: {}, status: 404 },
  { name: 'agency with a bad email', method: 'PUT', path: '/api/v1/agencies/SNV', options: { json: { name: 'Sở Nội vụ', kind: 'department', contacts: [{ role: 'head', name: 'A', email: 'not-an-email' }] } }, status: 422, field: 'body.contacts.0.email' },
  { name: 'agency of an unknown kind', method: 'PUT', path: '/api/v1/agencies/SNV', options: { json: { name: 'Sở Nội vụ', kind: 'ministry' } }, status: 422, field: 'body.kind' },
  { name: 'calendar year not a year', method: 'GET', path: '/api/v1/calendars/abcd', options: {}, status: 422, field: 'params.year' },
  { name: 'calendar day in another year', method: 'PUT', path: '/api/v1/calendars/2026', options: { json: { version: 0, daysOff: [{ date: '2027-01-02', name: 'x' }] } }, status: 422, field: 'body.daysOff.0.date' },
  { name: 'calendar save without the version read', method: 'PUT', path: '/api/v1/calendars/2026', options: { json: { daysOff: [{ date: '2026-12-31', name: 'x' }] } }, status: 422, field: 'body.version' },
  { name: 'calendar save over a version never saved', method: 'PUT', path: '/api/v1/calendars/2026', options: { json: { version: 7, daysOff: [{ date: '2026-12-31', name: 'x' }] } }, status: 409 },
  { name: 'statistics without a campaign', method: 'GET', path: '/api/v1/statistics', options: {}, status: 422, field: 'query.campaign' },
  { name: 'statistics of an unknown campaign', method: 'GET', path: '/api/v1/statistics?campaign=khong-co', options: {}, status: 404 },
  { name: 'statistics with a bad cutoff', method: 'GET', path: '/api/v1/statistics?campaign=cchc-bad&cutoff=hom-nay', options: {}, status: 422, field: 'query.cutoff' },
  { name: 'statistics in an unknown format', method: 'GET', path: '/api/v1/statistics?campaign=cchc-bad&format=xlsx', options: {}, status: 422, field: 'query.format' },
  { name: 'unknown route', method: 'GET', path: '/api/v1/khong-co', options: {}, status: 404 },
  { name: 'idempotency key reused for another request', method: 'POST', path: '/api/v1/campaigns/cchc-bad/cancel', options: { json: { reason: 'khác' }, headers: { 'Idempotency-Key': 'k-used' } }, status: 422 },
];

describe('bad input', () => {
  let api: ApiHarness;

  async function snapshot() {
    const { db } = api.engine;
    const [events, assignments, campaigns, agencies, calendars, outbox] = await Promise.all([
      db.events.find().sort({ _id: 1 }).lean(),
      db.assignments.find().sort({ _id: 1 }).lean(),
      db.campaigns.find().sort({ _id: 1 }).lean(),
      db.agencies.find().sort({ _id: 1 }).lean(),
      db.calendars.find().sort({ _id: 1 }).lean(),
      db.outbox.find().sort({ _id: 1 }).lean(),
    ]);
    return JSON.stringify({ events, assignments, campaigns, agencies, calendars, outbox });
  }

  beforeAll(async () => {
    api = await startApiHarness();
    await launchTestCampaign(api, { key: 'cchc-bad', title: 'Dữ liệu sai', sections: [{ number: 1, title: 'Giám đốc Sở TN&MT', addressees: { agencies: ['STNMT'] }, tasks: [{ title: 'Rà soát' }] }] });
    // A key used once, for the reuse case.
    await api.call('PUT', '/api/v1/agencies/Q1', {
      token: api.tokens.secretariat,
      json: { name: 'Ủy ban nhân dân Quận 1', kind: 'district', groups: ['districts'] },
      headers: { 'Idempotency-Key': 'k-used' },
    });
  });
  afterAll(() => api?.stop());

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const before = await snapshot();
    const response = await api.call(c.method, c.path, { ...c.options, token: api.tokens.secretariat });
    expect(response.status).toBe(c.status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status: c.status, title: expect.any(String), detail: expect.any(String) });
    // Vietnamese for the user: at least one letter with a diacritic.
    expect(response.body.detail).toMatch(/[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i);
    if (c.field) {
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(c.field);
      expect(response.body.errors.every((e: { message: string }) => e.message.length > 0)).toBe(true);
    }
    if (c.message) expect(response.body.errors.map((e: { message: string }) => e.message).join('\n')).toContain(c.message);
    expect(await snapshot()).toBe(before);
  });
});
