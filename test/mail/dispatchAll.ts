/** Runs an outbox dispatcher in this process until nothing is left to send, for the mail suites. */
import type { Database } from '../../src/db/database';
import { logger } from '../../src/logger';
import type { SmtpTransport } from '../../src/mail/smtpTransport';
import type { MailSettings } from '../../src/outbox/mailSettings';
import { startOutboxDispatcher } from '../../src/outbox/outboxDispatcher';
import { eventually } from '../helpers/apiHarness';

export const MAIL_FROM = 'Ban Chỉ đạo CCHC Thành phố <cchc@sonoivu.example>';
/** The portal the emails of the mail suites link to. */
export const PORTAL_URL = 'https://congviec.hcm.example';

/** Entries still owed: pending (due or backing off) or being sent. */
export const unsettled = (db: Database) => db.outbox.countDocuments({ status: { $in: ['pending', 'sending'] } });

export async function dispatchAll(db: Database, smtp: SmtpTransport, settings: MailSettings, timeoutMs = 60_000): Promise<void> {
  const dispatcher = startOutboxDispatcher({ db, smtp, logger: logger.child({ test: 'mail' }), mailFrom: MAIL_FROM, settings, portalUrl: PORTAL_URL });
  try {
    await eventually(() => unsettled(db), (count) => count === 0, { timeoutMs });
  } finally {
    await dispatcher.stop();
  }
}
