/**
 * What the emails say, read back from a real Mailpit: an escalation tells exactly what was sent
 * before it (and that no reminder was, for a task launched with its deadline already past); the
 * directive is cited once, by kind, number, date and issuer, or by issuer and date while it has no
 * number, never with the importer's placeholder; every email ends with the secretariat's contact.
 */
import type { Database } from '../../src/db/database';
import { openDatabase } from '../../src/db/database';
import { createSmtpTransport, type SmtpTransport } from '../../src/mail/smtpTransport';
import type { FerretDbServer, MailpitServer } from '../../src/stack/embeddedServices';
import { MailpitApi, type MailpitMessage } from '../helpers/mailpitApi';
import { startTestFerretDb, startTestMailpit, uniqueDatabaseName } from '../helpers/servers';
import { dispatchAll } from './dispatchAll';
import { assigned, plan, record, seedCampaign, seedDirectory, testCampaign, testMailSettings } from './mailFixtures';

const LATE = 'cchc-2022.s4.t1.STNMT';
const USUAL = 'cchc-2022.s4.t2.STNMT';
const CONTACT = { name: 'Phòng Cải cách hành chính, Sở Nội vụ', phone: '028 3829 6040', email: 'phongcchc@sonoivu.example' };

describe('truthful text in the emails', () => {
  let ferret: FerretDbServer;
  let mailpit: MailpitServer;
  let db: Database;
  let smtp: SmtpTransport;
  const byId = new Map<string, MailpitMessage>();

  beforeAll(async () => {
    [ferret, mailpit] = await Promise.all([startTestFerretDb(), startTestMailpit()]);
    db = await openDatabase(`${ferret.uri}${uniqueDatabaseName('truthful')}`);
    smtp = createSmtpTransport(mailpit.smtpUrl);
    await seedDirectory(db);
    // An unnumbered directive, as the shipped 2021 campaign's still is.
    await seedCampaign(
      db,
      testCampaign('cchc-2022', {
        directive: { number: '(chưa ghi số - cần bổ sung)', date: '2021-11-15', issuer: 'Sở Nội vụ Thành phố Hồ Chí Minh', title: 'Triển khai thực hiện chuyển đổi số' },
      }),
    );
    // Launched on 25/2 with its deadline (10/2) already past: no reminder, no earlier rung; the Committee rung at once.
    await record(db, LATE, '2022-02-25T01:00:00.000Z', [{ ...assigned(plan(LATE)), launchDate: '2022-02-25' } as never]);
    await record(db, LATE, '2022-02-25T01:05:00.000Z', [
      { type: 'Escalated', alarmKey: 'escalation:2022-02-10:3', deadline: '2022-02-10', level: 'peoplesCommittee', step: 3, workingDaysOverdue: 11 },
    ]);
    // The usual way: two reminders, the head told, then the secretariat.
    await record(db, USUAL, '2021-12-01T01:00:00.000Z', [assigned(plan(USUAL, { title: 'Số hóa hồ sơ địa chính' }))]);
    await record(db, USUAL, '2022-02-07T01:00:00.000Z', [{ type: 'ReminderSent', alarmKey: 'reminder:2022-02-10:3', deadline: '2022-02-10', workingDaysLeft: 3 }]);
    await record(db, USUAL, '2022-02-10T01:00:00.000Z', [{ type: 'ReminderSent', alarmKey: 'reminder:2022-02-10:0', deadline: '2022-02-10', workingDaysLeft: 0 }]);
    await record(db, USUAL, '2022-02-11T01:00:00.000Z', [
      { type: 'Escalated', alarmKey: 'escalation:2022-02-10:1', deadline: '2022-02-10', level: 'agencyHead', step: 1, workingDaysOverdue: 1 },
    ]);
    await dispatchAll(db, smtp, testMailSettings({ contact: CONTACT }));
    // The secretariat's report comes after the others went out, as the alarms are days apart.
    await record(db, USUAL, '2022-02-16T01:00:00.000Z', [
      { type: 'Escalated', alarmKey: 'escalation:2022-02-10:2', deadline: '2022-02-10', level: 'secretariat', step: 2, workingDaysOverdue: 4 },
    ]);
    await dispatchAll(db, smtp, testMailSettings({ contact: CONTACT }));
    const sent = await db.outbox.find({ status: 'sent' }).lean();
    const inbox = new MailpitApi(mailpit.uiUrl);
    const messages = await inbox.waitForMessages(sent.length);
    for (const entry of sent) {
      const summary = messages.find((m) => `<${m.MessageID}>` === entry.messageId);
      if (summary) byId.set(entry._id, await inbox.message(summary.ID));
    }
  }, 180_000);

  afterAll(async () => {
    smtp?.close();
    await db?.close();
    await Promise.all([ferret?.service.stop(), mailpit?.service.stop()]);
  });

  const mail = (id: string) => {
    const found = byId.get(id);
    if (!found) throw new Error(`no message for ${id}; have ${[...byId.keys()].join(', ')}`);
    return found;
  };

  it('an escalation of a task launched past its deadline says no reminder and no earlier rung went out', () => {
    const text = mail(`${LATE}.escalationToCommittee.escalation:2022-02-10:3`).Text;
    expect(text).toContain('Thông báo giao nhiệm vụ: đã gửi');
    expect(text).toContain('Không có lần nhắc việc nào trước hạn: nhiệm vụ được giao ngày 25/02/2022, khi hạn xử lý (ngày 10/02/2022) đã đến hoặc đã qua.');
    expect(text).toContain('Chưa có thông báo quá hạn nào gửi Thủ trưởng cơ quan trước báo cáo này.');
    expect(text).toContain('Chưa có báo cáo quá hạn nào gửi Thường trực Ban Chỉ đạo trước báo cáo này.');
    expect(text).not.toMatch(/đã được nhắc việc|đã được thông báo/);
    // Its assignment notice promised no reminder either.
    expect(mail(`${LATE}.assignmentNotice.launch`).Text).not.toContain('Hệ thống sẽ nhắc việc trước hạn');
  });

  it('the secretariat’s report lists the reminders and the notice to the head that were sent', () => {
    const text = mail(`${USUAL}.escalationToSecretariat.escalation:2022-02-10:2`).Text;
    expect(text).toMatch(/- Nhắc việc khi còn 3 ngày làm việc \(hạn 10\/02\/2022\): đã gửi ngày \d\d\/\d\d\/\d{4}\./);
    expect(text).toMatch(/- Nhắc việc ngày hạn cuối \(hạn 10\/02\/2022\): đã gửi ngày/);
    expect(text).toMatch(/- Thông báo quá hạn 1 ngày làm việc gửi Thủ trưởng cơ quan: đã gửi ngày/);
    expect(text).not.toContain('Không có lần nhắc việc');
    expect(mail(`${USUAL}.assignmentNotice.launch`).Text).toContain('Hệ thống sẽ nhắc việc trước hạn');
  });

  it('cites an unnumbered directive by issuer and date, once, and no placeholder reaches any email', () => {
    expect(mail(`${USUAL}.assignmentNotice.launch`).Text).toContain(
      'Thực hiện văn bản ngày 15/11/2021 của Sở Nội vụ Thành phố Hồ Chí Minh về việc triển khai thực hiện chuyển đổi số, Ban Chỉ đạo',
    );
    expect(byId.size).toBeGreaterThanOrEqual(7);
    for (const [id, m] of byId) {
      expect({ id, text: /cần bổ sung|chưa ghi số|\(\(|Thực hiện Triển khai/.test(m.Text + m.HTML) }).toEqual({ id, text: false });
    }
  });

  it('every email ends with the secretariat’s contact: name, phone and email', () => {
    for (const [id, m] of byId) {
      const contact = m.Text.includes('Liên hệ: Phòng Cải cách hành chính, Sở Nội vụ, điện thoại 028 3829 6040, email phongcchc@sonoivu.example');
      expect({ id, contact, mailto: m.HTML.includes('href="mailto:phongcchc@sonoivu.example"') }).toEqual({ id, contact: true, mailto: true });
    }
  });
});
