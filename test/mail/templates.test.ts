/**
 * Every template renders with its kind's data (strict placeholders: a misspelt one fails here),
 * in Vietnamese with diacritics, HTML-escaped where it must be, with the ids in the subject (the
 * formal letter has its own suite: formalLetter.test.ts).
 */
import { stampEvents, type AssignmentEvent, type AssignmentEventBody } from '../../src/domain/assignment/assignmentEvents';
import { foldEvents } from '../../src/domain/assignment/assignmentState';
import { emptyCounts } from '../../src/domain/assignment/assignmentSummary';
import { MAIL_KINDS, type MailKind } from '../../src/domain/notification/mailKinds';
import { buildAssignmentMailView } from '../../src/mail/assignmentMailView';
import { buildDigestMailView } from '../../src/mail/digestMailView';
import { buildFailureMailView } from '../../src/mail/failureMailView';
import { messageIdFor } from '../../src/mail/messageId';
import { renderMail } from '../../src/mail/renderMail';
import { TemplateStore } from '../../src/mail/templateStore';
import { assigned, DIRECTORY, plan, testCampaign } from './mailFixtures';

const ID = 'cchc-2021.s4.t1.STNMT';
const PORTAL = 'https://congviec.hcm.example';
const PAGE = `${PORTAL}/nhiem-vu/${ID}`;
const store = new TemplateStore();
const campaign = testCampaign();

function history(...bodies: AssignmentEventBody[]): AssignmentEvent[] {
  return stampEvents(
    { assignmentId: ID, campaignKey: 'cchc-2021', lastSeq: 0, at: '2022-02-25T01:00:00.000Z', actor: { role: 'system' } },
    [assigned(plan(ID, { coordinatingAgencies: ['SNV'], title: 'Giảm tỷ lệ hồ sơ <trễ hạn> & tồn đọng' })), ...bodies],
  );
}

function viewFor(kind: MailKind, events: AssignmentEvent[]) {
  const event = events.at(-1)!;
  return buildAssignmentMailView({
    kind,
    event,
    state: foldEvents(events)!,
    campaign,
    lead: DIRECTORY[0],
    coordinating: [{ code: 'SNV', name: 'Sở Nội vụ' }],
    overdueList: [
      { id: ID, campaignKey: 'cchc-2021', title: 'Giảm tỷ lệ hồ sơ trễ hạn', deadline: '10/02/2022', workingDaysOverdue: 11, status: 'Đang thực hiện' },
    ],
    portalUrl: PORTAL,
  });
}

const CASES: [MailKind, AssignmentEventBody[]][] = [
  ['assignmentNotice', []],
  ['reminder', [{ type: 'ReminderSent', alarmKey: 'reminder:2022-02-10:-3', deadline: '2022-02-10', workingDaysLeft: 3 }]],
  ['overdueNotice', [{ type: 'Escalated', alarmKey: 'e1', deadline: '2022-02-10', level: 'agencyHead', step: 1, workingDaysOverdue: 1 }]],
  ['escalationToSecretariat', [{ type: 'Escalated', alarmKey: 'e2', deadline: '2022-02-10', level: 'secretariat', step: 2, workingDaysOverdue: 4 }]],
  ['escalationToCommittee', [{ type: 'Escalated', alarmKey: 'e3', deadline: '2022-02-10', level: 'peoplesCommittee', step: 3, workingDaysOverdue: 11 }]],
  ['reworkNotice', [{ type: 'ResultSubmitted', summary: 'x', evidenceLinks: [], kpiValues: [] }, { type: 'Returned', comment: 'Thiếu số liệu quận 12' }]],
  ['extensionDecision', [{ type: 'ExtensionRequested', requestedDeadline: '2022-02-24', reason: 'Chờ số liệu' }, { type: 'ExtensionDecided', granted: true, deadline: '2022-02-24' }]],
  ['resultSubmitted', [{ type: 'ResultSubmitted', summary: 'Đã số hóa', evidenceLinks: ['https://x.example/a'], kpiValues: [] }]],
  ['extensionRequested', [{ type: 'ExtensionRequested', requestedDeadline: '2022-02-24', reason: 'Chờ số liệu' }]],
  ['resultAccepted', [{ type: 'ResultSubmitted', summary: 'x', evidenceLinks: [], kpiValues: [] }, { type: 'Accepted' }]],
];

