/** The agency directory: who receives assignments, in which groups, and their contacts. */
import { Schema, type Connection, type Model } from 'mongoose';
import type { Agency } from '../../domain/agency/agency';

export interface AgencyDoc extends Omit<Agency, 'code'> {
  _id: string;
  updatedAt: Date;
}

const agencySchema = new Schema<AgencyDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    shortName: String,
    kind: { type: String, required: true },
    parent: String,
    groups: { type: [String], default: [] },
    contacts: { type: Schema.Types.Mixed, default: [] },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'agencies' },
);
agencySchema.index({ groups: 1 });

export function toAgency(doc: AgencyDoc): Agency {
  const { _id, updatedAt: _updated, ...rest } = doc;
  return { code: _id, ...rest } as Agency;
}

export type AgencyModel = Model<AgencyDoc>;
export function agencyModel(connection: Connection): AgencyModel {
  return (connection.models.Agency as AgencyModel | undefined) ?? connection.model<AgencyDoc>('Agency', agencySchema);
}
