/**
 * The outbox: every email the engine owes, keyed by a deterministic id (assignment, kind, step),
 * written in the same activity as the event that causes it. Delivery reads from here.
 */
import { Schema, type Connection, type Model } from 'mongoose';
import { NOTIFICATION_KINDS, type NotificationRequest } from '../../domain/notification/notificationRequest';
// Delivery: the kinds the delivery side queues itself, and the fields it keeps.
import { MAIL_KINDS, type MailKind } from '../../domain/notification/mailKinds';

/**
 * pending -> sending (claimed under a lease) -> sent | failed; a transient failure goes back to
 * pending with a later nextAttemptAt, an expired lease makes a `sending` entry claimable again.
 */
export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export interface OutboxAddress {
  name?: string;
  address: string;
}

export interface DeliveryFailureFacts {
  kind: MailKind;
  reason: string;
  refused: { address: string; response: string }[];
  /** The email still reached its other recipients. */
  partlyDelivered: boolean;
  to: OutboxAddress[];
  cc: OutboxAddress[];
}

export interface OutboxDoc extends Omit<NotificationRequest, 'id' | 'kind' | 'assignmentId' | 'eventId' | 'agencyCode' | 'campaignKey'> {
  _id: string;
  kind: MailKind;
  /** Every kind but the sign-in link and the daily pending list is about a campaign. */
  campaignKey?: string;
  /** Set for every kind an assignment event causes; absent on a weekly digest. */
  assignmentId?: string;
  eventId?: string;
  agencyCode?: string;
  status: OutboxStatus;
  /** How many times a dispatcher claimed it (each claim is one delivery attempt). */
  attempts: number;
  createdAt: Date;
  sentAt?: Date;
  lastError?: string;

  // --- Delivery ---
  /** Not to be claimed before this instant (exponential backoff after a transient failure). */
  nextAttemptAt?: Date;
  /** The claim in force while `sending`: whose it is and until when. */
  claimToken?: string;
  claimedBy?: string;
  leaseExpiresAt?: Date;
  /** What was (or is being) sent. */
  messageId?: string;
  subject?: string;
  to?: OutboxAddress[];
  cc?: OutboxAddress[];
  /** The campaign's test mailbox that received it instead of `to`/`cc`. */
  redirectedTo?: string;
  /** Recipients the SMTP server refused while accepting the others, with its answer. */
  rejectedRecipients?: { address: string; response: string }[];
  failedAt?: Date;
  /** How many times it failed for good (a secretariat retry can make it fail again). */
  failures?: number;
  /** deliveryFailure: the entry that could not be delivered, and what went wrong. */
  aboutEntryId?: string;
  failure?: DeliveryFailureFacts;
  /** weeklyDigest: the ISO week and the instant it reports on; pendingDigest: the day (YYYY-MM-DD) and its slot. */
  digestWeek?: string;
  digestDay?: string;
  asOf?: Date;
  /**
   * signInLink: who asked, and the one-time code of the link. The code is kept only until the
   * email is sent or fails (then unset), and never listed by the outbox API.
   */
  personEmail?: string;
  signInCode?: string;
}

const isAboutCampaign = function (this: OutboxDoc): boolean {
  return this.kind !== 'signInLink' && this.kind !== 'pendingDigest';
};

const isAssignmentKind = function (this: OutboxDoc): boolean {
  return (NOTIFICATION_KINDS as readonly string[]).includes(this.kind);
};

const addressSchema = new Schema<OutboxAddress>({ name: String, address: { type: String, required: true } }, { _id: false });

const outboxSchema = new Schema<OutboxDoc>(
  {
    _id: { type: String, required: true },
    kind: { type: String, enum: MAIL_KINDS, required: true },
    assignmentId: { type: String, required: isAssignmentKind },
    campaignKey: { type: String, required: isAboutCampaign },
    eventId: { type: String, required: isAssignmentKind },
    agencyCode: { type: String, required: isAssignmentKind },
    status: { type: String, enum: OUTBOX_STATUSES, required: true, default: 'pending' },
    attempts: { type: Number, default: 0 },
    createdAt: { type: Date, required: true },
    sentAt: Date,
    lastError: String,
    nextAttemptAt: Date,
    claimToken: String,
    claimedBy: String,
    leaseExpiresAt: Date,
    messageId: String,
    subject: String,
    to: { type: [addressSchema], default: undefined },
    cc: { type: [addressSchema], default: undefined },
    redirectedTo: String,
    rejectedRecipients: { type: [{ address: String, response: String, _id: false }], default: undefined },
    failedAt: Date,
    failures: Number,
    aboutEntryId: String,
    failure: Schema.Types.Mixed,
    digestWeek: String,
    digestDay: String,
    asOf: Date,
    personEmail: String,
    signInCode: String,
  },
  { versionKey: false, collection: 'outbox' },
);
outboxSchema.index({ status: 1, createdAt: 1 });
outboxSchema.index({ assignmentId: 1 });
outboxSchema.index({ campaignKey: 1, createdAt: 1 });

export type OutboxModel = Model<OutboxDoc>;

export function outboxModel(connection: Connection): OutboxModel {
  return (connection.models.Outbox as OutboxModel | undefined) ?? connection.model<OutboxDoc>('Outbox', outboxSchema);
}
