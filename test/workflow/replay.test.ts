/**
 * Replays recorded histories (test/workflow/histories/, made by `npm run record-histories`) with
 * today's workflow code. A change that would make running workflows non-deterministic fails here,
 * before it reaches a worker with campaigns in flight.
 */
import fs from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { DeterminismViolationError } from '@temporalio/workflow';
import { Worker } from '@temporalio/worker';
import { workflowBundlerOptions, WORKFLOWS_PATH } from '../../src/temporal/workflowBundle';

const HISTORIES = path.join(__dirname, 'histories');

function recordedHistories() {
  return fs.readdirSync(HISTORIES).flatMap((version) =>
    fs
      .readdirSync(path.join(HISTORIES, version))
      .filter((file) => file.endsWith('.json'))
      .map((file) => ({
        name: `${version}/${file}`,
        workflowId: file.replace(/\.json$/, ''),
        history: historyFromJSON(JSON.parse(fs.readFileSync(path.join(HISTORIES, version, file), 'utf8'))),
      })),
  );
}

describe('replaying recorded workflow histories', () => {
  const histories = recordedHistories();

  it('has histories of every workflow type to replay', () => {
    const names = histories.map((h) => h.name).join(' ');
    expect(histories.length).toBeGreaterThanOrEqual(6);
    expect(names).toMatch(/thu-nghiem-2021\.json/); // a campaign
    expect(names).toMatch(/thu-nghiem-2021\.s1\.json/); // a section
    expect(names).toMatch(/\.s1\.t1\.STNMT\.json/); // an assignment with an extension
  });

  it('replays every one of them with the current workflow code', async () => {
    const failures: string[] = [];
    for (const { name, workflowId, history } of histories) {
      try {
        await Worker.runReplayHistory({ workflowsPath: WORKFLOWS_PATH, bundlerOptions: workflowBundlerOptions }, history, workflowId);
      } catch (error) {
        failures.push(`${name}: ${(error as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('fails on a workflow changed in a non-deterministic way', async () => {
    const assignment = histories.find((h) => h.name.endsWith('.s1.t1.STNMT.json'))!;
    await expect(
      Worker.runReplayHistory({ workflowsPath: require.resolve('../fixtures/changedWorkflows') }, assignment.history, assignment.workflowId),
    ).rejects.toBeInstanceOf(DeterminismViolationError);
  });
});
