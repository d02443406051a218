/**
 * The people directory: who may sign in to the portal, with which role and for which agency.
 * Kept by the secretariat (/api/v1/people); on a new installation it starts from the agencies'
 * contacts and the shipped staff of the secretariat and the People's Committee.
 */
import type { Database } from '../db/database';
import { toPerson, type PersonDoc } from '../db/models/personModel';
import type { Agency } from '../domain/agency/agency';
import { WorkEmailSchema, type Person, type PersonRole } from '../domain/person/person';

export class UnknownAgency extends Error {
  constructor(readonly agencyCode: string) {
    super(`Không có cơ quan ${agencyCode} trong danh bạ.`);
  }
}

/** The email as stored (trimmed, lower-case), or undefined when it is not an email at all. */
export function normalizeEmail(raw: string): string | undefined {
  const parsed = WorkEmailSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

export async function findActivePerson(db: Database, email: string): Promise<Person | undefined> {
  const normalized = normalizeEmail(email);
  if (!normalized) return undefined;
  const doc = await db.people.findById(normalized).lean();
  return doc && doc.active ? toPerson(doc) : undefined;
}

export async function listPeople(db: Database, filter: { agency?: string; role?: PersonRole; active?: boolean }): Promise<Person[]> {
  const query: Record<string, unknown> = {};
  if (filter.agency) query.agencyCode = filter.agency;
  if (filter.role) query.role = filter.role;
  if (filter.active !== undefined) query.active = filter.active;
  const docs = await db.people.find(query).sort({ agencyCode: 1, _id: 1 }).lean();
  return docs.map(toPerson);
}

export async function getPerson(db: Database, email: string): Promise<Person | undefined> {
  const normalized = normalizeEmail(email);
  const doc = normalized ? await db.people.findById(normalized).lean() : null;
  return doc ? toPerson(doc) : undefined;
}

/** Creates or replaces a person; `created` tells which. Deactivating ends the person's sessions. */
export async function savePerson(db: Database, person: Person, now = Date.now()): Promise<{ person: Person; created: boolean }> {
  if (!(await db.agencies.exists({ _id: person.agencyCode }))) throw new UnknownAgency(person.agencyCode);
  const { email, ...rest } = person;
  const doc: PersonDoc = { _id: email, ...rest, updatedAt: new Date(now) };
  const result = await db.people.replaceOne({ _id: email }, doc, { upsert: true });
  if (!person.active) await endSessionsOf(db, email, now);
  return { person, created: result.upsertedCount === 1 };
}

/** Deactivates a person (they can no longer sign in) and ends their open sessions. */
export async function deactivatePerson(db: Database, email: string, now = Date.now()): Promise<Person | undefined> {
  const normalized = normalizeEmail(email);
  if (!normalized) return undefined;
  const doc = await db.people.findOneAndUpdate({ _id: normalized }, { $set: { active: false, updatedAt: new Date(now) } }, { new: true }).lean();
  if (!doc) return undefined;
  await endSessionsOf(db, normalized, now);
  return toPerson(doc);
}

async function endSessionsOf(db: Database, email: string, now: number): Promise<void> {
  await db.portalSessions.updateMany({ personEmail: email, endedAt: { $exists: false } }, { $set: { endedAt: new Date(now) } });
}

/** Each contact of an agency is a person of the agency role. */
export function peopleFromAgencies(agencies: Agency[]): Person[] {
  return agencies.flatMap((agency) =>
    agency.contacts.map((contact) => ({
      email: contact.email.trim().toLowerCase(),
      name: contact.name,
      ...(contact.title ? { title: contact.title } : {}),
      role: 'agency' as const,
      agencyCode: agency.code,
      active: true,
    })),
  );
}

/**
 * A contact newly written into an agency's entry may sign in as a person of that agency. People
 * already in the directory stay as the secretariat left them (a deactivated one stays so).
 */
export async function addContactsAsPeople(db: Database, agency: Agency, now = Date.now()): Promise<number> {
  const people = peopleFromAgencies([agency]);
  if (people.length === 0) return 0;
  const result = await db.people.bulkWrite(
    people.map(({ email, ...rest }) => ({
      updateOne: { filter: { _id: email }, update: { $setOnInsert: { ...rest, updatedAt: new Date(now) } }, upsert: true },
    })),
    { ordered: false },
  );
  return result.upsertedCount;
}
