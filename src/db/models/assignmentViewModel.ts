/**
 * The `assignments` read model: one document per assignment, the state folded from its events.
 * A projection only: it can be dropped and rebuilt from the events to the same result.
 */
import { Schema, type Connection, type Model } from 'mongoose';
import type { AssignmentState } from '../../domain/assignment/assignmentState';
import { categorize } from '../../domain/assignment/statusCategory';
import { endOfDay } from '../../domain/time/localDate';

export interface AssignmentViewDoc extends Omit<AssignmentState, 'id'> {
  _id: string;
  /** 24:00 (Vietnam) of the deadline in force, for "overdue" and "due before" filters. */
  deadlineEndsAt: Date;
  /** For accepted ones: on time or late (a fact that no longer changes with time). */
  completion?: 'onTime' | 'late';
}

const viewSchema = new Schema<AssignmentViewDoc>(
  {
    _id: { type: String, required: true },
    campaignKey: { type: String, required: true },
    sectionNumber: { type: Number, required: true },
    taskNumber: { type: Number, required: true },
    agencyCode: { type: String, required: true },
    coordinatingAgencies: { type: [String], default: [] },
    title: { type: String, required: true },
    status: { type: String, required: true },
    deadline: { type: String, required: true },
    deadlineEndsAt: { type: Date, required: true },
    seq: { type: Number, required: true },
    completion: String,
  },
  { strict: false, versionKey: false, collection: 'assignments' },
);
// One index per list shape (API and portal), equality fields first, in the order the embedded
// FerretDB pushes them down (it picks the index with the longest prefix of the filter's fields).
viewSchema.index({ campaignKey: 1, sectionNumber: 1, taskNumber: 1 });
viewSchema.index({ campaignKey: 1, deadlineEndsAt: 1, _id: 1 });
viewSchema.index({ campaignKey: 1, agencyCode: 1, deadlineEndsAt: 1, _id: 1 });
viewSchema.index({ campaignKey: 1, coordinatingAgencies: 1 });
viewSchema.index({ campaignKey: 1, status: 1, deadlineEndsAt: 1 });
viewSchema.index({ campaignKey: 1, completion: 1 });
viewSchema.index({ agencyCode: 1, deadlineEndsAt: 1 });
viewSchema.index({ coordinatingAgencies: 1 });
viewSchema.index({ status: 1, deadlineEndsAt: 1 });
viewSchema.index({ completion: 1, deadlineEndsAt: 1 });
viewSchema.index({ pendingExtension: 1 });

export function toViewDoc(state: AssignmentState): AssignmentViewDoc {
  const { id, ...rest } = state;
  const category = state.status === 'accepted' ? categorize(state, Date.now()) : undefined;
  return {
    ...rest,
    _id: id,
    deadlineEndsAt: new Date(endOfDay(state.deadline)),
    ...(category ? { completion: category === 'completedOnTime' ? 'onTime' : 'late' } : {}),
  };
}

export function fromViewDoc(doc: AssignmentViewDoc): AssignmentState {
  const { _id, deadlineEndsAt: _ends, completion: _completion, ...rest } = doc;
  return { ...rest, id: _id } as AssignmentState;
}

export type AssignmentViewModel = Model<AssignmentViewDoc>;

export function assignmentViewModel(connection: Connection): AssignmentViewModel {
  return (connection.models.AssignmentView as AssignmentViewModel | undefined) ??
    connection.model<AssignmentViewDoc>('AssignmentView', viewSchema);
}
