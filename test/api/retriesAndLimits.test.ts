/**
 * A retried action with its Idempotency-Key gets the first answer and records nothing twice;
 * a token over its rate limit gets 429 while other tokens carry on, and so does an address that
 * keeps sending bad or no tokens.
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

  it('limits requests without a valid token per address, before refusing them, and leaves valid tokens alone', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 45 && !statuses.includes(429); i++) {
      const guess = await api.call('GET', '/api/v1/agencies', { token: `dek_doan-${i}` });
      statuses.push(guess.status);
      if (guess.status === 429) {
        expect(guess.headers.get('content-type')).toContain('application/problem+json');
        expect(guess.body.detail).toContain('Quá nhiều yêu cầu');
      }
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((status) => status === 401)).toBe(true);
    // Without any token, from the same address: limited too.
    expect((await api.call('GET', '/api/v1/agencies')).status).toBe(429);
    // A valid token from that same address has its own allowance.
    expect((await api.call('GET', '/api/v1/agencies', { token: api.tokens.STNMT })).status).toBe(200);
    // With no proxy declared (TRUST_PROXY_HOPS=0), a forged X-Forwarded-For does not escape the limit.
    expect((await api.call('GET', '/api/v1/agencies', { headers: { 'X-Forwarded-For': '203.0.113.77' } })).status).toBe(429);
  });
});

describe('limits behind a reverse proxy (TRUST_PROXY_HOPS=1)', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApiHarness({ rateLimitPerMinute: 5, trustProxyHops: 1 });
  });
  afterAll(() => api?.stop());

  it("counts each person by the address the proxy forwards, not by the proxy's own", async () => {
    const from = (address: string) => api.call('GET', '/api/v1/agencies', { headers: { 'X-Forwarded-For': address } });
    const statuses: number[] = [];
    for (let i = 0; i < 10 && !statuses.includes(429); i++) statuses.push((await from('198.51.100.10')).status);
    expect(statuses.at(-1)).toBe(429);
    // Another person behind the same proxy still gets the 401 that tells them to sign in.
    expect((await from('198.51.100.20')).status).toBe(401);
  });
});
