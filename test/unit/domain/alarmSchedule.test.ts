/**
 * When reminders and escalations go out for one deadline. Default policies: reminders 7, 3 and 1
 * working days before and on the deadline day, at 08:00 Vietnam time; escalation to the agency
 * head 1 working day after the deadline, the secretariat 3 working days later, the People's
 * Committee 7 working days after that, then every 7 calendar days (moved to a working day).
 */
import { planAlarms, type Alarm } from '../../../src/domain/assignment/alarmSchedule';
import { defaultEscalationPolicy, defaultReminderPolicy, EscalationPolicySchema, ReminderPolicySchema } from '../../../src/domain/campaign/policies';
import type { WorkingCalendar } from '../../../src/domain/calendar/workingCalendar';
import { addDays } from '../../../src/domain/time/localDate';
import { eightAmVietnam, statutoryCalendar } from './fixtures';

const calendar = statutoryCalendar(2020, 2030);

const plan = (deadline: string, cal: WorkingCalendar = calendar) =>
  planAlarms({ deadline, calendar: cal, reminders: defaultReminderPolicy(), escalation: defaultEscalationPolicy() });
const summary = (alarm: Alarm) => `${alarm.kind === 'reminder' ? `reminder ${alarm.workingDaysLeft}` : `escalation ${alarm.step} ${alarm.level}`} ${alarm.date}`;

