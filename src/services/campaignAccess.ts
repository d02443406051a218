/**
 * What of a campaign, and of the directory, each caller may read; the API and the portal share it.
 *
 * - Campaigns: the secretariat and the People's Committee see every campaign in full. An agency
 *   sees only the campaigns in which it leads or coordinates an assignment, and of each only the
 *   sections it has a part in and the counts of its own assignments; any other campaign does not
 *   exist for it (404), as with assignments.
 * - Directory: every role reads who the agencies are (code, name, kind, groups: needed to read a
 *   task's lead and coordinating agencies). Contact people and addresses are for the secretariat,
 *   the People's Committee and the agency's own entry only.
 */
import type { Caller } from '../api/middleware/authenticate';
import type { Agency } from '../domain/agency/agency';
import type { Campaign } from '../domain/campaign/campaign';
import type { Database } from '../db/database';
import { visibilityFilter } from './assignmentAccess';

/** The campaign keys this caller may see; undefined: all of them. */
export async function visibleCampaignKeys(db: Database, caller: Caller): Promise<string[] | undefined> {
  if (caller.actor.role !== 'agency') return undefined;
  return (await db.assignments.distinct('campaignKey', visibilityFilter(caller))) as string[];
}

export async function mayReadCampaign(db: Database, caller: Caller, key: string): Promise<boolean> {
  if (caller.actor.role !== 'agency') return true;
  return (await db.assignments.exists({ campaignKey: key, ...visibilityFilter(caller) })) !== null;
}

/** An agency's view of a definition: only the sections in which it has an assignment it may see. */
export function definitionFor(caller: Caller, definition: Campaign, sectionNumbers: Iterable<number>): Campaign {
  if (caller.actor.role !== 'agency') return definition;
  const mine = new Set(sectionNumbers);
  return { ...definition, sections: definition.sections.filter((section) => mine.has(section.number)) };
}

/** A directory entry as this caller may read it. */
export function agencyFor(caller: Caller, agency: Agency): Agency {
  const { role, agencyCode } = caller.actor;
  if (role !== 'agency' || agencyCode === agency.code) return agency;
  return { ...agency, contacts: [] };
}
