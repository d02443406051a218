/**
 * Answers to mutating requests sent with an Idempotency-Key: a retried request gets the first
 * answer back and changes nothing twice.
 */
import { Schema, type Connection, type Model } from 'mongoose';

export interface IdempotencyDoc {
  /** `<token hash>:<key>`: keys are per client. */
  _id: string;
  /** method + path + body hash: the same key with another request is refused. */
  fingerprint: string;
  state: 'inProgress' | 'done';
  status?: number;
  contentType?: string;
  body?: string;
  headers?: Record<string, string>;
  createdAt: Date;
}

const idempotencySchema = new Schema<IdempotencyDoc>(
  {
    _id: { type: String, required: true },
    fingerprint: { type: String, required: true },
    state: { type: String, required: true },
    status: Number,
    contentType: String,
    body: String,
    headers: Schema.Types.Mixed,
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'idempotency' },
);

export type IdempotencyModel = Model<IdempotencyDoc>;
export function idempotencyModel(connection: Connection): IdempotencyModel {
  return (connection.models.Idempotency as IdempotencyModel | undefined) ??
    connection.model<IdempotencyDoc>('Idempotency', idempotencySchema);
}
