/**
 * Launching and cancelling campaigns: checks the definition against the directory, takes the key
 * (unique), starts the CampaignWorkflow under the same key, then marks the launch done.
 */
import { createHash } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import type { Actor } from '../domain/assignment/actor';
import type { Campaign } from '../domain/campaign/campaign';
import { deadlinesOutsideCalendar } from '../domain/campaign/deadlineRule';
import { expandCampaign, type DirectoryEntry } from '../domain/campaign/expandCampaign';
import { WorkingCalendar } from '../domain/calendar/workingCalendar';
import { dateAt, yearOf } from '../domain/time/localDate';
import type { Database } from '../db/database';
import { cancelSignal } from '../../workflows/section/sectionMessages';
import { campaignWorkflow } from '../../workflows/campaign/campaignWorkflow';
import { calendarSnapshot } from './calendarService';

export class CampaignConflict extends Error {}
export class CampaignProblems extends Error {
  constructor(readonly problems: { sectionNumber?: number; message: string }[]) {
    super('campaign does not expand cleanly');
  }
}

export interface CampaignServiceDeps {
  db: Database;
  client: Client;
  taskQueue: string;
}

export async function loadDirectory(db: Database): Promise<DirectoryEntry[]> {
  const agencies = await db.agencies.find({}, { _id: 1, groups: 1 }).sort({ _id: 1 }).lean();
  return agencies.map((agency) => ({ code: agency._id, groups: agency.groups }));
}

/** Tells a retry of one launch (the same definition) from another launch of the same key. */
export function definitionHashOf(campaign: Campaign): string {
  return createHash('sha256').update(JSON.stringify(campaign)).digest('hex');
}

/**
 * Launches a campaign once per key. The key is taken first (a `launching` document), then the
 * workflow is started, then the document is marked `launched`. A process that dies between those
 * steps leaves a `launching` document: a retry with the same definition resumes the launch (the
 * workflow id is the key, so it starts at most once); another definition under that key is a
 * conflict, as is any launch of a key already launched.
 */
export async function launchCampaign(deps: CampaignServiceDeps, campaign: Campaign, actor: Actor) {
  const { db } = deps;
  const directory = await loadDirectory(db);
  const { plans, problems } = expandCampaign(campaign, directory);
  if (problems.length > 0) throw new CampaignProblems(problems);
  const definitionHash = definitionHashOf(campaign);
  let launchDate = campaign.launchDate ?? dateAt(Date.now());
  let calendar = await calendarSnapshot(db, yearOf(launchDate));
  const outside = deadlinesOutsideCalendar(plans, launchDate, new WorkingCalendar(calendar));
  if (outside.length > 0) throw new CampaignProblems(outside);
  try {
    await db.campaigns.create({
      _id: campaign.key,
      definition: campaign,
      launchDate,
      launchedAt: new Date(),
      launchedBy: actor.name ?? actor.role,
      plannedAssignments: plans.length,
      launchState: 'launching',
      definitionHash,
    });
  } catch (error) {
    if ((error as { code?: number }).code !== 11000) throw error;
    const earlier = await db.campaigns.findById(campaign.key, { launchState: 1, definitionHash: 1, launchDate: 1 }).lean();
    const interruptedRetry = earlier?.launchState === 'launching' && earlier.definitionHash === definitionHash;
    if (!interruptedRetry) throw new CampaignConflict(campaign.key);
    if (earlier.launchDate !== launchDate) {
      launchDate = earlier.launchDate; // the launch date the first attempt chose (today, when the definition has none)
      calendar = await calendarSnapshot(db, yearOf(launchDate));
    }
  }
  try {
    await deps.client.workflow.start(campaignWorkflow, {
      taskQueue: deps.taskQueue,
      workflowId: campaign.key,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      args: [{ campaign, directory, launchDate, calendar }],
    });
  } catch (error) {
    // Already started: by an earlier attempt that died before marking the launch, or by a
    // concurrent retry. Anything else: the key is given back, so a corrected launch can take it.
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) {
      await db.campaigns.deleteOne({ _id: campaign.key, launchState: 'launching', definitionHash });
      throw error;
    }
  }
  await db.campaigns.updateOne({ _id: campaign.key }, { $set: { launchState: 'launched' } });
  return { key: campaign.key, launchDate, plannedAssignments: plans.length };
}

/** Finishes a launch that a crash interrupted, from the definition it recorded; false if there is none. */
export async function resumeInterruptedLaunch(deps: CampaignServiceDeps, key: string, actor: Actor): Promise<boolean> {
  const doc = await deps.db.campaigns.findOne({ _id: key, launchState: 'launching' }, { definition: 1 }).lean();
  if (!doc) return false;
  await launchCampaign(deps, doc.definition, actor);
  return true;
}

export async function cancelCampaign(deps: CampaignServiceDeps, key: string, actor: Actor, reason: string) {
  await deps.client.workflow.getHandle(key).signal(cancelSignal, { actor, reason });
  await deps.db.campaigns.updateOne({ _id: key }, { $set: { cancelledAt: new Date(), cancelReason: reason } });
}
