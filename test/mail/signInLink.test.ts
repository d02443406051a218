/**
 * The sign-in email through the real outbox, FerretDB and Mailpit: it goes to the person who asked
 * and nobody else, carries a link under PORTAL_URL whose code matches the stored hash, and the
 * outbox forgets the code once sent. A link still unsent when it expires (SMTP down for 15
 * minutes) is not sent at all: it is marked failed, and the secretariat is not bothered.
 */
import type { Database } from '../../src/db/database';
import { openDatabase } from '../../src/db/database';
import { createSmtpTransport, type SmtpTransport } from '../../src/mail/smtpTransport';
import type { MailpitServer } from '../../src/stack/embeddedServices';
import type { FerretDbServer } from '../../src/stack/embeddedServices';
import { savePerson } from '../../src/services/people';
import { hashSecret } from '../../src/services/portalSessions';
import { findClaimable } from '../../src/outbox/outboxClaims';
import { requestSignIn } from '../../src/services/signIn';
import { MailpitApi } from '../helpers/mailpitApi';
import { startTestFerretDb, startTestMailpit, uniqueDatabaseName } from '../helpers/servers';
import { dispatchAll, PORTAL_URL } from './dispatchAll';
import { seedDirectory, testMailSettings } from './mailFixtures';

const HONG = 'hong.tt@stnmt.hcm.example';

describe('the sign-in email', () => {
  let ferret: FerretDbServer;
  let mailpit: MailpitServer;
  let db: Database;
  let smtp: SmtpTransport;

  beforeAll(async () => {
    [ferret, mailpit] = await Promise.all([startTestFerretDb(), startTestMailpit()]);
    db = await openDatabase(`${ferret.uri}${uniqueDatabaseName('sign-in-mail')}`);
    smtp = createSmtpTransport(mailpit.smtpUrl);
    await seedDirectory(db);
    await savePerson(db, { email: HONG, name: 'Trần Thị Hồng', role: 'agency', agencyCode: 'STNMT', active: true });
  });
  afterAll(async () => {
    smtp?.close();
    await db?.close();
    await Promise.all([ferret?.service.stop(), mailpit?.service.stop()]);
  });

  it('reaches the person alone with a working link, sends an expired one never, and keeps no code', async () => {
    await requestSignIn(db, { email: HONG, next: '/', now: Date.now() - 16 * 60_000 });
    await requestSignIn(db, { email: HONG, next: '/', now: Date.now() });
    await dispatchAll(db, smtp, testMailSettings());

    const entries = await db.outbox.find({ kind: 'signInLink' }).sort({ createdAt: 1 }).lean();
    expect(entries.map((e) => e.status)).toEqual(['failed', 'sent']);
    expect(entries[0]!.lastError).toContain('Liên kết đăng nhập đã hết hạn (15 phút) trước khi gửi được');
    expect(entries.every((e) => e.signInCode === undefined)).toBe(true);
    expect(await db.outbox.countDocuments({ kind: 'deliveryFailure' })).toBe(0);

    const messages = await new MailpitApi(mailpit.uiUrl).waitForMessages(1);
    expect(messages).toHaveLength(1);
    const message = await new MailpitApi(mailpit.uiUrl).message(messages[0]!.ID);
    expect(message.To.map((to) => to.Address)).toEqual([HONG]);
    expect(message.Cc ?? []).toEqual([]);
    expect(message.Subject).toBe('Liên kết đăng nhập hệ thống theo dõi nhiệm vụ');
    expect(message.Text).toContain('Kính gửi: Trần Thị Hồng');
    const code = message.Text.match(new RegExp(`${PORTAL_URL}/dang-nhap/xac-nhan\\?ma=([\\w-]+)`))?.[1];
    expect(code).toBeDefined();
    const stored = await db.signInCodes.find({ personEmail: HONG }).sort({ createdAt: 1 }).lean();
    expect(stored.map((doc) => doc._id)[1]).toBe(hashSecret(code!));
    expect(message.HTML).toContain(`${PORTAL_URL}/dang-nhap/xac-nhan?ma&#x3D;${code}`);
  });
});

describe('a sign-in link in a backlog', () => {
  let ferret: FerretDbServer;
  let db: Database;

  beforeAll(async () => {
    ferret = await startTestFerretDb();
    db = await openDatabase(`${ferret.uri}${uniqueDatabaseName('sign-in-backlog')}`);
  });
  afterAll(async () => {
    await db?.close();
    await ferret?.service.stop();
  });

  it('is delivered before the emails queued ahead of it (a launch queues hundreds at once)', async () => {
    const base = Date.now() - 60_000;
    const backlog = Array.from({ length: 150 }, (_, i) => ({
      _id: `cchc-2021.weeklyDigest.w${i}`,
      kind: 'weeklyDigest',
      campaignKey: 'cchc-2021',
      status: 'pending',
      attempts: 0,
      createdAt: new Date(base + i),
    }));
    await db.outbox.collection.insertMany(backlog as never[]);
    await requestSignIn(db, { email: 'khong-co-trong-danh-ba@stnmt.hcm.example', next: '/', now: Date.now() });
    await db.people.create({ _id: HONG, name: 'Trần Thị Hồng', role: 'agency', agencyCode: 'STNMT', active: true, updatedAt: new Date() });
    await requestSignIn(db, { email: HONG, next: '/', now: Date.now() });
    const claimable = await findClaimable(db, new Date(), 100);
    expect(claimable[0]).toMatchObject({ kind: 'signInLink', personEmail: HONG });
    expect(claimable.filter((entry) => entry.kind === 'signInLink')).toHaveLength(1);
    expect(claimable).toHaveLength(101);
  });
});
