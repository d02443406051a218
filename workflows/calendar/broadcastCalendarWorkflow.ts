/**
 * Delivers a new calendar to open assignments, in batches, durably: if the API process dies
 * right after saving the calendar, the assignments still get it.
 */
import { getExternalWorkflowHandle } from '@temporalio/workflow';
import type { CalendarSnapshot } from '../../src/domain/calendar/workingCalendar';
import { calendarChangedSignal } from '../assignment/assignmentMessages';

const BATCH = 50;

export async function broadcastCalendarWorkflow(input: { snapshot: CalendarSnapshot; assignmentIds: string[] }): Promise<number> {
  let delivered = 0;
  for (let i = 0; i < input.assignmentIds.length; i += BATCH) {
    const results = await Promise.allSettled(
      input.assignmentIds
        .slice(i, i + BATCH)
        .map((id) => getExternalWorkflowHandle(id).signal(calendarChangedSignal, input.snapshot)),
    );
    // An assignment that ended meanwhile has nothing to re-time.
    delivered += results.filter((result) => result.status === 'fulfilled').length;
  }
  return delivered;
}
