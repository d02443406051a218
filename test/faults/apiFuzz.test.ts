/**
 * Fuzzing every API route with generated paths, query strings, headers and bodies (fast-check):
 * no answer is a 5xx, every error is problem+json, and no rejected request changes any data.
 */
import fc from 'fast-check';
import { launchTestCampaign, startApiHarness, type ApiHarness } from '../helpers/apiHarness';

const ID = 'cchc-fuzz.s1.t1.STNMT';
const NOTICE = `${ID}.assignmentNotice.launch`;

/** Every route the API serves (a test below checks this against the OpenAPI document). */
const ROUTES: { method: string; path: string }[] = [
  { method: 'GET', path: '/api/v1/campaigns' },
  { method: 'POST', path: '/api/v1/campaigns' },
  { method: 'POST', path: '/api/v1/campaigns/import' },
  { method: 'GET', path: '/api/v1/campaigns/:key' },
  { method: 'POST', path: '/api/v1/campaigns/:key/cancel' },
  { method: 'GET', path: '/api/v1/assignments' },
  { method: 'GET', path: '/api/v1/assignments/:id' },
  ...['acknowledge', 'reportProgress', 'submitResult', 'accept', 'returnForRework', 'requestExtension', 'decideExtension', 'reassign', 'cancel', 'addCoordinationNote'].map(
    (action) => ({ method: 'POST', path: `/api/v1/assignments/:id/${action}` }),
  ),
  { method: 'GET', path: '/api/v1/agencies' },
  { method: 'GET', path: '/api/v1/agencies/:code' },
  { method: 'PUT', path: '/api/v1/agencies/:code' },
  { method: 'GET', path: '/api/v1/calendars/:year' },
  { method: 'PUT', path: '/api/v1/calendars/:year' },
  { method: 'GET', path: '/api/v1/statistics' },
  { method: 'GET', path: '/api/v1/campaigns/:key/mail-settings' },
  { method: 'PUT', path: '/api/v1/campaigns/:key/mail-settings' },
  { method: 'GET', path: '/api/v1/campaigns/:key/agencies/:code/overdue-letter' },
  { method: 'GET', path: '/api/v1/outbox' },
  { method: 'GET', path: '/api/v1/outbox/:id' },
  { method: 'POST', path: '/api/v1/outbox/:id/retry' },
  { method: 'GET', path: '/api/v1/people' },
  { method: 'GET', path: '/api/v1/people/:email' },
  { method: 'PUT', path: '/api/v1/people/:email' },
  { method: 'POST', path: '/api/v1/people/:email/deactivate' },
];

/** Real ids half of the time, so requests reach the deeper checks, not only the 404s. */
const pathParam = fc.oneof(
  fc.constantFrom('cchc-fuzz', ID, NOTICE, 'daumoi@stnmt.hcm.example', 'STNMT', '2026', 'cchc-fuzz.s1.t1.SNV', '..', '%00', '%E0%A4%A'),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
  fc.string({ unit: 'grapheme', maxLength: 20 }).map(encodeURIComponent),
);

const queryString = fc
  .dictionary(
    fc.oneof(fc.constantFrom('campaign', 'section', 'agency', 'category', 'dueBefore', 'dueAfter', 'q', 'sort', 'limit', 'cursor', 'cutoff', 'by', 'format', 'group', 'key', 'status', 'kind', 'assignment'), fc.string({ maxLength: 8 })),
    fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('cchc-fuzz', '0', '-1', '1e9', 'overdue', 'csv', '2026-02-30', ' ', '[]')),
    { maxKeys: 4 },
  )
  .map((params) => new URLSearchParams(params).toString());

