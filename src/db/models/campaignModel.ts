/** One document per launched campaign: its definition, who launched it and when. */
import { Schema, type Connection, type Model } from 'mongoose';
import type { Campaign } from '../../domain/campaign/campaign';

export interface CampaignDoc {
  _id: string;
  definition: Campaign;
  launchDate: string;
  launchedAt: Date;
  launchedBy: string;
  plannedAssignments: number;
  /**
   * `launching` from the moment the key is taken until the CampaignWorkflow is known to exist; a
   * launch that died in between is resumed by a retry of the same definition. Absent on documents
   * written before this field: they are launched.
   */
  launchState?: 'launching' | 'launched';
  /** sha-256 of the definition as sent: tells a retry of this launch from another launch of the key. */
  definitionHash?: string;
  cancelledAt?: Date;
  cancelReason?: string;
}

const campaignSchema = new Schema<CampaignDoc>(
  {
    _id: { type: String, required: true },
    definition: { type: Schema.Types.Mixed, required: true },
    launchDate: { type: String, required: true },
    launchedAt: { type: Date, required: true },
    launchedBy: { type: String, required: true },
    plannedAssignments: { type: Number, required: true },
    launchState: String,
    definitionHash: String,
    cancelledAt: Date,
    cancelReason: String,
  },
  { versionKey: false, collection: 'campaigns' },
);

export type CampaignModel = Model<CampaignDoc>;
export function campaignModel(connection: Connection): CampaignModel {
  return (connection.models.Campaign as CampaignModel | undefined) ?? connection.model<CampaignDoc>('Campaign', campaignSchema);
}
