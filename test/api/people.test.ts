/**
 * /api/v1/people over real HTTP: the secretariat lists, creates, updates and deactivates the people
 * who sign in to the portal; bad input is a 422 naming the field and changes nothing; other roles
 * get 403; deactivating ends the person's open portal sessions. On a new installation the people
 * come from the agencies' contacts and the shipped staff file.
 */
import { DEFAULT_PEOPLE_FILE, loadPeopleIfEmpty } from '../../src/services/defaultData';
import { startApiHarness, type ApiHarness } from '../helpers/apiHarness';
import { signInAs } from '../helpers/portalSession';
import { PortalBrowser } from '../portal/portalHttp';

describe('/api/v1/people', () => {
  let api: ApiHarness;
  const lan = encodeURIComponent('lan.nt@stnmt.hcm.example');

  beforeAll(async () => {
    api = await startApiHarness();
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('starts a new installation from the agencies’ contacts and the shipped staff', async () => {
    const { db } = api.engine;
    await db.agencies.updateOne(
      { _id: 'STNMT' },
      { $set: { contacts: [{ role: 'head', name: 'Giám đốc Sở TN&MT', email: 'GiamDoc@stnmt.hcm.example' }, { role: 'focalPoint', name: 'Đầu mối', email: 'cchc@stnmt.hcm.example' }] } },
    );
    const lines: string[] = [];
    expect(await loadPeopleIfEmpty(db, (line) => lines.push(line), DEFAULT_PEOPLE_FILE)).toBeGreaterThan(2);
    expect(lines.join('\n')).toContain('people-hcmc-2021.yaml');
    const list = await api.call('GET', '/api/v1/people', { token: api.tokens.secretariat });
    expect(list.status).toBe(200);
    const byEmail = new Map(list.body.items.map((p: { email: string }) => [p.email, p]));
    expect(byEmail.get('giamdoc@stnmt.hcm.example')).toMatchObject({ role: 'agency', agencyCode: 'STNMT', active: true });
    expect(byEmail.get('truongphong.cchc@snv.hcm.example')).toMatchObject({ role: 'secretariat', agencyCode: 'SNV' });
    // The harness's directory has no VPUB: its staff wait until it does.
    expect([...byEmail.keys()].some((email) => String(email).endsWith('@vpub.hcm.example'))).toBe(false);
    // A second start adds nothing (the secretariat's edits stay as they are).
    expect(await loadPeopleIfEmpty(db, () => undefined)).toBe(0);
    // A shipped secretariat person can sign in.
    const session = await signInAs(api.engine, { email: 'truongphong.cchc@snv.hcm.example' });
    expect((await new PortalBrowser(api.baseUrl, session.cookie).get('/')).location).toBe('/can-xu-ly');
  });

  it('creates, updates and reads a person; the email is the key, in lower case', async () => {
    const created = await api.call('PUT', `/api/v1/people/${encodeURIComponent('Lan.NT@STNMT.hcm.example')}`, {
      token: api.tokens.secretariat,
      json: { name: 'Nguyễn Thị Lan', title: 'Chuyên viên', role: 'agency', agencyCode: 'STNMT' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ email: 'lan.nt@stnmt.hcm.example', name: 'Nguyễn Thị Lan', title: 'Chuyên viên', role: 'agency', agencyCode: 'STNMT', active: true });
    const updated = await api.call('PUT', `/api/v1/people/${lan}`, {
      token: api.tokens.secretariat,
      json: { name: 'Nguyễn Thị Lan', role: 'agency', agencyCode: 'SXD' },
    });
    expect(updated.status).toBe(200);
    const read = await api.call('GET', `/api/v1/people/${lan}`, { token: api.tokens.secretariat });
    expect(read.body).toMatchObject({ agencyCode: 'SXD', active: true });
    const filtered = await api.call('GET', '/api/v1/people?agency=SXD&role=agency', { token: api.tokens.secretariat });
    expect(filtered.body.items.map((p: { email: string }) => p.email)).toEqual(['lan.nt@stnmt.hcm.example']);
  });

  it('refuses bad input with a 422 naming the field, and changes nothing', async () => {
    const before = await api.engine.db.people.countDocuments();
    const cases: [string, unknown, string][] = [
      [`/api/v1/people/${lan}`, { name: 'X', role: 'agency', agencyCode: 'KHONGCO' }, 'body.agencyCode'],
      [`/api/v1/people/${lan}`, { name: 'X', role: 'admin', agencyCode: 'STNMT' }, 'body.role'],
      [`/api/v1/people/${lan}`, { name: '', role: 'agency', agencyCode: 'STNMT' }, 'body.name'],
      ['/api/v1/people/khong-phai-email', { name: 'X', role: 'agency', agencyCode: 'STNMT' }, 'params.email'],
    ];
    for (const [path, json, field] of cases) {
      const response = await api.call('PUT', path, { token: api.tokens.secretariat, json });
      expect(response.status).toBe(422);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await api.engine.db.people.countDocuments()).toBe(before);
    expect((await api.call('GET', `/api/v1/people/${lan}`, { token: api.tokens.secretariat })).body.agencyCode).toBe('SXD');
  });

  it('is the secretariat’s alone', async () => {
    for (const token of [api.tokens.STNMT, api.tokens.committee]) {
      expect((await api.call('GET', '/api/v1/people', { token })).status).toBe(403);
      expect((await api.call('PUT', `/api/v1/people/${lan}`, { token, json: { name: 'X', role: 'secretariat', agencyCode: 'SNV' } })).status).toBe(403);
      expect((await api.call('POST', `/api/v1/people/${lan}/deactivate`, { token })).status).toBe(403);
    }
    expect((await api.call('GET', `/api/v1/people/${lan}`, { token: api.tokens.secretariat })).body).toMatchObject({ role: 'agency', active: true });
  });

  it('deactivates a person: their open sessions end and they cannot sign in again', async () => {
    const session = await signInAs(api.engine, { email: 'lan.nt@stnmt.hcm.example' });
    const browser = new PortalBrowser(api.baseUrl, session.cookie);
    expect((await browser.get('/')).location).toBe('/nhiem-vu');
    const response = await api.call('POST', `/api/v1/people/${lan}/deactivate`, { token: api.tokens.secretariat });
    expect(response.status).toBe(200);
    expect(response.body.active).toBe(false);
    expect((await browser.get('/')).location).toBe('/dang-nhap');
    await expect(signInAs(api.engine, { email: 'lan.nt@stnmt.hcm.example' })).rejects.toThrow(/unknown/);
    expect((await api.call('POST', '/api/v1/people/ai-do%40x.example/deactivate', { token: api.tokens.secretariat })).status).toBe(404);
  });

  it('is documented in the OpenAPI description', async () => {
    const doc = await api.call('GET', '/api/v1/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/people', '/api/v1/people/{email}', '/api/v1/people/{email}/deactivate']));
  });

  it('adds an agency’s new contacts as people when the secretariat saves the agency, leaving existing people as they are', async () => {
    const saved = await api.call('PUT', '/api/v1/agencies/SXD', {
      token: api.tokens.secretariat,
      json: {
        name: 'Sở Xây dựng',
        kind: 'department',
        groups: ['departments'],
        contacts: [
          { role: 'focalPoint', name: 'Đầu mối CCHC Sở Xây dựng', email: 'CCHC@sxd.hcm.example' },
          // Deactivated above: saving the agency does not let her back in.
          { role: 'head', name: 'Nguyễn Thị Lan', email: 'lan.nt@stnmt.hcm.example' },
        ],
      },
    });
    expect(saved.status).toBe(200);
    const added = await api.call('GET', '/api/v1/people/cchc%40sxd.hcm.example', { token: api.tokens.secretariat });
    expect(added.body).toMatchObject({ email: 'cchc@sxd.hcm.example', role: 'agency', agencyCode: 'SXD', active: true });
    expect((await api.call('GET', `/api/v1/people/${lan}`, { token: api.tokens.secretariat })).body).toMatchObject({ active: false });
  });
});
