/**
 * The statistics counters, three documents per group (campaign, section, lead agency), each with
 * the id `<campaign>.s<section>.<agency>`:
 * - `count_ledgers`: every assignment counted in the group, with the seq of the state it was
 *   counted at and its bucket. This is what makes an update idempotent by event sequence: a state
 *   no newer than the one counted changes nothing. `version` grows with each write (the writes are
 *   compare-and-set on it).
 * - `assignment_counts`: the group's tally, all that statistics read;
 * - `task_counts`: the same per task, for the campaign page's rows.
 * Kept apart so a statistics request reads one small document per group, whatever the number of
 * tasks. Both are written after their ledger, at the ledger's version, never back to an older one.
 * Projections only: dropped and rebuilt from the events to the same result.
 */
import { Schema, type Connection, type Model } from 'mongoose';
import type { CountingBucket, Tally } from '../../domain/assignment/categoryTally';

export interface CountedAssignment {
  id: string;
  taskNumber: number;
  seq: number;
  /** null: no longer in this group (reassigned to another agency at `seq`). */
  bucket: CountingBucket | null;
}

interface GroupKey {
  _id: string;
  campaignKey: string;
  sectionNumber: number;
  agencyCode: string;
  version: number;
}

export interface CountLedgerDoc extends GroupKey {
  members: CountedAssignment[];
}

export type TaskTally = Tally & { taskNumber: number };

export interface AssignmentCountsDoc extends GroupKey {
  tally: Tally;
}

export interface TaskCountsDoc extends GroupKey {
  tasks: TaskTally[];
}

export function groupId(campaignKey: string, sectionNumber: number, agencyCode: string): string {
  return `${campaignKey}.s${sectionNumber}.${agencyCode}`;
}

const groupFields = {
  _id: { type: String, required: true },
  campaignKey: { type: String, required: true },
  sectionNumber: { type: Number, required: true },
  agencyCode: { type: String, required: true },
  version: { type: Number, required: true },
};

const ledgerSchema = new Schema<CountLedgerDoc>(
  { ...groupFields, members: { type: Schema.Types.Mixed, required: true } },
  { versionKey: false, minimize: false, collection: 'count_ledgers' },
);

const countsSchema = new Schema<AssignmentCountsDoc>(
  { ...groupFields, tally: { type: Schema.Types.Mixed, required: true } },
  { versionKey: false, minimize: false, collection: 'assignment_counts' },
);
const taskCountsSchema = new Schema<TaskCountsDoc>(
  { ...groupFields, tasks: { type: Schema.Types.Mixed, required: true } },
  { versionKey: false, minimize: false, collection: 'task_counts' },
);
// The counts of one campaign read its groups only.
countsSchema.index({ campaignKey: 1 });
taskCountsSchema.index({ campaignKey: 1 });

export type CountLedgerModel = Model<CountLedgerDoc>;
export type AssignmentCountsModel = Model<AssignmentCountsDoc>;
export type TaskCountsModel = Model<TaskCountsDoc>;

export function countLedgerModel(connection: Connection): CountLedgerModel {
  return (connection.models.CountLedger as CountLedgerModel | undefined) ?? connection.model<CountLedgerDoc>('CountLedger', ledgerSchema);
}

export function assignmentCountsModel(connection: Connection): AssignmentCountsModel {
  return (connection.models.AssignmentCounts as AssignmentCountsModel | undefined) ??
    connection.model<AssignmentCountsDoc>('AssignmentCounts', countsSchema);
}

export function taskCountsModel(connection: Connection): TaskCountsModel {
  return (connection.models.TaskCounts as TaskCountsModel | undefined) ?? connection.model<TaskCountsDoc>('TaskCounts', taskCountsSchema);
}
