import mongoose from 'mongoose';

/**
 * Connects mongoose. Short server-selection timeout so a database outage surfaces as a quick
 * error (503 in the API, a retried activity in the worker) instead of a 30 s hang.
 */
export async function connectDatabase(uri: string): Promise<typeof mongoose> {
  return mongoose.connect(uri, { serverSelectionTimeoutMS: 5_000, autoIndex: true });
}

export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}
