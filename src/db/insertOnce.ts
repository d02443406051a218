import mongoose, { type Model } from 'mongoose';

const { MongoBulkWriteError } = mongoose.mongo;

const DUPLICATE_KEY = 11000;

/**
 * Inserts documents whose `_id` is deterministic; those already there are left as they are.
 * This is what makes a retried activity write each event and each email exactly once.
 */
export async function insertOnce<T>(model: Model<T>, docs: T[]): Promise<number> {
  if (docs.length === 0) return 0;
  try {
    const inserted = await model.collection.insertMany(docs as never[], { ordered: false });
    return inserted.insertedCount;
  } catch (error) {
    const writeErrors = error instanceof MongoBulkWriteError ? [error.writeErrors].flat() : [];
    const onlyDuplicates = writeErrors.length > 0 && writeErrors.every((e) => e.code === DUPLICATE_KEY);
    if (!onlyDuplicates) throw error;
    return (error as InstanceType<typeof MongoBulkWriteError>).result.insertedCount;
  }
}
