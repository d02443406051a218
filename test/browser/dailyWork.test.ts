/**
 * The portal in a real browser (Debian's Chromium, driven by playwright-core) against the real
 * engine: Temporal, FerretDB, Mailpit and the outbox dispatcher sending real email.
 *
 * 1. An agency person opens the link in their assignment email, signs in with the link Mailpit
 *    received, acknowledges, uploads a PDF as evidence and submits the result.
 * 2. The secretariat finds it in "Cần xử lý" and accepts it.
 * 3. The agency then sees it completed on time.
 * And: another agency gets 404 and cannot post; a form without the CSRF token is refused; a used
 * or expired sign-in link gets a clear page; a `<script>` title and a `javascript:` link never run.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { eventually, launchTestCampaign, startApiHarness, type ApiHarness } from '../helpers/apiHarness';
import { launchBrowser, newContext, saveScreenshot, screenshotBoth, watchDialogs } from '../helpers/browser';
import { MailpitApi } from '../helpers/mailpitApi';
import { signInAs } from '../helpers/portalSession';
import { samplePdf } from '../fixtures/evidenceFiles';
import { readEvidence } from '../../src/services/evidenceStore';
import { savePerson } from '../../src/services/people';

const AGENCY_EMAIL = 'chuyenvien@stnmt.example';
const ID = 'cds-2026.s1.t1.STNMT';
const SCRIPT_ID = 'cds-2026.s1.t2.STNMT';
const OTHER_ID = 'cds-2026.s2.t1.SXD';
const SCRIPT_TITLE = '<script>alert("tieu-de")</script> Rà soát thủ tục <img src=x onerror=alert(2)>';

describe('daily work in the portal, in a real browser', () => {
  let api: ApiHarness;
  let mailpit: MailpitApi;
  let browser: Browser;
  let dialogs: string[];
  let agency: BrowserContext;

  beforeAll(async () => {
    api = await startApiHarness({ outbox: { settings: { pollIntervalMs: 200 } } });
    mailpit = new MailpitApi(api.mailpit.uiUrl);
    // The agency's focal point: in the directory (emails) and among the people who may sign in.
    await api.engine.db.agencies.updateOne(
      { _id: 'STNMT' },
      { $set: { contacts: [{ role: 'focalPoint', name: 'Trần Thị Bình', email: AGENCY_EMAIL }, { role: 'head', name: 'Lê Văn Cường', email: 'giamdoc@stnmt.example' }] } },
    );
    await savePerson(api.engine.db, { email: AGENCY_EMAIL, name: 'Trần Thị Bình', role: 'agency', agencyCode: 'STNMT', active: true });
    await launchTestCampaign(api, {
      key: 'cds-2026',
      title: 'Kế hoạch chuyển đổi số năm 2026',
      sections: [
        {
          number: 1,
          title: 'Giám đốc Sở Tài nguyên và Môi trường',
          addressees: { agencies: ['STNMT'] },
          tasks: [{ title: 'Chuyển đổi số hồ sơ đất đai', coordinatingAgencies: ['SNV'] }, { title: SCRIPT_TITLE }],
        },
        { number: 2, title: 'Giám đốc Sở Xây dựng', addressees: { agencies: ['SXD'] }, tasks: [{ title: 'Số hóa giấy phép xây dựng' }] },
      ],
    });
    browser = await launchBrowser();
    agency = await newContext(browser);
    dialogs = watchDialogs(agency);
  });

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  const url = (path: string) => `${api.baseUrl}${path}`;

  /** The one link in an email's text that starts with `prefix`. */
  async function linkInEmail(to: string, subjectPart: string, prefix: string): Promise<string> {
    const summary = await eventually(
      async () => (await mailpit.messages()).find((m) => m.To.some((a) => a.Address === to) && m.Subject.includes(subjectPart)),
      Boolean,
      { what: `an email to ${to} about "${subjectPart}"` },
    );
    const message = await mailpit.message(summary!.ID);
    const link = message.Text.match(new RegExp(`${prefix.replace(/[.?]/g, '\\$&')}[^\\s)>"]+`))?.[0];
    if (!link) throw new Error(`no link starting ${prefix} in: ${message.Text}`);
    return link;
  }

  it('1. the agency signs in from its email, acknowledges, uploads a PDF and submits the result', async () => {
    const page = await agency.newPage();
    const assignmentLink = await linkInEmail(AGENCY_EMAIL, ID, `${api.baseUrl}/nhiem-vu/`);
    expect(assignmentLink).toBe(url(`/nhiem-vu/${ID}`));

    // Not signed in: the link leads through sign-in.
    await page.goto(assignmentLink);
    expect(new URL(page.url()).pathname).toBe('/dang-nhap');
    await saveScreenshot(page, 'dang-nhap');
    await page.getByLabel('Email').fill(AGENCY_EMAIL);
    await page.locator('main button[type=submit]').click();
    await page.waitForURL(/kiem-tra-email/);
    const signInLink = await linkInEmail(AGENCY_EMAIL, 'đăng nhập', `${api.baseUrl}/dang-nhap/xac-nhan?ma=`);
    await page.goto(signInLink);
    await page.locator('main button[type=submit]').click();
    await page.waitForURL(url(`/nhiem-vu/${ID}`));
    await expect(page.locator('h1').textContent()).resolves.toBe('Chuyển đổi số hồ sơ đất đai');

    await page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await page.waitForURL(/da-luu=tiep-nhan/);
    await expect(page.locator('[role=status]').first().textContent()).resolves.toContain('Đã tiếp nhận nhiệm vụ.');

    await page.getByLabel('Tóm tắt kết quả').fill('Đã số hóa 12.000 hồ sơ đất đai, đạt 100% kế hoạch.');
    await page.getByLabel('Tệp minh chứng').setInputFiles({ name: 'Báo cáo kết quả.pdf', mimeType: 'application/pdf', buffer: samplePdf('Bao cao so hoa') });
    await page.getByRole('button', { name: 'Gửi kết quả' }).click();
    await page.waitForURL(/da-luu=gui-ket-qua/);
    await expect(page.locator('main').textContent()).resolves.toContain('Báo cáo kết quả.pdf');
    await screenshotBoth(browser, agency, url(`/nhiem-vu/${ID}`), 'nhiem-vu-da-gui-ket-qua');

    // The file is in the database, intact, and recorded in the event.
    const submitted = await api.engine.db.events.findOne({ assignmentId: ID, type: 'ResultSubmitted' }).lean();
    const file = (submitted as unknown as { evidenceFiles: { id: string; name: string; sha256: string }[] }).evidenceFiles[0]!;
    expect(file.name).toBe('Báo cáo kết quả.pdf');
    expect((await readEvidence(api.engine.db, ID, file.id))?.intact).toBe(true);

    // It downloads as an attachment, never shown inline.
    const download = await page.request.get(url(`/nhiem-vu/${ID}/minh-chung/${file.id}`));
    expect(download.status()).toBe(200);
    expect(download.headers()['content-disposition']).toMatch(/^attachment;/);
    expect(download.headers()['x-content-type-options']).toBe('nosniff');
    expect((await download.body()).equals(samplePdf('Bao cao so hoa'))).toBe(true);
  });

  it('2. the secretariat sees it in "Cần xử lý" and accepts it', async () => {
    const session = await signInAs(api.engine, { email: 'thuongtruc@sonoivu.example', role: 'secretariat', name: 'Phạm Thu Hà' });
    const context = await newContext(browser);
    await context.addCookies([session.browserCookie]);
    const page = await context.newPage();
    await page.goto(url('/'));
    expect(new URL(page.url()).pathname).toBe('/can-xu-ly');
    await screenshotBoth(browser, context, url('/can-xu-ly'), 'can-xu-ly');
    const results = page.locator('section', { has: page.locator('#ket-qua') });
    await results.getByRole('link', { name: 'Chuyển đổi số hồ sơ đất đai' }).click();
    await page.waitForURL(url(`/nhiem-vu/${ID}`));
    await screenshotBoth(browser, context, url(`/nhiem-vu/${ID}`), 'nhiem-vu-ban-chi-dao');
    await page.getByRole('button', { name: 'Công nhận hoàn thành' }).click();
    await page.waitForURL(/da-luu=cong-nhan/);
    await page.goto(url('/can-xu-ly'));
    await expect(page.locator('#ket-qua').textContent()).resolves.toContain('(0)');
    await screenshotBoth(browser, context, url('/ke-hoach/cds-2026'), 'ke-hoach');
    await context.close();
  });

  it('3. the agency then sees it completed on time', async () => {
    const page = await agency.newPage();
    await page.goto(url('/nhiem-vu'));
    const onTime = page.locator('section', { has: page.locator('#nhom-completedOnTime') });
    await expect(onTime.getByRole('link', { name: 'Chuyển đổi số hồ sơ đất đai' }).count()).resolves.toBe(1);
    await expect(onTime.textContent()).resolves.toContain('Hoàn thành đúng hạn');
    await screenshotBoth(browser, agency, url('/nhiem-vu'), 'nhiem-vu-cua-co-quan');
  });

  it("gives another agency's page 404 and refuses its forms", async () => {
    const page = await agency.newPage();
    const response = await page.goto(url(`/nhiem-vu/${OTHER_ID}`));
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('Không tìm thấy trang');
    // Even with this session's own CSRF token, a post to another agency's assignment changes nothing.
    const token = await (await agency.newPage().then(async (p) => (await p.goto(url('/nhiem-vu')), p))).locator('input[name=_csrf]').first().inputValue();
    const before = await api.engine.db.events.countDocuments({ assignmentId: OTHER_ID });
    const post = await page.request.post(url(`/nhiem-vu/${OTHER_ID}/tiep-nhan`), { form: { _csrf: token } });
    expect(post.status()).toBe(404);
    expect(await api.engine.db.events.countDocuments({ assignmentId: OTHER_ID })).toBe(before);
  });

  it('refuses a form posted without the CSRF token, with a page in Vietnamese', async () => {
    const page = await agency.newPage();
    const before = await api.engine.db.events.countDocuments({ assignmentId: SCRIPT_ID });
    const post = await page.request.post(url(`/nhiem-vu/${SCRIPT_ID}/tiep-nhan`), { form: {} });
    expect(post.status()).toBe(403);
    expect(await post.text()).toMatch(/lang="vi"/);
    expect(await api.engine.db.events.countDocuments({ assignmentId: SCRIPT_ID })).toBe(before);
  });

  it('never runs a <script> title or a javascript: evidence link', async () => {
    const page = await agency.newPage();
    await page.goto(url(`/nhiem-vu/${SCRIPT_ID}`));
    await expect(page.locator('h1').textContent()).resolves.toBe(SCRIPT_TITLE);
    await page.getByLabel('Tóm tắt kết quả').fill('Đã rà soát');
    await page.getByLabel('Đường dẫn minh chứng (nếu có)').fill('javascript:alert("lien-ket")');
    await page.getByRole('button', { name: 'Gửi kết quả' }).click();
    // Refused on its field, with what was typed kept, and nothing recorded.
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('phải bắt đầu bằng http:// hoặc https://');
    await expect(page.getByLabel('Đường dẫn minh chứng (nếu có)').inputValue()).resolves.toBe('javascript:alert("lien-ket")');
    await saveScreenshot(page, 'loi-bieu-mau');
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    await page.goto(url('/nhiem-vu?q=ra+soat+thu+tuc'));
    await expect(page.locator('main').textContent()).resolves.toContain('<script>');
    expect(dialogs).toEqual([]);
    expect(await api.engine.db.events.countDocuments({ assignmentId: SCRIPT_ID, type: 'ResultSubmitted' })).toBe(0);
  });

  it('explains in Vietnamese a sign-in link already used', async () => {
    await savePerson(api.engine.db, { email: 'hai@stnmt.example', name: 'Đỗ Hải', role: 'agency', agencyCode: 'STNMT', active: true });
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(url('/dang-nhap'));
    await page.getByLabel('Email').fill('hai@stnmt.example');
    await page.locator('main button[type=submit]').click();
    await page.waitForURL(/kiem-tra-email/);
    const link = await linkInEmail('hai@stnmt.example', 'đăng nhập', `${api.baseUrl}/dang-nhap/xac-nhan?ma=`);
    await page.goto(link);
    await page.locator('main button[type=submit]').click();
    await page.waitForURL(url('/nhiem-vu'));
    const again = await (await newContext(browser)).newPage();
    const response = await again.goto(link);
    expect(response?.status()).toBe(410);
    await expect(again.locator('main').textContent()).resolves.toMatch(/đã được sử dụng/);
    await saveScreenshot(again, 'lien-ket-da-dung');
    await context.close();
  });
});

export type { Page };
