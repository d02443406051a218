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
import { idempotencyModel, type IdempotencyModel } from './models/idempotencyModel';
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
  /**
   * True on FerretDB 1.x, whose storage is searched only for a filter that is a lone `_id`:
   * any other filter reads the whole collection. Hot paths that would otherwise add a condition
   * to an `_id` filter read by `_id` and check in code there (the server's own conditional update
   * is a read then a write anyway, so nothing is lost).
   */
  filtersOnlyById: boolean;
  close(): Promise<void>;
}

/** FerretDB says so in buildInfo; its 2.x (on PostgreSQL with DocumentDB) uses real indexes. */
async function detectFiltersOnlyById(connection: Connection): Promise<boolean> {
  const info = await connection.db!.admin().command({ buildInfo: 1 });
  const ferret = info.ferretdbVersion as unknown;
  return typeof ferret === 'string' && !/^v?[2-9]\./.test(ferret);
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
    filtersOnlyById: await detectFiltersOnlyById(connection),
    close: () => connection.close(),
  };
  await Promise.all(
    [database.events, database.assignments, database.outbox, database.agencies, database.calendars, database.campaigns, database.tokens, database.idempotency].map(
      (model) => (model as { init(): Promise<unknown> }).init(),
    ),
  );
  return database;
}
