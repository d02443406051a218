/** A one-line Vietnamese description of an event, for timelines and simulation output. */
import { formatVietnamese } from '../time/localDate';
import type { AssignmentEvent } from './assignmentEvents';

const LEVEL_WORDS = {
  agencyHead: 'thủ trưởng cơ quan',
  secretariat: 'Ban Chỉ đạo CCHC (Sở Nội vụ)',
  peoplesCommittee: 'UBND Thành phố',
} as const;

export const EVENT_LABELS: Record<AssignmentEvent['type'], string> = {
  AssignmentAssigned: 'Giao nhiệm vụ',
  Acknowledged: 'Tiếp nhận',
  ProgressReported: 'Báo cáo tiến độ',
  ResultSubmitted: 'Gửi kết quả',
  Accepted: 'Công nhận hoàn thành',
  Returned: 'Trả lại để hoàn thiện',
  ExtensionRequested: 'Đề nghị gia hạn',
  ExtensionDecided: 'Quyết định gia hạn',
  DeadlineChanged: 'Đổi hạn xử lý',
  ReminderSent: 'Nhắc việc',
  Escalated: 'Báo cáo quá hạn',
  Reassigned: 'Giao lại',
  Cancelled: 'Hủy nhiệm vụ',
  CoordinationNoteAdded: 'Ý kiến phối hợp',
};

/** `agencyName` turns an agency code into its name where the caller has the directory at hand. */
export function describeEvent(event: AssignmentEvent, agencyName: (code: string) => string = (code) => code): string {
  switch (event.type) {
    case 'AssignmentAssigned':
      return `Giao cho ${agencyName(event.plan.agencyCode)}, hạn ${formatVietnamese(event.deadline)}`;
    case 'Acknowledged':
      return 'Cơ quan đã tiếp nhận nhiệm vụ';
    case 'ProgressReported':
      return `Tiến độ${event.percent === undefined ? '' : ` ${event.percent}%`}: ${event.note}`;
    case 'ResultSubmitted': {
      const files = event.evidenceFiles?.length ?? 0;
      return `Gửi kết quả: ${event.summary}${files > 0 ? ` (kèm ${files} tệp minh chứng)` : ''}`;
    }
    case 'Accepted':
      return `Công nhận hoàn thành${event.comment ? `: ${event.comment}` : ''}`;
    case 'Returned':
      return `Trả lại: ${event.comment}`;
    case 'ExtensionRequested':
      return `Xin gia hạn đến ${formatVietnamese(event.requestedDeadline)}: ${event.reason}`;
    case 'ExtensionDecided':
      return event.granted
        ? `Đồng ý gia hạn đến ${formatVietnamese(event.deadline!)}`
        : `Không đồng ý gia hạn${event.comment ? `: ${event.comment}` : ''}`;
    case 'DeadlineChanged':
      return `Hạn mới ${formatVietnamese(event.to)} (trước là ${formatVietnamese(event.from)}; ${event.reason === 'extension' ? 'gia hạn' : 'lịch làm việc thay đổi'})`;
    case 'ReminderSent':
      return event.workingDaysLeft === 0
        ? `Nhắc việc: hôm nay là hạn (${formatVietnamese(event.deadline)})`
        : `Nhắc việc: còn ${event.workingDaysLeft} ngày làm việc (hạn ${formatVietnamese(event.deadline)})`;
    case 'Escalated':
      return `Quá hạn ${event.workingDaysOverdue} ngày làm việc: báo ${LEVEL_WORDS[event.level]} (lần ${event.step})`;
    case 'Reassigned':
      return `Giao lại từ ${agencyName(event.from)} sang ${agencyName(event.to)}`;
    case 'Cancelled':
      return `Hủy: ${event.reason}`;
    case 'CoordinationNoteAdded':
      return `Ý kiến phối hợp của ${event.actor.agencyCode ? agencyName(event.actor.agencyCode) : (event.actor.name ?? '?')}: ${event.note}`;
  }
}
