/**
 * Fixes to FerretDB 1.24.2's SQLite backend, applied to a copy of the module at build time.
 *
 * 1. FerretDB indexes `_id` as `_ferretdb_sjson->"_id"` but looked it up as
 *    `_ferretdb_sjson->'$._id'`. The two mean the same to SQLite's JSON functions, yet its planner
 *    matches an index expression by its text, so every find, update and delete by `_id` read and
 *    parsed the whole collection (EXPLAIN QUERY PLAN: SCAN instead of SEARCH ... USING INDEX).
 * 2. Query and Explain pushed a filter down only when it was a lone `_id`, so every other find
 *    read and decoded the whole collection in Go. They now call equalityWhere, a file of its own
 *    (stack/ferretdb/sqlite/equality_pushdown.go, copied into the backend with its tests), which
 *    pushes equality on top-level fields down in the form FerretDB's expression indexes serve.
 *    FerretDB's backend contract lets a filter be "applied partially" (its handlers filter every
 *    document again), so the WHERE clause may return more than matches, never less.
 * Stored data and indexes are untouched, so existing data folders keep working.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, STACK_DIR } from './paths';
import { STACK_VERSIONS } from './versions';

interface Edit {
  file: string;
  from: string;
  to: string;
  /** How many times `from` must occur (all are replaced). */
  count: number;
}

/** Where setup writes the patched copy of the FerretDB module (its Go tests run there). */
export const PATCHED_FERRETDB_DIR = path.join(STACK_DIR, 'build', `ferretdb-${STACK_VERSIONS.ferretdb.version}-patched`);
/** Files of stack/ferretdb/sqlite copied into the backend's package of the copy. */
export const FERRETDB_BACKEND_SOURCE_DIR = path.join(PROJECT_ROOT, STACK_VERSIONS.ferretdb.wrapperDir, 'sqlite');
export const FERRETDB_BACKEND_FILES = ['equality_pushdown.go', 'equality_pushdown_test.go'];
export const FERRETDB_BACKEND_DIR = 'internal/backends/sqlite';

/** The upstream `_id`-only lookup, the same in Query and Explain (Explain also flags it). */
const idOnlyLookup = (flag: string) => `\tif params.Filter.Len() == 1 {
\t\tv, _ := params.Filter.Get("_id")
\t\tswitch v.(type) {
\t\tcase string, types.ObjectID:
${flag}\t\t\twhereClause = fmt.Sprintf(\` WHERE %s = ?\`, metadata.IDColumn)
\t\t\targs = []any{string(must.NotFail(sjson.MarshalSingleValue(v)))}
\t\t}
\t}
`;

export const FERRETDB_PATCH: { id: string; edits: Edit[] } = {
  /** Part of the build receipt: changing the patch rebuilds FerretDB. */
  id: 'sqlite-equality-pushdown-2',
  edits: [
    {
      file: 'internal/backends/sqlite/metadata/metadata.go',
      from: `IDColumn = DefaultColumn + "->'$._id'"`,
      to: 'IDColumn = DefaultColumn + `->"_id"`',
      count: 1,
    },
    // The hooks: Query and Explain build their WHERE clause with equalityWhere.
    {
      file: 'internal/backends/sqlite/collection.go',
      from: idOnlyLookup(''),
      to: '\twhereClause, args = equalityWhere(meta, params.Filter)\n',
      count: 1,
    },
    {
      file: 'internal/backends/sqlite/collection.go',
      from: idOnlyLookup('\t\t\tfilterPushdown = true\n'),
      to: '\twhereClause, args = equalityWhere(meta, params.Filter)\n\tfilterPushdown = whereClause != ""\n',
      count: 1,
    },
  ],
};

/**
 * Copies the downloaded module to `copyDir`, patches it (throws if a line is not there) and adds
 * the backend files from `sourceDir`.
 */
export function writePatchedFerretDb(moduleDir: string, copyDir: string, sourceDir: string, version: string): void {
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
  for (const file of FERRETDB_BACKEND_FILES) fs.copyFileSync(path.join(sourceDir, file), path.join(copyDir, FERRETDB_BACKEND_DIR, file));
  // What FerretDB's release build generates; without it `go test` in the module panics at start.
  fs.writeFileSync(path.join(copyDir, 'build', 'version', 'version.txt'), `${version}\n`);
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
