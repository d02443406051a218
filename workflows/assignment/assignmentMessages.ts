/**
 * How the outside world talks to an AssignmentWorkflow. Every state change is a Temporal update
 * with a validator, so a refused action is answered synchronously and leaves no trace.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../../src/domain/assignment/actor';
import type { AssignmentCommand } from '../../src/domain/assignment/assignmentCommands';
import type { AssignmentEvent } from '../../src/domain/assignment/assignmentEvents';
import type { AssignmentState } from '../../src/domain/assignment/assignmentState';
import type { StatusCategory } from '../../src/domain/assignment/statusCategory';
import type { CalendarSnapshot } from '../../src/domain/calendar/workingCalendar';

export interface AssignmentView {
  state: AssignmentState;
  /** In the four official categories, at the workflow's current time. */
  category?: StatusCategory;
  /** The last events, newest last (the full history is in the events collection). */
  recentEvents: AssignmentEvent[];
  nextAlarm?: { key: string; kind: 'reminder' | 'escalation'; date: string };
}

/** One update carries every command; its name in history is the command type. */
export const applyCommandUpdate = defineUpdate<AssignmentView, [AssignmentCommand, Actor]>('applyCommand');

export const assignmentViewQuery = defineQuery<AssignmentView>('assignmentView');

/** The secretariat edited the calendar: re-time the deadline (if its rule depends on it) and alarms. */
export const calendarChangedSignal = defineSignal<[CalendarSnapshot]>('calendarChanged');

/** A campaign or section cancellation reaching this assignment. */
export const cancelAssignmentSignal = defineSignal<[{ actor: Actor; reason: string }]>('cancelAssignment');

/** The failure type a refused command carries, so the API can tell 403 from 409 from 422. */
export const COMMAND_REFUSED = 'CommandRefused';
