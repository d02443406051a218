/**
 * Every kind of email, end to end: a real campaign on the time-skipping server runs from launch
 * (1/12/2021) through reminders and the whole escalation ladder to 26/2/2022, with a rework and an
 * extension on the way; the outbox it fills is delivered through a real Mailpit, and each message
 * is read back through Mailpit's API: recipients by role, subject with the ids, Vietnamese body,
 * the formal letter attached, each email exactly once with its deterministic Message-ID.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Actor } from '../../src/domain/assignment/actor';
import type { AssignmentCommand } from '../../src/domain/assignment/assignmentCommands';
import { createSmtpTransport, type SmtpTransport } from '../../src/mail/smtpTransport';
import { writeCampaignMailSettings } from '../../src/outbox/campaignMailSettings';
import { queueWeeklyDigests } from '../../src/outbox/weeklyDigest';
import { launchCampaign } from '../../src/services/campaignService';
import type { MailpitServer } from '../../src/stack/embeddedServices';
import { applyCommandUpdate } from '../../workflows/assignment/assignmentMessages';
import { eventually } from '../helpers/apiHarness';
import { MailpitApi, type MailpitMessage } from '../helpers/mailpitApi';
import { startTestMailpit } from '../helpers/servers';
import { startWorkflowHarness, stopSharedFerretDb, type WorkflowHarness } from '../helpers/workflowHarness';
import { dispatchAll, PORTAL_URL } from './dispatchAll';
import { assigned, COMMITTEE, plan, record, SECRETARIAT, seedDirectory, testCampaign, testMailSettings } from './mailFixtures';

const SECRETARIAT_ACTOR: Actor = { role: 'secretariat', name: 'Phòng CCHC' };
const agencyActor = (code: string): Actor => ({ role: 'agency', agencyCode: code, name: code });
const T1 = 'cchc-2021.s4.t1.STNMT';
const T2 = 'cchc-2021.s4.t2.STNMT';
const Q1 = 'cchc-2021.s5.t1.Q1';
const Q3 = 'cchc-2021.s5.t1.Q3';
const OLDER = 'cchc-2020.s1.t1.STNMT';

const addresses = (list: { Address: string }[] | null) => (list ?? []).map((a) => a.Address);

describe('emails of every kind, through a real SMTP server', () => {
  let h: WorkflowHarness;
  let mailpit: MailpitServer;
  let smtp: SmtpTransport;
  let inbox: MailpitApi;
  const settings = testMailSettings();
  /** Delivered messages by outbox id. */
  const delivered = new Map<string, MailpitMessage>();

  beforeAll(async () => {
    [h, mailpit] = await Promise.all([startWorkflowHarness(new Date('2021-12-01T01:00:00Z'), 'mail-kinds'), startTestMailpit()]);
    smtp = createSmtpTransport(mailpit.smtpUrl);
    inbox = new MailpitApi(mailpit.uiUrl);
    await seedDirectory(h.db);

    await h.run(async () => {
      const act = (id: string, command: AssignmentCommand, actor: Actor) =>
        h.env.client.workflow.getHandle(id).executeUpdate(applyCommandUpdate, { args: [command, actor] });
      await launchCampaign({ db: h.db, client: h.env.client, taskQueue: h.taskQueue }, testCampaign(), SECRETARIAT_ACTOR);
      await eventually(() => h.db.assignments.countDocuments(), (n) => n === 4, { timeoutMs: 60_000 });
      // Q3 has no address in the directory; cancelled at once, so only its assignment notice fails.
      await act(Q3, { type: 'cancel', reason: 'Giao nhầm cơ quan' }, SECRETARIAT_ACTOR);
      // Q1: a result returned for rework, then accepted.
      await act(Q1, { type: 'submitResult', summary: 'Đã niêm yết', evidenceLinks: [], kpiValues: [] }, agencyActor('Q1'));
      await act(Q1, { type: 'returnForRework', comment: 'Thiếu ảnh chụp bảng niêm yết tại bộ phận một cửa' }, SECRETARIAT_ACTOR);
      await act(Q1, { type: 'submitResult', summary: 'Đã bổ sung ảnh', evidenceLinks: [], kpiValues: [] }, agencyActor('Q1'));
      await act(Q1, { type: 'accept' }, SECRETARIAT_ACTOR);
      // T2: an extension to 31/3, granted.
      await act(T2, { type: 'requestExtension', requestedDeadline: '2022-03-31', reason: 'Chờ kết quả đo đạc' }, agencyActor('STNMT'));
      await act(T2, { type: 'decideExtension', grant: true, comment: 'Đồng ý, đề nghị không gia hạn thêm' }, SECRETARIAT_ACTOR);
      // T1 runs through every reminder and the whole ladder: head 11/2, secretariat 16/2, Committee 25/2.
      const target = Date.parse('2022-02-26T00:00:00Z');
      await h.env.sleep(target - (await h.env.currentTimeMs()));
      await eventually(() => h.db.events.countDocuments({ assignmentId: T1, type: 'Escalated' }), (n) => n === 3);
    });
    // Another overdue assignment of the same agency (another campaign), for the Committee's list.
    await record(h.db, OLDER, '2021-01-05T01:00:00.000Z', [assigned(plan(OLDER, { title: 'Báo cáo chuyển đổi số' }), '2022-01-14')]);
    // The digest of the week of 28/2/2022 (Monday 08:00).
    expect(await queueWeeklyDigests(h.db, { weekday: 1, time: '08:00' }, Date.parse('2022-02-28T02:00:00Z'))).toEqual([
      'cchc-2021.weeklyDigest.2022-W09',
    ]);
    // Looking again (another minute, another dispatcher) queues nothing more.
    expect(await queueWeeklyDigests(h.db, { weekday: 1, time: '08:00' }, Date.parse('2022-03-01T09:00:00Z'))).toEqual([]);

    await dispatchAll(h.db, smtp, settings);
    const sent = await h.db.outbox.find({ status: 'sent' }).lean();
    const messages = await inbox.waitForMessages(sent.length);
    for (const entry of sent) {
      const summary = messages.find((m) => `<${m.MessageID}>` === entry.messageId);
      if (summary) delivered.set(entry._id, await inbox.message(summary.ID));
    }
  }, 300_000);

  afterAll(async () => {
    smtp?.close();
    await Promise.all([h?.stop(), mailpit?.service.stop()]);
    await stopSharedFerretDb();
  });

  const mail = (id: string): MailpitMessage => {
    const message = delivered.get(id);
    if (!message) throw new Error(`no delivered message for ${id}; have ${[...delivered.keys()].join(', ')}`);
    return message;
  };

  it('delivers each queued email exactly once, with the Message-ID derived from its outbox id', async () => {
    const entries = await h.db.outbox.find().lean();
    const messages = await inbox.messages();
    const sent = entries.filter((e) => e.status === 'sent');
    expect(messages).toHaveLength(sent.length);
    expect(new Set(messages.map((m) => m.MessageID)).size).toBe(messages.length);
    expect(sent.map((e) => e._id).sort()).toEqual([...delivered.keys()].sort());
    // 4 reminders, the 3 rungs, 4 notices (Q3's failed), rework, extension request and decision, acceptance, digest, the failure notice.
    const kinds = sent.map((e) => e.kind).sort();
    expect(kinds).toEqual(
      [
        'assignmentNotice', 'assignmentNotice', 'assignmentNotice', 'assignmentNotice',
        'deliveryFailure', 'escalationToCommittee', 'escalationToSecretariat', 'extensionDecision', 'overdueNotice',
        'reminder', 'reminder', 'reminder', 'reminder', 'reworkNotice', 'weeklyDigest',
        // Q1's acceptance told to Q1; T2's extension request told to the secretariat at once (results go in the daily list).
        'resultAccepted', 'extensionRequested',
      ].sort(),
    );
    expect(entries.filter((e) => e.status === 'failed').map((e) => e._id)).toEqual([`${Q3}.assignmentNotice.launch`]);
  });

  it('links every email about an assignment to its portal page, and the digest to the portal', async () => {
    const entries = await h.db.outbox.find({ status: 'sent' }).lean();
    expect(entries.length).toBeGreaterThan(10);
    for (const entry of entries) {
      const m = mail(entry._id);
      const link = entry.assignmentId ? `${PORTAL_URL}/nhiem-vu/${entry.assignmentId}` : `${PORTAL_URL}/`;
      expect({ id: entry._id, linked: m.Text.includes(link) && m.HTML.includes(`href="${link}"`) }).toEqual({ id: entry._id, linked: true });
    }
    expect(mail(`${T1}.assignmentNotice.launch`).Text).toContain(`Mở nhiệm vụ trên hệ thống: ${PORTAL_URL}/nhiem-vu/${T1}`);
    expect(mail('cchc-2021.weeklyDigest.2022-W09').Text).toContain(`Xem chi tiết trên hệ thống theo dõi nhiệm vụ: ${PORTAL_URL}/`);
  });

  it('assignment notice: head and focal point, coordinating agency in CC, the task and its targets', () => {
    const m = mail(`${T1}.assignmentNotice.launch`);
    expect(m.Subject).toBe(`[cchc-2021 | ${T1}] Giao nhiệm vụ: Giảm tỷ lệ hồ sơ trễ hạn (hạn 10/02/2022)`);
    expect(addresses(m.To)).toEqual(['giamdoc@stnmt.hcm.example', 'daumoi@stnmt.hcm.example']);
    expect(addresses(m.Cc)).toEqual(['daumoi@snv.hcm.example']);
    expect(m.From.Address).toBe('cchc@sonoivu.example');
    expect(m.Text).toContain('Kính gửi: Sở Tài nguyên và Môi trường');
    expect(m.Text).toContain('Thực hiện Kế hoạch số 1234/KH-UBND ngày 30/11/2021 của UBND Thành phố Hồ Chí Minh về cải cách hành chính năm 2021, ');
    expect(m.Text).toContain('- Tỷ lệ hồ sơ trễ hạn: dưới 1% (năm 2021)');
    expect(m.Text).toContain('Cơ quan phối hợp: Sở Nội vụ');
    expect(m.HTML).toContain('<strong>Giảm tỷ lệ hồ sơ trễ hạn</strong>');
    expect(m.HTML).toContain('trước 24 giờ 00 ngày 10/02/2022');
  });

  it('reminders: the focal point; on the deadline day the head in CC too', () => {
    const reminders = [...delivered.entries()].filter(([id]) => id.startsWith(`${T1}.reminder.`)).map(([, m]) => m);
    expect(reminders.map((m) => m.Subject).sort()).toEqual(
      [
        `[cchc-2021 | ${T1}] Nhắc việc: còn 7 ngày làm việc – Giảm tỷ lệ hồ sơ trễ hạn`,
        `[cchc-2021 | ${T1}] Nhắc việc: còn 3 ngày làm việc – Giảm tỷ lệ hồ sơ trễ hạn`,
        `[cchc-2021 | ${T1}] Nhắc việc: còn 1 ngày làm việc – Giảm tỷ lệ hồ sơ trễ hạn`,
        `[cchc-2021 | ${T1}] Nhắc việc: hôm nay là hạn cuối – Giảm tỷ lệ hồ sơ trễ hạn`,
      ].sort(),
    );
    const threeDays = reminders.find((m) => m.Subject.includes('còn 3 ngày'))!;
    expect(addresses(threeDays.To)).toEqual(['daumoi@stnmt.hcm.example']);
    expect(addresses(threeDays.Cc)).toEqual([]);
    expect(threeDays.Text).toContain('Nhiệm vụ dưới đây còn 3 ngày làm việc nữa là đến hạn (ngày 10/02/2022)');
    const dueToday = reminders.find((m) => m.Subject.includes('hôm nay'))!;
    expect(addresses(dueToday.To)).toEqual(['daumoi@stnmt.hcm.example']);
    expect(addresses(dueToday.Cc)).toEqual(['giamdoc@stnmt.hcm.example']);
    expect(dueToday.Text).toContain('Hôm nay, ngày 10/02/2022, là hạn cuối');
  });

  it('overdue notice: the agency head, focal points in CC', () => {
    const [, m] = [...delivered.entries()].find(([id]) => id.startsWith(`${T1}.overdueNotice.`))!;
    expect(m.Subject).toBe(`[cchc-2021 | ${T1}] Nhiệm vụ quá hạn 1 ngày làm việc – Giảm tỷ lệ hồ sơ trễ hạn`);
    expect(addresses(m.To)).toEqual(['giamdoc@stnmt.hcm.example']);
    expect(addresses(m.Cc)).toEqual(['daumoi@stnmt.hcm.example', 'daumoi@snv.hcm.example']);
    expect(m.Text).toContain('Kính gửi: Thủ trưởng Sở Tài nguyên và Môi trường');
    expect(m.Text).toContain('đã quá hạn 1 ngày làm việc (hạn ngày 10/02/2022)');
  });

  it('escalation to the secretariat: the secretariat, the head in CC', () => {
    const [, m] = [...delivered.entries()].find(([id]) => id.startsWith(`${T1}.escalationToSecretariat.`))!;
    expect(m.Subject).toBe(`[cchc-2021 | ${T1}] Báo cáo nhiệm vụ quá hạn 4 ngày làm việc – Sở Tài nguyên và Môi trường`);
    expect(addresses(m.To)).toEqual([SECRETARIAT]);
    expect(addresses(m.Cc)).toEqual(['giamdoc@stnmt.hcm.example']);
    expect(m.Text).toContain('Kính gửi: Thường trực Ban Chỉ đạo Cải cách hành chính Thành phố (Sở Nội vụ)');
  });

  it('escalation to the People’s Committee: every overdue assignment of the agency, and the formal letter as a PDF', async () => {
    const [id, m] = [...delivered.entries()].find(([key]) => key.startsWith(`${T1}.escalationToCommittee.`))!;
    expect(m.Subject).toBe(`[cchc-2021 | ${T1}] Báo cáo UBND Thành phố: Sở Tài nguyên và Môi trường có 2 nhiệm vụ quá hạn`);
    expect(addresses(m.To)).toEqual([COMMITTEE]);
    expect(addresses(m.Cc)).toEqual([SECRETARIAT, 'giamdoc@stnmt.hcm.example']);
    expect(m.Text).toContain('Kính gửi: Ủy ban nhân dân Thành phố Hồ Chí Minh');
    // 25/2: T1 (deadline 10/2) 11 working days over; the older one (14/1) 25 over, Tết (31/1-4/2) not counted.
    const older = `- Báo cáo chuyển đổi số (mã ${OLDER}): hạn 14/01/2022, quá hạn 25 ngày làm việc`;
    const current = `- Giảm tỷ lệ hồ sơ trễ hạn (mã ${T1}): hạn 10/02/2022, quá hạn 11 ngày làm việc`;
    expect(m.Text).toContain(older);
    expect(m.Text).toContain(current);
    // Most overdue first.
    expect(m.Text.indexOf(older)).toBeLessThan(m.Text.indexOf(current));
    expect(m.Attachments).toEqual([
      expect.objectContaining({ FileName: `van-ban-don-doc-${T1}.pdf`, ContentType: 'application/pdf' }),
    ]);
    expect(m.Attachments[0]!.Size).toBeGreaterThan(10_000);
    expect(id).toMatch(/escalationToCommittee/);
    // For a look by eye: MAIL_PREVIEW_DIR=/tmp npx jest test/mail/mailKinds writes the email and its letter there.
    const previewDir = process.env.MAIL_PREVIEW_DIR;
    if (previewDir) {
      fs.writeFileSync(path.join(previewDir, 'escalation.html'), m.HTML);
      fs.writeFileSync(path.join(previewDir, 'escalation.txt'), m.Text);
      const part = (m.Attachments[0] as { PartID?: string }).PartID;
      const pdf = await fetch(`${mailpit.uiUrl}/api/v1/message/${m.ID}/part/${part}`);
      fs.writeFileSync(path.join(previewDir, 'van-ban-don-doc.pdf'), Buffer.from(await pdf.arrayBuffer()));
    }
  });

  it('rework and extension decisions: the focal point, the head in CC', () => {
    const [, rework] = [...delivered.entries()].find(([id]) => id.startsWith(`${Q1}.reworkNotice.`))!;
    expect(rework.Subject).toBe(`[cchc-2021 | ${Q1}] Trả lại kết quả để hoàn thiện (lần 1) – Niêm yết thủ tục hành chính`);
    expect(addresses(rework.To)).toEqual(['daumoi@q1.hcm.example']);
    expect(addresses(rework.Cc)).toEqual(['chutich@q1.hcm.example']);
    expect(rework.Text).toContain('"Thiếu ảnh chụp bảng niêm yết tại bộ phận một cửa"');
    const [, extension] = [...delivered.entries()].find(([id]) => id.startsWith(`${T2}.extensionDecision.`))!;
    expect(extension.Subject).toBe(`[cchc-2021 | ${T2}] Đồng ý gia hạn đến 31/03/2022 – Số hóa hồ sơ địa chính`);
    expect(addresses(extension.To)).toEqual(['daumoi@stnmt.hcm.example']);
    expect(extension.Text).toContain('đồng ý gia hạn thực hiện nhiệm vụ dưới đây đến ngày 31/03/2022 (hạn trước đó: ngày 10/02/2022)');
    expect(extension.Text).toContain('Ý kiến của Ban Chỉ đạo: Đồng ý, đề nghị không gia hạn thêm');
  });

  it('weekly digest: the four categories and the overdue list, as of Monday 08:00', () => {
    const m = mail('cchc-2021.weeklyDigest.2022-W09');
    expect(m.Subject).toBe('[cchc-2021] Báo cáo tổng hợp tuần 09/2022: 1 nhiệm vụ quá hạn – Kế hoạch cải cách hành chính năm 2021');
    expect(addresses(m.To)).toEqual([SECRETARIAT]);
    expect(m.Text).toContain('tính đến 08:00 ngày 28/02/2022');
    expect(m.Text).toContain('- Hoàn thành đúng hạn: 1');
    expect(m.Text).toContain('- Hoàn thành quá hạn: 0');
    expect(m.Text).toContain('- Đang thực hiện trong hạn: 1');
    expect(m.Text).toContain('- Quá hạn chưa hoàn thành: 1');
    expect(m.Text).toContain('- Tổng số nhiệm vụ: 4 (trong đó 1 nhiệm vụ đã hủy');
    expect(m.Text).toContain(`- Sở Tài nguyên và Môi trường – Giảm tỷ lệ hồ sơ trễ hạn (mã ${T1}): hạn 10/02/2022, quá hạn 12 ngày làm việc`);
  });

  it('an agency with no address: the email is marked failed and the secretariat told', async () => {
    const failed = await h.db.outbox.findById(`${Q3}.assignmentNotice.launch`).lean();
    expect(failed).toMatchObject({ status: 'failed', failures: 1 });
    expect(failed?.lastError).toContain('Danh bạ chưa có địa chỉ email nào của Ủy ban nhân dân Quận 3 (Q3)');
    const m = mail(`${Q3}.assignmentNotice.launch.deliveryFailure.1`);
    expect(m.Subject).toBe(`[cchc-2021 | ${Q3}] Thư không gửi được: Thông báo giao nhiệm vụ – Ủy ban nhân dân Quận 3`);
    expect(addresses(m.To)).toEqual([SECRETARIAT]);
    expect(m.Text).toContain('Hệ thống không gửi được thư "Thông báo giao nhiệm vụ"');
  });

  it('the campaign switch sends everything to the test mailbox instead, saying who would have received it', async () => {
    expect(await writeCampaignMailSettings(h.db, 'cchc-2021', { testMailbox: 'Hộp thư thử nghiệm <thu-nghiem@sonoivu.example>' })).toBe(true);
    const id = 'cchc-2021.s9.t1.Q1';
    const [queued] = await record(h.db, id, '2022-03-01T01:00:00.000Z', [assigned(plan(id, { coordinatingAgencies: ['SNV'] }), '2022-03-31')]);
    await dispatchAll(h.db, smtp, settings);
    const entry = await h.db.outbox.findById(queued).lean();
    expect(entry).toMatchObject({ status: 'sent', redirectedTo: 'Hộp thư thử nghiệm <thu-nghiem@sonoivu.example>' });
    const summary = (await inbox.messages()).find((m) => `<${m.MessageID}>` === entry?.messageId)!;
    const m = await inbox.message(summary.ID);
    expect(addresses(m.To)).toEqual(['thu-nghiem@sonoivu.example']);
    expect(addresses(m.Cc)).toEqual([]);
    expect(m.Subject).toBe(`[THỬ NGHIỆM] [cchc-2021 | ${id}] Giao nhiệm vụ: Giảm tỷ lệ hồ sơ trễ hạn (hạn 31/03/2022)`);
    expect(m.Text).toContain('*** Lẽ ra gửi tới: Lê Đức Thanh <chutich@q1.hcm.example>, Phạm Thu Hà <daumoi@q1.hcm.example>');
    expect(m.Text).toContain('*** Đồng gửi (CC): Lê Văn Đức <daumoi@snv.hcm.example>');
    await writeCampaignMailSettings(h.db, 'cchc-2021', { testMailbox: null });
  });
});
