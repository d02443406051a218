/**
 * Portal sessions: opened at sign-in (or for a visitor, to carry the CSRF token of the sign-in
 * forms), found again from the cookie, ended by sign-out, and ended by time: after the idle
 * timeout and, whatever the activity, after the absolute lifetime. Times are always compared
 * with the stored instants (no TTL index: FerretDB 1.24 has none).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../db/database';
import type { PortalSessionDoc } from '../db/models/portalSessionModel';
import type { Person } from '../domain/person/person';

export interface SessionTimes {
  sessionIdleMs: number;
  sessionMaxMs: number;
}

export interface OpenedSession {
  /** The cookie's value: shown to the browser once, stored only as a hash. */
  secret: string;
  doc: PortalSessionDoc;
}

/** A visitor's session (before sign-in) lives at most this long. */
const VISITOR_MAX_MS = 2 * 3_600_000;
/** lastSeenAt is written at most this often per session (not on every request). */
const TOUCH_EVERY_MS = 60_000;
const DUPLICATE_KEY = 11000;

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');
export const randomSecret = () => randomBytes(32).toString('base64url');

export class SignInCodeAlreadyUsed extends Error {}

/**
 * Opens a session; with a person, it is a signed-in session. `signInCodeId` consumes a sign-in
 * code: the unique index lets only one session ever be opened with it.
 */
export async function openSession(
  db: Database,
  options: {
    person?: Pick<Person, 'email' | 'name' | 'role' | 'agencyCode'> & { agencyName?: string };
    signInCodeId?: string;
    now: number;
    times: SessionTimes;
  },
): Promise<OpenedSession> {
  const secret = randomSecret();
  const now = new Date(options.now);
  const { person } = options;
  const doc: PortalSessionDoc = {
    _id: hashSecret(secret),
    ...(person
      ? { personEmail: person.email, name: person.name, role: person.role, agencyCode: person.agencyCode, agencyName: person.agencyName }
      : {}),
    ...(options.signInCodeId ? { signInCodeId: options.signInCodeId } : {}),
    csrfToken: randomSecret(),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(options.now + (person ? options.times.sessionMaxMs : Math.min(VISITOR_MAX_MS, options.times.sessionMaxMs))),
  };
  try {
    await db.portalSessions.collection.insertOne(doc as never);
  } catch (error) {
    if ((error as { code?: number }).code === DUPLICATE_KEY && options.signInCodeId) throw new SignInCodeAlreadyUsed();
    throw error;
  }
  return { secret, doc };
}

export function isLive(doc: PortalSessionDoc, now: number, times: SessionTimes): boolean {
  return !doc.endedAt && doc.expiresAt.getTime() > now && doc.lastSeenAt.getTime() + times.sessionIdleMs > now;
}

/** The live session of a cookie value, its idle clock restarted; undefined when there is none. */
export async function findLiveSession(db: Database, secret: string, now: number, times: SessionTimes): Promise<PortalSessionDoc | undefined> {
  const doc = await db.portalSessions.findById(hashSecret(secret)).lean();
  if (!doc || !isLive(doc, now, times)) return undefined;
  if (now - doc.lastSeenAt.getTime() >= Math.min(TOUCH_EVERY_MS, times.sessionIdleMs / 10)) {
    await db.portalSessions.updateOne({ _id: doc._id }, { $set: { lastSeenAt: new Date(now) } });
  }
  return doc;
}

export async function endSession(db: Database, id: string, now: number): Promise<void> {
  await db.portalSessions.updateOne({ _id: id, endedAt: { $exists: false } }, { $set: { endedAt: new Date(now) } });
}

/**
 * Deletes sessions past their absolute end (ended or not): they can never be used again, and the
 * sign-in codes they consumed expired long before.
 */
export async function sweepSessions(db: Database, now: number): Promise<number> {
  const result = await db.portalSessions.deleteMany({ expiresAt: { $lt: new Date(now) } });
  return result.deletedCount;
}
