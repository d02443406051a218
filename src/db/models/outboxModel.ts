/**
 * The outbox: every email the engine owes, keyed by a deterministic id (assignment, kind, step),
 * written in the same activity as the event that causes it. Delivery reads from here.
 */
import { Schema, type Connection, type Model } from 'mongoose';
import { NOTIFICATION_KINDS, type NotificationRequest } from '../../domain/notification/notificationRequest';

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;

export interface OutboxDoc extends Omit<NotificationRequest, 'id'> {
  _id: string;
  status: (typeof OUTBOX_STATUSES)[number];
  attempts: number;
  createdAt: Date;
  sentAt?: Date;
  lastError?: string;
}

const outboxSchema = new Schema<OutboxDoc>(
  {
    _id: { type: String, required: true },
    kind: { type: String, enum: NOTIFICATION_KINDS, required: true },
    assignmentId: { type: String, required: true },
    campaignKey: { type: String, required: true },
    eventId: { type: String, required: true },
    agencyCode: { type: String, required: true },
    status: { type: String, enum: OUTBOX_STATUSES, required: true, default: 'pending' },
    attempts: { type: Number, default: 0 },
    createdAt: { type: Date, required: true },
    sentAt: Date,
    lastError: String,
  },
  { versionKey: false, collection: 'outbox' },
);
outboxSchema.index({ status: 1, createdAt: 1 });
outboxSchema.index({ assignmentId: 1 });

export type OutboxModel = Model<OutboxDoc>;

export function outboxModel(connection: Connection): OutboxModel {
  return (connection.models.Outbox as OutboxModel | undefined) ?? connection.model<OutboxDoc>('Outbox', outboxSchema);
}
