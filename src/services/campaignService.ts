/**
 * Launching and cancelling campaigns: checks the definition against the directory, records the
 * launch once (the key is unique), then starts the CampaignWorkflow under the same key.
 */
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import type { Actor } from '../domain/assignment/actor';
import type { Campaign } from '../domain/campaign/campaign';
import { expandCampaign, type DirectoryEntry } from '../domain/campaign/expandCampaign';
import { dateAt, yearOf } from '../domain/time/localDate';
import type { Database } from '../db/database';
import { cancelSignal } from '../../workflows/section/sectionMessages';
import { campaignWorkflow } from '../../workflows/campaign/campaignWorkflow';
import { calendarSnapshot } from './calendarService';

export class CampaignConflict extends Error {}
export class CampaignProblems extends Error {
  constructor(readonly problems: { sectionNumber: number; message: string }[]) {
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

export async function launchCampaign(deps: CampaignServiceDeps, campaign: Campaign, actor: Actor) {
  const { db, client } = deps;
  const directory = await loadDirectory(db);
  const { plans, problems } = expandCampaign(campaign, directory);
  if (problems.length > 0) throw new CampaignProblems(problems);
  const launchDate = campaign.launchDate ?? dateAt(Date.now());
  try {
    await db.campaigns.create({
      _id: campaign.key,
      definition: campaign,
      launchDate,
      launchedAt: new Date(),
      launchedBy: actor.name ?? actor.role,
      plannedAssignments: plans.length,
    });
  } catch (error) {
    if ((error as { code?: number }).code === 11000) throw new CampaignConflict(campaign.key);
    throw error;
  }
  try {
    await client.workflow.start(campaignWorkflow, {
      taskQueue: deps.taskQueue,
      workflowId: campaign.key,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      args: [{ campaign, directory, launchDate, calendar: await calendarSnapshot(db, yearOf(launchDate)) }],
    });
  } catch (error) {
    // Recorded by an earlier attempt that died before answering: the workflow exists, once.
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) {
      await db.campaigns.deleteOne({ _id: campaign.key });
      throw error;
    }
  }
  return { key: campaign.key, launchDate, plannedAssignments: plans.length };
}

export async function cancelCampaign(deps: CampaignServiceDeps, key: string, actor: Actor, reason: string) {
  await deps.client.workflow.getHandle(key).signal(cancelSignal, { actor, reason });
  await deps.db.campaigns.updateOne({ _id: key }, { $set: { cancelledAt: new Date(), cancelReason: reason } });
}