describe('mail templates', () => {
  const contact = { name: 'Phòng Cải cách hành chính, Sở Nội vụ', phone: '028 3829 6040', email: 'cchc@sonoivu.example' };
  const extras = { testMode: null, reference: 'ref', contact };

  it.each(CASES)('renders %s with the ids in the subject, text and escaped HTML in Vietnamese, linking to its portal page', (kind, bodies) => {
    const mail = renderMail(store, kind, viewFor(kind, history(...bodies)), { campaignKey: 'cchc-2021', assignmentId: ID }, extras);
    expect(mail.subject.startsWith(`[cchc-2021 | ${ID}] `)).toBe(true);
    expect(mail.subject).not.toMatch(/undefined|\n/);
    for (const part of [mail.text, mail.html]) {
      expect(part).not.toContain('undefined');
      expect(part).toContain('Sở Tài nguyên và Môi trường');
      expect(part).toContain('Ban Chỉ đạo Cải cách hành chính Thành phố');
    }
    expect(mail.text).toContain('Giảm tỷ lệ hồ sơ <trễ hạn> & tồn đọng');
    expect(mail.html).toContain('Giảm tỷ lệ hồ sơ &lt;trễ hạn&gt; &amp; tồn đọng');
    expect(mail.html).toContain('<html lang="vi">');
    expect(mail.text).toContain(`Mở nhiệm vụ trên hệ thống: ${PAGE}`);
    expect(mail.html).toContain(`<a href="${PAGE}"`);
    // Whom to call or write to, at the end of every email.
    expect(mail.text).toContain('Liên hệ: Phòng Cải cách hành chính, Sở Nội vụ, điện thoại 028 3829 6040, email cchc@sonoivu.example');
    expect(mail.html).toContain('<a href="mailto:cchc@sonoivu.example">');
  });

  it('cites the directive by kind, number, date and issuer, once, and never prints a placeholder', () => {
    const cited = (directive: Partial<typeof campaign.directive>) => {
      const other = testCampaign('cchc-2021', { directive: { ...campaign.directive, ...directive } });
      const view = buildAssignmentMailView({ kind: 'assignmentNotice', event: history().at(-1)!, state: foldEvents(history())!, campaign: other, lead: DIRECTORY[0], coordinating: [], overdueList: [], portalUrl: PORTAL });
      return renderMail(store, 'assignmentNotice', view, { campaignKey: 'cchc-2021', assignmentId: ID }, extras).text;
    };
    const letter = cited({ number: '3210/UBND-ĐT', date: '2021-11-05', issuer: 'UBND Thành phố', title: 'Triển khai thực hiện chuyển đổi số' });
    expect(letter).toContain('Thực hiện Công văn số 3210/UBND-ĐT ngày 05/11/2021 của UBND Thành phố về việc triển khai thực hiện chuyển đổi số, Ban Chỉ đạo');
    expect(letter).not.toMatch(/Thực hiện Triển khai/);
    const plan = cited({});
    expect(plan).toContain('Thực hiện Kế hoạch số 1234/KH-UBND ngày 30/11/2021 của UBND Thành phố Hồ Chí Minh về cải cách hành chính năm 2021, Ban');
    expect(plan).toContain('Văn bản chỉ đạo: Kế hoạch số 1234/KH-UBND ngày 30/11/2021 của UBND Thành phố Hồ Chí Minh\n');
    // The shipped 2021 campaign's directive has no number yet: cited by issuer and date.
    const unnumbered = cited({ number: '(chưa ghi số - cần bổ sung)', date: '2021-11-15', issuer: 'Sở Nội vụ Thành phố Hồ Chí Minh', title: 'Phương hướng khắc phục những hạn chế' });
    expect(unnumbered).toContain('Thực hiện văn bản ngày 15/11/2021 của Sở Nội vụ Thành phố Hồ Chí Minh về việc phương hướng khắc phục những hạn chế, Ban');
    expect(unnumbered).not.toMatch(/cần bổ sung|chưa ghi số|\(\(/);
  });

  it('words each kind as the secretariat expects', () => {
    const text = (kind: MailKind, bodies: AssignmentEventBody[]) =>
      renderMail(store, kind, viewFor(kind, history(...bodies)), { campaignKey: 'cchc-2021', assignmentId: ID }, extras);
    expect(text('reminder', CASES[1]![1]).subject).toContain('Nhắc việc: còn 3 ngày làm việc');
    const dueToday = text('reminder', [{ type: 'ReminderSent', alarmKey: 'r0', deadline: '2022-02-10', workingDaysLeft: 0 }]);
    expect(dueToday.subject).toContain('hôm nay là hạn cuối');
    expect(text('overdueNotice', CASES[2]![1]).text).toContain('Kính gửi: Thủ trưởng Sở Tài nguyên và Môi trường');
    const committee = text('escalationToCommittee', CASES[4]![1]);
    expect(committee.text).toContain('quá hạn 11 ngày làm việc');
    expect(committee.text).toContain('Kính gửi: Ủy ban nhân dân Thành phố Hồ Chí Minh');
    expect(text('reworkNotice', CASES[5]![1]).text).toContain('"Thiếu số liệu quận 12"');
    const extension = text('extensionDecision', CASES[6]![1]);
    expect(extension.subject).toContain('Đồng ý gia hạn đến 24/02/2022');
    expect(extension.text).toContain('hạn trước đó: ngày 10/02/2022');
  });

  it('renders the digest and the failure notice, and marks a test-mailbox message', () => {
    const counts = { ...emptyCounts(), completedOnTime: 2, overdue: 1, total: 3 };
    const digest = renderMail(
      store,
      'weeklyDigest',
      buildDigestMailView({
        campaignKey: 'cchc-2021',
        campaign,
        week: '2022-W09',
        asOf: Date.parse('2022-02-28T01:00:00Z'),
        counts,
        overdue: [{ id: ID, title: 'Giảm tỷ lệ', agencyCode: 'STNMT', agencyName: 'Sở Tài nguyên và Môi trường', deadline: '10/02/2022', workingDaysOverdue: 12, status: 'Đang thực hiện' }],
        portalUrl: PORTAL,
      }),
      { campaignKey: 'cchc-2021' },
      { testMode: { intendedTo: 'a@b.example', intendedCc: '(không có)' }, reference: 'r', contact },
    );
    expect(digest.subject).toBe('[THỬ NGHIỆM] [cchc-2021] Báo cáo tổng hợp tuần 09/2022: 1 nhiệm vụ quá hạn – Kế hoạch cải cách hành chính năm 2021');
    expect(digest.text).toContain('- Hoàn thành đúng hạn: 2');
    expect(digest.text).toContain('tính đến 08:00 ngày 28/02/2022');
    expect(digest.text).toContain('Lẽ ra gửi tới: a@b.example');
    expect(digest.text).toContain(`Xem chi tiết trên hệ thống theo dõi nhiệm vụ: ${PORTAL}/`);
    expect(digest.html).toContain(`<a href="${PORTAL}/"`);
    const failure = renderMail(
      store,
      'deliveryFailure',
      buildFailureMailView({
        campaignKey: 'cchc-2021',
        campaign,
        failedEntryId: `${ID}.reminder.r1`,
        failedKind: 'reminder',
        assignmentId: ID,
        agency: { code: 'STNMT', name: 'Sở Tài nguyên và Môi trường' },
        refused: [{ address: 'x@y.invalid', response: '550 5.1.0 mailbox unavailable' }],
        reason: '550 5.1.0 mailbox unavailable',
        partlyDelivered: false,
        intended: { to: [{ address: 'x@y.invalid' }], cc: [] },
        at: Date.parse('2022-02-25T01:00:00Z'),
        portalUrl: PORTAL,
      }),
      { campaignKey: 'cchc-2021', assignmentId: ID },
      extras,
    );
    expect(failure.subject).toBe(`[cchc-2021 | ${ID}] Thư không gửi được: Nhắc việc – Sở Tài nguyên và Môi trường`);
    expect(failure.text).toContain('- x@y.invalid: 550 5.1.0 mailbox unavailable');
    expect(failure.text).toContain(`Xem nhiệm vụ trên hệ thống: ${PAGE}`);
  });

  it('renders the sign-in link without a campaign tag in the subject', () => {
    const link = `${PORTAL}/dang-nhap/xac-nhan?ma=abc_DEF-123`;
    const mail = renderMail(
      store,
      'signInLink',
      { kindLabel: 'Liên kết đăng nhập', person: { name: 'Trần Thị <Hồng>', email: 'hong@stnmt.hcm.example' }, validMinutes: 15, portal: { home: `${PORTAL}/`, assignment: null }, signInLink: link },
      {},
      extras,
    );
    expect(mail.subject).toBe('Liên kết đăng nhập hệ thống theo dõi nhiệm vụ');
    expect(mail.text).toContain(`\n${link}\n`);
    expect(mail.text).toContain('một lần, trong 15 phút');
    // Handlebars writes "=" as &#x3D; in attributes; a browser reads it back as "=".
    expect(mail.html.replace(/&#x3D;/g, '=')).toContain(`<a href="${link}"`);
    expect(mail.html).toContain('Trần Thị &lt;Hồng&gt;');
  });

  it('has both parts for every kind', () => {
    for (const kind of MAIL_KINDS) expect(() => store.load(kind)).not.toThrow();
  });

  it('gives an injective, valid Message-ID from the outbox id', () => {
    expect(messageIdFor('cchc-2021.s4.t1.STNMT.reminder.reminder:2022-02-10:-3', 'sonoivu.example')).toBe(
      '<cchc-2021.s4.t1.STNMT.reminder.reminder=3A2022-02-10=3A-3@sonoivu.example>',
    );
    expect(messageIdFor('a:b', 'x')).not.toBe(messageIdFor('a=3Ab', 'x'));
  });
});
