/**
 * The văn bản đôn đốc to one agency about its overdue tasks of one campaign, as of an instant:
 * what the API and the portal give on demand, and what the escalation to the People's Committee
 * attaches. "Overdue" here means what the agency still owes: its deadline has passed and no result
 * is waiting for the secretariat's review (that one needs nothing more from the agency).
 */
import type { AssignmentState, AssignmentStatus } from '../domain/assignment/assignmentState';
import type { Campaign } from '../domain/campaign/campaign';
import { dateAt, yearOf, type LocalDate } from '../domain/time/localDate';
import type { Database } from '../db/database';
import { buildOverdueLetter, type FormalLetter, type OverdueTask } from '../mail/formalLetter';
import { renderFormalLetterDocx } from '../mail/formalLetterDocx';
import { renderFormalLetterPdf } from '../mail/formalLetterPdf';
import type { LetterSettings } from '../mail/letterSettings';
import type { TemplateStore } from '../mail/templateStore';
import { WorkingCalendar } from '../domain/calendar/workingCalendar';
import { calendarSnapshot } from './calendarService';

export const LETTER_FORMATS = ['pdf', 'docx'] as const;
export type LetterFormat = (typeof LETTER_FORMATS)[number];

export const LETTER_CONTENT_TYPES: Record<LetterFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Statuses in which the agency still owes the result (one under review needs nothing more from it). */
export const OWED_STATUSES: readonly AssignmentStatus[] = ['assigned', 'acknowledged', 'inProgress'];

export interface LetterDeps {
  db: Database;
  templates: TemplateStore;
  settings: LetterSettings;
}

export interface LetterRequest {
  campaignKey: string;
  agencyCode: string;
  /** "As of": the letter's date is this instant's day in Vietnam. */
  at: number;
  /** The escalating assignment as it stood at its escalation, whatever the read model says now. */
  current?: AssignmentState;
}

export type LetterOutcome =
  | { kind: 'letter'; letter: FormalLetter; date: LocalDate }
  | { kind: 'noCampaign' }
  | { kind: 'noAgency' }
  | { kind: 'nothingOverdue'; agencyName: string; campaignTitle: string };

export interface LetterFile {
  filename: string;
  content: Buffer;
  contentType: string;
}

/** The agency's tasks of the campaign still owed after their deadline, most overdue first. */
export async function overdueTasks(db: Database, request: LetterRequest): Promise<OverdueTask[]> {
  const { campaignKey, agencyCode, at, current } = request;
  const docs = await db.assignments
    .find({ campaignKey, agencyCode, status: { $in: [...OWED_STATUSES] }, deadlineEndsAt: { $lte: new Date(at) } }, { title: 1, deadline: 1, status: 1 })
    .lean();
  const rows = docs.filter((doc) => doc._id !== current?.id).map((doc) => ({ id: doc._id, title: doc.title, deadline: doc.deadline }));
  const currentOwed = current && current.campaignKey === campaignKey && current.agencyCode === agencyCode && OWED_STATUSES.includes(current.status);
  if (currentOwed) rows.push({ id: current.id, title: current.title, deadline: current.deadline });
  if (rows.length === 0) return [];
  const today = dateAt(at);
  const years = [yearOf(today), ...rows.map((row) => yearOf(row.deadline))];
  const calendar = new WorkingCalendar(await calendarSnapshot(db, Math.min(...years), Math.max(...years)));
  return rows
    .map((row) => ({ ...row, workingDaysOverdue: calendar.workingDaysBetween(row.deadline, today) }))
    .sort((a, b) => b.workingDaysOverdue - a.workingDaysOverdue || a.id.localeCompare(b.id));
}

export async function overdueLetter(deps: LetterDeps, request: LetterRequest): Promise<LetterOutcome> {
  const [campaignDoc, agency] = await Promise.all([
    deps.db.campaigns.findById(request.campaignKey, { definition: 1 }).lean(),
    deps.db.agencies.findById(request.agencyCode, { name: 1 }).lean(),
  ]);
  const campaign = (campaignDoc as { definition?: Campaign } | null)?.definition;
  if (!campaign) return { kind: 'noCampaign' };
  if (!agency) return { kind: 'noAgency' };
  const tasks = await overdueTasks(deps.db, request);
  if (tasks.length === 0) return { kind: 'nothingOverdue', agencyName: agency.name, campaignTitle: campaign.title };
  const date = dateAt(request.at);
  const letter = buildOverdueLetter({ agency: { code: request.agencyCode, name: agency.name }, tasks, campaign, settings: deps.settings, date }, deps.templates);
  return { kind: 'letter', letter, date };
}

export async function renderLetter(letter: FormalLetter, format: LetterFormat, at: number): Promise<Buffer> {
  return format === 'pdf' ? renderFormalLetterPdf(letter, { createdAt: new Date(at) }) : renderFormalLetterDocx(letter);
}

/** "van-ban-don-doc-cchc-2021-STNMT-2022-02-25.pdf". */
export function letterFilename(request: Pick<LetterRequest, 'campaignKey' | 'agencyCode'>, date: LocalDate, format: LetterFormat): string {
  return `van-ban-don-doc-${request.campaignKey}-${request.agencyCode}-${date}.${format}`;
}
