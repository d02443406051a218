/**
 * Who hears of a decision, read back from a real Mailpit: the secretariat hears of an extension
 * request at once and of submitted results in one daily "chờ xử lý" email (or at once, when so
 * configured); the agency hears that its result was accepted. Each arrives once.
 */
import { createRecordAssignmentEvents } from '../../activities/recordAssignmentEvents';
import type { Database } from '../../src/db/database';
import { openDatabase } from '../../src/db/database';
import { stampEvents } from '../../src/domain/assignment/assignmentEvents';
import { notificationFor } from '../../src/domain/notification/notificationRequest';
import { createSmtpTransport, type SmtpTransport } from '../../src/mail/smtpTransport';
import { loadSecretariatNotices } from '../../src/outbox/mailSettings';
import { queuePendingDigest } from '../../src/outbox/pendingDigest';
import type { FerretDbServer, MailpitServer } from '../../src/stack/embeddedServices';
import { MailpitApi, type MailpitMessage } from '../helpers/mailpitApi';
import { startTestFerretDb, startTestMailpit, uniqueDatabaseName } from '../helpers/servers';
import { dispatchAll, PORTAL_URL } from './dispatchAll';
import { assigned, plan, record, SECRETARIAT, seedCampaign, seedDirectory, testCampaign, testMailSettings } from './mailFixtures';

const ACCEPTED = 'cchc-2021.s4.t1.STNMT';
const EXTENDED = 'cchc-2021.s4.t2.STNMT';
const WAITING = 'cchc-2021.s5.t1.Q1';
const URGENT = 'cchc-2021.s6.t1.SNV';
const agency = (code: string) => ({ role: 'agency' as const, agencyCode: code, name: code });
const secretariat = { role: 'secretariat' as const, name: 'Phòng CCHC' };
const addresses = (list: { Address: string }[] | null) => (list ?? []).map((a) => a.Address);
const result = { type: 'ResultSubmitted' as const, summary: 'Đã niêm yết đủ 100% thủ tục', evidenceLinks: ['https://q1.hcm.example/niem-yet'], kpiValues: [] };

