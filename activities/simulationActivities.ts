/**
 * The activities of a simulation (`npm run simulate`): the same interface as the engine's, but
 * events and the emails they would cause go to a sink in memory instead of MongoDB, so a preview
 * never touches real data or sends anything.
 */
import type { AssignmentEvent } from '../src/domain/assignment/assignmentEvents';
import type { NotificationRequest } from '../src/domain/notification/notificationRequest';
import type { EngineActivities } from '.';
import type { CalendarSnapshot } from '../src/domain/calendar/workingCalendar';
import { loadSecretariatNotices } from '../src/outbox/mailSettings';
import { queuedAsEmail, type RecordAssignmentEventsInput } from './recordAssignmentEvents';

export interface SimulationSink {
  record(events: AssignmentEvent[], notifications: NotificationRequest[]): void;
  /** The simulated calendar over the years asked (the campaign file's years on the shipped decisions). */
  calendar(fromYear: number, toYear: number): CalendarSnapshot;
}

export function createSimulationActivities(sink: SimulationSink): EngineActivities {
  const seen = new Set<string>();
  // Counted as the engine would queue them: a notice the secretariat gets daily is no email of its own.
  const notices = loadSecretariatNotices();
  return {
    async recordAssignmentEvents(input: RecordAssignmentEventsInput): Promise<void> {
      // Same guarantee as the real store: a retried activity records nothing twice.
      const events = input.events.filter((event) => !seen.has(event.id));
      events.forEach((event) => seen.add(event.id));
      sink.record(events, input.notifications.filter((n) => events.some((e) => e.id === n.eventId) && queuedAsEmail(n, notices)));
    },
    async extendedCalendar(input: { fromYear: number; toYear: number }): Promise<CalendarSnapshot> {
      return sink.calendar(input.fromYear, input.toYear);
    },
  };
}
