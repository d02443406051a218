import { checkDependencies } from '../../src/health/dependencyHealth';

const answers = () => Promise.resolve();
const hangs = () => new Promise<void>(() => undefined);

describe('checkDependencies', () => {
  it('is up only when every dependency answers', async () => {
    const report = await checkDependencies({ temporal: answers, mongodb: answers, smtp: answers });
    expect(report.status).toBe('up');
    expect(report.dependencies.smtp).toEqual({ status: 'up', latencyMs: expect.any(Number) });
  });

  it('reports a failing dependency as down with its reason, the others still up', async () => {
    const report = await checkDependencies({
      temporal: answers,
      mongodb: () => Promise.reject(new Error('connection refused')),
      smtp: answers,
    });
    expect(report.status).toBe('down');
    expect(report.dependencies.mongodb).toMatchObject({ status: 'down', error: 'connection refused' });
    expect(report.dependencies.temporal.status).toBe('up');
  });

  it('reports a dependency that does not answer in time as down', async () => {
    const report = await checkDependencies({ temporal: hangs, mongodb: answers, smtp: answers }, 50);
    expect(report.dependencies.temporal).toMatchObject({ status: 'down', error: 'no answer within 50 ms' });
  });
});
