/**
 * When the SMTP server is not there, or says no, against real servers:
 *
 * - Mailpit stopped while emails are queued: the dispatcher keeps them pending and retries with
 *   backoff; Mailpit started again on the same port: the backlog goes out, each email once;
 * - a server refusing an address for good (550): the email is marked failed with the server's
 *   words, is not retried, and the secretariat gets a notice; an email refused for some of its
 *   recipients still reaches the others, and the secretariat is told of the refused ones.
 */
import type { Database } from '../../src/db/database';
import { openDatabase } from '../../src/db/database';
import { logger } from '../../src/logger';
import { createSmtpTransport, type SmtpTransport } from '../../src/mail/smtpTransport';
import { startOutboxDispatcher, type OutboxDispatcher } from '../../src/outbox/outboxDispatcher';
import { startMailpit, type FerretDbServer, type MailpitServer } from '../../src/stack/embeddedServices';
import { freePorts } from '../../src/stack/ports';
import { eventually } from '../helpers/apiHarness';
import { MailpitApi } from '../helpers/mailpitApi';
import { startRejectingMailpit } from '../helpers/rejectingMailpit';
import { startTestFerretDb, uniqueDatabaseName } from '../helpers/servers';
import { freshDir } from '../helpers/testRoot';
import { dispatchAll, MAIL_FROM, unsettled } from './dispatchAll';
import { assigned, DIRECTORY, plan, record, SECRETARIAT, seedCampaign, seedDirectory, testCampaign, testMailSettings } from './mailFixtures';

const addresses = (list: { Address: string }[] | null) => (list ?? []).map((a) => a.Address);

