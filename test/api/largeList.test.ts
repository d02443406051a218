/**
 * The assignment list over 10,000 projected assignments: filters and cursor pages stay exact,
 * and every query shape the list and the portal can produce is served by a declared index.
 *
 * The embedded FerretDB pushes flat equality filters down to SQLite (stack/ferretdb/sqlite), so
 * its `explain` shows SQLite searching an index, never scanning the table. On MongoDB the same
 * indexes give an IXSCAN: when MONGODB_EXPLAIN_URI points at a MongoDB server, that explain
 * check runs too.
 */
import type { AssignmentEvent } from '../../src/domain/assignment/assignmentEvents';
import { evolve } from '../../src/domain/assignment/assignmentState';
import { addDays } from '../../src/domain/time/localDate';
import { openDatabase } from '../../src/db/database';
import { toViewDoc } from '../../src/db/models/assignmentViewModel';
import { listAssignments, type AssignmentListQuery } from '../../src/services/assignmentQueries';
import { assignmentFilter, type AssignmentFilters } from '../../src/services/portalQueries';
import type { Caller } from '../../src/api/middleware/authenticate';
import { startApiHarness, type ApiHarness } from '../helpers/apiHarness';

const AGENCIES = Array.from({ length: 20 }, (_, i) => `A${String(i).padStart(2, '0')}`);
const TOTAL = 10_000;

function projected(i: number) {
  const agency = AGENCIES[i % AGENCIES.length]!;
  const id = `lon-2021.s${(i % 10) + 1}.t${i + 1}.${agency}`;
  const event: AssignmentEvent = {
    type: 'AssignmentAssigned',
    id: `${id}#1`,
    assignmentId: id,
    campaignKey: 'lon-2021',
    seq: 1,
    at: '2021-12-01T01:00:00.000Z',
    actor: { role: 'system' },
    launchDate: '2021-12-01',
    deadline: addDays('2022-01-03', i % 90),
    sectionTitle: 'Mục',
    plan: {
      id,
      campaignKey: 'lon-2021',
      sectionNumber: (i % 10) + 1,
      taskNumber: i + 1,
      agencyCode: agency,
      coordinatingAgencies: i % 7 === 0 ? ['A19'] : [],
      title: i % 3 === 0 ? `Rà soát thủ tục hành chính số ${i}` : `Báo cáo định kỳ số ${i}`,
      kpiTargets: [],
      citations: [],
      deadlineRule: { kind: 'fixedDate', date: '2022-01-03' },
    },
  };
  return toViewDoc(evolve(undefined, event));
}

/** Field names a filter constrains, with $and / $or branches flattened. */
function constrainedFields(filter: Record<string, unknown>): string[][] {
  const and = (filter.$and as Record<string, unknown>[] | undefined) ?? [filter];
  let branches: string[][] = [[]];
  for (const part of and) {
    if (part.$or) {
      const alternatives = (part.$or as Record<string, unknown>[]).map((branch) => Object.keys(branch).filter((k) => !k.startsWith('$')));
      branches = branches.flatMap((fields) => alternatives.map((alt) => [...fields, ...alt]));
    } else {
      const keys = Object.keys(part).filter((k) => !k.startsWith('$'));
      branches = branches.map((fields) => [...fields, ...keys]);
    }
  }
  return branches.map((fields) => [...new Set(fields)]);
}

