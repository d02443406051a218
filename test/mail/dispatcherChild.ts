/**
 * An outbox dispatcher as a process of its own, for the crash drills: `node --import tsx
 * test/mail/dispatcherChild.ts`. CRASH_AT=afterClaim or afterSend kills the process (SIGKILL, no
 * clean-up of any kind) at that point of its first delivery; it prints "claimed <id>" and
 * "sent <id>" as it goes. SIGTERM stops it cleanly.
 */
import { openDatabase } from '../../src/db/database';
import { logger } from '../../src/logger';
import { createSmtpTransport } from '../../src/mail/smtpTransport';
import type { DispatcherHooks } from '../../src/outbox/deliverEntry';
import { startOutboxDispatcher } from '../../src/outbox/outboxDispatcher';
import { MAIL_FROM } from './dispatchAll';
import { testMailSettings } from './mailFixtures';

async function main(): Promise<void> {
  const crashAt = process.env.CRASH_AT as keyof DispatcherHooks | undefined;
  const db = await openDatabase(process.env.MONGODB_URI!);
  const smtp = createSmtpTransport(process.env.SMTP_URL!);
  const hooks: DispatcherHooks = {
    afterClaim: (entry) => {
      process.stdout.write(`claimed ${entry._id}\n`);
      if (crashAt === 'afterClaim') process.kill(process.pid, 'SIGKILL');
    },
    afterSend: (entry) => {
      process.stdout.write(`sent ${entry._id}\n`);
      if (crashAt === 'afterSend') process.kill(process.pid, 'SIGKILL');
    },
  };
  const dispatcher = startOutboxDispatcher({
    db,
    smtp,
    logger,
    mailFrom: MAIL_FROM,
    settings: testMailSettings({ leaseMs: Number(process.env.LEASE_MS ?? 2_000) }),
    hooks,
    claimedBy: process.env.CLAIMED_BY,
  });
  process.on('SIGTERM', () => {
    void (async () => {
      await dispatcher.stop();
      smtp.close();
      await db.close();
      process.exit(0);
    })();
  });
  process.stdout.write('ready\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
