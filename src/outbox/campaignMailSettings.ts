/**
 * The per-campaign switch that sends every email of a campaign to one test mailbox instead of its
 * real recipients (a rehearsal before the real launch, or a training campaign). Kept on the
 * campaign's own document in `campaigns`, as `mailSettings`; written through the driver because
 * the campaign model (not the delivery side's to change) does not declare the field, and
 * mongoose would drop an undeclared field on write.
 */
import type { Database } from '../db/database';

export interface CampaignMailSettings {
  /** All email of the campaign goes here when set. */
  testMailbox: string | null;
  updatedAt?: Date;
  updatedBy?: string;
}

interface WithMailSettings {
  _id: string;
  mailSettings?: CampaignMailSettings;
}

export async function readCampaignMailSettings(db: Database, campaignKey: string): Promise<CampaignMailSettings | undefined> {
  const doc = await db.campaigns.collection.findOne<WithMailSettings>({ _id: campaignKey as never }, { projection: { mailSettings: 1 } });
  if (!doc) return undefined;
  return { testMailbox: doc.mailSettings?.testMailbox ?? null, updatedAt: doc.mailSettings?.updatedAt, updatedBy: doc.mailSettings?.updatedBy };
}

/** Returns false when there is no such campaign. */
export async function writeCampaignMailSettings(db: Database, campaignKey: string, settings: CampaignMailSettings): Promise<boolean> {
  const result = await db.campaigns.collection.updateOne({ _id: campaignKey as never }, { $set: { mailSettings: settings } });
  return result.matchedCount > 0;
}
