/**
 * Delivering one claimed entry: compose, send with its deterministic Message-ID, and record the
 * outcome. A permanent refusal (5xx to the recipients or the message, or no address at all) is
 * marked failed with the reason and the secretariat is told; anything else goes back to pending
 * with exponential backoff. Nothing is sent on a lease too close to its end: another dispatcher
 * may take the entry over once it expires, and only one of them may send it.
 */
import type { Logger } from '../logger';
import { formatMailbox, type Mailbox } from '../domain/notification/mailbox';
import type { DeliveryFailureFacts, OutboxDoc } from '../db/models/outboxModel';
import { classifySmtpFailure } from '../mail/smtpFailure';
import type { SmtpTransport } from '../mail/smtpTransport';
import { backoffDelay } from './backoff';
import { composeMail, UndeliverableMail, type ComposedMail, type MailContext } from './composeMail';
import { queueFailureNotice } from './failureNotice';
import type { Claim } from './outboxClaims';
import { markFailed, markSent, releaseForRetry } from './outboxTransitions';

/** Observation points for fault drills (tests kill the process at these instants). */
export interface DispatcherHooks {
  /** The entry is claimed (status `sending`, lease taken) and nothing is sent yet. */
  afterClaim?(entry: OutboxDoc): void | Promise<void>;
  /** The SMTP server accepted the message; it is not yet marked sent. */
  afterSend?(entry: OutboxDoc): void | Promise<void>;
}

export interface DeliveryDeps extends MailContext {
  smtp: SmtpTransport;
  logger: Logger;
  leaseMs: number;
  hooks?: DispatcherHooks;
  now: () => number;
}

export type DeliveryOutcome =
  | { outcome: 'sent' | 'failed' | 'released' }
  | { outcome: 'retry'; connectionProblem: boolean };

const plain = (list: Mailbox[]) => list.map((m) => (m.name ? { name: m.name, address: m.address } : { address: m.address }));

/** Send only with at least this much lease left: SMTP timeouts (10 s + 10 s + 30 s idle) fit well inside. */
function minimumLeaseLeft(leaseMs: number): number {
  return Math.min(60_000, leaseMs / 2);
}

async function failForGood(deps: DeliveryDeps, claim: Claim, facts: DeliveryFailureFacts, details: Partial<OutboxDoc>) {
  const { db, logger } = deps;
  const now = new Date(deps.now());
  // Told first, marked second: a crash in between re-queues the same notice id (no loss, no double).
  const told = await queueFailureNotice(db, claim.entry, facts, now);
  if (!told) logger.error({ outboxId: claim.entry._id, reason: facts.reason }, 'a notice to the secretariat could not be delivered');
  await markFailed(db, claim.entry._id, claim.token, now, `Không gửi được: ${facts.reason}`, {
    ...details,
    failures: (claim.entry.failures ?? 0) + 1,
  });
  logger.warn({ outboxId: claim.entry._id, reason: facts.reason }, 'email failed permanently');
}

async function retryLater(deps: DeliveryDeps, claim: Claim, reason: string): Promise<void> {
  const delay = backoffDelay(claim.entry.attempts, deps.settings.backoff);
  await releaseForRetry(deps.db, claim.entry._id, claim.token, reason, new Date(deps.now() + delay));
}

export async function deliverClaimed(deps: DeliveryDeps, claim: Claim): Promise<DeliveryOutcome> {
  const { entry } = claim;
  await deps.hooks?.afterClaim?.(entry);

  let mail: ComposedMail;
  try {
    mail = await composeMail(deps, entry);
  } catch (error) {
    if (error instanceof UndeliverableMail) {
      await failForGood(
        deps,
        claim,
        { kind: entry.kind, reason: error.reason, refused: [], partlyDelivered: false, to: plain(error.intended.to), cc: plain(error.intended.cc) },
        {},
      );
      return { outcome: 'failed' };
    }
    // A template being edited, a database hiccup: retried, and shown in GET /outbox meanwhile.
    deps.logger.error({ err: error, outboxId: entry._id }, 'could not compose an email; will retry');
    await retryLater(deps, claim, `Không soạn được thư: ${(error as Error).message}`);
    return { outcome: 'retry', connectionProblem: false };
  }

  if (claim.leaseExpiresAt.getTime() - deps.now() < minimumLeaseLeft(deps.leaseMs)) {
    await releaseForRetry(deps.db, entry._id, claim.token, 'Hết thời hạn giữ thư trước khi gửi; sẽ gửi lại.', new Date(deps.now()));
    return { outcome: 'released' };
  }

  const sentFields = {
    messageId: mail.messageId,
    subject: mail.subject,
    to: plain(mail.to),
    cc: plain(mail.cc),
    redirectedTo: mail.redirectedTo,
  };
  let rejected: { address: string; response: string }[];
  try {
    const info = await deps.smtp.sendMail({
      from: formatMailbox(deps.from),
      to: plain(mail.to),
      cc: plain(mail.cc),
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      references: mail.references,
      attachments: mail.attachments,
      headers: { 'X-Outbox-Id': entry._id },
    });
    rejected = ((info as { rejectedErrors?: { recipient?: string; response?: string }[] }).rejectedErrors ?? []).map((r) => ({
      address: r.recipient ?? '',
      response: (r.response ?? '').trim(),
    }));
  } catch (error) {
    const failure = classifySmtpFailure(error);
    if (failure.permanent) {
      const refused = failure.rejected.length ? failure.rejected : [...mail.to, ...mail.cc].map((m) => ({ address: m.address, response: failure.reason }));
      await failForGood(
        deps,
        claim,
        { kind: entry.kind, reason: failure.reason, refused, partlyDelivered: false, to: plain(mail.to), cc: plain(mail.cc) },
        { ...sentFields, rejectedRecipients: refused },
      );
      return { outcome: 'failed' };
    }
    deps.logger.warn({ outboxId: entry._id, reason: failure.reason }, 'SMTP unavailable; will retry');
    await retryLater(deps, claim, `Chưa gửi được, sẽ thử lại: ${failure.reason}`);
    return { outcome: 'retry', connectionProblem: failure.connection };
  }

  await deps.hooks?.afterSend?.(entry);
  const now = new Date(deps.now());
  if (rejected.length > 0) {
    // Delivered to the others; the refused addresses are the secretariat's to fix.
    const reason = rejected.map((r) => `${r.address}: ${r.response}`).join('; ');
    await queueFailureNotice(deps.db, entry, { kind: entry.kind, reason, refused: rejected, partlyDelivered: true, to: plain(mail.to), cc: plain(mail.cc) }, now);
  }
  await markSent(deps.db, entry._id, claim.token, now, {
    ...sentFields,
    ...(rejected.length ? { rejectedRecipients: rejected, failures: (entry.failures ?? 0) + 1 } : {}),
  });
  return { outcome: 'sent' };
}
