/**
 * The calendar's version counter: one document, raised atomically by every save, so two saves
 * (even of different years) never share a version and open assignments apply each of them.
 */
import { Schema, type Connection, type Model } from 'mongoose';

export interface CalendarRevisionDoc {
  _id: string;
  version: number;
}

const calendarRevisionSchema = new Schema<CalendarRevisionDoc>(
  { _id: { type: String, required: true }, version: { type: Number, required: true } },
  { versionKey: false, collection: 'calendarRevisions' },
);

export type CalendarRevisionModel = Model<CalendarRevisionDoc>;
export function calendarRevisionModel(connection: Connection): CalendarRevisionModel {
  return (
    (connection.models.CalendarRevision as CalendarRevisionModel | undefined) ??
    connection.model<CalendarRevisionDoc>('CalendarRevision', calendarRevisionSchema)
  );
}
