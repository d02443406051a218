/**
 * Who receives each kind of email, by role, from the agency directory. Decided here once:
 *
 * - assignment notice: the lead agency's head and focal point; the focal points of the
 *   coordinating agencies in CC (they must know they are asked to help);
 * - reminders: the focal point (đầu mối) only; on the deadline day the head is in CC too, so the
 *   head hears of it before the overdue notice;
 * - overdue notice: the head (thủ trưởng), with the focal point and the coordinating agencies'
 *   focal points in CC (the delay may be theirs);
 * - escalation to the secretariat: the secretariat, the lead agency's head in CC;
 * - escalation to the People's Committee: the Committee, the secretariat and the head in CC;
 * - rework and extension decisions, an accepted result: the focal point, the head in CC;
 * - a result submitted, an extension asked for, the daily "chờ xử lý" list: the secretariat;
 * - weekly digest and delivery-failure notices: the secretariat;
 * - the sign-in link: the person who asked for it, and nobody else.
 *
 * A role with no contact falls back to the agency's other role, so an agency with any address
 * still hears; an agency with none cannot be reached, which the caller reports.
 */
import type { Agency, Contact } from '../agency/agency';
import type { MailKind } from './mailKinds';
import type { Mailbox } from './mailbox';

export interface RecipientContext {
  kind: MailKind;
  lead?: Agency;
  coordinating: Agency[];
  secretariat: Mailbox;
  committee: Mailbox;
  /** Reminders only: the reminder on the deadline day itself. */
  dueToday?: boolean;
  /** The sign-in link only: the person who asked for it. */
  person?: Mailbox;
}

export interface Recipients {
  to: Mailbox[];
  cc: Mailbox[];
}

const toMailbox = (contact: Contact): Mailbox => ({ name: contact.name, address: contact.email });

function byRole(agency: Agency | undefined, role: Contact['role']): Mailbox[] {
  if (!agency) return [];
  const wanted = agency.contacts.filter((contact) => contact.role === role);
  const chosen = wanted.length > 0 ? wanted : agency.contacts;
  return chosen.map(toMailbox);
}

function unique(list: Mailbox[], except: Mailbox[] = []): Mailbox[] {
  const seen = new Set(except.map((mailbox) => mailbox.address.toLowerCase()));
  return list.filter((mailbox) => {
    const key = mailbox.address.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function shape(to: Mailbox[], cc: Mailbox[]): Recipients {
  const uniqueTo = unique(to);
  return { to: uniqueTo, cc: unique(cc, uniqueTo) };
}

export function recipientsFor(context: RecipientContext): Recipients {
  const head = byRole(context.lead, 'head');
  const focal = byRole(context.lead, 'focalPoint');
  const coordinatingFocal = context.coordinating.flatMap((agency) => byRole(agency, 'focalPoint'));
  switch (context.kind) {
    case 'assignmentNotice':
      return shape([...head, ...focal], coordinatingFocal);
    case 'reminder':
      return shape(focal, context.dueToday ? head : []);
    case 'overdueNotice':
      return shape(head, [...focal, ...coordinatingFocal]);
    case 'escalationToSecretariat':
      return shape([context.secretariat], head);
    case 'escalationToCommittee':
      return shape([context.committee], [context.secretariat, ...head]);
    case 'reworkNotice':
    case 'extensionDecision':
    case 'resultAccepted':
      return shape(focal, head);
    case 'resultSubmitted':
    case 'extensionRequested':
    case 'pendingDigest':
    case 'weeklyDigest':
    case 'deliveryFailure':
      return shape([context.secretariat], []);
    case 'signInLink':
      return shape(context.person ? [context.person] : [], []);
  }
}
