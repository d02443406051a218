/**
 * Evidence files: GridFS (the `evidence.files` and `evidence.chunks` collections) on the engine's
 * own connection, so a file is as durable as the events that cite it, on MongoDB and on FerretDB
 * alike (test/integration/evidenceStore.test.ts runs it on FerretDB).
 */
import mongoose, { type Connection } from 'mongoose';
import type { Actor } from '../../domain/assignment/actor';

export const EVIDENCE_BUCKET = 'evidence';

/** What each stored file carries besides its bytes. */
export interface EvidenceMetadata {
  assignmentId: string;
  /** The type detected from the content, not the one the browser claimed. */
  contentType: string;
  sha256: string;
  uploadedBy: Actor;
}

export type EvidenceBucket = InstanceType<typeof mongoose.mongo.GridFSBucket>;

export function evidenceBucket(connection: Connection): EvidenceBucket {
  if (!connection.db) throw new Error('the database connection is not open');
  return new mongoose.mongo.GridFSBucket(connection.db, { bucketName: EVIDENCE_BUCKET });
}
