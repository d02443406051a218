/**
 * The pure rules of delivery: who receives what (by role, with fallbacks), when the weekly digest
 * is due, which SMTP failures are permanent, and the backoff.
 */
import { latestDigestSlot } from '../../src/domain/notification/digestSchedule';
import { parseMailbox } from '../../src/domain/notification/mailbox';
import { recipientsFor } from '../../src/domain/notification/recipients';
import { classifySmtpFailure } from '../../src/mail/smtpFailure';
import { backoffDelay } from '../../src/outbox/backoff';
import { loadMailSettings } from '../../src/outbox/mailSettings';
import { DIRECTORY } from './mailFixtures';

const [STNMT, SNV, , Q3] = DIRECTORY as [(typeof DIRECTORY)[number], (typeof DIRECTORY)[number], unknown, (typeof DIRECTORY)[number]];
const secretariat = { address: 'tt@sonoivu.example' };
const committee = { address: 'vp@ubnd.example' };
const context = { lead: STNMT, coordinating: [SNV], secretariat, committee };
const to = (r: { to: { address: string }[]; cc: { address: string }[] }) => [r.to.map((m) => m.address), r.cc.map((m) => m.address)];

describe('recipients by role', () => {
  it('sends each kind to the roles decided', () => {
    expect(to(recipientsFor({ ...context, kind: 'assignmentNotice' }))).toEqual([
      ['giamdoc@stnmt.hcm.example', 'daumoi@stnmt.hcm.example'],
      ['daumoi@snv.hcm.example'],
    ]);
    expect(to(recipientsFor({ ...context, kind: 'reminder' }))).toEqual([['daumoi@stnmt.hcm.example'], []]);
    expect(to(recipientsFor({ ...context, kind: 'reminder', dueToday: true }))).toEqual([['daumoi@stnmt.hcm.example'], ['giamdoc@stnmt.hcm.example']]);
    expect(to(recipientsFor({ ...context, kind: 'overdueNotice' }))).toEqual([
      ['giamdoc@stnmt.hcm.example'],
      ['daumoi@stnmt.hcm.example', 'daumoi@snv.hcm.example'],
    ]);
    expect(to(recipientsFor({ ...context, kind: 'escalationToSecretariat' }))).toEqual([['tt@sonoivu.example'], ['giamdoc@stnmt.hcm.example']]);
    expect(to(recipientsFor({ ...context, kind: 'escalationToCommittee' }))).toEqual([
      ['vp@ubnd.example'],
      ['tt@sonoivu.example', 'giamdoc@stnmt.hcm.example'],
    ]);
    expect(to(recipientsFor({ ...context, kind: 'reworkNotice' }))).toEqual([['daumoi@stnmt.hcm.example'], ['giamdoc@stnmt.hcm.example']]);
    expect(to(recipientsFor({ ...context, kind: 'weeklyDigest' }))).toEqual([['tt@sonoivu.example'], []]);
  });

  it('falls back to the other role, and finds nobody for an agency without addresses', () => {
    const headOnly = { ...STNMT, contacts: STNMT.contacts.filter((c) => c.role === 'head') };
    expect(to(recipientsFor({ ...context, lead: headOnly, kind: 'reminder' }))).toEqual([['giamdoc@stnmt.hcm.example'], []]);
    expect(recipientsFor({ ...context, lead: Q3, kind: 'reminder' }).to).toEqual([]);
    // The same address is never in To and CC, nor twice.
    const same = { ...STNMT, contacts: [{ role: 'head' as const, name: 'A', email: 'a@x.example' }, { role: 'focalPoint' as const, name: 'A', email: 'A@x.example' }] };
    expect(to(recipientsFor({ ...context, lead: same, coordinating: [], kind: 'reworkNotice' }))).toEqual([['A@x.example'], []]);
  });

  it('reads configured addresses with or without a display name', () => {
    expect(parseMailbox('Văn phòng UBND Thành phố <vanphong@ubnd.example>')).toEqual({ name: 'Văn phòng UBND Thành phố', address: 'vanphong@ubnd.example' });
    expect(parseMailbox('tt@sonoivu.example')).toEqual({ address: 'tt@sonoivu.example' });
    expect(parseMailbox('không phải địa chỉ')).toBeUndefined();
  });

  it('ends every email with the secretariat contact from settings, the secretariat itself by default, with no made-up phone', () => {
    expect(loadMailSettings({}).contact).toEqual({ name: 'Thường trực Ban Chỉ đạo CCHC (Sở Nội vụ)', email: 'thuongtruc-cchc@sonoivu.example' });
    const set = { SECRETARIAT_CONTACT_NAME: 'Phòng CCHC, Sở Nội vụ', SECRETARIAT_CONTACT_PHONE: '028 3829 6040', SECRETARIAT_CONTACT_EMAIL: 'phongcchc@sonoivu.example' };
    expect(loadMailSettings(set).contact).toEqual({ name: 'Phòng CCHC, Sở Nội vụ', phone: '028 3829 6040', email: 'phongcchc@sonoivu.example' });
    expect(() => loadMailSettings({ SECRETARIAT_CONTACT_PHONE: 'gọi tôi' })).toThrow(/SECRETARIAT_CONTACT_PHONE/);
    expect(() => loadMailSettings({ SECRETARIAT_CONTACT_EMAIL: 'không phải địa chỉ' })).toThrow(/SECRETARIAT_CONTACT_EMAIL/);
  });
});

