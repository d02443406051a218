/**
 * A retried action with its Idempotency-Key gets the first answer and records nothing twice;
 * a token over its rate limit gets 429 while other tokens carry on.
 */
import { launchTestCampaign, startApiHarness, type ApiHarness } from '../helpers/apiHarness';


describe('retries and limits', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApiHarness({ rateLimitPerMinute: 40 });
  });
  afterAll(() => api?.stop());

  it('answers a retried submission from its first answer, with one event', async () => {
    await launchTestCampaign(api, { key: 'cchc-lap', title: 'Thử gửi lại', sections: [{ number: 1, title: 'Chủ tịch UBND Quận 1', addressees: { agencies: ['Q1'] }, tasks: [{ title: 'Báo cáo' }] }] });
    const id = 'cchc-lap.s1.t1.Q1';
    const submit = () =>
      api.call('POST', `/api/v1/assignments/${id}/submitResult`, {
        token: api.tokens.Q1,
        json: { summary: 'Đã báo cáo' },
        headers: { 'Idempotency-Key': 'q1-bao-cao' },
      });
    const first = await submit();
    const second = await submit();
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(await api.engine.db.events.countDocuments({ assignmentId: id, type: 'ResultSubmitted' })).toBe(1);
    // Without the key, the same request is a new one, and the workflow refuses it.
    const third = await api.call('POST', `/api/v1/assignments/${id}/submitResult`, { token: api.tokens.Q1, json: { summary: 'Đã báo cáo' } });
    expect(third.status).toBe(409);
  });

  it('limits each token on its own', async () => {
    let limited: Awaited<ReturnType<ApiHarness['call']>> | undefined;
    for (let i = 0; i < 45 && !limited; i++) {
      const response = await api.call('GET', '/api/v1/agencies', { token: api.tokens.SXD });
      if (response.status === 429) limited = response;
    }
    expect(limited?.status).toBe(429);
    expect(limited?.headers.get('content-type')).toContain('application/problem+json');
    expect(limited?.body.detail).toContain('Quá nhiều yêu cầu');
    expect((await api.call('GET', '/api/v1/agencies', { token: api.tokens.committee })).status).toBe(200);
  });
});
