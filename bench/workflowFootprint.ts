/**
 * What one more cached workflow costs the worker, with and without the engine's shared domain
 * modules (src/temporal/workflowBundle.ts): each measured in a fresh process of its own
 * (bench/footprintProcess.ts), the client's starts included in the CPU figure.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { BenchStack } from './benchStack';

const run = promisify(execFile);

export interface FootprintFigure {
  shared: boolean;
  workflows: number;
  kibPerWorkflow: number;
  cpuMsPerWorkflow: number;
}

export async function workflowFootprint(stack: BenchStack, workflows: number): Promise<FootprintFigure[]> {
  const figures: FootprintFigure[] = [];
  for (const shared of [false, true]) {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', path.join(__dirname, 'footprintProcess.ts')], {
      env: { ...process.env, TEMPORAL_ADDRESS: stack.temporal.address, N: String(workflows), SHARED: String(shared) },
      timeout: 10 * 60_000,
    });
    const figure = JSON.parse(stdout.trim().split('\n').at(-1)!) as FootprintFigure;
    console.log(`  ${shared ? 'shared domain modules' : 'a copy per workflow'}: ${figure.kibPerWorkflow} KiB and ${figure.cpuMsPerWorkflow} ms CPU per workflow`);
    figures.push(figure);
  }
  return figures;
}
