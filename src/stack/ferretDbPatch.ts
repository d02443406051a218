/**
 * Two small fixes to FerretDB 1.24.2's SQLite backend, applied to a copy of the module at build time.
 *
 * 1. FerretDB indexes `_id` as `_ferretdb_sjson->"_id"` but looked it up as
 *    `_ferretdb_sjson->'$._id'`. The two mean the same to SQLite's JSON functions, yet its planner
 *    matches an index expression by its text, so every find, update and delete by `_id` read and
 *    parsed the whole collection (EXPLAIN QUERY PLAN: SCAN instead of SEARCH ... USING INDEX).
 *    With thousands of assignments that was most of the engine's database time.
 * 2. The `_id` lookup was used only when the filter was `_id` alone; `{ _id, claimToken }` (the
 *    outbox's claim-guarded updates) read the whole collection. FerretDB's backend contract lets
 *    a filter be "applied partially" (its handlers filter every document again), so the lookup
 *    now serves any filter with a plain `_id`.
 * Stored data and indexes are untouched, so existing data folders keep working.
 */
import fs from 'node:fs';
import path from 'node:path';

interface Edit {
  file: string;
  from: string;
  to: string;
  /** How many times `from` must occur (all are replaced). */
  count: number;
}

export const FERRETDB_PATCH: { id: string; edits: Edit[] } = {
  /** Part of the build receipt: changing the patch rebuilds FerretDB. */
  id: 'sqlite-id-lookup-uses-index-2',
  edits: [
    {
      file: 'internal/backends/sqlite/metadata/metadata.go',
      from: `IDColumn = DefaultColumn + "->'$._id'"`,
      to: 'IDColumn = DefaultColumn + `->"_id"`',
      count: 1,
    },
    // Query and Explain: both decide the same way whether to look `_id` up.
    { file: 'internal/backends/sqlite/collection.go', from: 'if params.Filter.Len() == 1 {', to: 'if params.Filter.Len() >= 1 {', count: 2 },
  ],
};

/** Copies the downloaded module to `copyDir` and patches it; throws if a line is not there. */
export function writePatchedFerretDb(moduleDir: string, copyDir: string): void {
  fs.rmSync(copyDir, { recursive: true, force: true });
  fs.cpSync(moduleDir, copyDir, { recursive: true });
  // The Go module cache is read-only; the copy must be writable (and removable next time).
  makeWritable(copyDir);
  for (const edit of FERRETDB_PATCH.edits) {
    const target = path.join(copyDir, edit.file);
    const source = fs.readFileSync(target, 'utf8');
    const found = source.split(edit.from).length - 1;
    if (found !== edit.count) {
      throw new Error(`FerretDB patch: "${edit.from}" found ${found} times in ${edit.file}, expected ${edit.count}; was the version changed?`);
    }
    fs.writeFileSync(target, source.split(edit.from).join(edit.to));
  }
}

/** A go.mod for the wrapper that builds against the patched copy (go build -modfile). */
export function writeWrapperModfile(wrapperDir: string, module: string, copyDir: string, modfile: string): void {
  const goMod = fs.readFileSync(path.join(wrapperDir, 'go.mod'), 'utf8');
  fs.writeFileSync(modfile, `${goMod}\nreplace ${module} => ${copyDir}\n`);
  // go reads the sums from the file next to the modfile.
  fs.copyFileSync(path.join(wrapperDir, 'go.sum'), modfile.replace(/\.mod$/, '.sum'));
}

function makeWritable(dir: string): void {
  fs.chmodSync(dir, 0o755);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) makeWritable(full);
    else fs.chmodSync(full, 0o644);
  }
}