describe('the assignment list at 10,000 assignments', () => {
  let api: ApiHarness;
  const secretariat: Caller = { tokenId: 't', actor: { role: 'secretariat' } };
  const agency: Caller = { tokenId: 't', actor: { role: 'agency', agencyCode: 'A19' } };

  beforeAll(async () => {
    api = await startApiHarness();
    const docs = Array.from({ length: TOTAL }, (_, i) => projected(i));
    for (let i = 0; i < docs.length; i += 1_000) await api.engine.db.assignments.insertMany(docs.slice(i, i + 1_000));
  });
  afterAll(() => api?.stop());

  it('pages through a filtered list with cursors: every match once, in deadline order', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let previousDeadline = '';
    do {
      const query = new URLSearchParams({ campaign: 'lon-2021', agency: 'A03', sort: 'deadline', limit: '200', ...(cursor ? { cursor } : {}) });
      const page = await api.call('GET', `/api/v1/assignments?${query}`, { token: api.tokens.secretariat });
      expect(page.status).toBe(200);
      if (page.body.items.length === 0) break;
      expect(page.status).toBe(200);
      for (const item of page.body.items as { id: string; deadline: string; agencyCode: string }[]) {
        expect(item.agencyCode).toBe('A03');
        expect(item.deadline >= previousDeadline).toBe(true);
        previousDeadline = item.deadline;
        seen.push(item.id);
      }
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(TOTAL / AGENCIES.length);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('finds by words in the title and by due date', async () => {
    const found = await api.call('GET', '/api/v1/assignments?campaign=lon-2021&q=r%C3%A0%20so%C3%A1t&dueBefore=2022-01-03&limit=200', { token: api.tokens.secretariat });
    // Due by 3/1/2022 means i % 90 === 0 (i = 0, 90, ..., 9990: 112 of them), all of which are
    // also "Rà soát" ones (i % 3 === 0).
    expect(found.body.items).toHaveLength(112);
    expect(found.body.items.every((item: { title: string }) => item.title.startsWith('Rà soát'))).toBe(true);
  });

  it('searches ignoring diacritics and case, as the portal does, and pages the matches', async () => {
    // Typed without marks: the "Rà soát thủ tục hành chính số …" titles (i % 3 === 0) of A09.
    const expected = Array.from({ length: TOTAL }, (_, i) => i).filter((i) => i % 3 === 0 && AGENCIES[i % AGENCIES.length] === 'A09');
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const query = new URLSearchParams({ agency: 'A09', q: 'thu tuc  hanh chinh', limit: '50', ...(cursor ? { cursor } : {}) });
      const page = await api.call('GET', `/api/v1/assignments?${query}`, { token: api.tokens.secretariat });
      expect(page.status).toBe(200);
      seen.push(...(page.body.items as { title: string }[]).map((item) => item.title));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(expected.map((i) => `Rà soát thủ tục hành chính số ${i}`).sort());
    // Upper case with marks finds the same ones; a word in none of them finds nothing.
    const upper = await api.call('GET', `/api/v1/assignments?${new URLSearchParams({ agency: 'A09', q: 'THỦ TỤC HÀNH CHÍNH', limit: '200' })}`, { token: api.tokens.secretariat });
    expect(upper.body.items).toHaveLength(expected.length);
    const none = await api.call('GET', `/api/v1/assignments?${new URLSearchParams({ agency: 'A09', q: 'thu tuc xyz' })}`, { token: api.tokens.secretariat });
    expect(none.body).toMatchObject({ items: [] });
  });

  it('serves every query shape from a declared index', async () => {
    const indexes = api.engine.db.assignments.schema.indexes().map(([keys]) => Object.keys(keys));
    indexes.push(['_id']);
    const shapes: [Caller, Partial<AssignmentListQuery>][] = [
      [secretariat, { campaign: 'lon-2021' }],
      [secretariat, { campaign: 'lon-2021', section: 3 }],
      [secretariat, { agency: 'A03' }],
      [secretariat, { category: 'overdue' }],
      [secretariat, { campaign: 'lon-2021', category: 'completedOnTime' }],
      [secretariat, { campaign: 'lon-2021', agency: 'A03' }],
      [secretariat, { campaign: 'lon-2021', agency: 'A03', category: 'overdue', dueBefore: '2022-02-01' }],
      [secretariat, { campaign: 'lon-2021', category: 'inProgressWithinDeadline' }],
      [secretariat, { category: 'completedLate' }],
      [agency, {}],
      [agency, { category: 'inProgressWithinDeadline' }],
      [agency, { campaign: 'lon-2021' }],
      [agency, { campaign: 'lon-2021', section: 2 }],
    ];
    for (const [caller, partial] of shapes) {
      const { filter, sort } = await listAssignments(api.engine.db, caller, { sort: 'deadline', limit: 1, ...partial } as AssignmentListQuery);
      for (const fields of constrainedFields(filter as Record<string, unknown>)) {
        // An index whose first key is one of the constrained fields (equality or range) serves it.
        const usable = indexes.some((keys) => fields.includes(keys[0]!) || (fields.length === 0 && keys[0] === Object.keys(sort)[0]));
        expect({ shape: partial, fields, usable }).toEqual({ shape: partial, fields, usable: true });
      }
      await expectIndexSearch(filter as Record<string, unknown>, partial);
    }
    // The portal's filters, the same way (its search runs on what the database returns).
    const portalShapes: [Caller, AssignmentFilters][] = [
      [secretariat, { campaign: 'lon-2021' }],
      [secretariat, { campaign: 'lon-2021', section: 4, agency: 'A03', category: 'overdue' }],
      [secretariat, { agency: 'A03' }],
      [secretariat, { category: 'completedOnTime' }],
      [agency, {}],
      [agency, { campaign: 'lon-2021', category: 'overdue' }],
    ];
    for (const [caller, filters] of portalShapes) await expectIndexSearch(assignmentFilter(caller, filters, Date.now()), filters);
  });

  /** FerretDB's explain: the filter went down to SQLite, which searched indexes and never scanned the table. */
  async function expectIndexSearch(filter: Record<string, unknown>, shape: unknown) {
    const explained = (await api.engine.db.assignments.find(filter).explain()) as unknown as { filterPushdown: boolean; queryPlanner: { Plan: string[] } };
    const plan = explained.queryPlanner.Plan.join('\n');
    expect({ shape, pushedDown: explained.filterPushdown, searchesAnIndex: /USING INDEX/.test(plan), scans: /detail=SCAN/.test(plan) }).toEqual({
      shape,
      pushedDown: true,
      searchesAnIndex: true,
      scans: false,
    });
  }

  const explainUri = process.env.MONGODB_EXPLAIN_URI;
  (explainUri ? it : it.skip)('uses an index on MongoDB (explain shows IXSCAN, not COLLSCAN)', async () => {
    const db = await openDatabase(explainUri!);
    try {
      await db.assignments.deleteMany({});
      await db.assignments.insertMany(Array.from({ length: TOTAL }, (_, i) => projected(i)));
      const { filter, sort } = await listAssignments(db, secretariat, { campaign: 'lon-2021', agency: 'A03', sort: 'deadline', limit: 50 } as AssignmentListQuery);
      const plan = JSON.stringify(await db.assignments.find(filter).sort(sort).limit(51).explain('queryPlanner'));
      expect(plan).toContain('IXSCAN');
      expect(plan).not.toContain('COLLSCAN');
    } finally {
      await db.close();
    }
  });
});
