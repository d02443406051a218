/**
 * What people can do to an assignment, and whether they may: `decide` answers with the events
 * to record, or with a refusal and its reason in Vietnamese. It never changes anything itself, so
 * a refused command changes nothing (Temporal update validators call it before accepting).
 */
import { CalendarRangeError, type WorkingCalendar } from '../calendar/workingCalendar';
import { dateAt, formatVietnamese, type LocalDate } from '../time/localDate';
import type { Actor } from './actor';
import type { AssignmentCommand, AssignmentCommandType } from './assignmentCommandSchema';

export type { AssignmentCommand, AssignmentCommandType };
import type { AssignmentEventBody } from './assignmentEvents';
import { FINAL_STATUSES, OPEN_STATUSES, type AssignmentState, type AssignmentStatus } from './assignmentState';

/** Commands the lead agency gives; the rest are the secretariat's decisions. */
const AGENCY_COMMANDS: readonly AssignmentCommandType[] = ['acknowledge', 'reportProgress', 'submitResult', 'requestExtension'];

export type RefusalCode = 'forbidden' | 'invalidState' | 'invalidInput';

export type Decision =
  | { accepted: true; events: AssignmentEventBody[] }
  | { accepted: false; code: RefusalCode; reason: string };

const refuse = (code: RefusalCode, reason: string): Decision => ({ accepted: false, code, reason });
const record = (...events: AssignmentEventBody[]): Decision => ({ accepted: true, events });

const STATUS_WORDS: Record<AssignmentStatus, string> = {
  assigned: 'mới được giao',
  acknowledged: 'đã tiếp nhận',
  inProgress: 'đang thực hiện',
  resultSubmitted: 'đã gửi kết quả, đang chờ thẩm định',
  accepted: 'đã được công nhận hoàn thành',
  cancelled: 'đã bị hủy',
};

export function describeStatus(status: AssignmentStatus): string {
  return STATUS_WORDS[status];
}

function authorise(state: AssignmentState, command: AssignmentCommand, actor: Actor): Decision | undefined {
  if (command.type === 'addCoordinationNote') {
    // Only an agency that coordinates: the lead reports progress, the secretariat decides.
    if (actor.role === 'agency' && actor.agencyCode && state.coordinatingAgencies.includes(actor.agencyCode)) return undefined;
    return refuse('forbidden', 'Chỉ cơ quan phối hợp thực hiện nhiệm vụ này mới được thêm ý kiến phối hợp; người khác không được thao tác này.');
  }
  if (actor.role === 'secretariat' || actor.role === 'system') return undefined;
  if (actor.role === 'committee') return refuse('forbidden', 'UBND Thành phố chỉ được xem, không được thay đổi nhiệm vụ.');
  if (!AGENCY_COMMANDS.includes(command.type)) {
    return refuse('forbidden', 'Chỉ Ban Chỉ đạo CCHC (Sở Nội vụ) được thực hiện thao tác này.');
  }
  if (actor.agencyCode !== state.agencyCode) {
    return refuse('forbidden', `Nhiệm vụ này giao cho ${state.agencyCode}; cơ quan ${actor.agencyCode ?? '?'} không được thao tác.`);
  }
  return undefined;
}

export interface DecisionContext {
  /** Now, as epoch milliseconds (workflow time inside a workflow). */
  now: number;
  calendar: WorkingCalendar;
}

