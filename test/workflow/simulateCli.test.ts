/**
 * `npm run simulate` as a user runs it (through tsx): a campaign file that leaves `agencies` to
 * the shipped directory is previewed against it, or against --agencies FILE; a campaign that gives
 * no assignment is refused in Vietnamese instead of printing an empty run.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { NO_ASSIGNMENT_MESSAGE } from '../../src/domain/campaign/expandCampaign';

const ROOT = path.join(__dirname, '..', '..');
const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'simulate-'));
const run = (...args: string[]) => spawnSync(tsx, ['src/cli/simulate.ts', ...args], { cwd: ROOT, encoding: 'utf8' });

function campaignFile(name: string, addressees: { agencies?: string[]; groups?: string[] }, extra: object = {}): string {
  const file = path.join(folder, name);
  const campaign = {
    key: 'mo-phong-2024',
    year: 2024,
    title: 'Kế hoạch mô phỏng',
    directive: { number: '12/KH-SNV', date: '2024-03-01', issuer: 'Sở Nội vụ', title: 'Kế hoạch mô phỏng' },
    launchDate: '2024-03-04',
    defaultDeadline: { kind: 'workingDaysAfterLaunch', workingDays: 3 },
    sections: [{ number: 1, title: 'Mục thử', addressees, tasks: [{ title: 'Rà soát thủ tục hành chính' }] }],
  };
  fs.writeFileSync(file, YAML.stringify({ campaign, ...extra }));
  return file;
}

describe('npm run simulate', () => {
  it('previews a file without agencies against the shipped directory', () => {
    const result = run(campaignFile('shipped.yaml', { agencies: ['STP', 'SNV'] }), '--until', '05/03/2024', '--format', 'table');
    expect(result.stderr).toContain('Danh bạ cơ quan: ');
    expect(result.stdout).toContain('mo-phong-2024.s1.t1.STP');
    expect(result.stdout).toContain('Từ 04/03/2024 đến 05/03/2024: 2 nhiệm vụ được giao');
    expect(result.status).toBe(0);
  }, 120_000);

  it('takes the directory from --agencies FILE', () => {
    const agencies = path.join(folder, 'agencies.yaml');
    fs.writeFileSync(
      agencies,
      YAML.stringify([
        { code: 'PXA', name: 'Ủy ban nhân dân phường Xuân Hòa', kind: 'other', groups: ['phuong'] },
        { code: 'PBN', name: 'Ủy ban nhân dân phường Bến Nghé', kind: 'other', groups: ['phuong'] },
      ]),
    );
    const result = run(campaignFile('own.yaml', { groups: ['phuong'] }), '--agencies', agencies, '--until', '2024-03-05', '--format', 'table');
    expect(result.stdout).toContain('mo-phong-2024.s1.t1.PBN');
    expect(result.stdout).toContain('2 nhiệm vụ được giao');
    expect(result.status).toBe(0);
  }, 120_000);

  it('refuses a campaign that gives no assignment, saying why in Vietnamese', () => {
    const result = run(campaignFile('none.yaml', { groups: ['phuong'] }), '--until', '2024-03-05');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(NO_ASSIGNMENT_MESSAGE);
    expect(result.stderr).toContain('Mục 1: Nhóm "phuong" không có cơ quan nào trong danh bạ.');
    expect(result.stderr).not.toMatch(/\bat \w+ \(|Error/u);
  }, 60_000);
});
