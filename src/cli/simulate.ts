/**
 * `npm run simulate -- <campaign file> [--until NGÀY] [--actions FILE] [--agencies FILE] [--format table|jsonl|both]`
 *
 * Previews a campaign before launch: the real workflows on the time-skipping test server, from
 * the launch date to --until, printing every reminder, escalation and status change with its
 * virtual date. Scripted agency and secretariat actions (--actions) are applied on their dates.
 * The agencies are the file's own `agencies`, else --agencies FILE, else the shipped directory
 * (defaults/agencies-hcmc-2021.yaml), as the engine loads it on a first start.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import '../domain/validation';
import { AgencySchema } from '../domain/agency/agency';
import { describeEvent, EVENT_LABELS } from '../domain/assignment/describeEvent';
import { CampaignFileSchema } from '../domain/campaign/campaignFile';
import { ScriptedActionsSchema } from '../domain/campaign/scriptedAction';
import { readDateInput } from '../domain/time/dateInput';
import { simulateCampaign, SimulationRefused, virtualDate, type SimulationResult } from '../simulation/simulateCampaign';
import { InputFileError, readDataFile } from './readDataFile';

const USAGE =
  'Cách dùng: npm run simulate -- <tệp kế hoạch> [--until NGÀY] [--actions TỆP] [--agencies TỆP] [--format table|jsonl|both]';
const SHIPPED_AGENCIES = path.join(__dirname, '..', '..', 'defaults', 'agencies-hcmc-2021.yaml');

const slashDate = (iso: string) => iso.split('-').reverse().join('/');

function table(result: SimulationResult): string {
  const rows = result.events.map((event) => [
    slashDate(virtualDate(event)),
    event.assignmentId,
    EVENT_LABELS[event.type],
    describeEvent(event),
  ]);
  const header = ['Ngày', 'Nhiệm vụ', 'Sự kiện', 'Chi tiết'];
  const widths = header.map((title, i) => Math.min(60, Math.max(title.length, ...rows.map((row) => row[i]!.length))));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  const lines = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
  for (const outcome of result.actions.filter((o) => !o.accepted)) {
    lines.push(`! ${slashDate(outcome.action.on)} ${outcome.action.assignment} ${outcome.action.command.type}: bị từ chối: ${outcome.reason}`);
  }
  const count = (type: string) => result.events.filter((event) => event.type === type).length;
  lines.push(
    '',
    `Từ ${slashDate(result.launchDate)} đến ${slashDate(result.until)}: ${count('AssignmentAssigned')} nhiệm vụ được giao, ` +
      `${count('ReminderSent')} lần nhắc việc, ${count('Escalated')} lần báo cáo quá hạn, ` +
      `${result.notifications.length} email sẽ được gửi.`,
  );
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      until: { type: 'string' },
      actions: { type: 'string' },
      agencies: { type: 'string' },
      format: { type: 'string', default: 'both' },
    },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new InputFileError(USAGE);
  const until = values.until === undefined ? undefined : readDateInput(values.until);
  if (values.until !== undefined && !until) {
    throw new InputFileError(`--until phải là một ngày có thật, dạng ngày/tháng/năm (31/03/2022) hoặc năm-tháng-ngày (2022-03-31).\n${USAGE}`);
  }
  if (!['table', 'jsonl', 'both'].includes(values.format!)) throw new InputFileError(USAGE);
  const campaignFile = readDataFile(file, CampaignFileSchema, 'Kế hoạch');
  if (values.agencies && campaignFile.agencies.length > 0) {
    throw new InputFileError(`Tệp ${file} đã có danh bạ cơ quan (agencies): bỏ --agencies, hoặc bỏ danh bạ trong tệp.`);
  }
  if (campaignFile.agencies.length === 0) {
    const agenciesFile = values.agencies ?? SHIPPED_AGENCIES;
    campaignFile.agencies = readDataFile(agenciesFile, z.array(AgencySchema), 'Danh bạ cơ quan');
    process.stderr.write(`Danh bạ cơ quan: ${campaignFile.agencies.length} cơ quan từ ${path.relative(process.cwd(), agenciesFile) || agenciesFile}.\n`);
  }
  const actions = values.actions ? readDataFile(values.actions, ScriptedActionsSchema, 'Kịch bản thao tác') : [];
  const printJson = values.format !== 'table';

  const result = await simulateCampaign({
    file: campaignFile,
    until,
    actions,
    onEvent: printJson ? undefined : () => undefined,
  });
  if (printJson) for (const event of result.events) process.stdout.write(`${JSON.stringify({ date: virtualDate(event), ...event })}\n`);
  if (values.format !== 'jsonl') process.stdout.write(`\n${table(result)}\n`);
}

main().catch((error: Error) => {
  const readable = error instanceof InputFileError || error instanceof SimulationRefused;
  process.stderr.write(readable ? `${error.message}\n` : `${error.stack}\n`);
  process.exit(1);
});
