/**
 * The authorisation matrix: every route x every role x own / coordinating / other agency. Allowed
 * cells get past authorisation (they are sent invalid bodies, so they change nothing and answer
 * 422 or 409); every forbidden cell is refused (401, 403, or 404 when the agency may not even know
 * the assignment exists). Nothing any refused request sent is recorded.
 */
import { launchTestCampaign, startApiHarness, type ApiHarness } from '../helpers/apiHarness';

type Who = 'secretariat' | 'committee' | 'own' | 'coordinator' | 'other';
const EVERYONE: Who[] = ['secretariat', 'committee', 'own', 'coordinator', 'other'];

interface Cell {
  route: string;
  method: string;
  path: string;
  json?: unknown;
  allowed: Who[];
  /** Who gets 404 instead of 403: the assignment is invisible to them. */
  hidden?: Who[];
}

const ID = 'cchc-mt.s1.t1.STNMT';
const NOTICE = `${ID}.assignmentNotice.launch`;
/** Not an email address: the secretariat's requests pass authorisation and stop at 422, changing nobody. */
const PERSON = 'khong-phai-email';

const CELLS: Cell[] = [
  { route: 'list campaigns', method: 'GET', path: '/api/v1/campaigns', allowed: EVERYONE },
  { route: 'launch', method: 'POST', path: '/api/v1/campaigns', json: { key: 'x' }, allowed: ['secretariat'] },
  { route: 'campaign', method: 'GET', path: '/api/v1/campaigns/cchc-mt', allowed: EVERYONE },
  { route: 'cancel campaign', method: 'POST', path: '/api/v1/campaigns/cchc-mt/cancel', json: { reason: '' }, allowed: ['secretariat'] },
  { route: 'list assignments', method: 'GET', path: '/api/v1/assignments', allowed: EVERYONE },
  { route: 'assignment', method: 'GET', path: `/api/v1/assignments/${ID}`, allowed: ['secretariat', 'committee', 'own', 'coordinator'], hidden: ['other'] },
  { route: 'import', method: 'POST', path: '/api/v1/campaigns/import', json: {}, allowed: ['secretariat'] },
  { route: 'mail settings', method: 'GET', path: '/api/v1/campaigns/cchc-mt/mail-settings', allowed: ['secretariat'] },
  { route: 'put mail settings', method: 'PUT', path: '/api/v1/campaigns/cchc-mt/mail-settings', json: { testMailbox: 'not-an-address' }, allowed: ['secretariat'] },
  // Allowed, then 409: nothing of STNMT is overdue yet.
  { route: 'overdue letter', method: 'GET', path: '/api/v1/campaigns/cchc-mt/agencies/STNMT/overdue-letter', allowed: ['secretariat'] },
  { route: 'outbox', method: 'GET', path: '/api/v1/outbox', allowed: ['secretariat'] },
  { route: 'outbox entry', method: 'GET', path: `/api/v1/outbox/${NOTICE}`, allowed: ['secretariat'] },
  // Allowed, then refused by state: the entry is pending (no dispatcher in this suite), 409.
  { route: 'retry email', method: 'POST', path: `/api/v1/outbox/${NOTICE}/retry`, allowed: ['secretariat'] },
  ...['acknowledge', 'reportProgress', 'submitResult', 'requestExtension'].map((action) => ({
    route: action,
    method: 'POST',
    path: `/api/v1/assignments/${ID}/${action}`,
    json: { unexpected: true },
    allowed: ['secretariat', 'own'] as Who[],
    hidden: ['other'] as Who[],
  })),
  // Secretariat-only: every agency is refused by its role (403) before anything is looked up.
  ...['accept', 'returnForRework', 'decideExtension', 'reassign', 'cancel'].map((action) => ({
    route: action,
    method: 'POST',
    path: `/api/v1/assignments/${ID}/${action}`,
    json: { unexpected: true },
    allowed: ['secretariat'] as Who[],
  })),
  // A coordinating agency's note: only the coordinator; the lead is refused, others cannot see it.
  {
    route: 'addCoordinationNote',
    method: 'POST',
    path: `/api/v1/assignments/${ID}/addCoordinationNote`,
    json: { unexpected: true },
    allowed: ['coordinator'],
    hidden: ['other'],
  },
  { route: 'agencies', method: 'GET', path: '/api/v1/agencies', allowed: EVERYONE },
  { route: 'agency', method: 'GET', path: '/api/v1/agencies/STNMT', allowed: EVERYONE },
  { route: 'put agency', method: 'PUT', path: '/api/v1/agencies/STNMT', json: { name: '' }, allowed: ['secretariat'] },
  { route: 'calendar', method: 'GET', path: '/api/v1/calendars/2026', allowed: EVERYONE },
  { route: 'put calendar', method: 'PUT', path: '/api/v1/calendars/2026', json: { daysOff: 'x' }, allowed: ['secretariat'] },
  { route: 'statistics', method: 'GET', path: '/api/v1/statistics?campaign=cchc-mt', allowed: ['secretariat', 'committee'] },
  { route: 'people', method: 'GET', path: '/api/v1/people', allowed: ['secretariat'] },
  { route: 'person', method: 'GET', path: `/api/v1/people/${PERSON}`, allowed: ['secretariat'] },
  { route: 'put person', method: 'PUT', path: `/api/v1/people/${PERSON}`, json: { name: '' }, allowed: ['secretariat'] },
  { route: 'deactivate person', method: 'POST', path: `/api/v1/people/${PERSON}/deactivate`, allowed: ['secretariat'] },
];

