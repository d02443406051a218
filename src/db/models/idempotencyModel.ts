/**
 * Answers to mutating requests sent with an Idempotency-Key: a retried request gets the first
 * answer back and changes nothing twice. Records are kept for a day (`expiresAt`), then removed.
 */
import { Schema, type Connection, type Model } from 'mongoose';

export interface IdempotencyDoc {
  /** `<token hash>:<key>`: keys are per client. */
  _id: string;
  /** method + path + body hash: the same key with another request is refused. */
  fingerprint: string;
  state: 'inProgress' | 'done';
  /**
   * While `inProgress`: the request holds the key until then. A process that died mid-request
   * leaves the record behind; once the lease has passed a retry takes the key over.
   */
  leaseUntil?: Date;
  status?: number;
  contentType?: string;
  body?: string;
  headers?: Record<string, string>;
  createdAt: Date;
  /** After this the key is forgotten (a retry is a new request) and the record is removed. */
  expiresAt?: Date;
}

const idempotencySchema = new Schema<IdempotencyDoc>(
  {
    _id: { type: String, required: true },
    fingerprint: { type: String, required: true },
    state: { type: String, required: true },
    leaseUntil: Date,
    status: Number,
    contentType: String,
    body: String,
    headers: Schema.Types.Mixed,
    createdAt: { type: Date, required: true },
    expiresAt: Date,
  },
  { versionKey: false, collection: 'idempotency' },
);

export type IdempotencyModel = Model<IdempotencyDoc>;
export function idempotencyModel(connection: Connection): IdempotencyModel {
  return (connection.models.Idempotency as IdempotencyModel | undefined) ??
    connection.model<IdempotencyDoc>('Idempotency', idempotencySchema);
}

/**
 * A TTL index, so MongoDB removes expired records itself. FerretDB 1.24 refuses the option ("not
 * implemented", code 238): there the API's sweep (sweepExpiredIdempotencyRecords) does the work,
 * as it does everywhere anyway.
 */
export async function declareIdempotencyExpiry(model: IdempotencyModel): Promise<'ttl' | 'sweep only'> {
  try {
    await model.collection.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0, name: 'expiresAt_ttl' });
    return 'ttl';
  } catch (error) {
    if ((error as { code?: number }).code === 238) return 'sweep only';
    throw error;
  }
}
