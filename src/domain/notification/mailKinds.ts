/**
 * Every kind of email the outbox carries: the ones an assignment event causes, plus those queued
 * outside a workflow (the weekly digest, the notice that an email could not be sent, the
 * one-time sign-in link the portal sends a person who asks for it, and the secretariat's daily
 * "chờ xử lý" list).
 */
import { NOTIFICATION_KINDS } from './notificationRequest';

export const SYSTEM_MAIL_KINDS = ['weeklyDigest', 'deliveryFailure', 'signInLink', 'pendingDigest'] as const;
export const MAIL_KINDS = [...NOTIFICATION_KINDS, ...SYSTEM_MAIL_KINDS] as const;
export type MailKind = (typeof MAIL_KINDS)[number];
export type SystemMailKind = (typeof SYSTEM_MAIL_KINDS)[number];

export function isSystemMailKind(kind: MailKind): kind is SystemMailKind {
  return (SYSTEM_MAIL_KINDS as readonly string[]).includes(kind);
}

/** What the secretariat reads in the outbox list and in failure notices. */
export const MAIL_KIND_LABELS: Record<MailKind, string> = {
  assignmentNotice: 'Thông báo giao nhiệm vụ',
  reminder: 'Nhắc việc',
  overdueNotice: 'Thông báo quá hạn (thủ trưởng cơ quan)',
  escalationToSecretariat: 'Báo cáo quá hạn gửi Ban Chỉ đạo CCHC',
  escalationToCommittee: 'Báo cáo quá hạn gửi UBND Thành phố',
  reworkNotice: 'Thông báo trả lại để hoàn thiện',
  extensionDecision: 'Thông báo quyết định gia hạn',
  resultSubmitted: 'Cơ quan gửi kết quả',
  extensionRequested: 'Cơ quan đề nghị gia hạn',
  resultAccepted: 'Thông báo kết quả được chấp nhận',
  pendingDigest: 'Việc chờ xử lý trong ngày',
  weeklyDigest: 'Báo cáo tổng hợp hằng tuần',
  deliveryFailure: 'Thông báo thư không gửi được',
  signInLink: 'Liên kết đăng nhập',
};
