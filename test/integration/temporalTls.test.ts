/**
 * A managed Temporal cluster speaks TLS, often mutual. The dev server has no TLS, so the test puts
 * a TLS terminator in front of it that demands a client certificate signed by its own CA (as a
 * cluster with mTLS does), configures the engine with TEMPORAL_TLS_* only, and runs a real
 * campaign through it: the API's client and the worker both connect over TLS.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { Connection } from '@temporalio/client';
import { loadConfig } from '../../src/config';
import { CampaignSchema } from '../../src/domain/campaign/campaign';
import { dateAt } from '../../src/domain/time/localDate';
import { startEngine, type RunningEngine } from '../../src/engine';
import { logger } from '../../src/logger';
import { launchCampaign } from '../../src/services/campaignService';
import type { FerretDbServer, TemporalDevServer } from '../../src/stack/embeddedServices';
import { eventually } from '../helpers/eventually';
import { startTestFerretDb, startTestTemporal, uniqueDatabaseName } from '../helpers/servers';
import { freshDir } from '../helpers/testRoot';

/** A CA, a server certificate for temporal.test and a client certificate, all signed by the CA. */
function makeCertificates(dir: string) {
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  run('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=directive-engine test CA');
  for (const [name, subject] of [['server', 'temporal.test'], ['client', 'directive-engine']] as const) {
    run('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${subject}`);
    fs.writeFileSync(path.join(dir, `${name}.ext`), name === 'server' ? 'subjectAltName=DNS:temporal.test\n' : 'extendedKeyUsage=clientAuth\n');
    run('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.pem`, '-days', '2', '-extfile', `${name}.ext`);
  }
  return (file: string) => path.join(dir, file);
}

describe('Temporal over TLS with a client certificate (a managed cluster)', () => {
  let temporal: TemporalDevServer;
  let ferret: FerretDbServer;
  let terminator: tls.Server;
  let engine: RunningEngine | undefined;
  let file: (name: string) => string;
  let address: string;
  const clientsWithCertificate: string[] = [];

  beforeAll(async () => {
    [temporal, ferret] = await Promise.all([startTestTemporal(), startTestFerretDb()]);
    file = makeCertificates(freshDir('tls'));
    const [host, port] = temporal.address.split(':');
    terminator = tls.createServer(
      { key: fs.readFileSync(file('server.key')), cert: fs.readFileSync(file('server.pem')), ca: fs.readFileSync(file('ca.pem')), requestCert: true, rejectUnauthorized: true, ALPNProtocols: ['h2'] },
      (secure) => {
        clientsWithCertificate.push(String(secure.getPeerCertificate().subject.CN));
        const plain = net.connect(Number(port), host);
        secure.pipe(plain).pipe(secure);
        const close = () => (secure.destroy(), plain.destroy());
        secure.on('error', close);
        plain.on('error', close);
      },
    );
    await new Promise<void>((resolve) => terminator.listen(0, '127.0.0.1', resolve));
    address = `127.0.0.1:${(terminator.address() as net.AddressInfo).port}`;
  });

  afterAll(async () => {
    await engine?.stop();
    await new Promise((resolve) => terminator?.close(resolve));
    await Promise.all([temporal?.service.stop(), ferret?.service.stop()]);
  });

  it('refuses a connection without the client certificate, so the check below can fail', async () => {
    const security = loadConfig({ TEMPORAL_ADDRESS: address, TEMPORAL_TLS_CA_FILE: file('ca.pem'), TEMPORAL_TLS_SERVER_NAME: 'temporal.test' }).temporalSecurity;
    await expect(Connection.connect({ address, ...security, connectTimeout: 3_000 })).rejects.toThrow();
  });

  it('runs a campaign with the client and the worker both on TLS, configured by TEMPORAL_TLS_* alone', async () => {
    const config = loadConfig({
      TEMPORAL_ADDRESS: address,
      TEMPORAL_TLS_CA_FILE: file('ca.pem'),
      TEMPORAL_TLS_CERT_FILE: file('client.pem'),
      TEMPORAL_TLS_KEY_FILE: file('client.key'),
      TEMPORAL_TLS_SERVER_NAME: 'temporal.test',
    });
    engine = await startEngine({
      temporalAddress: address,
      temporalSecurity: config.temporalSecurity,
      namespace: 'default',
      taskQueue: 'tls-test',
      mongoUri: `${ferret.uri}${uniqueDatabaseName('tls')}`,
      smtpUrl: 'smtp://127.0.0.1:1', // no email in this test: the dispatcher is off
      mailFrom: 'cchc@sonoivu.example',
      logger: logger.child({ test: 'tls' }),
      runWorker: true,
      outbox: false,
    });
    await engine.db.agencies.create({ _id: 'STNMT', name: 'Sở Tài nguyên và Môi trường', kind: 'department', groups: ['departments'], contacts: [], updatedAt: new Date() });
    const today = dateAt(Date.now());
    const campaign = CampaignSchema.parse({
      key: 'qua-tls',
      year: Number(today.slice(0, 4)),
      title: 'Thử kết nối TLS',
      directive: { number: '9/KH-SNV', date: today, issuer: 'Sở Nội vụ', title: 'Thử' },
      launchDate: today,
      defaultDeadline: { kind: 'workingDaysAfterLaunch', workingDays: 20 },
      sections: [{ number: 1, title: 'Giám đốc Sở TN&MT', addressees: { agencies: ['STNMT'] }, tasks: [{ title: 'Rà soát' }] }],
    });
    await launchCampaign({ db: engine.db, client: engine.client, taskQueue: 'tls-test' }, campaign, { role: 'secretariat', name: 'thử' });
    // The assignment's event reaches the read model only through the worker's activities.
    await eventually(() => engine!.db.assignments.countDocuments({ campaignKey: 'qua-tls' }), (n) => n === 1, { what: 'the assignment' });
    expect((await engine.client.workflow.getHandle('qua-tls').describe()).status.name).toBe('RUNNING');
    expect(new Set(clientsWithCertificate)).toEqual(new Set(['directive-engine']));
    expect(clientsWithCertificate.length).toBeGreaterThanOrEqual(2); // the client's and the worker's
  });
});
