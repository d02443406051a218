/**
 * Evidence files in GridFS on the real FerretDB: stored with a checksum, read back byte for byte
 * (several chunks), typed from the content whatever the name says, bounded in size, and readable
 * only through the assignment they were uploaded to.
 */
import { randomBytes } from 'node:crypto';
import { openDatabase, type Database } from '../../src/db/database';
import { EvidenceRefused, openEvidence, readEvidence, storeEvidence } from '../../src/services/evidenceStore';
import type { FerretDbServer } from '../../src/stack/embeddedServices';
import { samplePdf, sampleDocx, samplePng, sampleXlsx } from '../fixtures/evidenceFiles';
import { startTestFerretDb, uniqueDatabaseName } from '../helpers/servers';

const actor = { role: 'agency' as const, agencyCode: 'STNMT', name: 'Nguyễn Văn A' };
const ID = 'cchc-2026.s1.t1.STNMT';

describe('the evidence store on FerretDB', () => {
  let ferret: FerretDbServer;
  let db: Database;

  beforeAll(async () => {
    ferret = await startTestFerretDb();
    db = await openDatabase(`${ferret.uri}${uniqueDatabaseName('evidence')}`);
  });
  afterAll(async () => {
    await db?.close();
    await ferret?.service.stop();
  });

  it('keeps a 1 MB PDF in several chunks and gives back the same bytes, with its SHA-256', async () => {
    // A PDF header on random bytes: a real type, large enough for four GridFS chunks.
    const bytes = Buffer.concat([samplePdf(), randomBytes(1024 * 1024)]);
    const stored = await storeEvidence(db, { assignmentId: ID, file: { originalName: 'C:\\Báo cáo\\kết quả.pdf', bytes }, actor });
    expect(stored).toMatchObject({ name: 'kết quả.pdf', type: 'application/pdf', size: bytes.length });
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await db.connection.collection('evidence.chunks').countDocuments({})).toBeGreaterThanOrEqual(4);

    const read = await readEvidence(db, ID, stored.id);
    expect(read?.intact).toBe(true);
    expect(read?.bytes.equals(bytes)).toBe(true);
  });

  it('types Word, Excel and images from their content', async () => {
    const kinds = await Promise.all(
      [
        ['bao-cao.docx', sampleDocx()],
        ['so-lieu.xlsx', sampleXlsx()],
        ['anh.png', samplePng()],
      ].map(([originalName, bytes]) => storeEvidence(db, { assignmentId: ID, file: { originalName: originalName as string, bytes: bytes as Buffer }, actor })),
    );
    expect(kinds.map((k) => k.type)).toEqual([
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'image/png',
    ]);
  });

  it('refuses a page or a script named .pdf, an empty file and one over the limit, and stores none of them', async () => {
    const before = await db.connection.collection('evidence.files').countDocuments({});
    const attempts: [string, Buffer, number?][] = [
      ['bao-cao.pdf', Buffer.from('<html><script>alert(1)</script></html>')],
      ['anh.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
      ['rong.pdf', Buffer.alloc(0)],
      ['lon.pdf', Buffer.concat([samplePdf(), Buffer.alloc(2000)]), 1000],
    ];
    for (const [originalName, bytes, maxBytes] of attempts) {
      await expect(storeEvidence(db, { assignmentId: ID, file: { originalName, bytes }, actor, maxBytes })).rejects.toBeInstanceOf(EvidenceRefused);
    }
    await expect(storeEvidence(db, { assignmentId: ID, file: { originalName: 'bao-cao.pdf', bytes: Buffer.from('<html>') }, actor })).rejects.toThrow(
      /không phải PDF, Word/,
    );
    expect(await db.connection.collection('evidence.files').countDocuments({})).toBe(before);
  });

  it('finds a file only through the assignment it was uploaded to', async () => {
    const stored = await storeEvidence(db, { assignmentId: ID, file: { originalName: 'a.pdf', bytes: samplePdf() }, actor });
    expect(await openEvidence(db, 'cchc-2026.s1.t1.SXD', stored.id)).toBeUndefined();
    expect(await openEvidence(db, ID, '0123456789abcdef01234567')).toBeUndefined();
    expect(await openEvidence(db, ID, '../../etc/passwd')).toBeUndefined();
    const found = await openEvidence(db, ID, stored.id);
    found?.stream.destroy();
    expect(found?.file.name).toBe('a.pdf');
  });
});
