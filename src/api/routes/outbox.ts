/**
 * /api/v1/outbox (secretariat only): every email the engine owes or sent, with its status, the
 * recipients, the subject and, for a failure, the SMTP server's reason; and `retry` to send a
 * failed one again once the directory is fixed.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../../db/database';
import { OUTBOX_STATUSES, type OutboxDoc, type OutboxStatus } from '../../db/models/outboxModel';
import { MAIL_KIND_LABELS, MAIL_KINDS } from '../../domain/notification/mailKinds';
import { defineRoute } from '../defineRoute';
import type { ApiDeps } from '../apiDeps';
import { problems } from '../problem';

export const OUTBOX_STATUS_LABELS: Record<OutboxStatus, string> = {
  pending: 'Chờ gửi',
  sending: 'Đang gửi',
  sent: 'Đã gửi',
  failed: 'Không gửi được',
};

const OutboxQuerySchema = z.object({
  status: z.enum(OUTBOX_STATUSES).optional(),
  kind: z.enum(MAIL_KINDS).optional(),
  campaign: z.string().max(50).optional(),
  assignment: z.string().max(120).optional(),
  agency: z.string().max(20).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
type OutboxQuery = z.infer<typeof OutboxQuerySchema>;

const IdParams = z.object({ id: z.string().min(3).max(300) });

interface Cursor {
  at: string;
  id: string;
}

function encodeCursor(doc: OutboxDoc): string {
  return Buffer.from(JSON.stringify({ at: doc.createdAt.toISOString(), id: doc._id } satisfies Cursor)).toString('base64url');
}

function decodeCursor(text: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<Cursor>;
    if (typeof value.at !== 'string' || typeof value.id !== 'string' || Number.isNaN(Date.parse(value.at))) throw new Error('shape');
    return value as Cursor;
  } catch {
    throw problems.badRequest('Tham số cursor không hợp lệ; hãy dùng nextCursor của trang trước.');
  }
}

export function outboxItem(doc: OutboxDoc) {
  return {
    id: doc._id,
    kind: doc.kind,
    kindLabel: MAIL_KIND_LABELS[doc.kind],
    status: doc.status,
    statusLabel: OUTBOX_STATUS_LABELS[doc.status],
    campaignKey: doc.campaignKey,
    assignmentId: doc.assignmentId,
    agencyCode: doc.agencyCode,
    eventId: doc.eventId,
    createdAt: doc.createdAt,
    attempts: doc.attempts,
    nextAttemptAt: doc.status === 'pending' ? doc.nextAttemptAt : undefined,
    sentAt: doc.sentAt,
    failedAt: doc.status === 'failed' ? doc.failedAt : undefined,
    lastError: doc.lastError,
    subject: doc.subject,
    messageId: doc.messageId,
    to: doc.to,
    cc: doc.cc,
    redirectedTo: doc.redirectedTo,
    rejectedRecipients: doc.rejectedRecipients,
    aboutEntryId: doc.aboutEntryId,
    digestWeek: doc.digestWeek,
  };
}

async function listOutbox(db: Database, query: OutboxQuery) {
  const base: Record<string, unknown> = {};
  if (query.kind) base.kind = query.kind;
  if (query.campaign) base.campaignKey = query.campaign;
  if (query.assignment) base.assignmentId = query.assignment;
  if (query.agency) base.agencyCode = query.agency;
  const and: Record<string, unknown>[] = [base];
  if (query.status) and.push({ status: query.status });
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor);
    const at = new Date(cursor.at);
    // Newest first; ties on the instant broken by id.
    and.push({ $or: [{ createdAt: { $lt: at } }, { createdAt: at, _id: { $lt: cursor.id } }] });
  }
  const docs = await db.outbox.find({ $and: and }).sort({ createdAt: -1, _id: -1 }).limit(query.limit + 1).lean();
  const page = docs.slice(0, query.limit);
  const counts = Object.fromEntries(
    await Promise.all(OUTBOX_STATUSES.map(async (status) => [status, await db.outbox.countDocuments({ ...base, status })] as const)),
  );
  return {
    items: page.map(outboxItem),
    nextCursor: docs.length > query.limit && page.length ? encodeCursor(page.at(-1)!) : undefined,
    counts,
  };
}

export function outboxRoutes(deps: ApiDeps): Router {
  const router = Router();
  const { db, registry } = deps;

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/outbox',
      summary: 'Hộp thư đi: thư đã gửi, chờ gửi, không gửi được (lọc theo trạng thái, loại thư, kế hoạch, nhiệm vụ, cơ quan)',
      tag: 'Thư điện tử',
      roles: ['secretariat'],
      query: OutboxQuerySchema,
      responses: { 400: 'Cursor không hợp lệ' },
    },
    async ({ query }) => ({ status: 200, body: await listOutbox(db, query) }),
  );

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/outbox/:id',
      summary: 'Một thư trong hộp thư đi',
      tag: 'Thư điện tử',
      roles: ['secretariat'],
      params: IdParams,
      responses: { 404: 'Không có thư này' },
    },
    async ({ params }) => {
      const doc = await db.outbox.findById(params.id).lean();
      if (!doc) throw problems.notFound(`Không có thư ${params.id} trong hộp thư đi.`);
      return { status: 200, body: outboxItem(doc) };
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/outbox/:id/retry',
      summary: 'Gửi lại một thư không gửi được (sau khi đã sửa địa chỉ trong danh bạ)',
      tag: 'Thư điện tử',
      roles: ['secretariat'],
      params: IdParams,
      responses: { 404: 'Không có thư này', 409: 'Thư không ở trạng thái không gửi được' },
    },
    async ({ params }) => {
      const result = await db.outbox.updateOne(
        { _id: params.id, status: 'failed' },
        { $set: { status: 'pending', nextAttemptAt: new Date() }, $unset: { failedAt: '' } },
      );
      if (result.matchedCount === 0) {
        const doc = await db.outbox.findById(params.id, { status: 1 }).lean();
        if (!doc) throw problems.notFound(`Không có thư ${params.id} trong hộp thư đi.`);
        throw problems.conflict(`Chỉ gửi lại được thư đang ở trạng thái "Không gửi được"; thư này đang ở trạng thái "${OUTBOX_STATUS_LABELS[doc.status]}".`);
      }
      const doc = await db.outbox.findById(params.id).lean();
      return { status: 200, body: outboxItem(doc!) };
    },
  );

  return router;
}
