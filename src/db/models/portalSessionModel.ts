/**
 * Portal sessions, kept on the server. The cookie holds a random id; the database holds only its
 * SHA-256 hash, so a copy of the database opens no session. Expiry is decided from the stored
 * instants on every read, not by a TTL index (FerretDB 1.24 accepts `expireAfterSeconds` but
 * never deletes anything); old documents are swept now and then.
 */
import { Schema, type Connection, type Model } from 'mongoose';
import { PERSON_ROLES, type PersonRole } from '../../domain/person/person';

export interface PortalSessionDoc {
  /** sha256(cookie value), hex. */
  _id: string;
  /** Absent on a visitor's session before sign-in (it still carries a CSRF token for the sign-in forms). */
  personEmail?: string;
  role?: PersonRole;
  agencyCode?: string;
  name?: string;
  /** The agency's name at sign-in, shown beside the person's name. */
  agencyName?: string;
  /** The synchroniser token every state-changing form must send back as `_csrf`. */
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  /** Absolute end, whatever the activity. */
  expiresAt: Date;
  /** Set by sign-out (or when a newer session replaces a visitor's one). */
  endedAt?: Date;
  /**
   * The sign-in code this session was opened with (its hash). Unique: inserting the session is
   * what consumes the code, atomically on MongoDB and FerretDB alike (a unique insert cannot
   * succeed twice, where FerretDB's find-and-modify is a read then a write).
   */
  signInCodeId?: string;
}

const portalSessionSchema = new Schema<PortalSessionDoc>(
  {
    _id: { type: String, required: true },
    personEmail: String,
    role: { type: String, enum: PERSON_ROLES },
    agencyCode: String,
    name: String,
    agencyName: String,
    csrfToken: { type: String, required: true },
    createdAt: { type: Date, required: true },
    lastSeenAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    endedAt: Date,
    signInCodeId: String,
  },
  { versionKey: false, collection: 'portal_sessions' },
);
// Sparse, not partial: FerretDB 1.24 refuses partialFilterExpression (and expireAfterSeconds).
portalSessionSchema.index({ signInCodeId: 1 }, { unique: true, sparse: true });
portalSessionSchema.index({ expiresAt: 1 });

export type PortalSessionModel = Model<PortalSessionDoc>;
export function portalSessionModel(connection: Connection): PortalSessionModel {
  return (
    (connection.models.PortalSession as PortalSessionModel | undefined) ??
    connection.model<PortalSessionDoc>('PortalSession', portalSessionSchema)
  );
}
