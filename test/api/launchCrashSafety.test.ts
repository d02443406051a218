/**
 * Nothing a crash interrupts blocks a retry: a launch cut short between taking the campaign key
 * and starting its workflow is finished by the same request sent again; an Idempotency-Key held
 * by a request that died is taken over once its lease has passed; and the idempotency records
 * expire and are swept away on FerretDB (whose TTL index removes nothing) as on MongoDB.
 */
import type { Client } from '@temporalio/client';
import { CampaignSchema } from '../../src/domain/campaign/campaign';
import { dateAt } from '../../src/domain/time/localDate';
import { IDEMPOTENCY_LEASE_MS, IDEMPOTENCY_RETENTION_MS, requestFingerprint, sweepExpiredIdempotencyRecords } from '../../src/api/middleware/idempotency';
import { declareIdempotencyExpiry } from '../../src/db/models/idempotencyModel';
import { hashToken } from '../../src/services/apiTokens';
import { launchCampaign, resumeInterruptedLaunch } from '../../src/services/campaignService';
import { eventually, startApiHarness, type ApiHarness } from '../helpers/apiHarness';

const today = dateAt(Date.now());
const definition = (key: string, title = 'Thử khởi động sau sự cố') => ({
  key,
  year: Number(today.slice(0, 4)),
  title,
  directive: { number: '7/KH-SNV', date: today, issuer: 'Sở Nội vụ', title: 'Thử' },
  defaultDeadline: { kind: 'workingDaysAfterLaunch', workingDays: 20 },
  sections: [{ number: 1, title: 'Giám đốc Sở TN&MT', addressees: { agencies: ['STNMT'] }, tasks: [{ title: 'Rà soát' }] }],
});

