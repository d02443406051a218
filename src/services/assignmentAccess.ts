/**
 * Who may see an assignment and who may give it which command: the one check the API and the
 * portal both call. An agency sees its own assignments and those it coordinates on; it never
 * learns that another agency's assignment exists (the caller answers 404, not 403).
 */
import type { Caller } from '../api/middleware/authenticate';
import type { AssignmentCommandType } from '../domain/assignment/assignmentCommandSchema';
import type { Database } from '../db/database';
import type { AssignmentViewDoc } from '../db/models/assignmentViewModel';

type Filter = Record<string, unknown>;

/** Commands of the lead agency (the secretariat may give them too, on its behalf). */
export const LEAD_COMMANDS: readonly AssignmentCommandType[] = ['acknowledge', 'reportProgress', 'submitResult', 'requestExtension'];
/** The secretariat's decisions. */
export const SECRETARIAT_COMMANDS: readonly AssignmentCommandType[] = ['accept', 'returnForRework', 'decideExtension', 'reassign', 'cancel'];
/** What a coordinating agency may add. */
export const COORDINATOR_COMMANDS: readonly AssignmentCommandType[] = ['addCoordinationNote'];

/** How the caller stands to one assignment; undefined: it may not even see it. */
export type AssignmentRelation = 'secretariat' | 'committee' | 'lead' | 'coordinator';

type Visible = Pick<AssignmentViewDoc, 'agencyCode' | 'coordinatingAgencies'>;

export function relationTo(caller: Caller, doc: Visible): AssignmentRelation | undefined {
  const { role, agencyCode } = caller.actor;
  if (role === 'secretariat') return 'secretariat';
  if (role === 'committee') return 'committee';
  if (doc.agencyCode === agencyCode) return 'lead';
  if (agencyCode && doc.coordinatingAgencies.includes(agencyCode)) return 'coordinator';
  return undefined;
}

export function canSee(caller: Caller, doc: Visible): boolean {
  return relationTo(caller, doc) !== undefined;
}

/** The same rule as a database filter, for lists and counts. */
export function visibilityFilter(caller: Caller): Filter {
  if (caller.actor.role !== 'agency') return {};
  const code = caller.actor.agencyCode;
  return { $or: [{ agencyCode: code }, { coordinatingAgencies: code }] };
}

/** The roles that may give a command at all (before any assignment is looked up). */
export function rolesFor(command: AssignmentCommandType): Caller['actor']['role'][] {
  if (LEAD_COMMANDS.includes(command)) return ['secretariat', 'agency'];
  if (COORDINATOR_COMMANDS.includes(command)) return ['agency'];
  return ['secretariat'];
}

export type CommandPermission = { allowed: true } | { allowed: false; status: 403 | 404; reason: string };

/**
 * May this caller give this command to this assignment? The workflow decides again (state, dates);
 * this answers who, so a refused caller learns nothing more and the workflow is not asked.
 */
export function mayGive(caller: Caller, doc: Visible & { _id: string }, command: AssignmentCommandType): CommandPermission {
  const relation = relationTo(caller, doc);
  if (!relation) return { allowed: false, status: 404, reason: `Không có nhiệm vụ ${doc._id}.` };
  if (!rolesFor(command).includes(caller.actor.role)) {
    return { allowed: false, status: 403, reason: 'Vai trò của bạn không được thực hiện thao tác này.' };
  }
  if (LEAD_COMMANDS.includes(command) && relation === 'coordinator') {
    return {
      allowed: false,
      status: 403,
      reason: `Cơ quan ${caller.actor.agencyCode} chỉ phối hợp, không chủ trì nhiệm vụ này nên không được thao tác.`,
    };
  }
  if (COORDINATOR_COMMANDS.includes(command) && relation !== 'coordinator') {
    return { allowed: false, status: 403, reason: 'Chỉ cơ quan phối hợp thực hiện nhiệm vụ này mới được thêm ý kiến phối hợp; người khác không được thao tác này.' };
  }
  return { allowed: true };
}

/** The commands this caller could give this assignment (its state may still refuse some). */
export function commandsFor(caller: Caller, doc: Visible & { _id: string }): AssignmentCommandType[] {
  return [...LEAD_COMMANDS, ...SECRETARIAT_COMMANDS, ...COORDINATOR_COMMANDS].filter((command) => mayGive(caller, doc, command).allowed);
}

/** The assignment if the caller may see it; undefined when it does not exist or is hidden from them. */
export async function findVisibleAssignment(db: Database, caller: Caller, id: string): Promise<AssignmentViewDoc | undefined> {
  const doc = await db.assignments.findById(id).lean();
  return doc && canSee(caller, doc) ? doc : undefined;
}
