/**
 * Everything one assignment's page shows: the task as the campaign gave it, agencies by name, the
 * deadline (and the original one), the submitted result, the timeline of every event with who did
 * it, and the actions this caller may take now. Undefined when the caller may not see it.
 */
import type { Caller } from '../api/middleware/authenticate';
import type { Actor } from '../domain/assignment/actor';
import { commandsOpenIn, type AssignmentCommandType } from '../domain/assignment/assignmentCommands';
import { eventId, type AssignmentEvent } from '../domain/assignment/assignmentEvents';
import { describeEvent, EVENT_LABELS } from '../domain/assignment/describeEvent';
import type { AssignmentState } from '../domain/assignment/assignmentState';
import type { KpiTarget } from '../domain/campaign/campaign';
import type { Directive } from '../domain/campaign/campaign';
import type { Database } from '../db/database';
import { fromViewDoc } from '../db/models/assignmentViewModel';
import { fromStoredEvent, type StoredEvent } from '../db/models/eventModel';
import { commandsFor, findVisibleAssignment, type AssignmentRelation } from './assignmentAccess';
import { agencyNames, toRows, type AssignmentRow } from './portalQueries';

export interface TimelineEntry {
  seq: number;
  at: string;
  label: string;
  description: string;
  who: string;
  type: AssignmentEvent['type'];
}

export interface AssignmentPageData {
  row: AssignmentRow;
  state: AssignmentState;
  relation: AssignmentRelation;
  campaign: { key: string; title: string; directive?: Directive };
  sectionTitle: string;
  lead: { code: string; name: string };
  coordinating: { code: string; name: string }[];
  kpiTargets: KpiTarget[];
  timeline: TimelineEntry[];
  /** Commands this caller may give now (the workflow still decides). */
  actions: AssignmentCommandType[];
}

/** Beyond this many events, one query is cheaper than a lookup each. */
const LOOKUPS_AT_MOST = 300;

/**
 * The assignment's events. Their ids are `<assignment>#<seq>` and the read model knows the last
 * seq, so each is read by `_id` (the one lookup FerretDB's SQLite backend serves from an index)
 * instead of a query that would pass over the whole events collection.
 */
async function timelineEvents(db: Database, id: string, lastSeq: number): Promise<StoredEvent[]> {
  if (lastSeq > LOOKUPS_AT_MOST) return db.events.find({ assignmentId: id }).sort({ seq: 1 }).lean();
  const found = await Promise.all(Array.from({ length: lastSeq }, (_, i) => db.events.findById(eventId(id, i + 1)).lean()));
  return found.filter((event): event is NonNullable<typeof event> => event !== null);
}

const ROLE_WORDS: Record<Actor['role'], string> = {
  secretariat: 'Ban Chỉ đạo CCHC (Sở Nội vụ)',
  committee: 'UBND Thành phố',
  agency: 'Cơ quan',
  system: 'Hệ thống',
};

/** "Nguyễn Văn A (Sở Tài nguyên và Môi trường)", "Hệ thống"... */
export function actorLabel(actor: Actor, names: Map<string, string>): string {
  if (actor.role === 'system') return ROLE_WORDS.system;
  const body = actor.role === 'agency' ? (names.get(actor.agencyCode ?? '') ?? actor.agencyCode ?? ROLE_WORDS.agency) : ROLE_WORDS[actor.role];
  return actor.name && actor.name !== actor.agencyCode && actor.name !== actor.role ? `${actor.name} (${body})` : body;
}

export async function assignmentPage(db: Database, caller: Caller, id: string, now = Date.now()): Promise<AssignmentPageData | undefined> {
  const doc = await findVisibleAssignment(db, caller, id);
  if (!doc) return undefined;
  const [names, campaign, stored, [row]] = await Promise.all([
    agencyNames(db),
    db.campaigns.findById(doc.campaignKey).lean(),
    timelineEvents(db, id, doc.seq),
    toRows(db, caller, [doc], now),
  ]);
  const state = fromViewDoc(doc);
  const open = commandsOpenIn(state);
  const nameOf = (code: string) => ({ code, name: names.get(code) ?? code });
  return {
    row: row!,
    state,
    relation: row!.relation!,
    campaign: { key: doc.campaignKey, title: campaign?.definition.title ?? doc.campaignKey, directive: campaign?.definition.directive },
    sectionTitle: state.sectionTitle,
    lead: nameOf(state.agencyCode),
    coordinating: state.coordinatingAgencies.map(nameOf),
    kpiTargets: state.kpiTargets ?? [],
    timeline: stored.map(fromStoredEvent).map((event) => ({
      seq: event.seq,
      at: event.at,
      label: EVENT_LABELS[event.type],
      description: describeEvent(event, (code) => names.get(code) ?? code),
      who: actorLabel(event.actor, names),
      type: event.type,
    })),
    actions: commandsFor(caller, doc).filter((command) => open.includes(command)),
  };
}
