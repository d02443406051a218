/**
 * The secretariat's calendar data, one document per year, versioned: each save bumps the
 * global version, which open assignments compare against to know they must re-time.
 */
import { Schema, type Connection, type Model } from 'mongoose';
import type { CalendarYear } from '../../domain/calendar/calendarYear';

export interface CalendarYearDoc extends Omit<CalendarYear, 'year'> {
  _id: number;
  version: number;
  updatedAt: Date;
  updatedBy?: string;
}

const calendarSchema = new Schema<CalendarYearDoc>(
  {
    _id: { type: Number, required: true },
    daysOff: { type: Schema.Types.Mixed, default: [] },
    workingDays: { type: Schema.Types.Mixed, default: [] },
    notDaysOff: { type: Schema.Types.Mixed, default: [] },
    source: String,
    version: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
    updatedBy: String,
  },
  { versionKey: false, collection: 'calendars' },
);

export function toCalendarYear(doc: CalendarYearDoc): CalendarYear {
  return { year: doc._id, daysOff: doc.daysOff, workingDays: doc.workingDays, notDaysOff: doc.notDaysOff, source: doc.source };
}

export type CalendarModel = Model<CalendarYearDoc>;
export function calendarModel(connection: Connection): CalendarModel {
  return (connection.models.CalendarYear as CalendarModel | undefined) ?? connection.model<CalendarYearDoc>('CalendarYear', calendarSchema);
}