describe('crash safety of launches and Idempotency-Keys', () => {
  let api: ApiHarness;
  const launch = (json: unknown, headers: Record<string, string> = {}) =>
    api.call('POST', '/api/v1/campaigns', { token: api.tokens.secretariat, json, headers });

  beforeAll(async () => {
    api = await startApiHarness();
  });
  afterAll(() => api?.stop());

  it('finishes a launch that died between taking the key and starting the workflow when it is sent again', async () => {
    const key = 'sau-su-co';
    // The first attempt stops for good where a crash would stop it: its workflow start never returns.
    const stalled = { workflow: { start: () => new Promise(() => undefined) } } as unknown as Client;
    void launchCampaign({ db: api.engine.db, client: stalled, taskQueue: 'api-test' }, CampaignSchema.parse(definition(key)), { role: 'secretariat', name: 'lần đầu' });
    await eventually(() => api.engine.db.campaigns.exists({ _id: key }), Boolean, { what: 'the key taken by the first attempt' });

    // Another definition under the same key is still a conflict...
    expect((await launch(definition(key, 'Một kế hoạch khác'))).status).toBe(409);
    // ...but the same launch sent again finishes it: the workflow starts, the assignment follows.
    const retried = await launch(definition(key));
    expect(retried.status).toBe(201);
    expect(retried.body).toMatchObject({ key, launchDate: today, plannedAssignments: 1 });
    await eventually(() => api.engine.db.assignments.countDocuments({ campaignKey: key }), (n) => n === 1, { what: 'the assignment of the resumed launch' });
    expect((await api.engine.client.workflow.getHandle(key).describe()).status.name).toBe('RUNNING');
    // Once launched, the key is taken for good, even by the same definition.
    expect((await launch(definition(key))).status).toBe(409);
    expect((await api.call('GET', `/api/v1/campaigns/${key}`, { token: api.tokens.secretariat })).status).toBe(200);
  });

  it('finishes an interrupted launch from the definition it recorded, as the default campaign is at the next start', async () => {
    const key = 'mac-dinh-dang-do';
    const stalled = { workflow: { start: () => new Promise(() => undefined) } } as unknown as Client;
    // No launch date in the definition: the first attempt chose today, and the resumed launch keeps it.
    void launchCampaign({ db: api.engine.db, client: stalled, taskQueue: 'api-test' }, CampaignSchema.parse(definition(key)), { role: 'system', name: 'lần đầu' });
    await eventually(() => api.engine.db.campaigns.exists({ _id: key }), Boolean, { what: 'the key taken by the first attempt' });

    const deps = { db: api.engine.db, client: api.engine.client, taskQueue: 'api-test' };
    expect(await resumeInterruptedLaunch(deps, key, { role: 'system', name: 'khởi động lại' })).toBe(true);
    await eventually(() => api.engine.db.assignments.countDocuments({ campaignKey: key }), (n) => n === 1, { what: 'the resumed assignment' });
    expect(await api.engine.db.campaigns.findById(key).lean()).toMatchObject({ launchState: 'launched', launchDate: today });
    // Nothing left to finish: a second start does nothing.
    expect(await resumeInterruptedLaunch(deps, key, { role: 'system', name: 'khởi động lại' })).toBe(false);
  });

  it('lets a retry take over an Idempotency-Key left "in progress" by a request that died, once its lease has passed', async () => {
    const { db } = api.engine;
    const tokenId = hashToken(api.tokens.secretariat);
    const body = definition('sau-su-co-2');
    const fingerprint = requestFingerprint('POST', '/api/v1/campaigns', body);
    const longAgo = new Date(Date.now() - IDEMPOTENCY_LEASE_MS - 60_000);
    // What a request that died mid-way leaves: its record in progress, never finished.
    await db.idempotency.create({ _id: `${tokenId}:da-chet`, fingerprint, state: 'inProgress', createdAt: longAgo, leaseUntil: longAgo });
    await db.idempotency.create({ _id: `${tokenId}:dang-chay`, fingerprint, state: 'inProgress', createdAt: new Date(), leaseUntil: new Date(Date.now() + IDEMPOTENCY_LEASE_MS) });

    // A request still within its lease holds its key: a retry is told to wait, and nothing starts.
    const held = await launch(body, { 'Idempotency-Key': 'dang-chay' });
    expect(held.status).toBe(409);
    expect(held.body.type).toContain('idempotency-in-progress');
    expect(await db.campaigns.exists({ _id: body.key })).toBeNull();

    // The dead one's lease has passed: the retry runs, and its answer is kept for the next retry.
    const retried = await launch(body, { 'Idempotency-Key': 'da-chet' });
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    const replayed = await launch(body, { 'Idempotency-Key': 'da-chet' });
    expect(replayed.status).toBe(201);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.body).toEqual(retried.body);
  });

  it('forgets keys after their retention, and sweeps the expired records away (FerretDB removes nothing by itself)', async () => {
    const { db } = api.engine;
    const tokenId = hashToken(api.tokens.secretariat);
    const agency = { name: 'Sở Xây dựng', kind: 'department', groups: ['departments'] };
    const put = (key: string) => api.call('PUT', '/api/v1/agencies/SXD', { token: api.tokens.secretariat, json: agency, headers: { 'Idempotency-Key': key } });
    expect((await put('giu-lai')).status).toBe(200);
    const kept = (await db.idempotency.findById(`${tokenId}:giu-lai`).lean())!;
    expect(kept.expiresAt!.getTime()).toBeGreaterThan(Date.now() + IDEMPOTENCY_RETENTION_MS - 3600_000);

    const past = new Date(Date.now() - 60_000);
    const old = new Date(Date.now() - IDEMPOTENCY_RETENTION_MS - 60_000);
    const stored = { fingerprint: kept.fingerprint, state: 'done' as const, status: 200, contentType: 'application/json', body: '{"cu":true}' };
    await db.idempotency.create({ _id: `${tokenId}:het-han`, ...stored, createdAt: old, expiresAt: past });
    await db.idempotency.create({ _id: `${tokenId}:kieu-cu`, ...stored, createdAt: old }); // written before records had expiresAt
    await db.idempotency.create({ _id: `${tokenId}:bo-do`, fingerprint: kept.fingerprint, state: 'inProgress', createdAt: old, leaseUntil: old, expiresAt: past });

    // An expired key is a new request: it runs and is answered afresh, not from the stale record.
    const afresh = await put('het-han');
    expect(afresh.status).toBe(200);
    expect(afresh.headers.get('idempotent-replayed')).toBeNull();
    expect(afresh.body).toMatchObject({ code: 'SXD' });

    // FerretDB 1.24 refuses a TTL index: the sweep is what keeps the collection small here.
    expect(await declareIdempotencyExpiry(db.idempotency)).toBe('sweep only');
    const before = await db.idempotency.countDocuments();
    expect(await sweepExpiredIdempotencyRecords(db)).toBe(2);
    expect(await db.idempotency.countDocuments()).toBe(before - 2);
    expect(await db.idempotency.exists({ _id: `${tokenId}:kieu-cu` })).toBeNull();
    expect(await db.idempotency.exists({ _id: `${tokenId}:bo-do` })).toBeNull();
    expect(await db.idempotency.exists({ _id: `${tokenId}:giu-lai` })).not.toBeNull();
    expect(await db.idempotency.exists({ _id: `${tokenId}:het-han` })).not.toBeNull(); // the fresh answer
  });

  it('keeps no record of a refused request: it changed nothing, and a retry is judged afresh', async () => {
    const refused = await launch({ key: 'khong-hop-le' }, { 'Idempotency-Key': 'bi-tu-choi' });
    expect(refused.status).toBe(422);
    expect(await api.engine.db.idempotency.exists({ _id: `${hashToken(api.tokens.secretariat)}:bi-tu-choi` })).toBeNull();
  });
});
