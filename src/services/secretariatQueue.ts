/**
 * "Cần xử lý": what waits on the secretariat. Results waiting for acceptance, extension requests
 * waiting for a decision, and emails that failed for good; each with how long it has waited,
 * oldest first.
 */
import type { Database } from '../db/database';
import { MAIL_KIND_LABELS } from '../domain/notification/mailKinds';
import { agencyNames } from './portalQueries';

export interface QueueItem {
  assignmentId: string;
  title: string;
  agencyName: string;
  /** When it started waiting (ISO). */
  since: string;
  detail: string;
}

export interface FailedEmail {
  id: string;
  kind: string;
  subject?: string;
  recipients: string;
  assignmentId?: string;
  since: string;
  reason?: string;
}

export interface SecretariatQueue {
  results: QueueItem[];
  extensions: QueueItem[];
  failedEmails: FailedEmail[];
}

const byAge = <T extends { since: string }>(items: T[]) => items.sort((a, b) => a.since.localeCompare(b.since));

export async function secretariatQueue(db: Database): Promise<SecretariatQueue> {
  // One read of the assignments for both lists (each query is a pass over the collection on FerretDB).
  const [names, waiting, failed] = await Promise.all([
    agencyNames(db),
    db.assignments
      .find({ $or: [{ status: 'resultSubmitted' }, { pendingExtension: { $exists: true } }] }, { title: 1, agencyCode: 1, status: 1, result: 1, pendingExtension: 1, updatedAt: 1 })
      .lean(),
    db.outbox.find({ status: 'failed' }).sort({ failedAt: 1 }).limit(500).lean(),
  ]);
  const submitted = waiting.filter((doc) => doc.status === 'resultSubmitted');
  const extensions = waiting.filter((doc) => doc.pendingExtension?.requestedAt && doc.status !== 'accepted' && doc.status !== 'cancelled');
  const nameOf = (code: string) => names.get(code) ?? code;
  return {
    results: byAge(
      submitted.map((doc) => ({
        assignmentId: doc._id,
        title: doc.title,
        agencyName: nameOf(doc.agencyCode),
        since: doc.result?.submittedAt ?? doc.updatedAt,
        detail: doc.result?.summary ?? '',
      })),
    ),
    extensions: byAge(
      extensions.map((doc) => ({
        assignmentId: doc._id,
        title: doc.title,
        agencyName: nameOf(doc.agencyCode),
        since: doc.pendingExtension!.requestedAt,
        detail: doc.pendingExtension!.reason,
      })),
    ),
    failedEmails: failed.map((entry) => ({
      id: entry._id,
      kind: MAIL_KIND_LABELS[entry.kind] ?? entry.kind,
      subject: entry.subject,
      recipients: [...(entry.to ?? []), ...(entry.cc ?? [])].map((a) => a.address).join(', '),
      assignmentId: entry.assignmentId,
      since: (entry.failedAt ?? entry.createdAt).toISOString(),
      reason: entry.lastError,
    })),
  };
}