const body = fc.oneof(
  fc.jsonValue().map((value) => ({ text: JSON.stringify(value), type: 'application/json' })),
  fc.record({
    summary: fc.string(),
    note: fc.string(),
    reason: fc.string(),
    comment: fc.string(),
    grant: fc.boolean(),
    toAgency: fc.string({ maxLength: 25 }),
    requestedDeadline: fc.oneof(fc.string({ maxLength: 12 }), fc.constant('2099-01-01')),
    evidenceLinks: fc.array(fc.string(), { maxLength: 3 }),
    kpiValues: fc.array(fc.record({ indicator: fc.string(), value: fc.double() }), { maxLength: 2 }),
    name: fc.string(),
    kind: fc.string(),
    agencyCode: fc.constantFrom('STNMT', 'SNV', 'x'),
    role: fc.constantFrom('agency', 'secretariat', 'committee', 'admin'),
    daysOff: fc.array(fc.record({ date: fc.string({ maxLength: 12 }), name: fc.string() }), { maxLength: 2 }),
    testMailbox: fc.oneof(fc.string({ maxLength: 30 }), fc.constant(null), fc.emailAddress()),
  }, { requiredKeys: [] }).map((value) => ({ text: JSON.stringify(value), type: 'application/json' })),
  fc.string({ maxLength: 200 }).map((text) => ({ text, type: 'application/json' })),
  fc.string({ maxLength: 200 }).map((text) => ({ text, type: 'application/yaml' })),
  fc.string({ maxLength: 200 }).map((text) => ({ text, type: 'text/plain' })),
  fc.string({ maxLength: 200 }).map((text) => ({ text, type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' })),
  fc.constantFrom({ text: '', type: 'application/json' }, { text: '{"a":', type: 'application/json' }, { text: 'x', type: 'multipart/form-data' }),
);

const headers = fc.record(
  {
    'Idempotency-Key': fc.string({ maxLength: 250 }).filter((key) => /^[\x21-\x7e]*$/.test(key) && key.length > 0),
    Accept: fc.constantFrom('application/json', 'text/csv', '*/*', 'text/html'),
    'Accept-Language': fc.constantFrom('vi', 'en', '*'),
  },
  { requiredKeys: [] },
);

describe('fuzzing the API', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApiHarness();
    await launchTestCampaign(api, { key: 'cchc-fuzz', title: 'Thử ngẫu nhiên', sections: [{ number: 1, title: 'Giám đốc Sở TN&MT', addressees: { agencies: ['STNMT', 'SNV'] }, tasks: [{ title: 'Rà soát' }] }] });
  });
  afterAll(() => api?.stop());

  /** Every collection a request could change, and the workflows' state as the read model shows it. */
  async function fingerprint(): Promise<string> {
    const { db } = api.engine;
    const [events, campaigns, agencies, calendars, assignments, outbox, idempotency, tokens, people, portalSessions, signInCodes] = await Promise.all([
      db.events.countDocuments(),
      db.campaigns.find().sort({ _id: 1 }).lean(),
      db.agencies.find().sort({ _id: 1 }).lean(),
      db.calendars.find().sort({ _id: 1 }).lean(),
      db.assignments.find({}, { seq: 1, status: 1, deadline: 1 }).sort({ _id: 1 }).lean(),
      db.outbox.find().sort({ _id: 1 }).lean(),
      db.idempotency.find().sort({ _id: 1 }).lean(),
      db.tokens.find().sort({ _id: 1 }).lean(),
      db.people.find().sort({ _id: 1 }).lean(),
      db.portalSessions.countDocuments(),
      db.signInCodes.countDocuments(),
    ]);
    return JSON.stringify({ events, campaigns, agencies, calendars, assignments, outbox, idempotency, tokens, people, portalSessions, signInCodes });
  }

  it('fuzzes every route the API serves, and only those', async () => {
    const document = (await api.call('GET', '/api/v1/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const served = Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
    const fuzzed = ROUTES.map((route) => `${route.method} ${route.path.replace(/:([a-z]+)/gi, '{$1}')}`);
    expect(fuzzed.sort()).toEqual(served.sort());
  });

  it('notices a change in each collection the fingerprint claims to watch, so it can fail', async () => {
    const { db } = api.engine;
    const before = await fingerprint();
    await db.idempotency.create({ _id: 'fuzz-probe', fingerprint: 'x', state: 'done', createdAt: new Date() });
    expect(await fingerprint()).not.toBe(before);
    await db.idempotency.deleteOne({ _id: 'fuzz-probe' });
    expect(await fingerprint()).toBe(before);
    await db.outbox.updateOne({ _id: NOTICE }, { $set: { attempts: 99 } });
    expect(await fingerprint()).not.toBe(before);
    await db.outbox.updateOne({ _id: NOTICE }, { $set: { attempts: 0 } });
    await db.tokens.updateOne({ _id: { $exists: true } }, { $set: { probe: true } }, { strict: false });
    expect(await fingerprint()).not.toBe(before);
    await db.tokens.updateMany({}, { $unset: { probe: '' } }, { strict: false });
  });

  it('answers every generated request without a 5xx, and changes nothing when it refuses', async () => {
    const tokens = [api.tokens.secretariat, api.tokens.STNMT, api.tokens.SXD, api.tokens.committee, 'dek_wrong', ''];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES),
        fc.array(pathParam, { minLength: 2, maxLength: 2 }),
        queryString,
        body,
        headers,
        fc.constantFrom(...tokens),
        async (route, [first, second], query, payload, extraHeaders, token) => {
          let index = 0;
          const path = route.path.replace(/:[a-z]+/g, () => [first, second][index++]!);
          const before = await fingerprint();
          const response = await api.call(route.method, `${path}${query ? `?${query}` : ''}`, {
            token: token || undefined,
            body: route.method === 'GET' ? undefined : payload.text,
            contentType: route.method === 'GET' ? undefined : payload.type,
            headers: extraHeaders,
          });
          if (response.status >= 500) throw new Error(`${route.method} ${path}?${query} -> ${response.status}: ${response.text.slice(0, 300)}`);
          if (response.status >= 400) {
            expect(response.headers.get('content-type')).toContain('application/problem+json');
            expect(await fingerprint()).toBe(before);
          }
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 400), seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31) },
    );
  });
});
