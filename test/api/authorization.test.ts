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

const CELLS: Cell[] = [
  { route: 'list campaigns', method: 'GET', path: '/api/v1/campaigns', allowed: EVERYONE },
  { route: 'launch', method: 'POST', path: '/api/v1/campaigns', json: { key: 'x' }, allowed: ['secretariat'] },
  { route: 'campaign', method: 'GET', path: '/api/v1/campaigns/cchc-mt', allowed: EVERYONE },
  { route: 'cancel campaign', method: 'POST', path: '/api/v1/campaigns/cchc-mt/cancel', json: { reason: '' }, allowed: ['secretariat'] },
  { route: 'list assignments', method: 'GET', path: '/api/v1/assignments', allowed: EVERYONE },
  { route: 'assignment', method: 'GET', path: `/api/v1/assignments/${ID}`, allowed: ['secretariat', 'committee', 'own', 'coordinator'], hidden: ['other'] },
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
  });
  afterAll(() => api?.stop());

  const cases = CELLS.flatMap((cell) => EVERYONE.map((who) => [cell.route, who, cell] as const));

  it.each(cases)('%s as %s', async (_route, who, cell) => {
    const eventsBefore = await api.engine.db.events.countDocuments();
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
    expect(await api.engine.db.events.countDocuments()).toBe(eventsBefore);
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
});