describe('authorisation matrix', () => {
  let api: ApiHarness;
  let tokenOf: Record<Who, string>;

  beforeAll(async () => {
    api = await startApiHarness();
    tokenOf = { secretariat: api.tokens.secretariat, committee: api.tokens.committee, own: api.tokens.STNMT, coordinator: api.tokens.SNV, other: api.tokens.SXD };
    await launchTestCampaign(api, {
      key: 'cchc-mt',
      title: 'Ma trận phân quyền',
      sections: [
        { number: 1, title: 'Giám đốc Sở TN&MT', addressees: { agencies: ['STNMT'] }, tasks: [{ title: 'Rà soát', coordinatingAgencies: ['SNV'] }] },
        { number: 2, title: 'Giám đốc Sở Xây dựng', addressees: { agencies: ['SXD'] }, tasks: [{ title: 'Rà soát' }] },
      ],
    });
    for (const code of ['STNMT', 'SXD']) {
      const contacts = [{ role: 'focalPoint', name: `Đầu mối ${code}`, email: `daumoi@${code.toLowerCase()}.hcm.example` }];
      await api.engine.db.agencies.updateOne({ _id: code }, { $set: { contacts } });
    }
  });
  afterAll(() => api?.stop());

  const cases = CELLS.flatMap((cell) => EVERYONE.map((who) => [cell.route, who, cell] as const));

  /** Everything a request could change: no cell of the matrix may change any of it. */
  async function snapshot(): Promise<string> {
    const { db } = api.engine;
    const [events, outbox, campaigns, agencies, calendars, idempotency, people] = await Promise.all([
      db.events.countDocuments(),
      db.outbox.find({}, { status: 1, nextAttemptAt: 1 }).sort({ _id: 1 }).lean(),
      db.campaigns.find().sort({ _id: 1 }).lean(),
      db.agencies.find().sort({ _id: 1 }).lean(),
      db.calendars.find().sort({ _id: 1 }).lean(),
      db.idempotency.countDocuments(),
      db.people.find().sort({ _id: 1 }).lean(),
    ]);
    return JSON.stringify({ events, outbox, campaigns, agencies, calendars, idempotency, people });
  }

  it('covers every route the API serves', async () => {
    const document = (await api.call('GET', '/api/v1/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const served = Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
    const template = (path: string) =>
      path
        .replace(/\?.*$/, '')
        .replace(`/outbox/${NOTICE}`, '/outbox/{id}')
        .replace(`/assignments/${ID}`, '/assignments/{id}')
        .replace(/\/campaigns\/cchc-mt/, '/campaigns/{key}')
        .replace(/\/agencies\/STNMT/, '/agencies/{code}')
        .replace(/\/calendars\/2026/, '/calendars/{year}')
        .replace(`/people/${PERSON}`, '/people/{email}');
    const listed = CELLS.map((cell) => `${cell.method} ${template(cell.path)}`);
    expect([...new Set(listed)].sort()).toEqual([...new Set(served)].sort());
  });

  it.each(cases)('%s as %s', async (_route, who, cell) => {
    const before = await snapshot();
    const response = await api.call(cell.method, cell.path, { token: tokenOf[who], json: cell.json });
    if (cell.allowed.includes(who)) {
      expect([401, 403, 404]).not.toContain(response.status);
      expect(response.status).toBeLessThan(500);
    } else if (cell.hidden?.includes(who)) {
      expect(response.status).toBe(404);
    } else {
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.detail).toMatch(/không được/);
    }
    expect(await snapshot()).toBe(before);
  });

  it.each(CELLS.map((cell) => [cell.route, cell] as const))('%s without a token, or with a wrong one, is 401', async (_route, cell) => {
    expect((await api.call(cell.method, cell.path, { json: cell.json })).status).toBe(401);
    const wrong = await api.call(cell.method, cell.path, { token: 'dek_not-a-real-token', json: cell.json });
    expect(wrong.status).toBe(401);
    expect(wrong.body.detail).toContain('Mã truy cập');
  });

  it("never shows an agency another agency's assignments in lists", async () => {
    const seen = await api.call('GET', '/api/v1/assignments?campaign=cchc-mt', { token: api.tokens.SXD });
    expect(seen.body.items.map((item: { id: string }) => item.id)).toEqual(['cchc-mt.s2.t1.SXD']);
    const coordinator = await api.call('GET', '/api/v1/assignments?campaign=cchc-mt', { token: api.tokens.SNV });
    expect(coordinator.body.items.map((item: { id: string }) => item.id)).toEqual([ID]);
    const byFilter = await api.call('GET', '/api/v1/assignments?agency=STNMT', { token: api.tokens.Q1 });
    expect(byFilter.body.items).toEqual([]);
  });

  describe('what an agency may read of campaigns and the directory (README, "Tokens and roles")', () => {
    const sectionsSeenBy = async (token: string) =>
      ((await api.call('GET', '/api/v1/campaigns/cchc-mt', { token })).body.definition.sections as { number: number }[]).map((section) => section.number);

    it('lists only the campaigns in which the agency leads or coordinates an assignment', async () => {
      const keys = async (token: string) => (await api.call('GET', '/api/v1/campaigns', { token })).body.items.map((item: { key: string }) => item.key);
      expect(await keys(api.tokens.STNMT)).toEqual(['cchc-mt']);
      expect(await keys(api.tokens.SNV)).toEqual(['cchc-mt']); // coordinates on section 1
      expect(await keys(api.tokens.Q1)).toEqual([]);
      expect(await keys(api.tokens.committee)).toEqual(['cchc-mt']);
      const missing = await api.call('GET', '/api/v1/campaigns/cchc-mt', { token: api.tokens.Q1 });
      expect(missing.status).toBe(404);
      expect(missing.body.detail).toBe('Không có kế hoạch cchc-mt.');
    });

    it("shows an agency only its own sections of a campaign's definition, and counts only what it may see", async () => {
      expect(await sectionsSeenBy(api.tokens.STNMT)).toEqual([1]);
      expect(await sectionsSeenBy(api.tokens.SNV)).toEqual([1]);
      expect(await sectionsSeenBy(api.tokens.SXD)).toEqual([2]);
      expect(await sectionsSeenBy(api.tokens.committee)).toEqual([1, 2]);
      expect(await sectionsSeenBy(api.tokens.secretariat)).toEqual([1, 2]);
      const seen = await api.call('GET', '/api/v1/campaigns/cchc-mt', { token: api.tokens.SXD });
      expect(Object.keys(seen.body.byAgency)).toEqual(['SXD']);
      expect(seen.body.plannedAssignments).toBeUndefined();
    });

    it("gives every role the agencies' names, but contact people only to the secretariat, the Committee and the agency itself", async () => {
      const contactsOf = async (token: string, code: string) => (await api.call('GET', `/api/v1/agencies/${code}`, { token })).body.contacts;
      expect(await contactsOf(api.tokens.SXD, 'STNMT')).toEqual([]);
      expect(await contactsOf(api.tokens.SXD, 'SXD')).toEqual([expect.objectContaining({ email: 'daumoi@sxd.hcm.example' })]);
      expect(await contactsOf(api.tokens.secretariat, 'STNMT')).toEqual([expect.objectContaining({ email: 'daumoi@stnmt.hcm.example' })]);
      expect(await contactsOf(api.tokens.committee, 'SXD')).toHaveLength(1);
      const list = await api.call('GET', '/api/v1/agencies', { token: api.tokens.STNMT });
      const byCode = Object.fromEntries(list.body.items.map((agency: { code: string; name: string; contacts: unknown[] }) => [agency.code, agency]));
      expect(byCode.SXD).toMatchObject({ name: 'Sở Xây dựng', contacts: [] });
      expect(byCode.STNMT.contacts).toHaveLength(1);
      expect(list.text).not.toContain('daumoi@sxd');
    });
  });
});