describe('SMTP down, and addresses refused', () => {
  let ferret: FerretDbServer;
  const databases: Database[] = [];
  const closers: (() => Promise<unknown> | void)[] = [];

  beforeAll(async () => {
    ferret = await startTestFerretDb();
  });
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
    await Promise.all(databases.map((db) => db.close()));
    await ferret?.service.stop();
  });

  async function freshDatabase(key: string): Promise<Database> {
    const db = await openDatabase(`${ferret.uri}${uniqueDatabaseName('smtp')}`);
    databases.push(db);
    await seedDirectory(db, [
      ...DIRECTORY,
      {
        code: 'Q5',
        name: 'Ủy ban nhân dân Quận 5',
        kind: 'district',
        groups: ['districts'],
        contacts: [{ role: 'head', name: 'Hộp thư đã bị xóa', email: 'chutich@q5-cu.invalid' }],
      },
      {
        code: 'Q7',
        name: 'Ủy ban nhân dân Quận 7',
        kind: 'district',
        groups: ['districts'],
        contacts: [
          { role: 'head', name: 'Đỗ Minh Quân', email: 'chutich@q7.hcm.example' },
          { role: 'focalPoint', name: 'Địa chỉ cũ', email: 'daumoi@q7-cu.invalid' },
        ],
      },
    ]);
    await seedCampaign(db, testCampaign(key));
    return db;
  }

  it('keeps the backlog while SMTP is down and delivers it once, without duplicates, when it is back', async () => {
    const db = await freshDatabase('smtp-down');
    const dataDir = freshDir('mailpit-restart');
    const [smtpPort, uiPort] = (await freePorts(2)) as [number, number];
    const ports = { smtpPort, uiPort };
    let mailpit: MailpitServer = await startMailpit({ dataDir, ...ports });
    closers.push(() => mailpit.service.stop());
    const smtp: SmtpTransport = createSmtpTransport(mailpit.smtpUrl);
    closers.push(() => smtp.close());
    await mailpit.service.stop();

    const ids: string[] = [];
    for (let i = 1; i <= 6; i++) {
      const id = `smtp-down.s1.t${i}.STNMT`;
      ids.push(...(await record(db, id, '2021-12-01T01:00:00.000Z', [assigned(plan(id, { title: `Nhiệm vụ số ${i}` }))])));
    }
    const dispatcher: OutboxDispatcher = startOutboxDispatcher({
      db,
      smtp,
      logger: logger.child({ test: 'smtp-down' }),
      mailFrom: MAIL_FROM,
      settings: testMailSettings(),
    });
    closers.push(() => dispatcher.stop());
    // Tried, refused at the door, put back with a later attempt time: several rounds while down.
    const retried = await eventually(
      () => db.outbox.find({ _id: { $in: ids } }).lean(),
      (entries) => entries.some((e) => e.attempts >= 3),
      { timeoutMs: 60_000 },
    );
    expect(retried.every((e) => e.status === 'pending' || e.status === 'sending')).toBe(true);
    const tried = retried.find((e) => e.attempts >= 3)!;
    expect(tried.lastError).toMatch(/^Chưa gửi được, sẽ thử lại: .*ECONNREFUSED/);
    expect(tried.nextAttemptAt).toBeInstanceOf(Date);

    mailpit = await startMailpit({ dataDir, ...ports });
    await eventually(() => unsettled(db), (n) => n === 0, { timeoutMs: 60_000 });
    await dispatcher.stop();

    const entries = await db.outbox.find({ _id: { $in: ids } }).lean();
    expect(entries.map((e) => e.status)).toEqual(Array(6).fill('sent'));
    const messages = await new MailpitApi(mailpit.uiUrl).waitForMessages(6);
    expect(messages).toHaveLength(6);
    expect(messages.map((m) => `<${m.MessageID}>`).sort()).toEqual(entries.map((e) => e.messageId).sort());
  });

  it('marks an address refused for good as failed with the server’s reason, tells the secretariat, and does not retry it', async () => {
    const db = await freshDatabase('smtp-reject');
    // Everything on .example is accepted; the old .invalid mailboxes are refused (550).
    const mailpit = await startRejectingMailpit('\\.example$');
    closers.push(() => mailpit.service.stop());
    const smtp = createSmtpTransport(mailpit.smtpUrl);
    closers.push(() => smtp.close());
    const inbox = new MailpitApi(mailpit.uiUrl);

    const [q5] = await record(db, 'smtp-reject.s1.t1.Q5', '2021-12-01T01:00:00.000Z', [assigned(plan('smtp-reject.s1.t1.Q5'))]);
    const [q7] = await record(db, 'smtp-reject.s1.t1.Q7', '2021-12-01T01:00:00.000Z', [assigned(plan('smtp-reject.s1.t1.Q7'))]);
    await dispatchAll(db, smtp, testMailSettings());

    // Q5: its only address refused: failed, with the server's words, after one attempt.
    const failed = await db.outbox.findById(q5).lean();
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, failures: 1 });
    expect(failed?.lastError).toBe('Không gửi được: 550 5.1.0 Requested action not taken: mailbox unavailable');
    expect(failed?.rejectedRecipients).toEqual([
      { address: 'chutich@q5-cu.invalid', response: '550 5.1.0 Requested action not taken: mailbox unavailable' },
    ]);
    // Q7: delivered to the head; the refused focal point recorded.
    const partly = await db.outbox.findById(q7).lean();
    expect(partly).toMatchObject({ status: 'sent', rejectedRecipients: [{ address: 'daumoi@q7-cu.invalid', response: expect.stringContaining('550') }] });

    const messages = await inbox.waitForMessages(3);
    const bySubject = (text: string) => messages.filter((m) => m.Subject.includes(text));
    const [toQ7] = bySubject('smtp-reject.s1.t1.Q7] Giao nhiệm vụ');
    // The header names both; the server took it for the head only (recorded above).
    expect(addresses(toQ7!.To)).toEqual(['chutich@q7.hcm.example', 'daumoi@q7-cu.invalid']);

    const [q5Notice] = bySubject('Thư không gửi được: Thông báo giao nhiệm vụ – Ủy ban nhân dân Quận 5');
    expect(addresses(q5Notice!.To)).toEqual([SECRETARIAT]);
    expect(q5Notice!.Subject).toBe('[smtp-reject | smtp-reject.s1.t1.Q5] Thư không gửi được: Thông báo giao nhiệm vụ – Ủy ban nhân dân Quận 5');
    const q5Body = await inbox.message(q5Notice!.ID);
    expect(q5Body.Text).toContain('- chutich@q5-cu.invalid: 550 5.1.0 Requested action not taken: mailbox unavailable');
    expect(q5Body.Text).toContain('đã dừng gửi lại');

    const [q7Notice] = bySubject('Thư không gửi được: Thông báo giao nhiệm vụ – Ủy ban nhân dân Quận 7');
    const q7Body = await inbox.message(q7Notice!.ID);
    expect(q7Body.Text).toContain('đã được gửi tới những người nhận khác');
    expect(q7Body.Text).toContain('- daumoi@q7-cu.invalid: 550');
    expect(messages).toHaveLength(3);

    // No endless retry: more dispatcher rounds leave the failed email alone.
    await dispatchAll(db, smtp, testMailSettings());
    expect(await db.outbox.findById(q5).lean()).toMatchObject({ status: 'failed', attempts: 1 });
    expect(await inbox.messages()).toHaveLength(3);
  });
});
