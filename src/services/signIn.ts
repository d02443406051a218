/**
 * Sign-in by one-time link. A person types a work email; if it is an active person's, a code is
 * made (random, stored only as its hash, valid 15 minutes) and the link goes out through the
 * outbox. The answer is the same either way, so the form reveals no accounts. Opening the link
 * and confirming consumes the code by opening a session with it: only once, even when two
 * requests race, because the session's `signInCodeId` is unique.
 */
import type { Database } from '../db/database';
import type { OutboxDoc } from '../db/models/outboxModel';
import { SIGN_IN_CODE_MS } from '../domain/person/signInCode';
import { findActivePerson, normalizeEmail } from './people';
import { hashSecret, openSession, randomSecret, SignInCodeAlreadyUsed, type OpenedSession, type SessionTimes } from './portalSessions';

export type SignInRequest = { outcome: 'invalidEmail' } | { outcome: 'accepted'; email: string };

/** Asks for a link; `next` is where the person lands after signing in (a checked same-site path). */
export async function requestSignIn(
  db: Database,
  input: { email: string; next: string; from?: string; now: number },
): Promise<SignInRequest> {
  const email = normalizeEmail(input.email);
  if (!email) return { outcome: 'invalidEmail' };
  const person = await findActivePerson(db, email);
  if (!person) return { outcome: 'accepted', email };
  const { code, codeId } = await issueSignInCode(db, { email, next: input.next, from: input.from, now: input.now });
  const now = new Date(input.now);
  const entry: OutboxDoc = {
    // From the code's hash, which does not reveal the code: the id is shown in GET /outbox.
    _id: `signInLink.${codeId.slice(0, 24)}`,
    kind: 'signInLink',
    personEmail: email,
    signInCode: code,
    status: 'pending',
    attempts: 0,
    createdAt: now,
  };
  await db.outbox.collection.insertOne(entry as never);
  return { outcome: 'accepted', email };
}

/** Makes a code for an email (the caller has checked the person): stored as its hash only. */
export async function issueSignInCode(
  db: Database,
  input: { email: string; next: string; from?: string; now: number },
): Promise<{ code: string; codeId: string }> {
  const code = randomSecret();
  const codeId = hashSecret(code);
  await db.signInCodes.collection.insertOne({
    _id: codeId as never,
    personEmail: input.email,
    createdAt: new Date(input.now),
    expiresAt: new Date(input.now + SIGN_IN_CODE_MS),
    next: input.next,
    ...(input.from ? { requestedFrom: input.from } : {}),
  });
  return { code, codeId };
}

export type CodeCheck =
  | { status: 'valid'; next: string; personEmail: string; codeId: string }
  | { status: 'expired' | 'used'; next: string }
  | { status: 'unknown' };

/** What a link's code is worth now, without using it. */
export async function checkSignInCode(db: Database, code: string, now: number): Promise<CodeCheck> {
  if (!code || code.length > 200) return { status: 'unknown' };
  const doc = await db.signInCodes.findById(hashSecret(code)).lean();
  if (!doc) return { status: 'unknown' };
  if (doc.usedAt) return { status: 'used', next: doc.next };
  if (doc.expiresAt.getTime() <= now) return { status: 'expired', next: doc.next };
  return { status: 'valid', next: doc.next, personEmail: doc.personEmail, codeId: doc._id };
}

export type SignInResult =
  | { status: 'signedIn'; session: OpenedSession; next: string }
  | { status: 'expired' | 'used'; next: string }
  | { status: 'unknown' };

/** Uses the code: opens the person's session, once. */
export async function consumeSignInCode(db: Database, code: string, now: number, times: SessionTimes): Promise<SignInResult> {
  const check = await checkSignInCode(db, code, now);
  if (check.status !== 'valid') return check;
  const person = await findActivePerson(db, check.personEmail);
  if (!person) return { status: 'unknown' };
  const agency = await db.agencies.findById(person.agencyCode, { name: 1, shortName: 1 }).lean();
  let session: OpenedSession;
  try {
    const agencyName = agency?.shortName ?? agency?.name;
    session = await openSession(db, { person: { ...person, agencyName }, signInCodeId: check.codeId, now, times });
  } catch (error) {
    if (error instanceof SignInCodeAlreadyUsed) return { status: 'used', next: check.next };
    throw error;
  }
  await db.signInCodes.updateOne({ _id: check.codeId }, { $set: { usedAt: new Date(now) } });
  return { status: 'signedIn', session, next: check.next };
}

