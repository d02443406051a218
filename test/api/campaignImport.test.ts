/**
 * POST /api/v1/campaigns/import: a directive's text in, a draft out; the official-letter fixture
 * (written for the tests) becomes a draft that launches through the normal path.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { AgencySchema } from '../../src/domain/agency/agency';
import { DEFAULT_AGENCIES_FILE } from '../../src/services/defaultData';
import { startApiHarness, type ApiHarness } from '../helpers/apiHarness';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../fixtures/directives', name), 'utf8');

describe('importing a directive through the API', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApiHarness();
    // The shipped directory, so the fixture's addressees can be matched.
    const agencies = z.array(AgencySchema).parse(YAML.parse(fs.readFileSync(DEFAULT_AGENCIES_FILE, 'utf8')));
    await api.engine.db.agencies.deleteMany({});
    await api.engine.db.agencies.insertMany(agencies.map(({ code, ...rest }) => ({ _id: code, ...rest, updatedAt: new Date() })));
  });
  afterAll(() => api?.stop());

  it('drafts a campaign from plain text, with a report, and the draft launches', async () => {
    const response = await api.call('POST', '/api/v1/campaigns/import?key=web-2022', {
      token: api.tokens.secretariat,
      body: fixture('web-article-chuyen-doi-so-2022.txt'),
      contentType: 'text/plain; charset=utf-8',
    });
    expect(response.status).toBe(200);
    expect(response.body.draft.campaign.key).toBe('web-2022');
    expect(response.body.draft.campaign.sections.map((s: { number: number }) => s.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(response.body.yaml).toContain('key: web-2022');
    expect(response.body.summary).toContain('Mục 1');
    expect(response.body.report.review.length).toBeGreaterThan(0);

    // Section 6 names an agency the directory lacks: launching as is is refused, naming it.
    const asIs = await api.call('POST', '/api/v1/campaigns', { token: api.tokens.secretariat, json: response.body.draft.campaign });
    expect(asIs.status).toBe(422);
    expect(JSON.stringify(asIs.body.errors)).toContain('chua-xac-dinh');
    // After review (here: dropping that section), it launches through the normal path.
    const reviewed = { ...response.body.draft.campaign, sections: response.body.draft.campaign.sections.slice(0, 5) };
    // The 2022 text's deadlines (31/12/2022) lie before today's launch calendar: refused, naming them,
    // instead of a campaign whose workflow cannot count them.
    const outOfCalendar = await api.call('POST', '/api/v1/campaigns', { token: api.tokens.secretariat, json: reviewed });
    expect(outOfCalendar.status).toBe(422);
    expect(JSON.stringify(outOfCalendar.body.errors)).toContain('31/12/2022, nằm ngoài lịch làm việc');
    expect(await api.engine.db.campaigns.countDocuments({ _id: 'web-2022' })).toBe(0);
    const launched = await api.call('POST', '/api/v1/campaigns', { token: api.tokens.secretariat, json: { ...reviewed, launchDate: '2022-03-01' } });
    expect(launched.status).toBe(201);
    expect(launched.body.plannedAssignments).toBeGreaterThan(50);
  });

  it('gives the draft as YAML on Accept: application/yaml, and that YAML launches unchanged', async () => {
    const imported = await api.call('POST', '/api/v1/campaigns/import?key=mot-dong-2026', {
      token: api.tokens.secretariat,
      body: fixture('official-letter-mot-dong-2026.txt'),
      contentType: 'text/plain; charset=utf-8',
      headers: { Accept: 'application/yaml' },
    });
    expect(imported.status).toBe(200);
    expect(imported.headers.get('content-type')).toMatch(/^application\/yaml/u);
    expect(imported.text.startsWith('# Bản nháp kế hoạch')).toBe(true);
    const launched = await api.call('POST', '/api/v1/campaigns', { token: api.tokens.secretariat, body: imported.text, contentType: 'application/yaml' });
    expect(launched.status).toBe(201);
    // 5 districts x 2 tasks, then one task each for Sở Tài chính, Sở Tư pháp and Sở Nội vụ.
    expect(launched.body.plannedAssignments).toBe(13);
    const stored = await api.engine.db.campaigns.findById('mot-dong-2026').lean();
    expect(stored!.definition.sections.map((section) => [section.number, section.addressees.agencies, section.addressees.groups])).toEqual([
      [1, [], ['rural-districts']],
      [2, ['STC'], []],
      [3, ['STP'], []],
      [4, ['SNV'], []],
    ]);
    expect(stored!.definition.sections[1]!.tasks[0]!.coordinatingAgencies).toEqual(['SNV', 'STTTT']);
    expect(stored!.definition.sections[1]!.tasks[0]!.deadline).toEqual({ kind: 'workingDaysAfterLaunch', workingDays: 15 });
  });

  it('launches the JSON draft unchanged too, and refuses a draft that carries agencies', async () => {
    const imported = await api.call('POST', '/api/v1/campaigns/import?key=mot-dong-json', {
      token: api.tokens.secretariat,
      body: fixture('official-letter-mot-dong-2026.txt'),
      contentType: 'text/plain; charset=utf-8',
    });
    expect(imported.status).toBe(200);
    const withAgencies = await api.call('POST', '/api/v1/campaigns', {
      token: api.tokens.secretariat,
      json: { ...imported.body.draft, agencies: [{ code: 'XX', name: 'X', kind: 'other' }] },
    });
    expect(withAgencies.status).toBe(422);
    expect(withAgencies.body.errors[0].field).toBe('body.agencies');
    expect(await api.engine.db.campaigns.countDocuments({ _id: 'mot-dong-json' })).toBe(0);
    const launched = await api.call('POST', '/api/v1/campaigns', { token: api.tokens.secretariat, json: imported.body.draft });
    expect(launched.status).toBe(201);
    expect(launched.body.plannedAssignments).toBe(13);
  });

  it('refuses what is not a directive, changing nothing', async () => {
    const empty = await api.call('POST', '/api/v1/campaigns/import', { token: api.tokens.secretariat, body: '   ', contentType: 'text/plain' });
    expect(empty.status).toBe(422);
    const noSections = await api.call('POST', '/api/v1/campaigns/import', { token: api.tokens.secretariat, body: 'Xin chào.', contentType: 'text/plain' });
    expect(noSections.status).toBe(422);
    expect(noSections.body.errors[0].message).toContain('Không thấy mục nào');
    const json = await api.call('POST', '/api/v1/campaigns/import', { token: api.tokens.secretariat, json: { text: 'x' } });
    expect(json.status).toBe(415);
    const notDocx = await api.call('POST', '/api/v1/campaigns/import', {
      token: api.tokens.secretariat,
      body: 'not a zip',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    expect(notDocx.status).toBe(400);
    const agency = await api.call('POST', '/api/v1/campaigns/import', { token: api.tokens.STNMT, body: 'x', contentType: 'text/plain' });
    expect(agency.status).toBe(403);
  });
});
