/** Messages of SectionWorkflow and CampaignWorkflow: progress queries, change reports, cancellation. */
import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { Actor } from '../../src/domain/assignment/actor';
import type { AssignmentSummary, CategoryCounts } from '../../src/domain/assignment/assignmentSummary';

/** An assignment reports a change of status, deadline, agency or completion to its section and campaign. */
export const assignmentChangedSignal = defineSignal<[AssignmentSummary]>('assignmentChanged');

/**
 * A section reports, in batches, assignments it never started to the campaign: cancelled before
 * they were started, they have no workflow of their own to report them.
 */
export const assignmentsChangedSignal = defineSignal<[AssignmentSummary[]]>('assignmentsChanged');

/** Cancels every open assignment below (section or whole campaign). */
export const cancelSignal = defineSignal<[{ actor: Actor; reason: string }]>('cancel');

export interface ProgressView {
  /** Assignments planned and how many have been started so far. */
  planned: number;
  started: number;
  /** The four official categories (plus cancelled), at the workflow's current time. */
  counts: CategoryCounts;
  bySection: Record<string, CategoryCounts>;
  byAgency: Record<string, CategoryCounts>;
  cancelRequested: boolean;
}

export const progressQuery = defineQuery<ProgressView>('progress');
