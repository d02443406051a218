/** How a calendar edit combines with the year it changes. */
import { applyCalendarEdit, type CalendarYearEdit } from '../../../src/domain/calendar/calendarYearEdit';
import type { CalendarYear } from '../../../src/domain/calendar/calendarYear';

const year: CalendarYear = {
  year: 2024,
  daysOff: [{ date: '2024-04-29', name: 'Nghỉ hoán đổi' }],
  workingDays: [{ date: '2024-05-04', name: 'Làm bù' }],
  notDaysOff: [{ date: '2024-02-15', name: 'Không nghỉ bù' }],
  source: 'Công văn số 2450/VPCP-KGVX',
};
const edit = (change: Partial<CalendarYearEdit>): CalendarYearEdit => ({ replace: false, daysOff: [], workingDays: [], notDaysOff: [], remove: [], ...change });

describe('applyCalendarEdit', () => {
  it('adds to the year and keeps what the edit does not mention, source included', () => {
    const next = applyCalendarEdit(year, edit({ daysOff: [{ date: '2024-12-31', name: 'Thêm' }] }));
    expect(next.daysOff.map((d) => d.date)).toEqual(['2024-04-29', '2024-12-31']);
    expect(next.workingDays).toEqual(year.workingDays);
    expect(next.notDaysOff).toEqual(year.notDaysOff);
    expect(next.source).toBe(year.source);
  });

  it('moves a date the edit lists elsewhere, and renames one it lists again', () => {
    const next = applyCalendarEdit(year, edit({ workingDays: [{ date: '2024-04-29', name: 'Đi làm lại' }], daysOff: [{ date: '2024-02-15', name: 'Nghỉ' }] }));
    expect(next.daysOff).toEqual([{ date: '2024-02-15', name: 'Nghỉ' }]);
    expect(next.workingDays.map((d) => d.date)).toEqual(['2024-04-29', '2024-05-04']);
    expect(next.notDaysOff).toEqual([]);
  });

  it('takes out the dates it removes, from every list', () => {
    const next = applyCalendarEdit(year, edit({ remove: ['2024-04-29', '2024-05-04'] }));
    expect(next).toMatchObject({ daysOff: [], workingDays: [], notDaysOff: year.notDaysOff });
  });

  it('replaces the whole year only when asked', () => {
    const next = applyCalendarEdit(year, edit({ replace: true, daysOff: [{ date: '2024-12-31', name: 'Chỉ ngày này' }] }));
    expect(next).toEqual({ year: 2024, daysOff: [{ date: '2024-12-31', name: 'Chỉ ngày này' }], workingDays: [], notDaysOff: [], source: undefined });
  });
});
