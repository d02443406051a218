/**
 * The data an assignment email's template sees (its placeholders), built from the event that
 * caused it, the assignment as it stood after that event, the campaign and the directory.
 * Every field is always present (null when it does not apply): templates compile in strict mode.
 */
import type { Agency } from '../domain/agency/agency';
import type { AssignmentEvent } from '../domain/assignment/assignmentEvents';
import type { AssignmentState } from '../domain/assignment/assignmentState';
import type { Campaign } from '../domain/campaign/campaign';
import { MAIL_KIND_LABELS, type MailKind } from '../domain/notification/mailKinds';
import { dateAt } from '../domain/time/localDate';
import { citeDirective } from './directiveCitation';
import type { EscalationHistory } from './escalationHistory';
import { portalLinks } from './portalLinks';
import { dateText, kpiTargetText, STATUS_WORDS } from './vietnameseLabels';

export interface OverdueItem {
  id: string;
  campaignKey: string;
  title: string;
  deadline: string;
  workingDaysOverdue: number;
  status: string;
}

export interface AgencyRef {
  code: string;
  name: string;
}

export interface AssignmentMailInput {
  kind: MailKind;
  event: AssignmentEvent;
  state: AssignmentState;
  campaign?: Campaign;
  lead?: Agency;
  coordinating: AgencyRef[];
  /** escalationToCommittee: every overdue assignment of the lead agency as of the event. */
  overdueList: OverdueItem[];
  /** The agency the assignment was taken from, on a reassignment notice. */
  previousAgency?: AgencyRef;
  /** PORTAL_URL: the email links to the assignment's page. */
  portalUrl: string;
  /** Escalations: what was sent before, from the events and the outbox. */
  history?: EscalationHistory;
}

const LEVEL_WORDS = {
  agencyHead: 'thủ trưởng cơ quan',
  secretariat: 'Ban Chỉ đạo CCHC Thành phố (Sở Nội vụ)',
  peoplesCommittee: 'UBND Thành phố',
} as const;

export function agencyRef(code: string, agency: Agency | undefined): AgencyRef {
  return { code, name: agency?.name ?? code };
}

/** The directive as templates cite it; a placeholder the importer left is null, never printed. */
function directiveView(campaign: Campaign) {
  const cited = citeDirective(campaign.directive);
  return {
    number: cited.number,
    date: dateText(campaign.directive.date),
    issuer: cited.issuer,
    title: campaign.directive.title,
    /** "Công văn số 3210/UBND-ĐT ngày 05/11/2021 của UBND Thành phố" */
    reference: cited.reference,
    /** The reference and its subject: "… về việc …", for "Thực hiện {{directive.citation}}, …". */
    citation: cited.citation,
  };
}

export function campaignView(key: string, campaign: Campaign | undefined) {
  return {
    campaign: { key, title: campaign?.title ?? key, year: campaign?.year ?? null },
    directive: campaign ? directiveView(campaign) : null,
  };
}

export function buildAssignmentMailView(input: AssignmentMailInput) {
  const { event } = input;
  // A granted extension's new deadline is recorded by the DeadlineChanged event right after it:
  // the notice already speaks of the new deadline.
  const newDeadline = event.type === 'ExtensionDecided' && event.granted ? event.deadline : undefined;
  const state = newDeadline ? { ...input.state, deadline: newDeadline } : input.state;
  return {
    kindLabel: MAIL_KIND_LABELS[input.kind],
    ...campaignView(state.campaignKey, input.campaign),
    portal: portalLinks(input.portalUrl, state.id),
    assignment: {
      id: state.id,
      title: state.title,
      details: state.details ?? null,
      sectionNumber: state.sectionNumber,
      taskNumber: state.taskNumber,
      sectionTitle: state.sectionTitle,
      launchDate: dateText(state.launchDate),
      deadline: dateText(state.deadline),
      originalDeadline: dateText(state.originalDeadline),
      deadlineWasChanged: state.deadline !== state.originalDeadline,
      status: STATUS_WORDS[state.status],
      kpiTargets: state.kpiTargets.map(kpiTargetText),
      citations: state.citations,
    },
    agency: agencyRef(state.agencyCode, input.lead),
    coordinating: input.coordinating,
    eventDate: dateText(dateAt(Date.parse(event.at))),
    /** The deadline is still ahead, so reminders will come (a task launched late gets none). */
    remindersAhead: state.deadline >= dateAt(Date.parse(event.at)),
    reassigned: event.type === 'Reassigned' ? { from: input.previousAgency ?? { code: event.from, name: event.from } } : null,
    reminder:
      event.type === 'ReminderSent'
        ? { workingDaysLeft: event.workingDaysLeft, dueToday: event.workingDaysLeft === 0, deadline: dateText(event.deadline) }
        : null,
    overdue:
      event.type === 'Escalated'
        ? {
            workingDaysOverdue: event.workingDaysOverdue,
            step: event.step,
            deadline: dateText(event.deadline),
            level: LEVEL_WORDS[event.level],
          }
        : null,
    overdueList: input.overdueList.map((item) => ({ ...item, link: portalLinks(input.portalUrl, item.id).assignment })),
    history: input.history ? { sent: input.history.sent, notes: input.history.notes, nothingSent: input.history.sent.length === 0 } : null,
    rework: event.type === 'Returned' ? { comment: event.comment, returns: state.returns } : null,
    result:
      event.type === 'ResultSubmitted'
        ? { summary: event.summary, evidenceCount: event.evidenceLinks.length + (event.evidenceFiles?.length ?? 0), onTime: dateAt(Date.parse(event.at)) <= state.deadline }
        : null,
    extensionRequest:
      event.type === 'ExtensionRequested' ? { requestedDeadline: dateText(event.requestedDeadline), reason: event.reason } : null,
    accepted:
      event.type === 'Accepted'
        ? { comment: event.comment ?? null, onTime: dateAt(Date.parse(state.completedAt ?? event.at)) <= state.deadline }
        : null,
    extension:
      event.type === 'ExtensionDecided'
        ? {
            granted: event.granted,
            deadline: event.deadline ? dateText(event.deadline) : null,
            previousDeadline: dateText(input.state.deadline),
            comment: event.comment ?? null,
          }
        : null,
  };
}

export type AssignmentMailView = ReturnType<typeof buildAssignmentMailView>;
