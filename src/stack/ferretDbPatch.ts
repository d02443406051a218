/**
 * A one-line fix to FerretDB 1.24.2's SQLite backend, applied to a copy of the module at build time.
 *
 * FerretDB indexes `_id` as `_ferretdb_sjson->"_id"` but looks it up as `_ferretdb_sjson->'$._id'`.
 * The two mean the same to SQLite's JSON functions, yet its planner matches an index expression
 * by its text, so every find, update and delete by `_id` read and parsed the whole collection
 * (EXPLAIN QUERY PLAN: SCAN instead of SEARCH ... USING INDEX). With thousands of assignments
 * that was most of the engine's database time. The fix writes the lookup as the index is written;
 * stored data and indexes are untouched, so existing data folders keep working.
 */
import fs from 'node:fs';
import path from 'node:path';

export const FERRETDB_PATCH = {
  /** Part of the build receipt: changing the patch rebuilds FerretDB. */
  id: 'sqlite-id-lookup-uses-index-1',
  file: 'internal/backends/sqlite/metadata/metadata.go',
  from: `IDColumn = DefaultColumn + "->'$._id'"`,
  to: 'IDColumn = DefaultColumn + `->"_id"`',
};

/** Copies the downloaded module to `copyDir` and patches it; throws if the line is not there. */
export function writePatchedFerretDb(moduleDir: string, copyDir: string): void {
  fs.rmSync(copyDir, { recursive: true, force: true });
  fs.cpSync(moduleDir, copyDir, { recursive: true });
  // The Go module cache is read-only; the copy must be writable (and removable next time).
  makeWritable(copyDir);
  const target = path.join(copyDir, FERRETDB_PATCH.file);
  const source = fs.readFileSync(target, 'utf8');
  if (!source.includes(FERRETDB_PATCH.from)) {
    throw new Error(`FerretDB patch: "${FERRETDB_PATCH.from}" not found in ${FERRETDB_PATCH.file}; was the version changed?`);
  }
  fs.writeFileSync(target, source.replace(FERRETDB_PATCH.from, FERRETDB_PATCH.to));
}

/** A go.mod for the wrapper that builds against the patched copy (go build -modfile). */
export function writeWrapperModfile(wrapperDir: string, copyDir: string, modfile: string): void {
  const goMod = fs.readFileSync(path.join(wrapperDir, 'go.mod'), 'utf8');
  fs.writeFileSync(modfile, `${goMod}\nreplace github.com/FerretDB/FerretDB => ${copyDir}\n`);
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
