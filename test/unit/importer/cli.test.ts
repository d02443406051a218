/**
 * `npm run import` end to end (through tsx, as a user runs it): the summary on stdout, the draft
 * in --out, and a readable refusal for a bad call.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import '../../../src/domain/validation';
import { readDataFile } from '../../../src/cli/readDataFile';
import { CampaignFileSchema } from '../../../src/domain/campaign/campaignFile';
import { fixturePath, PROJECT_ROOT } from './directory';

const tsx = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
const run = (...args: string[]) => spawnSync(tsx, ['src/cli/import.ts', ...args], { cwd: PROJECT_ROOT, encoding: 'utf8' });

describe('npm run import', () => {
  it('prints the summary and writes a draft that validates', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'import-')), 'draft.yaml');
    const result = run(fixturePath('web-article-chuyen-doi-so-2022.txt'), '--agencies', 'defaults/agencies-hcmc-2021.yaml', '--out', out, '--key', 'cds-2022');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('6 mục, 11 nhiệm vụ:');
    expect(result.stdout).toContain('Gửi: nhóm "sở, ban, ngành" (25 cơ quan); nhóm "thành phố Thủ Đức, quận, huyện" (22 cơ quan)');
    expect(result.stdout).toContain('! Không có trong danh bạ: "Ban Quản lý Khu Nông nghiệp Công nghệ cao"');
    expect(result.stdout).toContain('Câu: 28 = 6 ở tiêu đề mục + 13 trong nhiệm vụ + 9 bỏ qua.');
    expect(result.stdout).toContain(`Đã ghi bản nháp vào ${out}.`);
    const draft = readDataFile(out, CampaignFileSchema, 'Bản nháp');
    expect(draft.campaign.key).toBe('cds-2022');
    expect(draft.campaign.sections).toHaveLength(6);
  }, 60_000);

  it('sends the YAML to stdout and the summary to stderr without --out', () => {
    const result = run(fixturePath('official-letter-cchc-quy-2-2022.txt'));
    expect(result.status).toBe(0);
    expect(result.stdout.startsWith('# Bản nháp kế hoạch')).toBe(true);
    expect(result.stderr).toContain('4 mục, 7 nhiệm vụ:');
  }, 60_000);

  it('explains how to call it, in Vietnamese', () => {
    const result = run();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Cách dùng: npm run import --');
    expect(run('khong-co-tep.txt').stderr).toContain('Không đọc được tệp khong-co-tep.txt');
  }, 60_000);
});
