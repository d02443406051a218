/**
 * The equality pushdown added to the embedded FerretDB (stack/ferretdb/sqlite) has Go tests of its
 * own; `npm test` runs them here, in the patched module `npm run setup` builds FerretDB from:
 * documents whose field holds an array are still found, and explain shows the index in use.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { FERRETDB_BACKEND_DIR, FERRETDB_BACKEND_FILES, FERRETDB_BACKEND_SOURCE_DIR, PATCHED_FERRETDB_DIR } from '../../src/stack/ferretDbPatch';
import { findOnPath } from '../../src/stack/paths';

const run = promisify(execFile);

describe('equality pushdown in the embedded FerretDB', () => {
  it('is the one FerretDB was built with', () => {
    for (const file of FERRETDB_BACKEND_FILES) {
      const built = path.join(PATCHED_FERRETDB_DIR, FERRETDB_BACKEND_DIR, file);
      expect({ file, sameAsSource: fs.existsSync(built) && fs.readFileSync(built, 'utf8') === fs.readFileSync(path.join(FERRETDB_BACKEND_SOURCE_DIR, file), 'utf8') }).toEqual({
        file,
        sameAsSource: true, // if not: `npm run setup` rebuilds FerretDB with the current files
      });
    }
  });

  it('passes its Go tests (arrays, numbers, $or, explain plans)', async () => {
    const go = process.env.GO ?? findOnPath('go');
    if (!go) throw new Error('go is not on PATH (npm run setup needs it too); set GO to its path');
    const { stdout } = await run(go, ['test', '-count=1', '-v', '-run', 'TestEqualityPushdown', `./${FERRETDB_BACKEND_DIR}`], {
      cwd: PATCHED_FERRETDB_DIR,
      maxBuffer: 64 * 1024 * 1024,
    }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
      throw new Error(`go test failed:\n${(error.stdout ?? '').split('\n').filter((line) => !line.includes('logging.go')).join('\n')}\n${error.stderr ?? error.message}`);
    });
    const passed = stdout.split('\n').filter((line) => /^\s*--- PASS: TestEqualityPushdown/.test(line));
    // Three tests and their cases all ran (a -run pattern that matched nothing would also pass).
    expect(passed.length).toBeGreaterThanOrEqual(20);
  }, 600_000);
});
