/**
 * Each filter a list route documents does what it says, dates typed dd/mm/yyyy or ISO alike, and a
 * filter it does not have is refused (422) rather than ignored: "?status=resultSubmitted" used to
 * answer with every assignment.
 */
import { addDays } from '../../src/domain/time/localDate';
import { launchTestCampaign, startApiHarness, type ApiHarness } from '../helpers/apiHarness';

const KEY = 'loc-danh-sach';
const slash = (iso: string) => iso.split('-').reverse().join('/');

describe('list filters', () => {
  let api: ApiHarness;
  const ids = async (query: string): Promise<string[]> => {
    const response = await api.call('GET', `/api/v1/assignments?${query}`, { token: api.tokens.secretariat });
    expect([query, response.status]).toEqual([query, 200]);
    return response.body.items.map((item: { id: string }) => item.id);
  };
  let soonDeadline: string;

  beforeAll(async () => {
    api = await startApiHarness();
    await launchTestCampaign(api, {
      key: KEY,
      sections: [
        { number: 1, title: 'Các sở', addressees: { agencies: ['SNV', 'STNMT'] }, tasks: [{ title: 'Rà soát quy trình nội bộ' }] },
        { number: 2, title: 'Quận 1', addressees: { agencies: ['Q1'] }, tasks: [{ title: 'Niêm yết thủ tục hành chính', deadline: { kind: 'workingDaysAfterLaunch', workingDays: 5 } } as never] },
      ],
    });
    const q1 = await api.engine.db.assignments.findById(`${KEY}.s2.t1.Q1`).lean();
    soonDeadline = q1!.deadline;
  }, 180_000);
  afterAll(() => api?.stop());

  const ALL = [`${KEY}.s1.t1.SNV`, `${KEY}.s1.t1.STNMT`, `${KEY}.s2.t1.Q1`];

  it('filters assignments by campaign, section, agency, category and title', async () => {
    expect((await ids(`campaign=${KEY}`)).sort()).toEqual(ALL);
    expect(await ids('campaign=khong-co')).toEqual([]);
    expect(await ids(`campaign=${KEY}&section=2`)).toEqual([`${KEY}.s2.t1.Q1`]);
    expect(await ids(`campaign=${KEY}&agency=SNV`)).toEqual([`${KEY}.s1.t1.SNV`]);
    expect((await ids(`campaign=${KEY}&category=inProgressWithinDeadline`)).sort()).toEqual(ALL);
    expect(await ids(`campaign=${KEY}&category=overdue`)).toEqual([]);
    expect(await ids(`campaign=${KEY}&q=${encodeURIComponent('niêm yết')}`)).toEqual([`${KEY}.s2.t1.Q1`]);
  });

  it('filters by deadline with dates typed dd/mm/yyyy or ISO', async () => {
    expect(await ids(`campaign=${KEY}&dueBefore=${soonDeadline}`)).toEqual([`${KEY}.s2.t1.Q1`]);
    expect(await ids(`campaign=${KEY}&dueBefore=${encodeURIComponent(slash(soonDeadline))}`)).toEqual([`${KEY}.s2.t1.Q1`]);
    // Both bounds take their own day: due on or after the day after Quận 1's deadline.
    expect((await ids(`campaign=${KEY}&dueAfter=${encodeURIComponent(slash(soonDeadline))}`)).sort()).toEqual(ALL);
    expect((await ids(`campaign=${KEY}&dueAfter=${encodeURIComponent(slash(addDays(soonDeadline, 1)))}`)).sort()).toEqual(ALL.slice(0, 2));
  });

  it('sorts, and pages with limit and cursor without losing or repeating one', async () => {
    expect((await ids(`campaign=${KEY}&sort=deadline`))[0]).toBe(`${KEY}.s2.t1.Q1`);
    expect((await ids(`campaign=${KEY}&sort=-deadline`)).at(-1)).toBe(`${KEY}.s2.t1.Q1`);
    expect(await ids(`campaign=${KEY}&sort=id`)).toEqual(ALL);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.call('GET', `/api/v1/assignments?campaign=${KEY}&sort=id&limit=1${cursor ? `&cursor=${cursor}` : ''}`, { token: api.tokens.secretariat });
      expect(page.body.items).toHaveLength(1);
      seen.push(page.body.items[0].id);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ALL);
  });

  it('refuses a filter the list does not have, naming it and the ones it has', async () => {
    const response = await api.call('GET', `/api/v1/assignments?campaign=${KEY}&status=resultSubmitted`, { token: api.tokens.secretariat });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { field: 'query.status', message: expect.stringMatching(/^Tham số "status" không dùng được ở đây\. Tham số dùng được: campaign, section, agency, category/u) },
    ]);
  });

  it('filters the directory by group and the outbox by campaign, agency, assignment and kind', async () => {
    const districts = await api.call('GET', '/api/v1/agencies?group=districts', { token: api.tokens.secretariat });
    expect(districts.body.items.map((agency: { code: string }) => agency.code)).toEqual(['Q1']);
    const outbox = async (query: string) => (await api.call('GET', `/api/v1/outbox?${query}`, { token: api.tokens.secretariat })).body.items as { assignmentId: string; kind: string }[];
    const ofCampaign = await outbox(`campaign=${KEY}`);
    expect(ofCampaign.length).toBeGreaterThan(0);
    expect(await outbox('campaign=khong-co')).toEqual([]);
    const ofQ1 = await outbox('agency=Q1');
    expect(ofQ1.length).toBeGreaterThan(0);
    expect(ofQ1.every((entry) => entry.assignmentId === `${KEY}.s2.t1.Q1`)).toBe(true);
    expect((await outbox(`assignment=${KEY}.s1.t1.SNV`)).every((entry) => entry.assignmentId === `${KEY}.s1.t1.SNV`)).toBe(true);
    const kind = ofCampaign[0]!.kind;
    expect((await outbox(`campaign=${KEY}&kind=${kind}`)).every((entry) => entry.kind === kind)).toBe(true);
  });
});
