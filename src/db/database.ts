/**
 * One MongoDB connection and the models bound to it. Its own connection (not mongoose's global
 * one), so tests and tools can open several databases in one process.
 */
import mongoose, { type Connection } from 'mongoose';
import { agencyModel, type AgencyModel } from './models/agencyModel';
import { assignmentViewModel, type AssignmentViewModel } from './models/assignmentViewModel';
import { calendarModel, type CalendarModel } from './models/calendarModel';
import { campaignModel, type CampaignModel } from './models/campaignModel';
import { eventModel, type EventModel } from './models/eventModel';
import { declareIdempotencyExpiry, idempotencyModel, type IdempotencyModel } from './models/idempotencyModel';
import { outboxModel, type OutboxModel } from './models/outboxModel';
import { tokenModel, type TokenModel } from './models/tokenModel';

export interface Database {
  connection: Connection;
  events: EventModel;
  assignments: AssignmentViewModel;
  outbox: OutboxModel;
  agencies: AgencyModel;
  calendars: CalendarModel;
  campaigns: CampaignModel;
  tokens: TokenModel;
  idempotency: IdempotencyModel;
  close(): Promise<void>;
}

export async function openDatabase(uri: string): Promise<Database> {
  // Short server selection: an outage surfaces fast (503, retried activity) instead of hanging 30 s.
  const connection = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 5_000 }).asPromise();
  const database: Database = {
    connection,
    events: eventModel(connection),
    assignments: assignmentViewModel(connection),
    outbox: outboxModel(connection),
    agencies: agencyModel(connection),
    calendars: calendarModel(connection),
    campaigns: campaignModel(connection),
    tokens: tokenModel(connection),
    idempotency: idempotencyModel(connection),
    close: () => connection.close(),
  };
  await Promise.all(
    [database.events, database.assignments, database.outbox, database.agencies, database.calendars, database.campaigns, database.tokens, database.idempotency].map(
      (model) => (model as { init(): Promise<unknown> }).init(),
    ),
  );
  await declareIdempotencyExpiry(database.idempotency);
  return database;
}