describe('planAlarms with the default policies', () => {
  // Deadline Thu 10/02/2022, just after Tết 2022 (Mon 31/01 to Fri 04/02).
  const alarms = plan('2022-02-10');

  it('reminds 7, 3 and 1 working days before and on the day, skipping Tết', () => {
    // Back from Thu 10/02: Wed 09 = 1, Tue 08 = 2, Mon 07 = 3; Sat 05 - Sun 06 weekend,
    // Mon 31/01 - Fri 04/02 Tết, Sat 29 - Sun 30 weekend; Fri 28/01 = 4, Thu 27 = 5, Wed 26 = 6,
    // Tue 25/01 = 7.
    expect(alarms.filter((alarm) => alarm.kind === 'reminder').map(summary)).toEqual([
      'reminder 7 2022-01-25',
      'reminder 3 2022-02-07',
      'reminder 1 2022-02-09',
      'reminder 0 2022-02-10',
    ]);
  });

  it('climbs the escalation ladder in working days after the deadline', () => {
    // +1: Fri 11/02. +3 from there: Mon 14, Tue 15, Wed 16/02. +7 from there: Thu 17, Fri 18,
    // Mon 21, Tue 22, Wed 23, Thu 24, Fri 25/02.
    expect(alarms.filter((alarm) => alarm.kind === 'escalation').slice(0, 5).map(summary)).toEqual([
      'escalation 1 agencyHead 2022-02-11',
      'escalation 2 secretariat 2022-02-16',
      'escalation 3 peoplesCommittee 2022-02-25',
      // Then weekly at the People's Committee level: Fri 04/03, Fri 11/03...
      'escalation 4 peoplesCommittee 2022-03-04',
      'escalation 5 peoplesCommittee 2022-03-11',
    ]);
  });

  it('moves a weekly repeat off a holiday without shifting the ones after it', () => {
    // The 27th repeat would fall on Fri 02/09/2022 (25/02 + 27 x 7 days), Quốc khánh: it goes
    // to Mon 05/09 (Sat 03, Sun 04 off); the next is again a Friday, 09/09.
    const steps = alarms.filter((alarm) => alarm.kind === 'escalation' && (alarm.step === 30 || alarm.step === 31));
    expect(steps.map(summary)).toEqual(['escalation 30 peoplesCommittee 2022-09-05', 'escalation 31 peoplesCommittee 2022-09-09']);
  });

  it('sends everything at 08:00 Vietnam time (01:00 UTC)', () => {
    expect(alarms[0]!.at).toBe(Date.parse('2022-01-25T01:00:00.000Z'));
    for (const alarm of alarms) expect(alarm.at).toBe(eightAmVietnam(alarm.date));
  });

  it('gives keys that name the deadline, each once', () => {
    expect(alarms.slice(0, 7).map((alarm) => alarm.key)).toEqual([
      'reminder:2022-02-10:-7',
      'reminder:2022-02-10:-3',
      'reminder:2022-02-10:-1',
      'reminder:2022-02-10:0',
      'escalation:2022-02-10:1',
      'escalation:2022-02-10:2',
      'escalation:2022-02-10:3',
    ]);
    expect(alarms.every((alarm) => alarm.key.includes(':2022-02-10:'))).toBe(true);
    expect(new Set(alarms.map((alarm) => alarm.key)).size).toBe(alarms.length);
  });

  it('arms a fresh set of keys for a new deadline', () => {
    // After an extension to Fri 18/02/2022 no key of the old deadline is reused.
    const old = new Set(alarms.map((alarm) => alarm.key));
    expect(plan('2022-02-18').some((alarm) => old.has(alarm.key))).toBe(false);
  });

  it('is in time order', () => {
    const times = alarms.map((alarm) => alarm.at);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('escalates across Tết too', () => {
    // Deadline Thu 27/01/2022: +1 Fri 28/01. +3: Tết and weekends until Sun 06/02, then
    // Mon 07, Tue 08, Wed 09/02. +7: Thu 10, Fri 11, Mon 14 ... Fri 18/02.
    expect(plan('2022-01-27').filter((alarm) => alarm.kind === 'escalation').slice(0, 3).map(summary)).toEqual([
      'escalation 1 agencyHead 2022-01-28',
      'escalation 2 secretariat 2022-02-09',
      'escalation 3 peoplesCommittee 2022-02-18',
    ]);
  });

  it('never plans anything on a day off, for any deadline of 2022', () => {
    for (let day = '2022-01-01'; day <= '2022-12-31'; day = addDays(day, 1)) {
      if (!calendar.isWorkingDay(day)) continue;
      for (const alarm of plan(day)) {
        if (!calendar.isWorkingDay(alarm.date)) throw new Error(`deadline ${day}: ${alarm.key} on day off ${alarm.date}`);
      }
    }
  });
});

describe('planAlarms at the edges of the calendar', () => {
  it('stops at the last year the calendar covers', () => {
    const alarms = plan('2022-02-10', statutoryCalendar(2022, 2022));
    // Weekly Fridays from 25/02/2022; Fri 30/12/2022 is the last before 2023.
    expect(alarms.at(-1)!.date).toBe('2022-12-30');
    expect(alarms.every((alarm) => alarm.date <= '2022-12-31')).toBe(true);
  });

  it('still plans the deadline-day reminder and the escalations when an early reminder falls before the first covered year', () => {
    // Calendar from 2022; deadline Fri 07/01/2022. The 7-day reminder would be in December 2021
    // (not covered), but 3 days before is Tue 04/01 (Mon 03/01 compensates New Year), 1 day
    // before Thu 06/01; escalations Mon 10/01, Thu 13/01 and (+7: Fri 14, Mon 17 ... Mon 24/01).
    const alarms = plan('2022-01-07', statutoryCalendar(2022, 2030));
    expect(alarms.slice(0, 6).map(summary)).toEqual([
      'reminder 3 2022-01-04',
      'reminder 1 2022-01-06',
      'reminder 0 2022-01-07',
      'escalation 1 agencyHead 2022-01-10',
      'escalation 2 secretariat 2022-01-13',
      'escalation 3 peoplesCommittee 2022-01-24',
    ]);
  });
});

describe('planAlarms with other policies', () => {
  it('follows the given hour, drops duplicate reminder days, and can skip the deadline-day reminder and repeats', () => {
    const alarms = planAlarms({
      deadline: '2022-02-10',
      calendar,
      reminders: ReminderPolicySchema.parse({ workingDaysBefore: [3, 3], onDeadlineDay: false, sendAt: '07:30' }),
      escalation: EscalationPolicySchema.parse({
        steps: [{ level: 'secretariat', workingDaysAfterPrevious: 2 }],
        repeatEveryDays: null,
      }),
    });
    // -3: Mon 07/02; +2 after Thu 10/02: Fri 11 = 1, Mon 14 = 2.
    expect(alarms.map(summary)).toEqual(['reminder 3 2022-02-07', 'escalation 1 secretariat 2022-02-14']);
    expect(alarms[0]!.at).toBe(Date.parse('2022-02-07T00:30:00.000Z'));
  });
});
