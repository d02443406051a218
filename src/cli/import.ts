/**
 * `npm run import -- <directive .txt|.docx> [--agencies FILE] [--out FILE] [--key KEY]`
 *
 * Reads a directive's text, prints a summary in Vietnamese (sections, tasks, addressees matched
 * or not, citations, targets, ignored lines, points to review) and writes the campaign draft as
 * YAML to --out. Without --out the YAML goes to stdout and the summary to stderr, so
 * `npm run import -- file.txt > draft.yaml` gives a clean file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import '../domain/validation';
import { AgencySchema } from '../domain/agency/agency';
import { DraftInvalidError } from '../importer/buildDraft';
import { docxToText } from '../importer/docxText';
import { renderDraftYaml } from '../importer/draftYaml';
import { formatSummary } from '../importer/formatSummary';
import { importDirective } from '../importer/importDirective';
import { InputFileError, readDataFile } from './readDataFile';

const USAGE = 'Cách dùng: npm run import -- <tệp văn bản .txt hoặc .docx> [--agencies TỆP] [--out TỆP] [--key MÃ]';
const DEFAULT_AGENCIES = path.join(__dirname, '..', '..', 'defaults', 'agencies-hcmc-2021.yaml');

async function readDirective(file: string): Promise<string> {
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(file);
  } catch (error) {
    throw new InputFileError(`Không đọc được tệp ${file}: ${(error as Error).message}`);
  }
  if (!file.toLowerCase().endsWith('.docx')) return buffer.toString('utf8');
  try {
    const { text, warnings } = await docxToText(buffer);
    for (const warning of warnings) process.stderr.write(`(docx) ${warning}\n`);
    return text;
  } catch (error) {
    throw new InputFileError(`Tệp ${file} không đọc được như tài liệu Word (.docx): ${(error as Error).message}`);
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { agencies: { type: 'string' }, out: { type: 'string' }, key: { type: 'string' } },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new InputFileError(USAGE);
  const directory = readDataFile(values.agencies ?? DEFAULT_AGENCIES, z.array(AgencySchema), 'Danh bạ cơ quan');
  const text = await readDirective(file);

  let result;
  try {
    result = importDirective(text, { directory, key: values.key, today: new Date().toISOString().slice(0, 10) });
  } catch (error) {
    if (error instanceof DraftInvalidError) throw new InputFileError(error.message);
    throw error;
  }
  const summary = formatSummary(result.report, directory, path.basename(file));
  const yaml = renderDraftYaml(result.draftInput, result.report.review, path.basename(file));
  if (values.out) {
    fs.writeFileSync(values.out, yaml);
    process.stdout.write(`${summary}\n\nĐã ghi bản nháp vào ${values.out}.\n`);
  } else {
    process.stderr.write(`${summary}\n\n`);
    process.stdout.write(yaml);
  }
}

main().catch((error: Error) => {
  process.stderr.write(error instanceof InputFileError ? `${error.message}\n` : `${error.stack}\n`);
  process.exit(1);
});
