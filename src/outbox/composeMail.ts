/**
 * Turns an outbox entry into the message to send: loads what it is about (the event, the
 * assignment as it stood after the event, the campaign, the directory), picks the recipients by
 * role, renders the kind's template, attaches the formal letter (src/services/overdueLetter.ts) to
 * an escalation to the People's Committee, and applies the test-mailbox switch. The Message-ID comes from the entry's id.
 * Every email links to the portal: an assignment's email to the assignment's page, the digest to
 * the portal's home; the sign-in email carries the person's one-time link.
 */
import type { Agency } from '../domain/agency/agency';
import { eventId, type AssignmentEvent } from '../domain/assignment/assignmentEvents';
import { foldEvents, type AssignmentState } from '../domain/assignment/assignmentState';
import type { Campaign } from '../domain/campaign/campaign';
import { formatMailbox, parseMailbox, domainOf, type Mailbox } from '../domain/notification/mailbox';
import { recipientsFor, type Recipients } from '../domain/notification/recipients';
import { dateAt } from '../domain/time/localDate';
import type { Database } from '../db/database';
import { toAgency } from '../db/models/agencyModel';
import { fromViewDoc } from '../db/models/assignmentViewModel';
import { fromStoredEvent } from '../db/models/eventModel';
import type { OutboxDoc } from '../db/models/outboxModel';
import { agencyRef, buildAssignmentMailView } from '../mail/assignmentMailView';
import { buildDigestMailView } from '../mail/digestMailView';
import { escalationHistory, outboxIdOf, type EarlierDelivery, type EscalationHistory } from '../mail/escalationHistory';
import { buildFailureMailView } from '../mail/failureMailView';
import { messageIdFor, threadRootFor } from '../mail/messageId';
import { renderMail, type LayoutExtras, type RenderedMail, type SubjectIds } from '../mail/renderMail';
import type { TemplateStore } from '../mail/templateStore';
import { portalLinks } from '../mail/portalLinks';
import { dateText, instantText } from '../mail/vietnameseLabels';
import { secretariatQueue, type QueueItem } from '../services/secretariatQueue';
import { dailyItems } from './pendingDigest';
import { MAIL_KIND_LABELS } from '../domain/notification/mailKinds';
import { SIGN_IN_CODE_MINUTES, SIGN_IN_CODE_MS } from '../domain/person/signInCode';
import { readCampaignMailSettings } from './campaignMailSettings';
import { digestReport } from './digestReport';
import { calendarDecisionNotice } from '../services/calendarService';
import type { MailSettings } from './mailSettings';
import { overdueOfAgency } from './overdueOfAgency';
import { overdueLetter, renderLetter } from '../services/overdueLetter';

export interface MailContext {
  db: Database;
  templates: TemplateStore;
  settings: MailSettings;
  from: Mailbox;
  /** PORTAL_URL without a trailing slash: the links in every email start with it. */
  portalUrl: string;
  /** The dispatcher's clock (a sign-in link is not sent once it has expired). */
  now?: () => number;
}

export interface Attachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface ComposedMail extends RenderedMail {
  /** Who actually receives it (the test mailbox when redirected). */
  to: Mailbox[];
  cc: Mailbox[];
  /** Who would receive it without the test-mailbox switch. */
  intended: Recipients;
  redirectedTo?: string;
  messageId: string;
  references?: string;
  attachments: Attachment[];
}

/** Nobody to send it to: a permanent failure the secretariat must hear of (fix the directory, retry). */
export class UndeliverableMail extends Error {
  constructor(
    readonly reason: string,
    readonly intended: Recipients,
  ) {
    super(reason);
  }
}

async function loadAgencies(db: Database, codes: string[]): Promise<Map<string, Agency>> {
  if (codes.length === 0) return new Map();
  // One lookup by `_id` each (an email names an agency and its few coordinators): `$in` reads the
  // whole directory on FerretDB 1.x, once per email.
  const docs = await Promise.all([...new Set(codes)].map((code) => db.agencies.findById(code).lean()));
  return new Map(docs.filter((doc) => doc !== null).map((doc) => [doc._id, toAgency(doc)]));
}

async function loadCampaign(db: Database, key: string): Promise<Campaign | undefined> {
  return (await db.campaigns.findById(key, { definition: 1 }).lean())?.definition;
}

