/**
 * A Mailpit that refuses, with a permanent 550, every recipient not matching a pattern
 * (`--smtp-allowed-recipients`): a real SMTP server answering as a relay does to an address that
 * does not exist. Otherwise the same as the stack's Mailpit (free ports, a folder of its own).
 */
import path from 'node:path';
import type { MailpitServer } from '../../src/stack/embeddedServices';
import { requireProgram } from '../../src/stack/paths';
import { freePorts, isListening } from '../../src/stack/ports';
import { startService } from '../../src/stack/service';
import { freshDir } from './testRoot';

/** `allowedRecipients`: a Go (RE2) regular expression matched against each recipient address. */
export async function startRejectingMailpit(allowedRecipients: string): Promise<MailpitServer> {
  const dataDir = freshDir('mailpit-rejecting');
  const [smtpPort, uiPort] = (await freePorts(2)) as [number, number];
  const uiUrl = `http://127.0.0.1:${uiPort}`;
  const service = await startService({
    name: 'Mailpit (rejecting)',
    command: requireProgram('mailpit'),
    args: [
      '--smtp', `127.0.0.1:${smtpPort}`,
      '--listen', `127.0.0.1:${uiPort}`,
      '--database', path.join(dataDir, 'mailpit.db'),
      '--smtp-allowed-recipients', allowedRecipients,
      '--disable-version-check',
    ],
    ports: [
      { port: smtpPort, label: 'SMTP_PORT' },
      { port: uiPort, label: 'MAILPIT_UI_PORT' },
    ],
    logFile: path.join(dataDir, 'logs', 'mailpit.log'),
    isReady: async () => (await fetch(`${uiUrl}/readyz`)).ok && (await isListening(smtpPort)),
  });
  return { service, smtpUrl: `smtp://127.0.0.1:${smtpPort}`, uiUrl };
}
