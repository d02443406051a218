/**
 * `npm run record-histories`: runs the example campaign and its scripted actions through the
 * workflows on the time-skipping server and saves every workflow's history under
 * test/workflow/histories/. The replay test runs today's workflow code over them, so a change
 * that would break running workflows (non-determinism) fails CI.
 *
 * Record anew only on purpose, keeping the old files: they stand for workflows already running.
 */
import fs from 'node:fs';
import path from 'node:path';
import '../src/domain/validation';
import { readDataFile } from '../src/cli/readDataFile';
import { CampaignFileSchema } from '../src/domain/campaign/campaignFile';
import { ScriptedActionsSchema } from '../src/domain/campaign/scriptedAction';
import { simulateCampaign } from '../src/simulation/simulateCampaign';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..');
  const file = readDataFile(path.join(root, 'examples/small-campaign.yaml'), CampaignFileSchema, 'Kế hoạch');
  const actions = readDataFile(path.join(root, 'examples/small-campaign.actions.yaml'), ScriptedActionsSchema, 'Kịch bản');
  const result = await simulateCampaign({ file, actions, until: '2022-03-20', recordHistories: true });
  const label = process.argv[2] ?? new Date().toISOString().slice(0, 10);
  const dir = path.join(root, 'test/workflow/histories', label);
  fs.mkdirSync(dir, { recursive: true });
  for (const [workflowId, history] of Object.entries(result.histories ?? {})) {
    fs.writeFileSync(path.join(dir, `${workflowId}.json`), history);
  }
  process.stdout.write(`Recorded ${Object.keys(result.histories ?? {}).length} histories in ${dir}\n`);
}

void main();
