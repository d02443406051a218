/**
 * One MongoDB connection and the models bound to it. Its own connection (not mongoose's global
 * one), so tests and tools can open several databases in one process.
 */
import mongoose, { type Connection } from 'mongoose';
import { agencyModel, type AgencyModel } from './models/agencyModel';
import { assignmentCountsModel, countLedgerModel, taskCountsModel, type AssignmentCountsModel, type CountLedgerModel, type TaskCountsModel } from './models/assignmentCountsModel';
import { assignmentViewModel, type AssignmentViewModel } from './models/assignmentViewModel';
import { calendarModel, type CalendarModel } from './models/calendarModel';
import { calendarRevisionModel, type CalendarRevisionModel } from './models/calendarRevisionModel';
import { campaignModel, type CampaignModel } from './models/campaignModel';
import { eventModel, type EventModel } from './models/eventModel';
import { declareIdempotencyExpiry, idempotencyModel, type IdempotencyModel } from './models/idempotencyModel';
import { outboxModel, type OutboxModel } from './models/outboxModel';
import { personModel, type PersonModel } from './models/personModel';
import { portalSessionModel, type PortalSessionModel } from './models/portalSessionModel';
import { signInCodeModel, type SignInCodeModel } from './models/signInCodeModel';
import { tokenModel, type TokenModel } from './models/tokenModel';

export interface Database {
  connection: Connection;
  events: EventModel;
  assignments: AssignmentViewModel;
  /** The statistics counters: per group, the ledger of what is counted, its tally and per task. */
  countLedgers: CountLedgerModel;
  assignmentCounts: AssignmentCountsModel;
  taskCounts: TaskCountsModel;
  outbox: OutboxModel;
  agencies: AgencyModel;
  calendars: CalendarModel;
  /** The calendar's version counter (one document). */
  calendarRevisions: CalendarRevisionModel;
  campaigns: CampaignModel;
  tokens: TokenModel;
  idempotency: IdempotencyModel;
  /** The portal: people who sign in, their sessions, one-time sign-in codes. */
  people: PersonModel;
  portalSessions: PortalSessionModel;
  signInCodes: SignInCodeModel;
  close(): Promise<void>;
}

export async function openDatabase(uri: string): Promise<Database> {
  // Short server selection: an outage surfaces fast (503, retried activity) instead of hanging 30 s.
  const connection = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 5_000 }).asPromise();
  const database: Database = {
    connection,
    events: eventModel(connection),
    assignments: assignmentViewModel(connection),
    countLedgers: countLedgerModel(connection),
    assignmentCounts: assignmentCountsModel(connection),
    taskCounts: taskCountsModel(connection),
    outbox: outboxModel(connection),
    agencies: agencyModel(connection),
    calendars: calendarModel(connection),
    calendarRevisions: calendarRevisionModel(connection),
    campaigns: campaignModel(connection),
    tokens: tokenModel(connection),
    idempotency: idempotencyModel(connection),
    people: personModel(connection),
    portalSessions: portalSessionModel(connection),
    signInCodes: signInCodeModel(connection),
    close: () => connection.close(),
  };
  await Promise.all(
    [database.events, database.assignments, database.countLedgers, database.assignmentCounts, database.taskCounts, database.outbox, database.agencies, database.calendars, database.calendarRevisions, database.campaigns, database.tokens, database.idempotency, database.people, database.portalSessions, database.signInCodes].map(
      (model) => (model as { init(): Promise<unknown> }).init(),
    ),
  );
  await declareIdempotencyExpiry(database.idempotency);
  return database;
}
