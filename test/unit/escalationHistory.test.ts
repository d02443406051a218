/**
 * An escalation says what was sent before it, from the events and the outbox, and what was not:
 * never "the agency was reminded" when no reminder went out.
 */
import { stampEvents, type AssignmentEvent, type AssignmentEventBody } from '../../src/domain/assignment/assignmentEvents';
import { escalationHistory, outboxIdOf, type EarlierDelivery } from '../../src/mail/escalationHistory';
import { assigned, plan } from '../mail/mailFixtures';

const ID = 'cchc-2021.s4.t1.STNMT';

function events(launchDate: string, ...bodies: AssignmentEventBody[]): AssignmentEvent[] {
  const first = { ...assigned(plan(ID)), launchDate } as AssignmentEventBody;
  return stampEvents({ assignmentId: ID, campaignKey: 'cchc-2021', lastSeq: 0, at: '2022-02-25T01:00:00.000Z', actor: { role: 'system' } }, [first, ...bodies]);
}

const committee: AssignmentEventBody = { type: 'Escalated', alarmKey: 'escalation:2022-02-10:3', deadline: '2022-02-10', level: 'peoplesCommittee', step: 3, workingDaysOverdue: 11 };

describe('what an escalation says was sent before it', () => {
  it('lists each earlier email with its delivery, and says nothing is missing when nothing is', () => {
    const all = events(
      '2021-12-01',
      { type: 'ReminderSent', alarmKey: 'reminder:2022-02-10:3', deadline: '2022-02-10', workingDaysLeft: 3 },
      { type: 'ReminderSent', alarmKey: 'reminder:2022-02-10:0', deadline: '2022-02-10', workingDaysLeft: 0 },
      { type: 'Escalated', alarmKey: 'escalation:2022-02-10:1', deadline: '2022-02-10', level: 'agencyHead', step: 1, workingDaysOverdue: 1 },
      { type: 'Escalated', alarmKey: 'escalation:2022-02-10:2', deadline: '2022-02-10', level: 'secretariat', step: 2, workingDaysOverdue: 4 },
      committee,
    );
    const deliveries = new Map<string, EarlierDelivery>(
      all.slice(0, -1).map((event, i) => [outboxIdOf(event)!, i === 2 ? { status: 'failed' } : { status: 'sent', sentAt: new Date('2022-02-07T01:00:00Z') }]),
    );
    const said = escalationHistory({ earlier: all.slice(0, -1), escalation: all.at(-1) as never, deliveries, launchDate: '2021-12-01' });
    expect(said.sent).toEqual([
      'Thông báo giao nhiệm vụ: đã gửi ngày 07/02/2022.',
      'Nhắc việc khi còn 3 ngày làm việc (hạn 10/02/2022): đã gửi ngày 07/02/2022.',
      'Nhắc việc ngày hạn cuối (hạn 10/02/2022): không gửi được (thư lỗi).',
      'Thông báo quá hạn 1 ngày làm việc gửi Thủ trưởng cơ quan: đã gửi ngày 07/02/2022.',
      'Báo cáo quá hạn 4 ngày làm việc gửi Thường trực Ban Chỉ đạo: đã gửi ngày 07/02/2022.',
    ]);
    expect(said.notes).toEqual([]);
  });

  it('launched with its deadline past: says no reminder was sent and which rungs never fired', () => {
    const all = events('2022-02-25', committee);
    const said = escalationHistory({ earlier: all.slice(0, -1), escalation: all.at(-1) as never, deliveries: new Map([[outboxIdOf(all[0]!)!, { status: 'sent', sentAt: new Date('2022-02-25T01:00:00Z') }]]), launchDate: '2022-02-25' });
    expect(said.sent).toEqual(['Thông báo giao nhiệm vụ: đã gửi ngày 25/02/2022.']);
    expect(said.notes).toEqual([
      'Không có lần nhắc việc nào trước hạn: nhiệm vụ được giao ngày 25/02/2022, khi hạn xử lý (ngày 10/02/2022) đã đến hoặc đã qua.',
      'Chưa có thông báo quá hạn nào gửi Thủ trưởng cơ quan trước báo cáo này.',
      'Chưa có báo cáo quá hạn nào gửi Thường trực Ban Chỉ đạo trước báo cáo này.',
    ]);
  });
});
