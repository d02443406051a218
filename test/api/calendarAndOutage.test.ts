/**
 * Editing the calendar through the API re-times open assignments; a database outage answers 503
 * with Retry-After instead of failing with a 500.
 */
import { addDays, dateAt } from '../../src/domain/time/localDate';
import { eventually, launchTestCampaign, startApiHarness, type ApiHarness } from '../helpers/apiHarness';

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
      json: { daysOff: [{ date: oldDeadline, name: 'Nghỉ bù (thử nghiệm)' }], source: 'Thông báo thử nghiệm' },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, retimed: 1 });

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
