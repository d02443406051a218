/**
 * What the engine needs from its MongoDB-protocol server, checked on the embedded FerretDB:
 * unique indexes (deterministic event ids), bulk upserts (projections), the $group aggregation
 * behind statistics. The README lists the MongoDB features FerretDB 1.24 lacks and we avoid.
 */
import mongoose from 'mongoose';
import type { FerretDbServer } from '../../src/stack/embeddedServices';
import { startTestFerretDb, uniqueDatabaseName } from '../helpers/servers';

describe('FerretDB provides what the engine uses', () => {
  let ferret: FerretDbServer;
  let connection: mongoose.Connection;

  beforeAll(async () => {
    ferret = await startTestFerretDb();
    connection = await mongoose.createConnection(`${ferret.uri}${uniqueDatabaseName('compat')}`).asPromise();
  });
  afterAll(async () => {
    await connection?.close();
    await ferret?.service.stop();
  });

  it('rejects a second document with the same unique key (code 11000)', async () => {
    const events = connection.collection('events');
    await events.createIndex({ assignmentId: 1, sequence: 1 }, { unique: true });
    await events.insertOne({ _id: 'e1' as never, assignmentId: 'a', sequence: 1 });
    await expect(events.insertOne({ _id: 'e2' as never, assignmentId: 'a', sequence: 1 })).rejects.toMatchObject({
      code: 11000,
    });
    await expect(events.insertOne({ _id: 'e1' as never, assignmentId: 'b', sequence: 1 })).rejects.toMatchObject({
      code: 11000,
    });
    expect(await events.countDocuments()).toBe(1);
  });

  it('upserts in bulk and groups counts per agency and category', async () => {
    const rows = connection.collection('assignments');
    const categories = ['completedOnTime', 'completedLate', 'inProgress', 'overdue'];
    const result = await rows.bulkWrite(
      Array.from({ length: 200 }, (_, i) => ({
        updateOne: {
          filter: { _id: `a${i}` as never },
          update: { $set: { agency: `AG${i % 5}`, category: categories[i % 4] } },
          upsert: true,
        },
      })),
      { ordered: false },
    );
    expect(result.upsertedCount).toBe(200);
    const counts = await rows
      .aggregate<{ _id: { agency: string; category: string }; count: number }>([
        { $group: { _id: { agency: '$agency', category: '$category' }, count: { $sum: 1 } } },
        { $sort: { '_id.agency': 1, '_id.category': 1 } },
      ])
      .toArray();
    expect(counts).toHaveLength(20);
    expect(counts[0]).toEqual({ _id: { agency: 'AG0', category: 'completedLate' }, count: 10 });
    expect(counts.reduce((sum, row) => sum + row.count, 0)).toBe(200);
  });
  it('finds and updates a document by _id through the _id index, not by reading the collection, also with other conditions', async () => {
    // The embedded FerretDB is built with a one-line fix (src/stack/ferretDbPatch.ts); without it
    // this plan reads "SCAN", and every lookup by id slows down with the size of the collection.
    const rows = connection.collection<{ _id: string; n: number }>('lookups');
    await rows.insertMany(Array.from({ length: 50 }, (_, i) => ({ _id: `a${i}`, n: i })));
    const explained = (await rows.find({ _id: 'a7' }).explain()) as { queryPlanner?: { Plan?: string[] } };
    expect(explained.queryPlanner?.Plan?.join(' ')).toMatch(/SEARCH \S+ USING INDEX \S+__id_/);
    // An `_id` with another condition (the outbox's claim-guarded updates) uses it too.
    const guarded = (await rows.find({ _id: 'a7', n: 7 }).explain()) as { queryPlanner?: { Plan?: string[] } };
    expect(guarded.queryPlanner?.Plan?.join(' ')).toMatch(/SEARCH \S+ USING INDEX \S+__id_/);
    expect(await rows.findOne({ _id: 'a7', n: 8 })).toBeNull();
    await rows.updateOne({ _id: 'a7' }, { $set: { n: -7 } });
    expect(await rows.findOne({ _id: 'a7' })).toEqual({ _id: 'a7', n: -7 });
    expect(await rows.countDocuments({ n: { $lt: 0 } })).toBe(1);
  });
});
