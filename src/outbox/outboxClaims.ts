/**
 * Claiming an outbox entry so that exactly one dispatcher delivers it, even with several worker
 * processes on one database. A claim is the insert of `<entry id>#<attempt>` into `outbox_claims`:
 * an insert with a unique `_id` is atomic on MongoDB and on FerretDB alike (FerretDB 1.x on
 * SQLite runs a findAndModify as a read, then a write, so two processes could both "win" a
 * conditional update; they cannot both insert one key). The winner then marks the entry
 * `sending` with its token and a lease; a dispatcher that dies leaves the lease to expire, and the
 * next claim (attempt + 1) takes the entry over.
 */
import { randomUUID } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import type { Database } from '../db/database';
import type { OutboxDoc } from '../db/models/outboxModel';

export interface OutboxClaimDoc {
  /** `<entry id>#<attempt>`: one claim per attempt, ever. */
  _id: string;
  entryId: string;
  attempt: number;
  token: string;
  claimedBy: string;
  claimedAt: Date;
}

const claimSchema = new Schema<OutboxClaimDoc>(
  {
    _id: { type: String, required: true },
    entryId: { type: String, required: true },
    attempt: { type: Number, required: true },
    token: { type: String, required: true },
    claimedBy: { type: String, required: true },
    claimedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'outbox_claims' },
);

export type OutboxClaimModel = Model<OutboxClaimDoc>;

export function outboxClaimModel(connection: Connection): OutboxClaimModel {
  return (connection.models.OutboxClaim as OutboxClaimModel | undefined) ?? connection.model<OutboxClaimDoc>('OutboxClaim', claimSchema);
}

export interface Claim {
  entry: OutboxDoc;
  token: string;
  leaseExpiresAt: Date;
}

const DUPLICATE_KEY = 11000;

/**
 * Entries a dispatcher may claim now, oldest first: pending and due, or `sending` under an expired
 * lease. One read serves a whole batch of deliveries: on a server without index pushdown (FerretDB
 * 1.x) this read scans the collection, so it must not be paid once per email.
 */
export async function findClaimable(db: Database, now: Date, limit: number): Promise<OutboxDoc[]> {
  const due = { status: 'pending' as const, $or: [{ nextAttemptAt: { $exists: false } }, { nextAttemptAt: { $lte: now } }] };
  const [signInLinks, pending, abandoned] = await Promise.all([
    // A person waits at the screen for a sign-in link (valid 15 minutes): it goes before any backlog.
    db.outbox.find({ ...due, kind: 'signInLink' }).sort({ createdAt: 1, _id: 1 }).limit(limit).lean(),
    db.outbox.find(due).sort({ createdAt: 1, _id: 1 }).limit(limit).lean(),
    db.outbox.find({ status: 'sending', leaseExpiresAt: { $lte: now } }).sort({ createdAt: 1, _id: 1 }).limit(limit).lean(),
  ]);
  const first = new Set(signInLinks.map((entry) => entry._id));
  return [...signInLinks, ...abandoned, ...pending.filter((entry) => !first.has(entry._id))];
}

/**
 * Inserts the claim of `attempt`, or of a later attempt when the one found was abandoned: a
 * dispatcher that died between its claim and marking the entry left claim #n while the entry
 * still says n - 1 attempts; once that claim is older than a lease, #n + 1 may be taken.
 */
async function insertClaim(
  db: Database,
  entry: OutboxDoc,
  options: { now: Date; leaseMs: number; claimedBy: string },
): Promise<{ attempt: number; token: string } | undefined> {
  const claims = outboxClaimModel(db.connection);
  for (let attempt = entry.attempts + 1; attempt <= entry.attempts + 3; attempt++) {
    const token = randomUUID();
    try {
      await claims.collection.insertOne({
        _id: `${entry._id}#${attempt}` as never,
        entryId: entry._id,
        attempt,
        token,
        claimedBy: options.claimedBy,
        claimedAt: options.now,
      });
      return { attempt, token };
    } catch (error) {
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
    }
    // Someone holds this attempt. Ours only if that claim was abandoned before the entry was marked.
    const [taken, current] = await Promise.all([
      claims.findById(`${entry._id}#${attempt}`).lean(),
      db.outbox.findById(entry._id, { attempts: 1 }).lean(),
    ]);
    const abandoned = taken && current && current.attempts < attempt && taken.claimedAt.getTime() + options.leaseMs <= options.now.getTime();
    if (!abandoned) return undefined;
  }
  return undefined;
}

/**
 * Claims one entry read by findClaimable, or returns undefined when it is no longer claimable
 * (another dispatcher took this attempt, perhaps since our read).
 */
export async function claimEntry(
  db: Database,
  entry: OutboxDoc,
  options: { now: Date; leaseMs: number; claimedBy: string },
): Promise<Claim | undefined> {
  const claim = await insertClaim(db, entry, options);
  if (!claim) return undefined;
  const leaseExpiresAt = new Date(options.now.getTime() + options.leaseMs);
  const { attempt, token } = claim;
  await db.outbox.updateOne(
    { _id: entry._id },
    { $set: { status: 'sending', attempts: attempt, claimToken: token, claimedBy: options.claimedBy, leaseExpiresAt } },
  );
  return { entry: { ...entry, status: 'sending', attempts: attempt, claimToken: token, leaseExpiresAt }, token, leaseExpiresAt };
}
