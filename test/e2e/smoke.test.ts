/**
 * The whole stack at once: a workflow through the engine's real worker, a document through
 * mongoose, an email through SMTP read back from Mailpit, and /health reporting all three.
 */
import mongoose from 'mongoose';
import { startEngine, type RunningEngine } from '../../src/engine';
import type { HealthReport } from '../../src/health/dependencyHealth';
import { logger } from '../../src/logger';
import type { FerretDbServer, MailpitServer, TemporalDevServer } from '../../src/stack/embeddedServices';
import { greetAgency } from '../fixtures/workflows';
import { MailpitApi } from '../helpers/mailpitApi';
import { startTestFerretDb, startTestMailpit, startTestTemporal, uniqueDatabaseName } from '../helpers/servers';

describe('smoke: the engine on a real local stack', () => {
  let temporal: TemporalDevServer;
  let ferret: FerretDbServer;
  let mailpit: MailpitServer;
  let engine: RunningEngine;

  beforeAll(async () => {
    [temporal, ferret, mailpit] = await Promise.all([startTestTemporal(), startTestFerretDb(), startTestMailpit()]);
    engine = await startEngine({
      temporalAddress: temporal.address,
      namespace: 'default',
      taskQueue: 'smoke',
      mongoUri: `${ferret.uri}${uniqueDatabaseName('smoke')}`,
      smtpUrl: mailpit.smtpUrl,
      mailFrom: 'cchc@sonoivu.example',
      logger: logger.child({ test: 'smoke' }),
      runWorker: true,
      api: { host: '127.0.0.1', port: 0 },
      workflowsPath: require.resolve('../fixtures/workflows'),
    });
  });

  afterAll(async () => {
    await engine?.stop();
    await Promise.all([temporal?.service.stop(), ferret?.service.stop(), mailpit?.service.stop()]);
  });

  it('runs a workflow through the real worker', async () => {
    const result = await engine.client.workflow.execute(greetAgency, {
      taskQueue: 'smoke',
      workflowId: 'smoke-greeting',
      args: ['Sở Nội vụ'],
    });
    expect(result).toBe('Xin chào, Sở Nội vụ');
  });

  it('writes and reads a document through mongoose', async () => {
    const Note = engine.db.connection.model('SmokeNote', new mongoose.Schema({ _id: String, text: String }));
    await Note.create({ _id: 'n1', text: 'Đẩy mạnh cải cách hành chính' });
    const read = await Note.findById('n1').lean();
    expect(read?.text).toBe('Đẩy mạnh cải cách hành chính');
  });

  it('sends an email that arrives in Mailpit with its Vietnamese text intact', async () => {
    await engine.smtp.sendMail({
      from: 'Ban Chỉ đạo CCHC <cchc@sonoivu.example>',
      to: 'Sở Tài nguyên và Môi trường <stnmt@hcm.example>',
      subject: 'Nhắc việc: còn 3 ngày làm việc',
      text: 'Kính gửi Sở Tài nguyên và Môi trường, nhiệm vụ sắp đến hạn.',
    });
    const [summary] = await new MailpitApi(mailpit.uiUrl).waitForMessages(1);
    expect(summary?.Subject).toBe('Nhắc việc: còn 3 ngày làm việc');
    expect(summary?.To[0]?.Address).toBe('stnmt@hcm.example');
    const message = await new MailpitApi(mailpit.uiUrl).message(summary!.ID);
    expect(message.Text).toContain('Kính gửi Sở Tài nguyên và Môi trường');
  });

  it('reports every dependency up on /health, and SMTP down (503) once Mailpit stops', async () => {
    const up = await fetch(`${engine.apiUrl}/health`);
    expect(up.status).toBe(200);
    const upBody = (await up.json()) as HealthReport;
    expect(upBody.dependencies).toEqual({
      temporal: expect.objectContaining({ status: 'up' }),
      mongodb: expect.objectContaining({ status: 'up' }),
      smtp: expect.objectContaining({ status: 'up' }),
    });
    expect(typeof upBody.dependencies.temporal.latencyMs).toBe('number');

    await mailpit.service.stop();
    const down = await fetch(`${engine.apiUrl}/health`);
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBeTruthy();
    const downBody = (await down.json()) as HealthReport;
    expect(downBody.dependencies.smtp.status).toBe('down');
    expect(downBody.dependencies.smtp.error).toBeTruthy();
    expect(downBody.dependencies.mongodb.status).toBe('up');
  });
});