export function decide(
  state: AssignmentState,
  command: AssignmentCommand,
  actor: Actor,
  context: DecisionContext,
): Decision {
  const refusal = authorise(state, command, actor);
  if (refusal) return refusal;
  const isFinal = FINAL_STATUSES.includes(state.status);
  const isOpen = OPEN_STATUSES.includes(state.status);
  const notNow = () => refuse('invalidState', `Không thể thực hiện: nhiệm vụ ${describeStatus(state.status)}.`);
  const today = dateAt(context.now);

  switch (command.type) {
    case 'acknowledge':
      return state.status === 'assigned' ? record({ type: 'Acknowledged' }) : notNow();
    case 'reportProgress':
      return isOpen ? record({ type: 'ProgressReported', note: command.note, percent: command.percent }) : notNow();
    case 'submitResult':
      return isOpen
        ? record({
            type: 'ResultSubmitted',
            summary: command.summary,
            evidenceLinks: command.evidenceLinks,
            kpiValues: command.kpiValues,
            // Absent rather than empty, so results without files record what they always did.
            ...(command.evidenceFiles?.length ? { evidenceFiles: command.evidenceFiles } : {}),
          })
        : notNow();
    case 'accept':
      return state.status === 'resultSubmitted' ? record({ type: 'Accepted', comment: command.comment }) : notNow();
    case 'returnForRework':
      return state.status === 'resultSubmitted' ? record({ type: 'Returned', comment: command.comment }) : notNow();
    case 'requestExtension': {
      if (isFinal || state.status === 'resultSubmitted') return notNow();
      if (state.pendingExtension) return refuse('invalidState', 'Đã có một đề nghị gia hạn đang chờ quyết định.');
      const problem = extensionDateProblem(command.requestedDeadline, state.deadline, today);
      if (problem) return refuse('invalidInput', problem);
      return record({ type: 'ExtensionRequested', requestedDeadline: command.requestedDeadline, reason: command.reason });
    }
    case 'decideExtension': {
      if (!state.pendingExtension) return refuse('invalidState', 'Không có đề nghị gia hạn nào đang chờ quyết định.');
      if (isFinal) return notNow();
      if (!command.grant) return record({ type: 'ExtensionDecided', granted: false, comment: command.comment });
      const asked = command.deadline ?? state.pendingExtension.requestedDeadline;
      const problem = extensionDateProblem(asked, state.deadline, today);
      if (problem) return refuse('invalidInput', problem);
      // A deadline on a day off moves to the next working day (Civil Code art. 148).
      const granted = onOrNextWorkingDayIfKnown(context.calendar, asked);
      if (!granted) return refuse('invalidInput', `Lịch làm việc chưa có ngày ${formatVietnamese(asked)}.`);
      return record(
        { type: 'ExtensionDecided', granted: true, deadline: granted, comment: command.comment },
        { type: 'DeadlineChanged', from: state.deadline, to: granted, reason: 'extension' },
      );
    }
    case 'reassign':
      if (isFinal) return notNow();
      if (command.toAgency === state.agencyCode) return refuse('invalidInput', `Nhiệm vụ đã được giao cho ${command.toAgency}.`);
      return record({ type: 'Reassigned', from: state.agencyCode, to: command.toAgency, comment: command.comment });
    case 'cancel':
      return isFinal ? notNow() : record({ type: 'Cancelled', reason: command.reason });
    case 'addCoordinationNote':
      return isFinal ? notNow() : record({ type: 'CoordinationNoteAdded', note: command.note });
  }
}

/**
 * The commands the assignment's state allows now, as `decide` judges them (who may give each is
 * the caller's business: src/services/assignmentAccess.ts). Pages offer only these forms.
 */
export function commandsOpenIn(state: Pick<AssignmentState, 'status' | 'pendingExtension'>): AssignmentCommandType[] {
  const isFinal = FINAL_STATUSES.includes(state.status);
  const isOpen = OPEN_STATUSES.includes(state.status);
  const open: AssignmentCommandType[] = [];
  if (state.status === 'assigned') open.push('acknowledge');
  if (isOpen) open.push('reportProgress', 'submitResult');
  if (isOpen && !state.pendingExtension) open.push('requestExtension');
  if (state.status === 'resultSubmitted') open.push('accept', 'returnForRework');
  if (!isFinal && state.pendingExtension) open.push('decideExtension');
  if (!isFinal) open.push('reassign', 'cancel', 'addCoordinationNote');
  return open;
}

function extensionDateProblem(requested: LocalDate, current: LocalDate, today: LocalDate): string | undefined {
  if (requested < today) return `Ngày gia hạn ${formatVietnamese(requested)} đã qua.`;
  if (requested <= current) {
    return `Ngày gia hạn ${formatVietnamese(requested)} phải sau hạn hiện tại ${formatVietnamese(current)}.`;
  }
  return undefined;
}

/** Undefined when the calendar does not cover the date (or the working day after it). */
function onOrNextWorkingDayIfKnown(calendar: WorkingCalendar, date: LocalDate): LocalDate | undefined {
  try {
    return calendar.onOrNextWorkingDay(date);
  } catch (error) {
    if (error instanceof CalendarRangeError) return undefined;
    throw error;
  }
}
