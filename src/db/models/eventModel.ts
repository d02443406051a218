/**
 * The append-only events collection. `_id` is the event's deterministic id, so inserting the same
 * event twice (a retried activity) fails with a duplicate key and changes nothing.
 */
import { Schema, type Connection, type Model } from 'mongoose';
import type { AssignmentEvent } from '../../domain/assignment/assignmentEvents';

export interface StoredEvent extends Omit<AssignmentEvent, 'id' | 'at'> {
  _id: string;
  at: Date;
}

const eventSchema = new Schema<StoredEvent>(
  {
    _id: { type: String, required: true },
    assignmentId: { type: String, required: true },
    campaignKey: { type: String, required: true },
    seq: { type: Number, required: true },
    type: { type: String, required: true },
    at: { type: Date, required: true },
    actor: { type: Schema.Types.Mixed, required: true },
  },
  // The event's own fields (plan, deadline, summary...) are kept as they are.
  { strict: false, versionKey: false, collection: 'events' },
);
eventSchema.index({ assignmentId: 1, seq: 1 }, { unique: true });
// A campaign's events in fold order: statistics and digests as of a past cutoff read them.
eventSchema.index({ campaignKey: 1, assignmentId: 1, seq: 1 });

export function toStoredEvent(event: AssignmentEvent): StoredEvent {
  const { id, at, ...rest } = event;
  return { ...rest, _id: id, at: new Date(at) } as StoredEvent;
}

export function fromStoredEvent(doc: StoredEvent): AssignmentEvent {
  const { _id, at, ...rest } = doc;
  return { ...rest, id: _id, at: at.toISOString() } as AssignmentEvent;
}

export type EventModel = Model<StoredEvent>;

export function eventModel(connection: Connection): EventModel {
  return (connection.models.Event as EventModel | undefined) ?? connection.model<StoredEvent>('Event', eventSchema);
}
