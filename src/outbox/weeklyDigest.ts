/**
 * The weekly digest's schedule, run by the dispatcher (no workflow needed): once the week's slot
 * has passed, each campaign launched before it, not cancelled by then and with work still owed
 * gets one `weeklyDigest` entry with the id `<campaign>.weeklyDigest.<ISO week>`. Every
 * dispatcher may look as often as it likes: the id makes it one email per campaign per week.
 * "Work still owed" is read from the statistics counters (assignments open now), so the check
 * folds no events; the digest itself reports as of its slot (digestReport).
 */
import { latestDigestSlot, type DigestSchedule } from '../domain/notification/digestSchedule';
import type { Database } from '../db/database';
import { insertOnce } from '../db/insertOnce';
import type { OutboxDoc } from '../db/models/outboxModel';
import { openAssignments } from '../projections/statistics';

export function digestId(campaignKey: string, week: string): string {
  return `${campaignKey}.weeklyDigest.${week}`;
}

/**
 * Queues what is due at `now`; returns the ids queued. `seen` remembers, for one process, the ids
 * already decided (queued or nothing owed), so a check every minute costs one query.
 */
export async function queueWeeklyDigests(db: Database, schedule: DigestSchedule, now: number, seen: Set<string> = new Set()): Promise<string[]> {
  const slot = latestDigestSlot(schedule, now);
  const campaigns = await db.campaigns.find({ launchDate: { $lt: slot.date } }, { _id: 1, cancelledAt: 1 }).lean();
  const queued: string[] = [];
  for (const campaign of campaigns) {
    const id = digestId(campaign._id, slot.week);
    if (seen.has(id)) continue;
    seen.add(id);
    if (campaign.cancelledAt && campaign.cancelledAt.getTime() <= slot.instant) continue;
    if (await db.outbox.exists({ _id: id })) continue;
    if ((await openAssignments(db, campaign._id, now)) === 0) continue;
    const entry: OutboxDoc = {
      _id: id,
      kind: 'weeklyDigest',
      campaignKey: campaign._id,
      digestWeek: slot.week,
      asOf: new Date(slot.instant),
      status: 'pending',
      attempts: 0,
      createdAt: new Date(now),
    };
    if ((await insertOnce<OutboxDoc>(db.outbox, [entry])) === 1) queued.push(id);
  }
  return queued;
}
