/**
 * A campaign simulated through 2024 on the real workflows and Temporal's time-skipping server, on
 * the shipped official calendar: no reminder, escalation or deadline lands on an official day off.
 * The days off below are those of the 2024 notices (5015/TB-LĐTBXH, 2450/VPCP-KGVX), not the code's.
 */
import path from 'node:path';
import '../../src/domain/validation';
import { readDataFile } from '../../src/cli/readDataFile';
import { CampaignFileSchema } from '../../src/domain/campaign/campaignFile';
import type { ScriptedAction } from '../../src/domain/campaign/scriptedAction';
import { isoWeekday } from '../../src/domain/time/localDate';
import { simulateCampaign, virtualDate, type SimulationResult } from '../../src/simulation/simulateCampaign';

const OFFICIAL_WEEKDAYS_OFF_2024 = [
  '2024-01-01',
  '2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14',
  '2024-04-18',
  '2024-04-29', '2024-04-30', '2024-05-01',
  '2024-09-02', '2024-09-03',
];
const SATURDAY_WORKED_2024 = '2024-05-04';

const submitted = (task: string, on: string): ScriptedAction => ({
  on,
  at: '09:00',
  assignment: `ngay-nghi-2024.s1.${task}.STNMT`,
  by: 'STNMT',
  command: { type: 'submitResult', summary: 'Đã báo cáo', evidenceLinks: [], kpiValues: [] },
});

describe('a campaign across Tết, 30/4 and Quốc khánh 2024', () => {
  let result: SimulationResult;
  beforeAll(async () => {
    result = await simulateCampaign({
      file: readDataFile(path.join(__dirname, '../fixtures/campaigns/holidays-2024.yaml'), CampaignFileSchema, 'Kế hoạch'),
      until: '2024-09-06',
      // Each task is answered once its break is behind it, so the simulation stays short.
      actions: [submitted('t1', '2024-02-23'), submitted('t2', '2024-02-23'), submitted('t3', '2024-05-10'), submitted('t4', '2024-05-08')],
    });
  }, 600_000);

  const alarms = () => result.events.filter((e) => e.type === 'ReminderSent' || e.type === 'Escalated');

  it('counts deadlines over the official days off: 6 working days after 31/01/2024 is 15/02, after Tết', () => {
    const deadlines = result.events.flatMap((e) => (e.type === 'AssignmentAssigned' ? [[e.plan.id.split('.')[2], e.deadline]] : []));
    expect(Object.fromEntries(deadlines)).toEqual({ t1: '2024-02-15', t2: '2024-02-16', t3: '2024-04-19', t4: '2024-05-03', t5: '2024-08-23', t6: '2024-09-04' });
  });

  it('puts no reminder or escalation on an official day off, and uses the Saturday worked', () => {
    const dates = alarms().map(virtualDate);
    expect(dates.length).toBeGreaterThan(60);
    expect(dates.filter((date) => OFFICIAL_WEEKDAYS_OFF_2024.includes(date))).toEqual([]);
    expect(dates.filter((date) => isoWeekday(date) >= 6 && date !== SATURDAY_WORKED_2024)).toEqual([]);
    // Alarms go out on the working day before and after each break, and on the Saturday worked.
    for (const date of ['2024-02-07', '2024-02-15', '2024-04-26', '2024-05-02', SATURDAY_WORKED_2024, '2024-08-30', '2024-09-04']) {
      expect(dates).toContain(date);
    }
  });

  it('escalates daily through a break only on its working days: nothing from 31/08 to 03/09, next on 04/09', () => {
    // The days that carry an escalation (those that piled up during a break go out together).
    const escalations = (task: string) => [
      ...new Set(result.events.filter((e) => e.type === 'Escalated' && e.assignmentId.includes(`.${task}.`)).map(virtualDate)),
    ];
    expect(escalations('t5').filter((date) => date >= '2024-08-29')).toEqual([
      '2024-08-29', '2024-08-30', '2024-09-04', '2024-09-05', '2024-09-06',
    ]);
    expect(escalations('t3').filter((date) => date >= '2024-04-25' && date <= '2024-05-06')).toEqual([
      '2024-04-25', '2024-04-26', '2024-05-02', '2024-05-03', '2024-05-04', '2024-05-06',
    ]);
  });

  it('reminds on the working days just before a deadline that follows a break', () => {
    const reminders = (task: string) =>
      result.events.filter((e) => e.type === 'ReminderSent' && e.assignmentId.includes(`.${task}.`)).map(virtualDate);
    // 16/02: 1 working day before is 15/02, 2 before is 07/02 (Tết in between).
    expect(reminders('t2').slice(-3)).toEqual(['2024-02-07', '2024-02-15', '2024-02-16']);
    // 03/05: 1 before is 02/05, 2 before is 26/04 (29/04-01/05 off).
    expect(reminders('t4').slice(-3)).toEqual(['2024-04-26', '2024-05-02', '2024-05-03']);
    // 04/09: 1 before is 30/08, 2 before is 29/08 (02-03/09 off).
    expect(reminders('t6').slice(-3)).toEqual(['2024-08-29', '2024-08-30', '2024-09-04']);
  });
});
