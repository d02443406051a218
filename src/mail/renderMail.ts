/**
 * One email's subject, plain text and HTML from its kind's template and the shared layout. The
 * ids in the subject are added here, not by the template, so an edited template cannot lose them:
 * `[cchc-2021 | cchc-2021.s4.t2.STNMT] Nhắc việc: ...`.
 */
import type { MailKind } from '../domain/notification/mailKinds';
import type { TemplateStore } from './templateStore';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** Absent on an email about no campaign (the sign-in link): no tag. */
export interface SubjectIds {
  campaignKey?: string;
  assignmentId?: string;
}

/** What the layout shows around every message (test-mailbox banner, reference line). */
export interface LayoutExtras {
  /** Set when the message goes to a test mailbox instead of its real recipients. */
  testMode: { intendedTo: string; intendedCc: string } | null;
  /** The outbox id, printed small in the footer for the secretariat's reference. */
  reference: string;
  /** The secretariat's contact, at the end of every email: whom to call or write to. */
  contact: { name: string; phone: string | null; email: string };
}

export function subjectLine(ids: SubjectIds, words: string, testMode: boolean): string {
  const tag = !ids.campaignKey ? '' : ids.assignmentId ? `[${ids.campaignKey} | ${ids.assignmentId}] ` : `[${ids.campaignKey}] `;
  // A subject is one line: a template's stray newline must not split the header.
  const text = words.replace(/\s+/g, ' ').trim();
  return `${testMode ? '[THỬ NGHIỆM] ' : ''}${tag}${text}`;
}

export function renderMail(store: TemplateStore, kind: MailKind, view: object, ids: SubjectIds, extras: LayoutExtras): RenderedMail {
  const template = store.load(kind);
  const layout = store.load('_layout');
  const data = { ...view, ...extras };
  const subject = subjectLine(ids, template.subject(data), extras.testMode !== null);
  const text = layout.text({ ...data, subject, body: template.text(data).trim() });
  const html = layout.html({ ...data, subject, body: template.html(data) });
  return { subject, text: text.replace(/\n{3,}/g, '\n\n').trim() + '\n', html };
}
