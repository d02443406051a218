/**
 * The secretariat's daily "chờ xử lý" email, run by the dispatcher like the weekly digest: on
 * working weekdays (Monday to Friday), once the day's slot (PENDING_DIGEST_TIME, Vietnam) has
 * passed, one entry `pendingDigest.<YYYY-MM-DD>` when a notice kind is `daily` and something waits
 * on the secretariat (a result to review, an extension to decide). The id makes it one email a day
 * however many dispatchers look.
 */
import { dateAt, instantAt, isoWeekday } from '../domain/time/localDate';
import type { Database } from '../db/database';
import { insertOnce } from '../db/insertOnce';
import type { OutboxDoc } from '../db/models/outboxModel';
import { secretariatQueue, type SecretariatQueue } from '../services/secretariatQueue';
import type { SecretariatNotices } from './mailSettings';

export function pendingDigestId(day: string): string {
  return `pendingDigest.${day}`;
}

/** What the daily list carries under these settings (the kinds set to `daily`). */
export function dailyItems(queue: SecretariatQueue, notices: SecretariatNotices): Pick<SecretariatQueue, 'results' | 'extensions'> {
  return {
    results: notices.resultSubmitted === 'daily' ? queue.results : [],
    extensions: notices.extensionRequested === 'daily' ? queue.extensions : [],
  };
}

/** Queues today's list when it is due and not empty; returns the id queued, if any. */
export async function queuePendingDigest(db: Database, notices: SecretariatNotices, now: number, seen: Set<string> = new Set()): Promise<string | undefined> {
  if (notices.resultSubmitted !== 'daily' && notices.extensionRequested !== 'daily') return undefined;
  const day = dateAt(now);
  const slot = instantAt(day, notices.dailyTime);
  if (isoWeekday(day) > 5 || now < slot) return undefined;
  const id = pendingDigestId(day);
  if (seen.has(id)) return undefined;
  if (await db.outbox.exists({ _id: id })) {
    seen.add(id);
    return undefined;
  }
  const items = dailyItems(await secretariatQueue(db), notices);
  // Nothing waits yet: look again later today (a result may come in the afternoon).
  if (items.results.length + items.extensions.length === 0) return undefined;
  seen.add(id);
  const entry: OutboxDoc = { _id: id, kind: 'pendingDigest', digestDay: day, asOf: new Date(slot), status: 'pending', attempts: 0, createdAt: new Date(now) };
  return (await insertOnce<OutboxDoc>(db.outbox, [entry])) === 1 ? id : undefined;
}
