/**
 * Sign-in by one-time link, over real HTTP against the whole engine (Temporal, FerretDB, Mailpit):
 * the link read from Mailpit signs in and lands on `tiep`; the form answers the same for an
 * unknown email and sends nothing; a link works once and not after 15 minutes; sessions end after
 * the idle timeout and the absolute lifetime; the sign-in form itself needs its CSRF token.
 * Time is moved with the portal's injectable clock, never waited for.
 */
import { savePerson } from '../../src/services/people';
import { hashSecret } from '../../src/services/portalSessions';
import { launchTestCampaign, startApiHarness, type ApiHarness } from '../helpers/apiHarness';
import { eventually } from '../helpers/eventually';
import { MailpitApi } from '../helpers/mailpitApi';
import { signInAs } from '../helpers/portalSession';
import { csrfOf, inputValue, PortalBrowser, type PortalResponse } from './portalHttp';

const MINUTE = 60_000;
const HONG = 'hong.tt@stnmt.hcm.example';
const TASK_PAGE = '/nhiem-vu/cchc-2021.s4.t2.STNMT';
const SIGN_IN_SUBJECT = 'Liên kết đăng nhập hệ thống theo dõi nhiệm vụ';

describe('sign-in by one-time link', () => {
  let api: ApiHarness;
  let inbox: MailpitApi;
  let offset = 0;
  const now = () => Date.now() + offset;

  beforeAll(async () => {
    api = await startApiHarness({
      outbox: { settings: { pollIntervalMs: 100, digest: null } },
      portal: { signInPerEmail: 1_000, signInPerAddress: 1_000 },
      portalClock: now,
    });
    inbox = new MailpitApi(api.mailpit.uiUrl);
    await savePerson(api.engine.db, { email: HONG, name: 'Trần Thị Hồng', title: 'Chuyên viên', role: 'agency', agencyCode: 'STNMT', active: true });
  });
  afterAll(async () => {
    await api?.stop();
  });
  beforeEach(() => {
    offset = 0;
  });

  /** Asks for a link as a browser does: opens the form (with `tiep`), posts the email. */
  async function askForLink(browser: PortalBrowser, email: string, tiep?: string): Promise<PortalResponse> {
    const form = await browser.get(tiep ? `/dang-nhap?tiep=${encodeURIComponent(tiep)}` : '/dang-nhap');
    expect(form.status).toBe(200);
    const fields: Record<string, string> = { _csrf: csrfOf(form.text)!, email };
    const next = inputValue(form.text, 'tiep');
    if (next) fields.tiep = next;
    return browser.post('/dang-nhap', fields);
  }

  /** The newest sign-in link Mailpit received for `email`, as a path of the portal. */
  async function linkFromMailpit(email: string, after: number): Promise<string> {
    const messages = await eventually(() => signInMailsTo(email), (list) => list.length > after, { timeoutMs: 30_000 });
    const message = await inbox.message(messages[0]!.ID);
    const link = message.Text.match(/https?:\/\/\S+\/dang-nhap\/xac-nhan\?ma=[\w-]+/)?.[0];
    expect(link).toBeDefined();
    expect(link!.startsWith(`${api.engine.portal.url}/dang-nhap/xac-nhan?ma=`)).toBe(true);
    return link!.slice(api.engine.portal.url.length);
  }

  /** The sign-in emails `email` received, newest first. */
  const signInMailsTo = async (email: string) =>
    (await inbox.messages()).filter((m) => m.Subject === SIGN_IN_SUBJECT && m.To.some((to) => to.Address === email));

  /** How many sign-in emails `email` has received, once every link asked for so far has arrived. */
  async function mailsTo(email: string): Promise<number> {
    await eventually(() => api.engine.db.outbox.countDocuments({ status: { $in: ['pending', 'sending'] } }), (n) => n === 0);
    const expected = await api.engine.db.outbox.countDocuments({ kind: 'signInLink', personEmail: email, status: 'sent' });
    return (await eventually(() => signInMailsTo(email), (list) => list.length === expected)).length;
  }

  async function confirm(browser: PortalBrowser, linkPath: string): Promise<PortalResponse> {
    const page = await browser.get(linkPath);
    if (page.status !== 200) return page;
    expect(page.text).toContain('Xác nhận đăng nhập');
    return browser.post('/dang-nhap/xac-nhan', { _csrf: csrfOf(page.text)!, ma: inputValue(page.text, 'ma')! });
  }

  it('signs in with the link read from Mailpit and lands on the page asked for', async () => {
    const before = await mailsTo(HONG);
    const browser = new PortalBrowser(api.baseUrl);
    const asked = await askForLink(browser, '  Hong.TT@STNMT.hcm.example ', TASK_PAGE);
    expect(asked.status).toBe(303);
    expect(asked.location).toBe('/dang-nhap/kiem-tra-email');
    expect((await browser.get(asked.location!)).text).toContain('Kiểm tra hộp thư của bạn');

    const linkPath = await linkFromMailpit(HONG, before);
    // Opening the link (as a mail scanner would) does not use it up: the button does.
    expect((await new PortalBrowser(api.baseUrl).get(linkPath)).status).toBe(200);
    const signedIn = await confirm(browser, linkPath);
    expect(signedIn.status).toBe(303);
    expect(signedIn.location).toBe(TASK_PAGE);
    expect((await browser.get('/')).location).toBe('/nhiem-vu');

    // Nothing in the database opens a session or uses the link by itself.
    const code = new URL(linkPath, 'http://x').searchParams.get('ma')!;
    expect(await api.engine.db.signInCodes.findById(code).lean()).toBeNull();
    expect(await api.engine.db.signInCodes.findById(hashSecret(code)).lean()).toMatchObject({ personEmail: HONG, usedAt: expect.any(Date) });
    const entry = await api.engine.db.outbox.findOne({ kind: 'signInLink', personEmail: HONG, status: 'sent' }).lean();
    expect(entry).not.toBeNull();
    expect(entry!.signInCode).toBeUndefined();
    const session = (await api.engine.db.portalSessions.find({ personEmail: HONG }).lean()).at(-1)!;
    expect(browser.cookies.get('phien')).not.toBe(session._id);
    expect(hashSecret(browser.cookies.get('phien')!)).toBe(session._id);
  });

  it('answers an unknown email exactly as a known one, and sends nothing', async () => {
    const known = await askForLink(new PortalBrowser(api.baseUrl), HONG);
    const codesBefore = await api.engine.db.signInCodes.countDocuments();
    const linksBefore = await api.engine.db.outbox.countDocuments({ kind: 'signInLink' });
    const unknown = await askForLink(new PortalBrowser(api.baseUrl), 'khong-co@stnmt.hcm.example');
    expect({ status: unknown.status, location: unknown.location, text: unknown.text }).toEqual({
      status: known.status,
      location: known.location,
      text: known.text,
    });
    expect(await api.engine.db.signInCodes.countDocuments()).toBe(codesBefore);
    expect(await api.engine.db.outbox.countDocuments({ kind: 'signInLink' })).toBe(linksBefore);
    expect(await api.engine.db.outbox.countDocuments({ personEmail: 'khong-co@stnmt.hcm.example' })).toBe(0);
  });

  it('shows an error summary linked to the field, keeping what was typed, for a malformed email', async () => {
    const browser = new PortalBrowser(api.baseUrl);
    const response = await askForLink(browser, 'hong<at>stnmt');
    expect(response.status).toBe(422);
    expect(response.text).toContain('Có lỗi cần sửa');
    expect(response.text).toContain('<a href="#email">Nhập địa chỉ email đúng dạng');
    expect(response.text).toContain('value="hong&lt;at>stnmt"');
    expect(response.text).toContain('aria-invalid="true"');
  });

  it('lets a link sign in once only, even when two confirmations race', async () => {
    const before = await mailsTo(HONG);
    await askForLink(new PortalBrowser(api.baseUrl), HONG, TASK_PAGE);
    const linkPath = await linkFromMailpit(HONG, before);
    const [a, b] = [new PortalBrowser(api.baseUrl), new PortalBrowser(api.baseUrl)];
    const [pageA, pageB] = await Promise.all([a.get(linkPath), b.get(linkPath)]);
    const code = inputValue(pageA.text, 'ma')!;
    const results = await Promise.all([
      a.post('/dang-nhap/xac-nhan', { _csrf: csrfOf(pageA.text)!, ma: code }),
      b.post('/dang-nhap/xac-nhan', { _csrf: csrfOf(pageB.text)!, ma: code }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([303, 410]);
    const refused = results.find((r) => r.status === 410)!;
    expect(refused.text).toContain('Liên kết đăng nhập đã được sử dụng');
    expect(refused.text).toContain(`href="/dang-nhap?tiep=${encodeURIComponent(TASK_PAGE)}"`);
    expect(await api.engine.db.portalSessions.countDocuments({ signInCodeId: hashSecret(code) })).toBe(1);
    // And later, from the email again: the same clear page.
    const again = await new PortalBrowser(api.baseUrl).get(linkPath);
    expect(again.status).toBe(410);
    expect(again.text).toContain('Yêu cầu liên kết mới');
  });

  it('accepts a link for 15 minutes and not after', async () => {
    const before = await mailsTo(HONG);
    await askForLink(new PortalBrowser(api.baseUrl), HONG);
    const first = await linkFromMailpit(HONG, before);
    await askForLink(new PortalBrowser(api.baseUrl), HONG);
    const second = await linkFromMailpit(HONG, before + 1);

    // The clock is set from when each code was made, however long the mail took to arrive.
    const madeAt = async (link: string) =>
      (await api.engine.db.signInCodes.findById(hashSecret(new URL(link, 'http://x').searchParams.get('ma')!)).lean())!.createdAt.getTime();
    offset = (await madeAt(first)) + 15 * MINUTE - 20_000 - Date.now();
    expect((await confirm(new PortalBrowser(api.baseUrl), first)).status).toBe(303);

    offset = (await madeAt(second)) + 15 * MINUTE - Date.now();
    const browser = new PortalBrowser(api.baseUrl);
    const expired = await browser.get(second);
    expect(expired.status).toBe(410);
    expect(expired.text).toContain('Liên kết đăng nhập đã hết hạn');
    expect(expired.text).toContain('15 phút');
    expect(expired.text).toContain('href="/dang-nhap"');
    // Posting the code anyway (a form opened before it expired) opens no session either.
    const visitor = await browser.get('/dang-nhap');
    const code = new URL(second, 'http://x').searchParams.get('ma')!;
    const posted = await browser.post('/dang-nhap/xac-nhan', { _csrf: csrfOf(visitor.text)!, ma: code });
    expect(posted.status).toBe(410);
    expect((await browser.get('/')).location).toBe('/dang-nhap');
    expect(await api.engine.db.portalSessions.countDocuments({ signInCodeId: hashSecret(code) })).toBe(0);
  });

  it('answers a made-up code with a clear page', async () => {
    const response = await new PortalBrowser(api.baseUrl).get('/dang-nhap/xac-nhan?ma=khong-phai-ma-that');
    expect(response.status).toBe(404);
    expect(response.text).toContain('Liên kết đăng nhập không đúng');
  });

  it('ends a session after the idle timeout, and activity keeps it going until then', async () => {
    const idle = api.engine.portal.sessionIdleMs;
    const session = await signInAs(api.engine, { email: HONG, now: now() });
    const browser = new PortalBrowser(api.baseUrl, session.cookie);
    for (let i = 1; i <= 3; i++) {
      offset = i * (idle - MINUTE);
      expect((await browser.get('/')).location).toBe('/nhiem-vu');
    }
    offset += idle + 1_000;
    expect((await browser.get('/')).location).toBe('/dang-nhap');
  });

  it('ends a session at its absolute lifetime, however active', async () => {
    const { sessionIdleMs: idle, sessionMaxMs: max } = api.engine.portal;
    const session = await signInAs(api.engine, { email: HONG, now: now() });
    const browser = new PortalBrowser(api.baseUrl, session.cookie);
    const step = idle - MINUTE;
    for (offset = step; offset < max; offset += step) {
      expect((await browser.get('/')).location).toBe('/nhiem-vu');
    }
    offset = max + 1_000;
    expect((await browser.get('/')).location).toBe('/dang-nhap');
  });

  it('refuses the sign-in form without its CSRF token, and sends nothing', async () => {
    const codesBefore = await api.engine.db.signInCodes.countDocuments();
    const browser = new PortalBrowser(api.baseUrl);
    const refused = await browser.post('/dang-nhap', { email: HONG });
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('Biểu mẫu đã hết hạn hoặc không hợp lệ');
    await browser.get('/dang-nhap');
    expect((await browser.post('/dang-nhap', { email: HONG, _csrf: 'doan-bua' })).status).toBe(403);
    expect(await api.engine.db.signInCodes.countDocuments()).toBe(codesBefore);
  });

  it('never sends anyone to another site after sign-in', async () => {
    const browser = new PortalBrowser(api.baseUrl);
    const form = await browser.get(`/dang-nhap?tiep=${encodeURIComponent('https://evil.example/x')}`);
    expect(inputValue(form.text, 'tiep')).toBeUndefined();
    const since = new Date(now());
    const posted = await browser.post('/dang-nhap', { _csrf: csrfOf(form.text)!, email: HONG, tiep: '//evil.example/x' });
    expect(posted.status).toBe(303);
    const code = await api.engine.db.signInCodes.findOne({ personEmail: HONG, createdAt: { $gte: since } }).lean();
    expect(code?.next).toBe('/');
    const session = await signInAs(api.engine, { email: HONG });
    const signedIn = new PortalBrowser(api.baseUrl, session.cookie);
    expect((await signedIn.get(`/dang-nhap?tiep=${encodeURIComponent('//evil.example')}`)).location).toBe('/');
    expect((await signedIn.get(`/dang-nhap?tiep=${encodeURIComponent(TASK_PAGE)}`)).location).toBe(TASK_PAGE);
  });

  it('lets a deactivated person in no more, and ends their sessions', async () => {
    const email = 'nghi-huu@stnmt.hcm.example';
    await savePerson(api.engine.db, { email, name: 'Người nghỉ hưu', role: 'agency', agencyCode: 'STNMT', active: true });
    const session = await signInAs(api.engine, { email });
    const browser = new PortalBrowser(api.baseUrl, session.cookie);
    expect((await browser.get('/')).location).toBe('/nhiem-vu');
    await savePerson(api.engine.db, { email, name: 'Người nghỉ hưu', role: 'agency', agencyCode: 'STNMT', active: false });
    expect((await browser.get('/')).location).toBe('/dang-nhap');
    const linksBefore = await api.engine.db.outbox.countDocuments({ personEmail: email });
    expect((await askForLink(new PortalBrowser(api.baseUrl), email)).location).toBe('/dang-nhap/kiem-tra-email');
    expect(await api.engine.db.outbox.countDocuments({ personEmail: email })).toBe(linksBefore);
  });

  it('takes a person without a session from the link in an assignment email, through sign-in, to that assignment', async () => {
    await api.engine.db.agencies.updateOne(
      { _id: 'STNMT' },
      { $set: { contacts: [{ role: 'focalPoint', name: 'Trần Thị Hồng', email: HONG }] } },
    );
    await launchTestCampaign(api, {
      key: 'dang-nhap-tu-thu',
      sections: [{ number: 1, title: 'Sở Tài nguyên và Môi trường', addressees: { agencies: ['STNMT'] }, tasks: [{ title: 'Công khai thủ tục đất đai' }] }],
    });
    const id = 'dang-nhap-tu-thu.s1.t1.STNMT';
    const notice = await eventually(
      async () => (await inbox.messages()).find((m) => m.Subject.includes(`[dang-nhap-tu-thu | ${id}]`)),
      (found) => found !== undefined,
    );
    const text = (await inbox.message(notice!.ID)).Text;
    const link = `${api.engine.portal.url}/nhiem-vu/${id}`;
    expect(text).toContain(`Mở nhiệm vụ trên hệ thống: ${link}`);

    const browser = new PortalBrowser(api.baseUrl);
    const opened = await browser.get(`/nhiem-vu/${id}`);
    expect(opened.status).toBe(303);
    expect(opened.location).toBe(`/dang-nhap?tiep=${encodeURIComponent(`/nhiem-vu/${id}`)}`);
    const before = await mailsTo(HONG);
    const asked = await askForLink(browser, HONG, `/nhiem-vu/${id}`);
    expect(asked.location).toBe('/dang-nhap/kiem-tra-email');
    const signedIn = await confirm(browser, await linkFromMailpit(HONG, before));
    expect(signedIn.location).toBe(`/nhiem-vu/${id}`);
    const page = await browser.get(signedIn.location!);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Công khai thủ tục đất đai');
  });
});