interface Draft {
  view: object;
  ids: SubjectIds;
  intended: Recipients;
  attachments: Attachment[];
  /** The agency whose directory entry lacks addresses, for the "no recipient" reason. */
  agency?: { code: string; name: string };
}

/**
 * The assignment as it stood right after `event`. Usually the read model is exactly that (same
 * seq); otherwise its events are read one by one by `_id`, the one lookup every MongoDB-protocol
 * server answers from an index (FerretDB scans the collection for any other filter).
 */
async function stateAfter(db: MailContext['db'], event: AssignmentEvent): Promise<AssignmentState | undefined> {
  const view = await db.assignments.findById(event.assignmentId).lean();
  if (view && view.seq === event.seq) return fromViewDoc(view);
  const docs = await Promise.all(
    Array.from({ length: event.seq }, (_, i) => db.events.findById(eventId(event.assignmentId, i + 1)).lean()),
  );
  return foldEvents(docs.filter((doc) => doc !== null).map(fromStoredEvent));
}

/** What was sent about the assignment before this escalation: its earlier events and their emails' outbox records. */
async function historyBefore(db: Database, escalation: Extract<AssignmentEvent, { type: 'Escalated' }>, state: AssignmentState): Promise<EscalationHistory> {
  const docs = await Promise.all(
    Array.from({ length: escalation.seq - 1 }, (_, i) => db.events.findById(eventId(escalation.assignmentId, i + 1)).lean()),
  );
  const earlier = docs.filter((doc) => doc !== null).map(fromStoredEvent);
  const ids = earlier.map(outboxIdOf).filter((id): id is string => id !== undefined);
  const entries = await Promise.all(ids.map((id) => db.outbox.findById(id, { status: 1, sentAt: 1 }).lean()));
  const deliveries = new Map<string, EarlierDelivery>(entries.filter((e) => e !== null).map((e) => [e._id, { status: e.status, sentAt: e.sentAt }]));
  return escalationHistory({ earlier, escalation, deliveries, launchDate: state.launchDate });
}

async function assignmentDraft(ctx: MailContext, entry: OutboxDoc): Promise<Draft> {
  const { db, settings } = ctx;
  const stored = await db.events.findById(entry.eventId).lean();
  if (!stored) throw new Error(`event ${entry.eventId} of outbox entry ${entry._id} not found`);
  const event = fromStoredEvent(stored);
  const state = await stateAfter(db, event);
  if (!state) throw new Error(`assignment ${event.assignmentId} has no history`);
  const leadCode = entry.agencyCode ?? state.agencyCode;
  const previous = event.type === 'Reassigned' ? [event.from] : [];
  const agencies = await loadAgencies(db, [leadCode, ...state.coordinatingAgencies, ...previous]);
  const lead = agencies.get(leadCode);
  const coordinating = state.coordinatingAgencies.map((code) => agencies.get(code)).filter((a): a is Agency => a !== undefined);
  const campaign = await loadCampaign(db, state.campaignKey);
  const at = Date.parse(event.at);
  const view = buildAssignmentMailView({
    kind: entry.kind,
    event,
    state,
    campaign,
    lead,
    coordinating: state.coordinatingAgencies.map((code) => agencyRef(code, agencies.get(code))),
    overdueList: entry.kind === 'escalationToCommittee' ? await overdueOfAgency(db, leadCode, at, state) : [],
    previousAgency: event.type === 'Reassigned' ? agencyRef(event.from, agencies.get(event.from)) : undefined,
    portalUrl: ctx.portalUrl,
    history: event.type === 'Escalated' ? await historyBefore(db, event, state) : undefined,
  });
  const intended = recipientsFor({
    kind: entry.kind,
    lead,
    coordinating,
    secretariat: settings.secretariat,
    committee: settings.committee,
    dueToday: event.type === 'ReminderSent' && event.workingDaysLeft === 0,
  });
  const letter = entry.kind === 'escalationToCommittee' ? await formalLetter(ctx, state, leadCode, at) : undefined;
  const attachments = letter ? [letter] : [];
  return {
    view: { ...view, hasLetter: attachments.length > 0 },
    ids: { campaignKey: state.campaignKey, assignmentId: state.id },
    intended,
    attachments,
    agency: agencyRef(leadCode, lead),
  };
}

