/**
 * Storing and reading evidence files. A file is checked (size, type from its content), hashed
 * (SHA-256, kept with it and in the event that cites it) and written to GridFS before the result
 * that cites it is submitted; it is read back only for the assignment it was uploaded to.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import mongoose from 'mongoose';
import type { Actor } from '../domain/assignment/actor';
import type { EvidenceFileRef } from '../domain/assignment/assignmentEvents';
import type { Database } from '../db/database';
import { evidenceBucket, type EvidenceMetadata } from '../db/models/evidenceBucket';
import { ACCEPTED_EVIDENCE, detectEvidenceType } from './evidenceType';

export const DEFAULT_EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

export class EvidenceRefused extends Error {}

export interface UploadedFile {
  /** The name on the person's computer; kept for display and download only. */
  originalName: string;
  bytes: Buffer;
}

/** A file name safe to show and to send back: no folders, no control characters, not too long. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).at(-1) ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.normalize('NFC').replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(-200);
  return cleaned || 'minh-chung';
}

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} byte`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(0)} KB`;
  return `${(size / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}

/** Checks and stores one file for an assignment; refuses (EvidenceRefused, Vietnamese) what it may not keep. */
export async function storeEvidence(
  db: Database,
  input: { assignmentId: string; file: UploadedFile; actor: Actor; maxBytes?: number },
): Promise<EvidenceFileRef> {
  const { file } = input;
  const name = cleanFileName(file.originalName);
  const maxBytes = input.maxBytes ?? DEFAULT_EVIDENCE_MAX_BYTES;
  if (file.bytes.length === 0) throw new EvidenceRefused(`Tệp "${name}" rỗng.`);
  if (file.bytes.length > maxBytes) {
    throw new EvidenceRefused(`Tệp "${name}" lớn ${formatBytes(file.bytes.length)}, quá giới hạn ${formatBytes(maxBytes)}.`);
  }
  const type = detectEvidenceType(file.bytes, name);
  if (!type) throw new EvidenceRefused(`Tệp "${name}" không phải ${ACCEPTED_EVIDENCE}.`);
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const metadata: EvidenceMetadata = { assignmentId: input.assignmentId, contentType: type.mime, sha256, uploadedBy: input.actor };
  const upload = evidenceBucket(db.connection).openUploadStream(name, { metadata });
  await new Promise<void>((resolve, reject) => {
    upload.once('finish', () => resolve());
    upload.once('error', reject);
    upload.end(file.bytes);
  });
  return { id: upload.id.toString(), name, type: type.mime, size: file.bytes.length, sha256 };
}

export interface EvidenceDownload {
  file: EvidenceFileRef;
  stream: Readable;
}

/** The file if it was uploaded to this assignment; undefined otherwise (a file of another assignment is not found). */
export async function openEvidence(db: Database, assignmentId: string, fileId: string): Promise<EvidenceDownload | undefined> {
  if (!/^[0-9a-f]{24}$/.test(fileId)) return undefined;
  const bucket = evidenceBucket(db.connection);
  const _id = new mongoose.mongo.ObjectId(fileId);
  const [stored] = await bucket.find({ _id }).limit(1).toArray();
  const metadata = stored?.metadata as EvidenceMetadata | undefined;
  if (!stored || metadata?.assignmentId !== assignmentId) return undefined;
  return {
    file: { id: fileId, name: stored.filename, type: metadata.contentType, size: stored.length, sha256: metadata.sha256 },
    stream: bucket.openDownloadStream(_id),
  };
}

/** Reads a whole file (tests, checks): the bytes and whether they still match the recorded checksum. */
export async function readEvidence(db: Database, assignmentId: string, fileId: string): Promise<{ bytes: Buffer; intact: boolean } | undefined> {
  const download = await openEvidence(db, assignmentId, fileId);
  if (!download) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of download.stream) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  return { bytes, intact: createHash('sha256').update(bytes).digest('hex') === download.file.sha256 };
}
