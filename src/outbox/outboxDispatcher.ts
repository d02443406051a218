/**
 * The outbox dispatcher: runs beside the worker, polls `outbox` for entries due, claims each under
 * a lease and delivers it; once a minute it also queues the weekly digests that are due. When the
 * SMTP server cannot be reached the whole loop backs off (not each entry on its own), so a backlog
 * waits quietly and goes out when the server is back.
 */
import os from 'node:os';
import { DEFAULT_PORTAL_URL } from '../config';
import type { Logger } from '../logger';
import { parseMailbox } from '../domain/notification/mailbox';
import type { Database } from '../db/database';
import type { SmtpTransport } from '../mail/smtpTransport';
import { TemplateStore } from '../mail/templateStore';
import { backoffDelay } from './backoff';
import { deliverClaimed, type DispatcherHooks } from './deliverEntry';
import type { MailSettings } from './mailSettings';
import { claimEntry, findClaimable } from './outboxClaims';
import { queuePendingDigest } from './pendingDigest';
import { queueWeeklyDigests } from './weeklyDigest';

export interface OutboxDispatcherOptions {
  db: Database;
  smtp: SmtpTransport;
  logger: Logger;
  /** MAIL_FROM: "Tên <dia-chi@mien>"; its domain is the Message-IDs' domain. */
  mailFrom: string;
  settings: MailSettings;
  /** PORTAL_URL (no trailing slash): every email links to the portal. Default http://127.0.0.1:3000. */
  portalUrl?: string;
  hooks?: DispatcherHooks;
  /** The clock (tests of the digest schedule pass their own). */
  now?: () => number;
  /** Who claims, in `outbox_claims` (default host:pid). */
  claimedBy?: string;
}

export interface OutboxDispatcher {
  /** Finishes the delivery under way (never cut mid-send), then stops polling. */
  stop(): Promise<void>;
}

const DIGEST_CHECK_EVERY_MS = 60_000;
/** Entries read at once and then delivered in turn before the next read. */
const CLAIMABLE_PER_READ = 100;

export function startOutboxDispatcher(options: OutboxDispatcherOptions): OutboxDispatcher {
  const { db, logger, settings } = options;
  const now = options.now ?? Date.now;
  const claimedBy = options.claimedBy ?? `${os.hostname()}:${process.pid}`;
  const deps = {
    db,
    smtp: options.smtp,
    logger,
    settings,
    templates: new TemplateStore(settings.templatesDir),
    from: parseMailbox(options.mailFrom) ?? { address: options.mailFrom },
    leaseMs: settings.leaseMs,
    portalUrl: options.portalUrl ?? DEFAULT_PORTAL_URL,
    hooks: options.hooks,
    now,
  };
  const digestSeen = new Set<string>();
  let lastDigestCheck = 0;
  let lastPendingCheck = -Infinity;
  const pendingSeen = new Set<string>();
  let stopping = false;
  let wake: (() => void) | undefined;
  let outage = 0;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  /** Delivers what is due; true when the SMTP server could not be reached. */
  async function drain(): Promise<boolean> {
    while (!stopping) {
      const due = await findClaimable(db, new Date(now()), CLAIMABLE_PER_READ);
      let claimed = 0;
      // One at a time: a crash can then leave at most one email sent but not marked (README).
      for (const entry of due) {
        if (stopping) break;
        const claim = await claimEntry(db, entry, { now: new Date(now()), leaseMs: settings.leaseMs, claimedBy });
        if (!claim) continue;
        claimed += 1;
        const result = await deliverClaimed(deps, claim);
        if (result.outcome === 'retry' && result.connectionProblem) return true;
        if (result.outcome !== 'retry') outage = 0;
      }
      // Drained (a short read), or everything read was someone else's (claims not yet marked,
      // leases running): wait a poll rather than read again for the few entries that trickle in.
      if (claimed === 0 || due.length < CLAIMABLE_PER_READ) return false;
    }
    return false;
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      let pause = settings.pollIntervalMs;
      try {
        if (settings.digest && now() - lastDigestCheck >= DIGEST_CHECK_EVERY_MS) {
          lastDigestCheck = now();
          const queued = await queueWeeklyDigests(db, settings.digest, now(), digestSeen);
          if (queued.length) logger.info({ queued }, 'weekly digests queued');
        }
        if (settings.pendingDigest && now() - lastPendingCheck >= DIGEST_CHECK_EVERY_MS) {
          lastPendingCheck = now();
          const queued = await queuePendingDigest(db, settings.secretariatNotices, now(), pendingSeen);
          if (queued) logger.info({ queued }, 'daily pending list queued');
        }
        if (await drain()) {
          outage += 1;
          pause = Math.max(pause, backoffDelay(outage, settings.backoff));
        }
      } catch (error) {
        // The database is away: nothing is lost (the entries wait in it); try again later.
        outage += 1;
        pause = Math.max(pause, backoffDelay(outage, settings.backoff));
        logger.error({ err: error }, 'outbox dispatcher: a round failed; will retry');
      }
      if (!stopping) await sleep(pause);
    }
  }

  const running = loop();
  return {
    async stop() {
      stopping = true;
      wake?.();
      await running;
    },
  };
}
