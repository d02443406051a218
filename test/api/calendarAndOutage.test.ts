/**
 * Editing the calendar through the API re-times open assignments; a database outage answers 503
 * with Retry-After instead of failing with a 500.
 */
import { addDays, dateAt } from '../../src/domain/time/localDate';
import { undecidedYears } from '../../src/domain/calendar/undecidedYears';
import { officialDecisions } from '../../src/services/officialCalendarData';
import { eventually, launchTestCampaign, startApiHarness, type ApiHarness } from '../helpers/apiHarness';
import { signInAs } from '../helpers/portalSession';

const today = dateAt(Date.now());

describe('calendar edits and outages', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApiHarness();
  });
  afterAll(() => api?.stop());

  it('moves a working-day deadline when the secretariat declares its day a day off', async () => {
    const launched = await api.call('POST', '/api/v1/campaigns', {
      token: api.tokens.secretariat,
      json: {
        key: 'cchc-lich',
        year: Number(today.slice(0, 4)),
        title: 'Thử đổi lịch',
        directive: { number: '2/KH', date: today, issuer: 'Sở Nội vụ', title: 'Thử' },
        launchDate: today,
        defaultDeadline: { kind: 'workingDaysAfterLaunch', workingDays: 10 },
        sections: [{ number: 1, title: 'Chủ tịch UBND Quận 1', addressees: { agencies: ['Q1'] }, tasks: [{ title: 'Báo cáo' }] }],
      },
    });
    expect(launched.status).toBe(201);
    const id = 'cchc-lich.s1.t1.Q1';
    const before = await eventually(() => api.call('GET', `/api/v1/assignments/${id}`, { token: api.tokens.secretariat }), (r) => r.status === 200);
    const oldDeadline: string = before.body.deadline;
    const year = oldDeadline.slice(0, 4);

    const saved = await api.call('PUT', `/api/v1/calendars/${year}`, {
      token: api.tokens.secretariat,
      json: { version: 0, daysOff: [{ date: oldDeadline, name: 'Nghỉ bù (thử nghiệm)' }], source: 'Thông báo thử nghiệm' },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, retimed: 1 });
    // Added to the year's official decision: its swaps are still there.
    expect(saved.body.edits.workingDays.length).toBeGreaterThan(0);

    const after = await eventually(
      () => api.call('GET', `/api/v1/assignments/${id}`, { token: api.tokens.Q1 }),
      (r) => r.body.deadline !== oldDeadline,
    );
    // The next working day after the old deadline (skipping a weekend if there is one).
    expect(after.body.deadline > oldDeadline).toBe(true);
    expect(after.body.deadline <= addDays(oldDeadline, 4)).toBe(true);
    expect(after.body.originalDeadline).toBe(oldDeadline);
    const changed = after.body.timeline.find((event: { type: string }) => event.type === 'DeadlineChanged');
    expect(changed).toMatchObject({ from: oldDeadline, to: after.body.deadline, reason: 'calendar' });

    const calendar = await api.call('GET', `/api/v1/calendars/${year}`, { token: api.tokens.committee });
    expect(calendar.body.daysOff).toContainEqual({ date: oldDeadline, name: 'Nghỉ bù (thử nghiệm)' });
    expect(calendar.body.version).toBe(1);
  });

  it('keeps the other entries of a year an edit does not mention, and replaces the year only when asked', async () => {
    const read = await api.call('GET', '/api/v1/calendars/2024', { token: api.tokens.secretariat });
    expect(read.body).toMatchObject({ version: 0, decided: true });
    expect(read.body.official.sources.map((s: { document: string }) => s.document)).toContain('Thông báo số 5015/TB-LĐTBXH');
    const first = await api.call('PUT', '/api/v1/calendars/2024', {
      token: api.tokens.secretariat,
      json: { version: 0, daysOff: [{ date: '2024-12-31', name: 'Nghỉ thử 31/12' }] },
    });
    expect(first.status).toBe(200);
    const second = await api.call('PUT', '/api/v1/calendars/2024', {
      token: api.tokens.secretariat,
      json: { version: first.body.version, daysOff: [{ date: '2024-12-30', name: 'Nghỉ thử 30/12' }] },
    });
    expect(second.status).toBe(200);
    const merged = await api.call('GET', '/api/v1/calendars/2024', { token: api.tokens.STNMT });
    const offs = merged.body.daysOff.map((day: { date: string }) => day.date);
    // Both edits, and the official decision under them (Tết from 08/02, 29/04 swapped for 04/05).
    expect(offs).toEqual(expect.arrayContaining(['2024-12-30', '2024-12-31', '2024-02-08', '2024-04-29']));
    expect(merged.body.workingWeekendDays).toContainEqual(expect.objectContaining({ date: '2024-05-04' }));

    const replaced = await api.call('PUT', '/api/v1/calendars/2024', {
      token: api.tokens.secretariat,
      json: { version: second.body.version, replace: true, daysOff: [{ date: '2024-12-30', name: 'Chỉ còn ngày này' }] },
    });
    expect(replaced.status).toBe(200);
    const after = await api.call('GET', '/api/v1/calendars/2024', { token: api.tokens.secretariat });
    expect(after.body.edits).toMatchObject({ daysOff: [{ date: '2024-12-30', name: 'Chỉ còn ngày này' }], workingDays: [], notDaysOff: [] });
    expect(after.body.workingWeekendDays).toEqual([]);
  });

  it('refuses a save carrying a version another save replaced: 409 with the current version, nothing changed', async () => {
    const read = await api.call('GET', '/api/v1/calendars/2025', { token: api.tokens.secretariat });
    const mine = await api.call('PUT', '/api/v1/calendars/2025', {
      token: api.tokens.secretariat,
      json: { version: read.body.version, daysOff: [{ date: '2025-12-31', name: 'Của tôi' }] },
    });
    expect(mine.status).toBe(200);
    const stale = await api.call('PUT', '/api/v1/calendars/2025', {
      token: api.tokens.secretariat,
      json: { version: read.body.version, daysOff: [{ date: '2025-12-30', name: 'Của người khác' }] },
    });
    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toContain('application/problem+json');
    expect(stale.body.currentVersion).toBe(mine.body.version);
    expect(stale.body.detail).toContain(`phiên bản hiện tại là ${mine.body.version}`);
    const now = await api.call('GET', '/api/v1/calendars/2025', { token: api.tokens.secretariat });
    expect(now.body.daysOff.map((day: { date: string }) => day.date)).not.toContain('2025-12-30');
  });

  it('warns the secretariat of a due year with no decision (health, /ke-hoach, /can-xu-ly) until the year is saved', async () => {
    // Due: this year, and from 1 October the next. The shipped decisions cover 2021-2026.
    const due = undecidedYears(today, new Set(officialDecisions().map((decision) => decision.year)));
    const secretariat = await signInAs(api.engine, { email: 'lich@snv.example', role: 'secretariat', name: 'Ban Chỉ đạo' });
    const agency = await signInAs(api.engine, { email: 'lich@stnmt.example', role: 'agency', agencyCode: 'STNMT', name: 'Sở TNMT' });
    const page = async (path: string, who = secretariat) => (await fetch(`${api.baseUrl}${path}`, { headers: { Cookie: who.cookie } })).text();
    const health = await api.call('GET', '/health');
    if (due.length === 0) {
      // Every year due has its decision: no warning anywhere.
      expect(health.body.notices?.calendar).toBeUndefined();
      expect(await page('/can-xu-ly')).not.toContain('Lưu ý về lịch nghỉ');
      return;
    }
    expect(health.body.notices.calendar.undecidedYears).toEqual(due);
    expect(health.body.notices.calendar.warning).toContain(`Chưa nhập quyết định nghỉ lễ, Tết năm ${due.join(' và ')}`);
    for (const path of ['/ke-hoach', '/can-xu-ly']) expect(await page(path)).toContain(`Chưa nhập quyết định nghỉ lễ, Tết năm ${due.join(' và ')}`);
    // Not an agency's concern: it enters nothing.
    expect(await page('/ke-hoach', agency)).not.toContain('Lưu ý về lịch nghỉ');

    for (const year of due) {
      const saved = await api.call('PUT', `/api/v1/calendars/${year}`, {
        token: api.tokens.secretariat,
        json: { version: 0, source: 'Thông báo thử nghiệm' },
      });
      expect(saved.status).toBe(200);
    }
    expect((await api.call('GET', '/health')).body.notices.calendar).toBeUndefined();
    expect(await page('/can-xu-ly')).not.toContain('Lưu ý về lịch nghỉ');
  });

  it('answers concurrent saves with one 200 per version and 409 for the rest, never a 5xx, and no version twice', async () => {
    const years = [2031, 2032];
    const attempts = years.flatMap((year) =>
      Array.from({ length: 4 }, (_, i) =>
        api.call('PUT', `/api/v1/calendars/${year}`, {
          token: api.tokens.secretariat,
          json: { version: 0, daysOff: [{ date: `${year}-12-${String(21 + i).padStart(2, '0')}`, name: `Lần ${i}` }] },
        }),
      ),
    );
    const answers = await Promise.all(attempts);
    expect(answers.map((a) => a.status).filter((status) => status !== 200 && status !== 409)).toEqual([]);
    for (const [index] of years.entries()) {
      const mine = answers.slice(index * 4, index * 4 + 4);
      expect(mine.filter((a) => a.status === 200)).toHaveLength(1);
    }
    const versions = answers.filter((a) => a.status === 200).map((a) => a.body.version);
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('gives an assignment launched after a save the saved calendar', async () => {
    const year = Number(today.slice(0, 4)) + 1;
    const read = await api.call('GET', `/api/v1/calendars/${year}`, { token: api.tokens.secretariat });
    // 05/01 of next year: a Tuesday or another weekday made a day off, after the launch.
    let dayOff = `${year}-01-05`;
    while ([0, 6].includes(new Date(`${dayOff}T00:00:00Z`).getUTCDay())) dayOff = addDays(dayOff, 1);
    const saved = await api.call('PUT', `/api/v1/calendars/${year}`, {
      token: api.tokens.secretariat,
      json: { version: read.body.version, daysOff: [{ date: dayOff, name: 'Nghỉ thử' }] },
    });
    expect(saved.status).toBe(200);
    const launched = await api.call('POST', '/api/v1/campaigns', {
      token: api.tokens.secretariat,
      json: {
        key: 'cchc-sau-luu',
        year: Number(today.slice(0, 4)),
        title: 'Giao sau khi lưu lịch',
        directive: { number: '3/KH', date: today, issuer: 'Sở Nội vụ', title: 'Thử' },
        launchDate: today,
        defaultDeadline: { kind: 'fixedDate', date: dayOff },
        sections: [{ number: 1, title: 'Chủ tịch UBND Quận 1', addressees: { agencies: ['Q1'] }, tasks: [{ title: 'Báo cáo' }] }],
      },
    });
    expect(launched.status).toBe(201);
    const assignment = await eventually(
      () => api.call('GET', '/api/v1/assignments/cchc-sau-luu.s1.t1.Q1', { token: api.tokens.secretariat }),
      (r) => r.status === 200,
    );
    // A fixed date on a day off moves to the next working day.
    expect(assignment.body.deadline > dayOff).toBe(true);
  });

  it('documents every calendar field in the OpenAPI, in Vietnamese', async () => {
    const doc = await api.call('GET', '/api/v1/openapi.json');
    const put = doc.body.paths['/api/v1/calendars/{year}'].put;
    const schema = put.requestBody.content['application/json'].schema;
    for (const field of ['version', 'replace', 'daysOff', 'workingDays', 'notDaysOff', 'remove', 'source']) {
      expect(schema.properties[field].description).toMatch(/[ạảãàáâậầấẩẫăắằẳẵặđêềếểễệôồốổỗộơờớởỡợưừứửữự]/);
    }
    expect(put.responses['409']).toBeDefined();
  });

  it('answers 503 with Retry-After while the database server is down', async () => {
    await api.ferret.service.stop();
    // Readiness is cached for a few seconds: the outage shows on the next probe.
    const health = await eventually(() => api.call('GET', '/health'), (r) => r.status === 503, { what: '/health to see the outage' });
    expect(health.body.dependencies.mongodb.status).toBe('down');
    expect(health.body.dependencies.temporal.status).toBe('up');
    const list = await api.call('GET', '/api/v1/assignments', { token: api.tokens.secretariat });
    expect(list.status).toBe(503);
    expect(list.headers.get('retry-after')).toBeTruthy();
    expect(list.body.detail).toContain('Cơ sở dữ liệu');
  });
});
