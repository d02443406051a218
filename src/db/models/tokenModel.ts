/**
 * API tokens, stored only as SHA-256 hashes: a leaked database does not leak working tokens.
 */
import { Schema, type Connection, type Model } from 'mongoose';
import type { Role } from '../../domain/assignment/actor';

export interface TokenDoc {
  /** sha256(token), hex. */
  _id: string;
  name: string;
  role: Exclude<Role, 'system'>;
  agencyCode?: string;
  createdAt: Date;
  revokedAt?: Date;
}

const tokenSchema = new Schema<TokenDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    role: { type: String, enum: ['secretariat', 'agency', 'committee'], required: true },
    agencyCode: String,
    createdAt: { type: Date, required: true },
    revokedAt: Date,
  },
  { versionKey: false, collection: 'tokens' },
);

export type TokenModel = Model<TokenDoc>;
export function tokenModel(connection: Connection): TokenModel {
  return (connection.models.Token as TokenModel | undefined) ?? connection.model<TokenDoc>('Token', tokenSchema);
}