/** The văn bản đôn đốc to the agency about its overdue tasks of the campaign, as of the escalation, as a PDF. */
async function formalLetter(ctx: MailContext, state: AssignmentState, agencyCode: string, at: number): Promise<Attachment | undefined> {
  const deps = { db: ctx.db, templates: ctx.templates, settings: ctx.settings.letter };
  const outcome = await overdueLetter(deps, { campaignKey: state.campaignKey, agencyCode, at, current: state });
  // An agency missing from the directory, or a task no longer owed: the email goes without a letter (hasLetter false).
  if (outcome.kind !== 'letter') return undefined;
  const content = await renderLetter(outcome.letter, 'pdf', at);
  return { filename: `van-ban-don-doc-${state.id}.pdf`, content, contentType: 'application/pdf' };
}

async function digestDraft(ctx: MailContext, entry: OutboxDoc): Promise<Draft> {
  if (!entry.asOf || !entry.digestWeek || !entry.campaignKey) throw new Error(`digest ${entry._id} lacks its week or campaign`);
  const asOf = entry.asOf.getTime();
  const report = await digestReport(ctx.db, entry.campaignKey, asOf);
  const view = buildDigestMailView({
    campaignKey: entry.campaignKey,
    campaign: await loadCampaign(ctx.db, entry.campaignKey),
    week: entry.digestWeek,
    asOf,
    counts: report.counts,
    overdue: report.overdue,
    portalUrl: ctx.portalUrl,
    calendarWarning: (await calendarDecisionNotice(ctx.db, asOf)).warning,
  });
  const intended = recipientsFor({ kind: 'weeklyDigest', coordinating: [], secretariat: ctx.settings.secretariat, committee: ctx.settings.committee });
  return { view, ids: { campaignKey: entry.campaignKey }, intended, attachments: [] };
}

async function failureDraft(ctx: MailContext, entry: OutboxDoc): Promise<Draft> {
  const facts = entry.failure;
  if (!facts || !entry.aboutEntryId || !entry.campaignKey) throw new Error(`failure notice ${entry._id} lacks its facts`);
  const agencies = await loadAgencies(ctx.db, entry.agencyCode ? [entry.agencyCode] : []);
  const view = buildFailureMailView({
    campaignKey: entry.campaignKey,
    campaign: await loadCampaign(ctx.db, entry.campaignKey),
    failedEntryId: entry.aboutEntryId,
    failedKind: facts.kind,
    assignmentId: entry.assignmentId ?? null,
    agency: entry.agencyCode ? agencyRef(entry.agencyCode, agencies.get(entry.agencyCode)) : null,
    refused: facts.refused,
    reason: facts.reason,
    partlyDelivered: facts.partlyDelivered,
    intended: { to: facts.to, cc: facts.cc },
    at: entry.createdAt.getTime(),
    portalUrl: ctx.portalUrl,
  });
  const intended = recipientsFor({ kind: 'deliveryFailure', coordinating: [], secretariat: ctx.settings.secretariat, committee: ctx.settings.committee });
  return { view, ids: { campaignKey: entry.campaignKey, assignmentId: entry.assignmentId }, intended, attachments: [] };
}

/** The one-time sign-in link, to the person who asked for it (and to nobody else). */
async function signInDraft(ctx: MailContext, entry: OutboxDoc): Promise<Draft> {
  // A link that can no longer work is not worth sending: the person asks for a new one.
  const nobody = { to: [], cc: [] };
  if (!entry.personEmail || !entry.signInCode) {
    throw new UndeliverableMail('Liên kết đăng nhập không còn được lưu (thư đã gửi hoặc đã hủy); người dùng cần yêu cầu liên kết mới.', nobody);
  }
  if (entry.createdAt.getTime() + SIGN_IN_CODE_MS <= (ctx.now ?? Date.now)()) {
    throw new UndeliverableMail(`Liên kết đăng nhập đã hết hạn (${SIGN_IN_CODE_MINUTES} phút) trước khi gửi được; người dùng cần yêu cầu liên kết mới.`, nobody);
  }
  const person = await ctx.db.people.findById(entry.personEmail).lean();
  const mailbox: Mailbox = { name: person?.name, address: entry.personEmail };
  const view = {
    kindLabel: MAIL_KIND_LABELS.signInLink,
    person: { name: person?.name ?? entry.personEmail, email: entry.personEmail },
    validMinutes: SIGN_IN_CODE_MINUTES,
    portal: portalLinks(ctx.portalUrl),
    signInLink: `${ctx.portalUrl}/dang-nhap/xac-nhan?ma=${encodeURIComponent(entry.signInCode)}`,
  };
  const intended = recipientsFor({ kind: 'signInLink', coordinating: [], secretariat: ctx.settings.secretariat, committee: ctx.settings.committee, person: mailbox });
  return { view, ids: {}, intended, attachments: [] };
}

