/**
 * The workflow bundle shares the pure domain modules between workflows (src/temporal/
 * workflowBundle.ts). A domain module that workflows start to import without being listed would
 * quietly cost every cached workflow its own copy again; a shared module that reaches zod would
 * break on its first use (zod finishes its schemas lazily, and shared modules are frozen).
 */
import fs from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { SHARED_DOMAIN_MODULES, workflowBundlerOptions, WORKFLOWS_PATH } from '../../src/temporal/workflowBundle';

const quiet = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };
const DOMAIN = path.resolve(__dirname, '../../src/domain');
const isSchemaFile = (name: string) => name.endsWith('Schema');

/** Value imports of a source file (`import type` is erased and costs nothing at run time). */
function valueImports(name: string): string[] {
  const source = fs.readFileSync(path.join(DOMAIN, `${name}.ts`), 'utf8');
  return [...source.matchAll(/^import (?!type )[^;]*? from '([^']+)';/gm)].map((m) => m[1]!);
}

describe('the workflow bundle', () => {
  it('shares every domain module the workflows import, except the schema files', async () => {
    const plain = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: quiet });
    const imported = [...new Set([...plain.code.matchAll(/"\.\/src\/domain\/([^"]+)\.ts"/g)].map((m) => m[1]!))];
    expect(imported.filter((name) => !isSchemaFile(name)).sort()).toEqual([...SHARED_DOMAIN_MODULES].sort());

    const shared = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, ...workflowBundlerOptions, logger: quiet });
    const preload = shared.code.slice(shared.code.indexOf('function preloadModules'), shared.code.indexOf('function importWorkflows'));
    for (const name of SHARED_DOMAIN_MODULES) expect(preload).toContain(`src/domain/${name}.ts`);
  }, 120_000);

  it('shares no module that reaches zod or a schema file', () => {
    for (const name of SHARED_DOMAIN_MODULES) {
      const offending = valueImports(name).filter((from) => from === 'zod' || isSchemaFile(path.basename(from)));
      expect([name, offending]).toEqual([name, []]);
    }
  });
});
