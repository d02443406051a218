/**
 * The people who sign in to the portal, keyed by their work email (lower-cased): sign-in looks a
 * person up by `_id`, the one lookup FerretDB always answers from an index.
 */
import { Schema, type Connection, type Model } from 'mongoose';
import { PERSON_ROLES, type Person } from '../../domain/person/person';

export interface PersonDoc extends Omit<Person, 'email'> {
  /** The email, lower-cased. */
  _id: string;
  updatedAt: Date;
}

const personSchema = new Schema<PersonDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    title: String,
    role: { type: String, enum: PERSON_ROLES, required: true },
    agencyCode: { type: String, required: true },
    active: { type: Boolean, required: true, default: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'people' },
);

export function toPerson(doc: PersonDoc): Person {
  const { _id, updatedAt: _updated, ...rest } = doc;
  return { email: _id, ...rest } as Person;
}

export type PersonModel = Model<PersonDoc>;
export function personModel(connection: Connection): PersonModel {
  return (connection.models.Person as PersonModel | undefined) ?? connection.model<PersonDoc>('Person', personSchema);
}
