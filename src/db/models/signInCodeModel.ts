/**
 * One-time sign-in codes: the secret in the emailed link, stored only as its SHA-256 hash, valid
 * for 15 minutes. It is consumed by opening a session with it (see portalSessionModel).
 */
import { Schema, type Connection, type Model } from 'mongoose';

export interface SignInCodeDoc {
  /** sha256(code), hex. */
  _id: string;
  personEmail: string;
  createdAt: Date;
  expiresAt: Date;
  /** Where the person goes after signing in (a same-site path). */
  next: string;
  /** The requester's network address, for the rate limit and the record. */
  requestedFrom?: string;
  usedAt?: Date;
}

const signInCodeSchema = new Schema<SignInCodeDoc>(
  {
    _id: { type: String, required: true },
    personEmail: { type: String, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    next: { type: String, required: true },
    requestedFrom: String,
    usedAt: Date,
  },
  { versionKey: false, collection: 'sign_in_codes' },
);
signInCodeSchema.index({ expiresAt: 1 });

export type SignInCodeModel = Model<SignInCodeDoc>;
export function signInCodeModel(connection: Connection): SignInCodeModel {
  return (connection.models.SignInCode as SignInCodeModel | undefined) ?? connection.model<SignInCodeDoc>('SignInCode', signInCodeSchema);
}