describe('weekly digest schedule', () => {
  const monday8 = { weekday: 1, time: '08:00' };
  it('is the latest Monday 08:00 (Vietnam) at or before now, named by its ISO week', () => {
    expect(latestDigestSlot(monday8, Date.parse('2022-02-28T01:00:00Z'))).toEqual({ date: '2022-02-28', instant: Date.parse('2022-02-28T01:00:00Z'), week: '2022-W09' });
    // 07:59 on Monday: still last week's.
    expect(latestDigestSlot(monday8, Date.parse('2022-02-28T00:59:00Z')).date).toBe('2022-02-21');
    // Sunday 23:00 UTC is already Monday 06:00 in Vietnam: still last week's.
    expect(latestDigestSlot(monday8, Date.parse('2022-02-27T23:00:00Z')).week).toBe('2022-W08');
    expect(latestDigestSlot({ weekday: 5, time: '16:30' }, Date.parse('2022-03-02T10:00:00Z')).date).toBe('2022-02-25');
    // ISO week-year: Monday 3/1/2022 is week 1 of 2022; Monday 27/12/2021 week 52 of 2021.
    expect(latestDigestSlot(monday8, Date.parse('2022-01-03T02:00:00Z')).week).toBe('2022-W01');
    expect(latestDigestSlot(monday8, Date.parse('2022-01-01T02:00:00Z')).week).toBe('2021-W52');
  });
});

describe('SMTP failures', () => {
  it('is permanent only for a 5xx refusal of the recipients or the message', () => {
    const rcpt = { code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 no such user', rejectedErrors: [{ recipient: 'x@y', response: '550 5.1.1 no such user' }] };
    expect(classifySmtpFailure(rcpt)).toEqual({ permanent: true, reason: '550 5.1.1 no such user', rejected: [{ address: 'x@y', response: '550 5.1.1 no such user' }] });
    expect(classifySmtpFailure({ code: 'EMESSAGE', responseCode: 554, response: '554 rejected' }).permanent).toBe(true);
    expect(classifySmtpFailure({ code: 'EENVELOPE', responseCode: 451, response: '451 try later', rejectedErrors: [{}] }).permanent).toBe(false);
    // Our own sender or login refused: configuration, retried.
    expect(classifySmtpFailure({ code: 'EENVELOPE', responseCode: 553, response: '553 sender not allowed' }).permanent).toBe(false);
    expect(classifySmtpFailure({ code: 'EAUTH', responseCode: 535, response: '535 bad credentials' }).permanent).toBe(false);
    expect(classifySmtpFailure({ code: 'ESOCKET', message: 'connect ECONNREFUSED' })).toMatchObject({ permanent: false, connection: true });
  });

  it('backs off exponentially up to a cap', () => {
    const policy = { baseMs: 1_000, maxMs: 60_000 };
    const middle = () => 0.5;
    expect([1, 2, 3, 4, 10].map((attempt) => backoffDelay(attempt, policy, middle))).toEqual([1_000, 2_000, 4_000, 8_000, 60_000]);
  });
});