describe('notices of what agencies hand in and what the secretariat decides', () => {
  let ferret: FerretDbServer;
  let mailpit: MailpitServer;
  let db: Database;
  let smtp: SmtpTransport;
  let messages: MailpitMessage[] = [];
  const notices = loadSecretariatNotices({});
  // Thursday 3/3/2022, 17:00 in Vietnam: after the day's 16:00 slot.
  const THURSDAY_EVENING = Date.parse('2022-03-03T10:00:00Z');

  beforeAll(async () => {
    [ferret, mailpit] = await Promise.all([startTestFerretDb(), startTestMailpit()]);
    db = await openDatabase(`${ferret.uri}${uniqueDatabaseName('notices')}`);
    smtp = createSmtpTransport(mailpit.smtpUrl);
    await seedDirectory(db);
    await seedCampaign(db, testCampaign());
    for (const id of [ACCEPTED, EXTENDED, WAITING]) await record(db, id, '2021-12-01T01:00:00.000Z', [assigned(plan(id))]);
    // Default rhythm: results go in the daily list, so submitting queues no email of its own...
    await record(db, ACCEPTED, '2022-02-01T02:00:00.000Z', [result], agency('STNMT'));
    await record(db, WAITING, '2022-03-02T02:00:00.000Z', [result], agency('Q1'));
    expect(await db.outbox.countDocuments({ kind: 'resultSubmitted' })).toBe(0);
    // ...an extension request is one email at once; the decision and the acceptance one each to the agency.
    await record(db, EXTENDED, '2022-02-03T02:00:00.000Z', [{ type: 'ExtensionRequested', requestedDeadline: '2022-03-31', reason: 'Chờ kết quả đo đạc' }], agency('STNMT'));
    await record(db, EXTENDED, '2022-02-04T02:00:00.000Z', [{ type: 'ExtensionDecided', granted: true, deadline: '2022-03-31' }], secretariat);
    await record(db, ACCEPTED, '2022-02-07T02:00:00.000Z', [{ type: 'Accepted', comment: 'Kết quả đạt yêu cầu' }], secretariat);
    // Configured `immediate`, a submitted result is its own email to the secretariat.
    await record(db, URGENT, '2021-12-01T01:00:00.000Z', [assigned(plan(URGENT))]);
    const [submitted] = stampEvents({ assignmentId: URGENT, campaignKey: 'cchc-2021', lastSeq: 1, at: '2022-03-01T02:00:00.000Z', actor: agency('SNV') }, [result]);
    await createRecordAssignmentEvents(db, { ...notices, resultSubmitted: 'immediate' })({ events: [submitted!], notifications: [notificationFor(submitted!, 'SNV')!] });

    // The daily list: not before 16:00, not on a Saturday; once on Thursday evening, however often looked for.
    expect(await queuePendingDigest(db, notices, Date.parse('2022-03-03T08:59:00Z'))).toBeUndefined();
    expect(await queuePendingDigest(db, notices, Date.parse('2022-03-05T10:00:00Z'))).toBeUndefined();
    expect(await queuePendingDigest(db, notices, THURSDAY_EVENING)).toBe('pendingDigest.2022-03-03');
    expect(await queuePendingDigest(db, notices, THURSDAY_EVENING + 60_000)).toBeUndefined();

    await dispatchAll(db, smtp, testMailSettings());
    // A second dispatcher over the same outbox sends nothing again.
    await dispatchAll(db, smtp, testMailSettings());
    const inbox = new MailpitApi(mailpit.uiUrl);
    const sent = await db.outbox.countDocuments({ status: 'sent' });
    messages = await Promise.all((await inbox.waitForMessages(sent)).map((m) => inbox.message(m.ID)));
  }, 180_000);

  afterAll(async () => {
    smtp?.close();
    await db?.close();
    await Promise.all([ferret?.service.stop(), mailpit?.service.stop()]);
  });

  const withSubject = (part: string) => messages.filter((m) => m.Subject.includes(part));

  it('tells the secretariat of an extension request at once, with the reason and the date asked', () => {
    const [request, ...more] = withSubject('Đề nghị gia hạn đến 31/03/2022');
    expect(more).toEqual([]);
    expect(addresses(request!.To)).toEqual([SECRETARIAT]);
    expect(request!.Text).toContain('"Chờ kết quả đo đạc"');
    expect(request!.Text).toContain(`${PORTAL_URL}/nhiem-vu/${EXTENDED}`);
  });

  it('tells the agency its result was accepted, on time, and its extension decided: each once, focal point and head', () => {
    const [accepted, ...more] = withSubject('Kết quả được chấp nhận');
    expect(more).toEqual([]);
    expect(accepted!.Subject).toContain(`[cchc-2021 | ${ACCEPTED}]`);
    expect(addresses(accepted!.To)).toEqual(['daumoi@stnmt.hcm.example']);
    expect(addresses(accepted!.Cc)).toEqual(['giamdoc@stnmt.hcm.example']);
    expect(accepted!.Text).toContain('hoàn thành đúng hạn');
    expect(accepted!.Text).toContain('Ý kiến của Ban Chỉ đạo: Kết quả đạt yêu cầu');
    expect(withSubject('Đồng ý gia hạn đến 31/03/2022')).toHaveLength(1);
  });

  it('lists the results still waiting in one daily "chờ xử lý" email, and sends a result at once when configured so', () => {
    const [daily, ...more] = withSubject('Việc chờ xử lý ngày 03/03/2022');
    expect(more).toEqual([]);
    expect(addresses(daily!.To)).toEqual([SECRETARIAT]);
    // The accepted one no longer waits; Q1's and SNV's do.
    expect(daily!.Text).toContain('Kết quả chờ thẩm định (2)');
    expect(daily!.Text).toContain(`${PORTAL_URL}/nhiem-vu/${WAITING}`);
    expect(daily!.Text).not.toContain(`${PORTAL_URL}/nhiem-vu/${ACCEPTED}`);
    const immediate = withSubject('Cơ quan gửi kết quả');
    expect(immediate.map((m) => m.Subject)).toEqual([`[cchc-2021 | ${URGENT}] Cơ quan gửi kết quả: Sở Nội vụ – Giảm tỷ lệ hồ sơ trễ hạn`]);
    expect(immediate[0]!.Text).toContain('kèm 1 minh chứng');
  });

  it('delivers every message once', () => {
    expect(new Set(messages.map((m) => m.MessageID)).size).toBe(messages.length);
    const kinds = messages.map((m) => m.Subject.replace(/^\[[^\]]*\] /, '').split(/[:–]/)[0]!.trim()).sort();
    expect(kinds).toEqual(
      [
        'Giao nhiệm vụ', 'Giao nhiệm vụ', 'Giao nhiệm vụ', 'Giao nhiệm vụ',
        'Cơ quan gửi kết quả', 'Kết quả được chấp nhận', 'Việc chờ xử lý ngày 03/03/2022', 'Đề nghị gia hạn đến 31/03/2022', 'Đồng ý gia hạn đến 31/03/2022',
      ].sort(),
    );
  });
});