/** The secretariat's daily "chờ xử lý" list: what waits on it as the email is written. */
async function pendingDraft(ctx: MailContext, entry: OutboxDoc): Promise<Draft> {
  if (!entry.digestDay || !entry.asOf) throw new Error(`pending list ${entry._id} lacks its day`);
  const items = dailyItems(await secretariatQueue(ctx.db), ctx.settings.secretariatNotices);
  const row = (item: QueueItem) => ({
    agencyName: item.agencyName,
    title: item.title,
    since: dateText(dateAt(Date.parse(item.since))),
    detail: item.detail.replace(/\s+/g, ' ').slice(0, 300),
    link: portalLinks(ctx.portalUrl, item.assignmentId).assignment,
  });
  const view = {
    kindLabel: MAIL_KIND_LABELS.pendingDigest,
    day: dateText(entry.digestDay),
    asOf: instantText(Math.max(entry.asOf.getTime(), (ctx.now ?? Date.now)())),
    portal: portalLinks(ctx.portalUrl),
    results: items.results.map(row),
    extensions: items.extensions.map(row),
    resultCount: items.results.length,
    extensionCount: items.extensions.length,
  };
  const intended = recipientsFor({ kind: 'pendingDigest', coordinating: [], secretariat: ctx.settings.secretariat, committee: ctx.settings.committee });
  return { view, ids: {}, intended, attachments: [] };
}

/** The campaign's own test mailbox first, then the engine-wide one (MAIL_TEST_MAILBOX). */
async function testMailboxFor(ctx: MailContext, campaignKey: string | undefined): Promise<Mailbox | undefined> {
  const own = campaignKey ? (await readCampaignMailSettings(ctx.db, campaignKey))?.testMailbox : undefined;
  return (own ? parseMailbox(own) : undefined) ?? ctx.settings.testMailbox;
}

export async function composeMail(ctx: MailContext, entry: OutboxDoc): Promise<ComposedMail> {
  const draft =
    entry.kind === 'weeklyDigest'
      ? await digestDraft(ctx, entry)
      : entry.kind === 'deliveryFailure'
        ? await failureDraft(ctx, entry)
        : entry.kind === 'signInLink'
          ? await signInDraft(ctx, entry)
          : entry.kind === 'pendingDigest'
            ? await pendingDraft(ctx, entry)
            : await assignmentDraft(ctx, entry);
  const testMailbox = await testMailboxFor(ctx, entry.campaignKey);
  if (!testMailbox && draft.intended.to.length === 0) {
    const who = draft.agency ? `${draft.agency.name} (${draft.agency.code})` : 'người nhận';
    throw new UndeliverableMail(
      `Danh bạ chưa có địa chỉ email nào của ${who}; hãy cập nhật danh bạ rồi gửi lại thư này.`,
      draft.intended,
    );
  }
  const extras: LayoutExtras = {
    testMode: testMailbox
      ? {
          intendedTo: draft.intended.to.map(formatMailbox).join(', ') || '(chưa có địa chỉ trong danh bạ)',
          intendedCc: draft.intended.cc.map(formatMailbox).join(', ') || '(không có)',
        }
      : null,
    reference: entry._id,
    contact: { name: ctx.settings.contact.name, phone: ctx.settings.contact.phone ?? null, email: ctx.settings.contact.email },
  };
  const rendered = renderMail(ctx.templates, entry.kind, draft.view, draft.ids, extras);
  const domain = domainOf(ctx.from);
  const isThreadRoot = entry.kind === 'assignmentNotice' && entry._id.endsWith('.launch');
  return {
    ...rendered,
    to: testMailbox ? [testMailbox] : draft.intended.to,
    cc: testMailbox ? [] : draft.intended.cc,
    intended: draft.intended,
    redirectedTo: testMailbox ? formatMailbox(testMailbox) : undefined,
    messageId: messageIdFor(entry._id, domain),
    references: entry.assignmentId && !isThreadRoot ? threadRootFor(entry.assignmentId, domain) : undefined,
    attachments: draft.attachments,
  };
}
