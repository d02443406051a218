/**
 * The whole engine at once, as built for users: the engine's own workflows on the real worker run
 * a campaign launched over the API, its assignment lands in MongoDB, and its notice goes out over
 * SMTP into Mailpit; /health reports all three, probing them at most once per cache period.
 */
import net from 'node:net';
import { startEngine, type RunningEngine } from '../../src/engine';
import type { HealthReport } from '../../src/health/dependencyHealth';
import { logger } from '../../src/logger';
import { createApiToken } from '../../src/services/apiTokens';
import type { FerretDbServer, MailpitServer, TemporalDevServer } from '../../src/stack/embeddedServices';
import { dateAt } from '../../src/domain/time/localDate';
import { eventually } from '../helpers/eventually';
import { MailpitApi } from '../helpers/mailpitApi';
import { startTestFerretDb, startTestMailpit, startTestTemporal, uniqueDatabaseName } from '../helpers/servers';

/** A TCP relay in front of Mailpit's SMTP port that counts the connections made through it. */
async function countingRelay(target: string) {
  const { hostname, port } = new URL(target);
  let connections = 0;
  const server = net.createServer((client) => {
    connections += 1;
    const upstream = net.connect(Number(port), hostname);
    client.pipe(upstream).pipe(client);
    const close = () => (client.destroy(), upstream.destroy());
    client.on('error', close);
    upstream.on('error', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    connections: () => connections,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe('smoke: the engine on a real local stack', () => {
  let temporal: TemporalDevServer;
  let ferret: FerretDbServer;
  let mailpit: MailpitServer;
  let relay: Awaited<ReturnType<typeof countingRelay>>;
  let engine: RunningEngine;
  const health = async (path: string) => {
    const response = await fetch(`${engine.apiUrl}${path}`);
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as HealthReport };
  };

  beforeAll(async () => {
    [temporal, ferret, mailpit] = await Promise.all([startTestTemporal(), startTestFerretDb(), startTestMailpit()]);
    relay = await countingRelay(mailpit.smtpUrl);
    engine = await startEngine({
      temporalAddress: temporal.address,
      namespace: 'default',
      taskQueue: 'smoke',
      mongoUri: `${ferret.uri}${uniqueDatabaseName('smoke')}`,
      smtpUrl: relay.url,
      mailFrom: 'cchc@sonoivu.example',
      logger: logger.child({ test: 'smoke' }),
      runWorker: true,
      api: { host: '127.0.0.1', port: 0 },
      outbox: { settings: { pollIntervalMs: 200 } },
    });
  });

  afterAll(async () => {
    await engine?.stop();
    await relay?.close();
    await Promise.all([temporal?.service.stop(), ferret?.service.stop(), mailpit?.service.stop()]);
  });

  it('reports every dependency up, touching SMTP at most once per cache period however often it is asked', async () => {
    const before = relay.connections();
    for (let i = 0; i < 10; i++) expect((await health('/health/live')).status).toBe(200);
    expect(relay.connections()).toBe(before); // liveness touches no dependency

    const reports = await Promise.all(Array.from({ length: 10 }, () => health('/health/ready')));
    for (let i = 0; i < 10; i++) reports.push(await health('/health'));
    for (const report of reports) {
      expect(report.status).toBe(200);
      expect(report.body.dependencies).toEqual({
        temporal: expect.objectContaining({ status: 'up', latencyMs: expect.any(Number) }),
        mongodb: expect.objectContaining({ status: 'up' }),
        smtp: expect.objectContaining({ status: 'up' }),
      });
    }
    // 20 readiness answers from one probe (two if the 10-second cache ran out on a slow machine).
    expect(relay.connections() - before).toBeGreaterThanOrEqual(1);
    expect(relay.connections() - before).toBeLessThanOrEqual(2);
  });

  it('runs a campaign launched over the API through the engine\'s own workflows, into MongoDB and out by email', async () => {
    const { db } = engine;
    await db.agencies.create({
      _id: 'STNMT',
      name: 'Sở Tài nguyên và Môi trường',
      kind: 'department',
      groups: ['departments'],
      contacts: [{ role: 'focalPoint', name: 'Trần Thị Hồng', email: 'daumoi@stnmt.hcm.example' }],
      updatedAt: new Date(),
    });
    const { token } = await createApiToken(db, { role: 'secretariat', name: 'Phòng CCHC' });
    const today = dateAt(Date.now());
    const launched = await fetch(`${engine.apiUrl}/api/v1/campaigns`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        key: 'khoi-dong-thu',
        year: Number(today.slice(0, 4)),
        title: 'Đẩy mạnh cải cách hành chính',
        directive: { number: '5/KH-SNV', date: today, issuer: 'Sở Nội vụ', title: 'Thử' },
        launchDate: today,
        defaultDeadline: { kind: 'workingDaysAfterLaunch', workingDays: 20 },
        sections: [{ number: 1, title: 'Giám đốc Sở TN&MT', addressees: { agencies: ['STNMT'] }, tasks: [{ title: 'Rà soát thủ tục hành chính' }] }],
      }),
    });
    expect(launched.status).toBe(201);

    const id = 'khoi-dong-thu.s1.t1.STNMT';
    const view = await eventually(() => db.assignments.findById(id).lean(), (doc) => doc !== null, { what: 'the assignment in the read model' });
    expect(view).toMatchObject({ campaignKey: 'khoi-dong-thu', agencyCode: 'STNMT', status: 'assigned' });
    expect(await db.events.countDocuments({ assignmentId: id, type: 'AssignmentAssigned' })).toBe(1);
    expect((await engine.client.workflow.getHandle(id).describe()).type).toBe('assignmentWorkflow');

    const [notice] = await new MailpitApi(mailpit.uiUrl).waitForMessages(1, 60_000);
    expect(notice?.Subject).toContain(`[khoi-dong-thu | ${id}] Giao nhiệm vụ: Rà soát thủ tục hành chính`);
    expect(notice?.To.map((to) => to.Address)).toEqual(['daumoi@stnmt.hcm.example']);
    const message = await new MailpitApi(mailpit.uiUrl).message(notice!.ID);
    expect(message.Text).toContain('Kính gửi: Sở Tài nguyên và Môi trường');
  });

  it('reports SMTP down (503, Retry-After) once Mailpit stops, within the cache period', async () => {
    await mailpit.service.stop();
    const down = await eventually(() => health('/health/ready'), (r) => r.status === 503, { what: 'readiness to see SMTP down' });
    expect(down.retryAfter).toBeTruthy();
    expect(down.body.dependencies.smtp.status).toBe('down');
    expect(down.body.dependencies.smtp.error).toBeTruthy();
    expect(down.body.dependencies.mongodb.status).toBe('up');
    expect((await health('/health/live')).status).toBe(200); // the process itself is fine
  });
});
