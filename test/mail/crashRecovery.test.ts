/**
 * Exactly once across crashes: dispatchers run as processes of their own and are killed with
 * SIGKILL at the worst moments, then started again, against a real FerretDB and a real Mailpit.
 *
 * - killed after claiming an email and before sending it: the lease expires, the next dispatcher
 *   takes the email over, and every email arrives exactly once;
 * - killed after the SMTP server accepted an email and before marking it sent (the one window of
 *   the guarantee): that email arrives a second time, with the same Message-ID, and no other does;
 * - killed between writing its claim and marking the entry: the claim is taken over after a lease;
 * - two dispatchers at once on one outbox: every email exactly once.
 */
import type { Database } from '../../src/db/database';
import { openDatabase } from '../../src/db/database';
import type { FerretDbServer, MailpitServer } from '../../src/stack/embeddedServices';
import { outboxClaimModel } from '../../src/outbox/outboxClaims';
import { eventually } from '../helpers/apiHarness';
import { MailpitApi, type MailpitSummary } from '../helpers/mailpitApi';
import { startTestFerretDb, startTestMailpit, uniqueDatabaseName } from '../helpers/servers';
import { unsettled } from './dispatchAll';
import { startDispatcherProcess, type DispatcherProcess } from './dispatcherProcess';
import { assigned, plan, record, seedCampaign, seedDirectory, testCampaign } from './mailFixtures';

