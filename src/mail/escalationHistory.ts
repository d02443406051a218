/**
 * What an escalation says was done before it, taken from the assignment's events and the outbox
 * record of each email they caused, never assumed: "Nhắc việc: còn 3 ngày làm việc (hạn
 * 10/02/2022) — đã gửi ngày 07/02/2022". When no reminder went out (the assignment was launched
 * with its deadline already past, or the alarms were missed), or a rung of the ladder never fired,
 * it says so.
 */
import type { AssignmentEvent } from '../domain/assignment/assignmentEvents';
import { notificationFor } from '../domain/notification/notificationRequest';
import { dateAt, type LocalDate } from '../domain/time/localDate';
import { dateText } from './vietnameseLabels';

/** The delivery record of one earlier email (its outbox entry), absent when there is none. */
export interface EarlierDelivery {
  status: 'pending' | 'sending' | 'sent' | 'failed' | string;
  sentAt?: Date;
}

export interface EscalationHistory {
  /** One line per earlier email about this assignment, oldest first. */
  sent: string[];
  /** Sentences about what did not happen (no reminder, a rung never fired). */
  notes: string[];
}

const LEVEL_ORDER = ['agencyHead', 'secretariat', 'peoplesCommittee'] as const;

function whatItWas(event: AssignmentEvent): string | undefined {
  switch (event.type) {
    case 'AssignmentAssigned':
      return 'Thông báo giao nhiệm vụ';
    case 'Reassigned':
      return 'Thông báo giao lại nhiệm vụ';
    case 'ReminderSent':
      return event.workingDaysLeft === 0
        ? `Nhắc việc ngày hạn cuối (hạn ${dateText(event.deadline)})`
        : `Nhắc việc khi còn ${event.workingDaysLeft} ngày làm việc (hạn ${dateText(event.deadline)})`;
    case 'Escalated':
      return event.level === 'agencyHead'
        ? `Thông báo quá hạn ${event.workingDaysOverdue} ngày làm việc gửi Thủ trưởng cơ quan`
        : event.level === 'secretariat'
          ? `Báo cáo quá hạn ${event.workingDaysOverdue} ngày làm việc gửi Thường trực Ban Chỉ đạo`
          : `Báo cáo quá hạn ${event.workingDaysOverdue} ngày làm việc gửi UBND Thành phố`;
    default:
      return undefined;
  }
}

function deliveryWords(delivery: EarlierDelivery | undefined): string {
  if (!delivery) return 'không có thư nào được ghi nhận';
  if (delivery.status === 'sent') return `đã gửi${delivery.sentAt ? ` ngày ${dateText(dateAt(delivery.sentAt.getTime()))}` : ''}`;
  if (delivery.status === 'failed') return 'không gửi được (thư lỗi)';
  return 'chưa gửi xong';
}

/** The id of the outbox entry an event caused, if it caused one. */
export function outboxIdOf(event: AssignmentEvent): string | undefined {
  return notificationFor(event, '')?.id;
}

export function escalationHistory(input: {
  /** Every event of the assignment before the escalation, in order. */
  earlier: AssignmentEvent[];
  escalation: Extract<AssignmentEvent, { type: 'Escalated' }>;
  deliveries: Map<string, EarlierDelivery>;
  launchDate: LocalDate;
}): EscalationHistory {
  const sent: string[] = [];
  for (const event of input.earlier) {
    const what = whatItWas(event);
    const id = outboxIdOf(event);
    if (!what || !id) continue;
    sent.push(`${what}: ${deliveryWords(input.deliveries.get(id))}.`);
  }
  const notes: string[] = [];
  const reminders = input.earlier.filter((event) => event.type === 'ReminderSent');
  if (reminders.length === 0) {
    const deadline = input.escalation.deadline;
    notes.push(
      input.launchDate >= deadline
        ? `Không có lần nhắc việc nào trước hạn: nhiệm vụ được giao ngày ${dateText(input.launchDate)}, khi hạn xử lý (ngày ${dateText(deadline)}) đã đến hoặc đã qua.`
        : `Không có lần nhắc việc nào được gửi trước hạn xử lý (ngày ${dateText(deadline)}).`,
    );
  }
  const rung = LEVEL_ORDER.indexOf(input.escalation.level);
  const reached = new Set(input.earlier.flatMap((event) => (event.type === 'Escalated' ? [event.level] : [])));
  for (const level of LEVEL_ORDER.slice(0, Math.max(0, rung))) {
    if (reached.has(level)) continue;
    notes.push(
      level === 'agencyHead'
        ? 'Chưa có thông báo quá hạn nào gửi Thủ trưởng cơ quan trước báo cáo này.'
        : 'Chưa có báo cáo quá hạn nào gửi Thường trực Ban Chỉ đạo trước báo cáo này.',
    );
  }
  return { sent, notes };
}
