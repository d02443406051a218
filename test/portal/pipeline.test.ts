/**
 * The portal's request pipeline over real HTTP (real Temporal, FerretDB, Mailpit): the home page
 * sends each role to its start page, a person without a session to the sign-in, forms are refused
 * without the session's CSRF token and change nothing, sign-out ends the session, and the session
 * cookie has the flags that keep it out of scripts and cross-site posts.
 */
import { createServer, type Server } from 'node:http';
import { createApp } from '../../src/api/app';
import type { PortalSettings } from '../../src/config';
import { createHealthProbes } from '../../src/health/probes';
import { logger } from '../../src/logger';
import { startApiHarness, type ApiHarness } from '../helpers/apiHarness';
import { signInAs } from '../helpers/portalSession';
import { csrfOf, PortalBrowser } from './portalHttp';

describe('portal pipeline', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApiHarness();
    await api.engine.db.agencies.create({ _id: 'VPUB', name: 'Văn phòng UBND Thành phố', kind: 'office', groups: [], contacts: [], updatedAt: new Date() });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it.each([
    ['agency', 'STNMT', '/nhiem-vu'],
    ['secretariat', 'SNV', '/can-xu-ly'],
    ['committee', 'VPUB', '/ke-hoach'],
  ] as const)('sends a signed-in %s person from / to %s', async (role, agencyCode, home) => {
    const session = await signInAs(api.engine, { email: `${role}@${agencyCode.toLowerCase()}.hcm.example`, role, agencyCode, name: `Người ${role}` });
    const browser = new PortalBrowser(api.baseUrl, session.cookie);
    const response = await browser.get('/');
    expect(response.status).toBe(303);
    expect(response.location).toBe(home);
  });

  it('answers a path that does not exist with a Vietnamese page, and the API’s with problem+json', async () => {
    const page = await new PortalBrowser(api.baseUrl).get('/khong-co-trang-nay');
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('Không tìm thấy trang');
    const api404 = await api.call('GET', '/api/v1/khong-co', { token: api.tokens.secretariat });
    expect(api404.status).toBe(404);
    expect(api404.headers.get('content-type')).toContain('application/problem+json');
  });

  it('sends a person without a session to the sign-in page', async () => {
    const response = await new PortalBrowser(api.baseUrl).get('/');
    expect(response.status).toBe(303);
    expect(response.location).toBe('/dang-nhap');
    const page = await new PortalBrowser(api.baseUrl).get('/dang-nhap?tiep=%2Fnhiem-vu%2Fcchc-2021.s4.t2.STNMT');
    expect(page.status).toBe(200);
    expect(page.text).toContain('value="/nhiem-vu/cchc-2021.s4.t2.STNMT"');
    expect(page.text).toContain('Email công vụ');
  });

  it('sends a form posted after the session ended to the sign-in, then back to the page it came from', async () => {
    const posted = await new PortalBrowser(api.baseUrl).request('POST', '/nhiem-vu/cchc-2021.s4.t2.STNMT/tiep-nhan', {
      body: new URLSearchParams({ _csrf: 'cu' }).toString(),
      contentType: 'application/x-www-form-urlencoded',
      headers: { Referer: `${api.baseUrl}/nhiem-vu/cchc-2021.s4.t2.STNMT` },
    });
    expect(posted.status).toBe(303);
    expect(posted.location).toBe(`/dang-nhap?tiep=${encodeURIComponent('/nhiem-vu/cchc-2021.s4.t2.STNMT')}`);
    const elsewhere = await new PortalBrowser(api.baseUrl).request('POST', '/nhiem-vu/x/tiep-nhan', { headers: { Referer: 'https://evil.example/nhiem-vu/x' } });
    expect(elsewhere.location).toBe('/dang-nhap');
  });

  it('refuses a form without the CSRF token, or with another one, and changes nothing', async () => {
    const session = await signInAs(api.engine, { email: 'daumoi@stnmt.hcm.example', role: 'agency', agencyCode: 'STNMT' });
    const browser = new PortalBrowser(api.baseUrl, session.cookie);
    const other = await signInAs(api.engine, { email: 'khac@stnmt.hcm.example', role: 'agency', agencyCode: 'STNMT' });

    const attempts: Record<string, string>[] = [{}, { _csrf: 'x' }, { _csrf: other.csrfToken }];
    for (const fields of attempts) {
      const refused = await browser.post('/dang-xuat', fields);
      expect(refused.status).toBe(403);
      expect(refused.text).toContain('Biểu mẫu đã hết hạn hoặc không hợp lệ');
      expect(refused.text).toContain('Không có thay đổi nào được ghi nhận');
    }
    const refusedEmpty = await browser.request('POST', '/dang-xuat');
    expect(refusedEmpty.status).toBe(403);
    // Still signed in: the refused sign-outs changed nothing.
    expect((await browser.get('/')).location).toBe('/nhiem-vu');
  });

  it('signs out with the token: the session ends on the server, not only in the browser', async () => {
    const session = await signInAs(api.engine, { email: 'dangxuat@stnmt.hcm.example', role: 'agency', agencyCode: 'STNMT' });
    const browser = new PortalBrowser(api.baseUrl, session.cookie);
    const home = await browser.get('/');
    expect(home.location).toBe('/nhiem-vu');
    const out = await browser.post('/dang-xuat', { _csrf: session.csrfToken });
    expect(out.status).toBe(303);
    expect(out.location).toBe('/dang-nhap?da-dang-xuat=1');
    expect((await browser.get('/dang-nhap?da-dang-xuat=1')).text).toContain('Bạn đã đăng xuất.');
    // The old cookie, replayed, opens nothing.
    const replayed = await new PortalBrowser(api.baseUrl, session.cookie).get('/');
    expect(replayed.location).toBe('/dang-nhap');
  });

  it('sets the session cookie HttpOnly and SameSite=Lax, not Secure on http', async () => {
    const page = await new PortalBrowser(api.baseUrl).get('/dang-nhap');
    const cookie = page.setCookies.find((line) => line.startsWith('phien='));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).toMatch(/;\s*Path=\//i);
    expect(cookie).not.toMatch(/;\s*Secure/i);
    expect(csrfOf(page.text)).toMatch(/^[\w-]{40,}$/);
  });

  /** Another app on the same engine's database and Temporal, with other portal settings. */
  async function serveApp(portal: Partial<PortalSettings>): Promise<{ baseUrl: string; close(): Promise<void> }> {
    const app = createApp({
      db: api.engine.db,
      client: api.engine.client,
      taskQueue: 'api-test',
      logger,
      healthProbes: createHealthProbes({ temporal: api.engine.client.connection as never, mongo: api.engine.db.connection, smtp: api.engine.smtp }),
      portal: { ...api.engine.portal, ...portal },
    });
    const server: Server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    return { baseUrl: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  }

  it('sets it Secure (with the __Host- prefix) when PORTAL_URL is https', async () => {
    // As behind a TLS proxy.
    const served = await serveApp({ url: 'https://congviec.hcm.example' });
    try {
      const page = await new PortalBrowser(served.baseUrl).get('/dang-nhap');
      const cookie = page.setCookies.find((line) => line.startsWith('__Host-phien='));
      expect(cookie).toMatch(/;\s*Secure/i);
      expect(cookie).toMatch(/;\s*HttpOnly/i);
      expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    } finally {
      await served.close();
    }
  });

  /** Opens the sign-in form and posts `email` from it. */
  async function askForLink(baseUrl: string, email: string) {
    const browser = new PortalBrowser(baseUrl);
    const form = await browser.get('/dang-nhap');
    return browser.post('/dang-nhap', { _csrf: csrfOf(form.text)!, email });
  }

  it('limits sign-in requests per email: the next one gets a clear page and sends nothing', async () => {
    const served = await serveApp({ signInPerEmail: 3, signInPerAddress: 1_000 });
    try {
      for (let i = 0; i < 3; i++) expect((await askForLink(served.baseUrl, 'daumoi@stnmt.hcm.example')).status).toBe(303);
      const codes = await api.engine.db.signInCodes.countDocuments({ personEmail: 'daumoi@stnmt.hcm.example' });
      const limited = await askForLink(served.baseUrl, ' DauMoi@stnmt.hcm.example');
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('900');
      expect(limited.text).toContain('Bạn đã yêu cầu đăng nhập quá nhiều lần');
      expect(limited.text).toContain('Hãy đợi 15 phút rồi thử lại');
      expect(await api.engine.db.signInCodes.countDocuments({ personEmail: 'daumoi@stnmt.hcm.example' })).toBe(codes);
      // Another email is not held back by this one.
      expect((await askForLink(served.baseUrl, 'dangxuat@stnmt.hcm.example')).status).toBe(303);
    } finally {
      await served.close();
    }
  });

  it('limits sign-in requests per network address, whatever the emails', async () => {
    const served = await serveApp({ signInPerEmail: 1_000, signInPerAddress: 4 });
    try {
      for (let i = 0; i < 4; i++) expect((await askForLink(served.baseUrl, `nguoi${i}@stnmt.hcm.example`)).status).toBe(303);
      const limited = await askForLink(served.baseUrl, 'nguoi-khac@stnmt.hcm.example');
      expect(limited.status).toBe(429);
      expect(limited.text).toContain('Bạn đã yêu cầu đăng nhập quá nhiều lần');
    } finally {
      await served.close();
    }
  });

  it('parses files only for a signed-in person, refuses one over EVIDENCE_MAX_BYTES with a page, and changes nothing', async () => {
    const served = await serveApp({ evidenceMaxBytes: 1_000 });
    try {
      const session = await signInAs(api.engine, { email: 'tailen@stnmt.hcm.example', role: 'agency', agencyCode: 'STNMT' });
      const browser = new PortalBrowser(served.baseUrl, session.cookie);
      const form = (bytes: number) => {
        const data = new FormData();
        data.append('_csrf', session.csrfToken);
        data.append('files', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), 'bao-cao.pdf');
        return data;
      };
      const tooLarge = await browser.request('POST', '/dang-xuat', { body: form(1_001) });
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.text).toContain('Tệp quá lớn');
      expect(tooLarge.text).toContain('Mỗi tệp gửi lên được tối đa 1 KB.');
      // Nothing happened: still signed in.
      expect((await browser.get('/')).location).toBe('/nhiem-vu');
      // Without a session, a form with files is not even read.
      const anonymous = await new PortalBrowser(served.baseUrl).request('POST', '/dang-nhap', { body: form(10) });
      expect(anonymous.status).toBe(415);
      // Within the limit, the form goes through to its route (here: sign-out).
      const fits = await browser.request('POST', '/dang-xuat', { body: form(1_000) });
      expect(fits.status).toBe(303);
      expect((await browser.get('/')).location).toBe('/dang-nhap');
    } finally {
      await served.close();
    }
  });
});
