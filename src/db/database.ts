/**
 * One MongoDB connection and the models bound to it. Its own connection (not mongoose's global
 * one), so tests and tools can open several databases in one process.
 */
import mongoose, { type Connection } from 'mongoose';
import { assignmentViewModel, type AssignmentViewModel } from './models/assignmentViewModel';
import { eventModel, type EventModel } from './models/eventModel';
import { outboxModel, type OutboxModel } from './models/outboxModel';

export interface Database {
  connection: Connection;
  events: EventModel;
  assignments: AssignmentViewModel;
  outbox: OutboxModel;
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
    close: () => connection.close(),
  };
  await Promise.all([database.events.init(), database.assignments.init(), database.outbox.init()]);
  return database;
}