describe('exactly once across dispatcher crashes', () => {
  let ferret: FerretDbServer;
  let mailpit: MailpitServer;
  let inbox: MailpitApi;
  const processes: DispatcherProcess[] = [];
  const databases: Database[] = [];

  beforeAll(async () => {
    [ferret, mailpit] = await Promise.all([startTestFerretDb(), startTestMailpit()]);
    inbox = new MailpitApi(mailpit.uiUrl);
  });
  afterAll(async () => {
    for (const p of processes) p.child.kill('SIGKILL');
    await Promise.all(databases.map((db) => db.close()));
    await Promise.all([ferret?.service.stop(), mailpit?.service.stop()]);
  });

  /** A fresh database with the directory and the campaign `key`. */
  async function freshDatabase(key: string): Promise<{ db: Database; uri: string }> {
    const uri = `${ferret.uri}${uniqueDatabaseName('crash')}`;
    const db = await openDatabase(uri);
    databases.push(db);
    await seedDirectory(db);
    await seedCampaign(db, testCampaign(key));
    return { db, uri };
  }

  /** Queues `count` assignment notices through the engine's activity; returns their outbox ids. */
  async function queueNotices(db: Database, key: string, count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 1; i <= count; i++) {
      const id = `${key}.s1.t${i}.${i % 2 ? 'STNMT' : 'Q1'}`;
      ids.push(...(await record(db, id, '2021-12-01T01:00:00.000Z', [assigned(plan(id, { title: `Nhiệm vụ số ${i}` }))])));
    }
    return ids;
  }

  async function outboxWith(key: string, count: number): Promise<{ db: Database; uri: string; ids: string[] }> {
    const { db, uri } = await freshDatabase(key);
    return { db, uri, ids: await queueNotices(db, key, count) };
  }

  const dispatcher = (uri: string, env: Record<string, string> = {}) => {
    const p = startDispatcherProcess({ MONGODB_URI: uri, SMTP_URL: mailpit.smtpUrl, ...env });
    processes.push(p);
    return p;
  };

  /** How many times each of the entries' Message-IDs reached Mailpit. */
  async function arrivals(db: Database, ids: string[]): Promise<Map<string, number>> {
    const entries = await db.outbox.find({ _id: { $in: ids } }).lean();
    const messages: MailpitSummary[] = await inbox.messages();
    return new Map(entries.map((e) => [e._id, messages.filter((m) => `<${m.MessageID}>` === e.messageId).length]));
  }

  it('a dispatcher killed between the claim and the send: restarted, it delivers every email exactly once', async () => {
    const { db, uri, ids } = await outboxWith('crash-claim', 5);
    const first = dispatcher(uri, { CRASH_AT: 'afterClaim', LEASE_MS: '2000' });
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const claimedId = /claimed (\S+)/.exec(first.output())![1]!;
    const abandoned = await db.outbox.findById(claimedId).lean();
    expect(abandoned).toMatchObject({ status: 'sending', attempts: 1 });
    expect(abandoned?.claimToken).toBeTruthy();

    const second = dispatcher(uri, { LEASE_MS: '2000' });
    await eventually(() => unsettled(db), (n) => n === 0, { timeoutMs: 60_000 });
    await second.stop();

    const counts = await arrivals(db, ids);
    expect([...counts.values()]).toEqual([1, 1, 1, 1, 1]);
    expect(await db.outbox.countDocuments({ _id: { $in: ids }, status: 'sent' })).toBe(5);
    // Taken over once its lease expired: a second claim of the same email, by the second process.
    expect(await db.outbox.findById(claimedId).lean()).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('a dispatcher killed after the SMTP server accepted an email, before marking it sent: that one email arrives twice, with one Message-ID', async () => {
    const { db, uri, ids } = await outboxWith('crash-send', 4);
    const first = dispatcher(uri, { CRASH_AT: 'afterSend', LEASE_MS: '2000' });
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const sentId = /sent (\S+)/.exec(first.output())![1]!;
    expect(await db.outbox.findById(sentId).lean()).toMatchObject({ status: 'sending' });

    const second = dispatcher(uri, { LEASE_MS: '2000' });
    await eventually(() => unsettled(db), (n) => n === 0, { timeoutMs: 60_000 });
    await second.stop();

    const counts = await arrivals(db, ids);
    for (const id of ids) expect([id, counts.get(id)]).toEqual([id, id === sentId ? 2 : 1]);
  });

  it('a dispatcher that died between writing its claim and marking the entry: the claim is taken over once its lease is over', async () => {
    const { db, uri, ids } = await outboxWith('crash-mark', 2);
    const [stuck] = ids as [string];
    // What such a death leaves: claim #1 written, the entry still pending with 0 attempts.
    await outboxClaimModel(db.connection).create({
      _id: `${stuck}#1`,
      entryId: stuck,
      attempt: 1,
      token: 'token-of-a-dead-process',
      claimedBy: 'dead-process',
      claimedAt: new Date(Date.now() - 10_000),
    });
    const p = dispatcher(uri, { LEASE_MS: '2000' });
    await eventually(() => unsettled(db), (n) => n === 0, { timeoutMs: 60_000 });
    await p.stop();
    expect(await db.outbox.findById(stuck).lean()).toMatchObject({ status: 'sent', attempts: 2 });
    expect([...(await arrivals(db, ids)).values()]).toEqual([1, 1]);
  });

  it('two dispatchers on one outbox: every email exactly once', async () => {
    const { db, uri } = await freshDatabase('crash-pair');
    const a = dispatcher(uri, { LEASE_MS: '60000', CLAIMED_BY: 'dispatcher-a' });
    const b = dispatcher(uri, { LEASE_MS: '60000', CLAIMED_BY: 'dispatcher-b' });
    await Promise.all([a.waitFor('ready'), b.waitFor('ready')]);
    // Queued while both poll: they race for the same entries.
    const ids = await queueNotices(db, 'crash-pair', 24);
    await eventually(() => unsettled(db), (n) => n === 0, { timeoutMs: 120_000 });
    await Promise.all([a.stop(), b.stop()]);

    const claims = await outboxClaimModel(db.connection).find({ entryId: { $in: ids } }).lean();
    expect(new Set(claims.map((c) => c.claimedBy))).toEqual(new Set(['dispatcher-a', 'dispatcher-b']));
    const counts = await arrivals(db, ids);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(counts.size).toBe(24);
  });
});
