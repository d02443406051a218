/**
 * The four official categories of a task report. A deadline ends at 24:00 of its day in Vietnam
 * (UTC+7), i.e. 17:00 UTC that day; completion is judged by when the accepted result was
 * submitted, against the deadline in force; reports "as of" a cutoff see only what was recorded by then.
 */
import { SYSTEM_ACTOR, type Actor } from '../../../src/domain/assignment/actor';
import { stampEvents, type AssignmentEvent, type AssignmentEventBody } from '../../../src/domain/assignment/assignmentEvents';
import { foldEvents } from '../../../src/domain/assignment/assignmentState';
import {
  CATEGORY_LABELS,
  categorize,
  categorizeAsOf,
  STATUS_CATEGORIES,
  stateAsOf,
} from '../../../src/domain/assignment/statusCategory';
import type { AssignmentPlan } from '../../../src/domain/campaign/expandCampaign';

const plan: AssignmentPlan = {
  id: 'cchc-2021.s1.t1.SNV',
  campaignKey: 'cchc-2021',
  sectionNumber: 1,
  taskNumber: 1,
  agencyCode: 'SNV',
  coordinatingAgencies: [],
  title: 'Báo cáo CCHC quý II',
  kpiTargets: [],
  citations: [],
  deadlineRule: { kind: 'fixedDate', date: '2021-06-30' },
};
const agency: Actor = { role: 'agency', agencyCode: 'SNV' };
const secretariat: Actor = { role: 'secretariat' };

/** 24:00 of Wed 30/06/2021 in Vietnam. */
const JUNE_30_ENDS = Date.parse('2021-06-30T17:00:00.000Z');

/** A history: each entry is [UTC instant, event body]. */
function history(...entries: [string, AssignmentEventBody, Actor?][]): AssignmentEvent[] {
  const events: AssignmentEvent[] = [];
  for (const [at, body, actor] of entries) {
    events.push(...stampEvents({ assignmentId: plan.id, campaignKey: plan.campaignKey, lastSeq: events.length, at, actor: actor ?? SYSTEM_ACTOR }, [body]));
  }
  return events;
}

const assigned: [string, AssignmentEventBody] = [
  '2021-03-01T02:00:00.000Z',
  { type: 'AssignmentAssigned', plan, launchDate: '2021-03-01', deadline: '2021-06-30', sectionTitle: 'Sở Nội vụ' },
];
const submitted = (at: string): [string, AssignmentEventBody, Actor] => [
  at,
  { type: 'ResultSubmitted', summary: 'Đã gửi báo cáo', evidenceLinks: [], kpiValues: [] },
  agency,
];
const accepted = (at: string): [string, AssignmentEventBody, Actor] => [at, { type: 'Accepted' }, secretariat];
const extendedTo = (at: string, to: string): [string, AssignmentEventBody, Actor][] => [
  [at, { type: 'ExtensionRequested', requestedDeadline: to, reason: 'Chờ số liệu' }, agency],
  [at, { type: 'ExtensionDecided', granted: true, deadline: to }, secretariat],
  [at, { type: 'DeadlineChanged', from: '2021-06-30', to, reason: 'extension' }, secretariat],
];

const stateOf = (...entries: [string, AssignmentEventBody, Actor?][]) => foldEvents(history(...entries))!;

describe('categorize', () => {
  it('has the four official categories, in Vietnamese', () => {
    expect(STATUS_CATEGORIES.map((category) => CATEGORY_LABELS[category])).toEqual([
      'Hoàn thành đúng hạn',
      'Hoàn thành quá hạn',
      'Đang thực hiện trong hạn',
      'Quá hạn chưa hoàn thành',
    ]);
  });

  it('is within the deadline until 24:00 of the deadline day, Vietnam time, and overdue from then on', () => {
    const open = stateOf(assigned);
    // 23:59:59.999 on 30/06 in Vietnam.
    expect(categorize(open, JUNE_30_ENDS - 1)).toBe('inProgressWithinDeadline');
    // 00:00 on 01/07 in Vietnam, still 30/06 in UTC.
    expect(categorize(open, JUNE_30_ENDS)).toBe('overdue');
  });

  it('counts a result submitted at 23:59 on the deadline day as on time, even if accepted days later', () => {
    const state = stateOf(assigned, submitted('2021-06-30T16:59:00.000Z'), accepted('2021-07-05T02:00:00.000Z'));
    expect(categorize(state, Date.parse('2021-07-10T00:00:00.000Z'))).toBe('completedOnTime');
  });

  it('counts a result submitted at 00:00 the day after as late', () => {
    const state = stateOf(assigned, submitted('2021-06-30T17:00:00.000Z'), accepted('2021-07-01T02:00:00.000Z'));
    expect(categorize(state, Date.parse('2021-07-10T00:00:00.000Z'))).toBe('completedLate');
  });

  it('judges by the accepted submission, not an earlier one that was returned', () => {
    const state = stateOf(
      assigned,
      submitted('2021-06-20T02:00:00.000Z'),
      ['2021-06-22T02:00:00.000Z', { type: 'Returned', comment: 'Thiếu phụ lục' }, secretariat],
      submitted('2021-07-02T02:00:00.000Z'),
      accepted('2021-07-05T02:00:00.000Z'),
    );
    expect(categorize(state, Date.parse('2021-07-10T00:00:00.000Z'))).toBe('completedLate');
  });

  it('still counts a result under review as not completed', () => {
    const state = stateOf(assigned, submitted('2021-06-25T02:00:00.000Z'));
    expect(categorize(state, JUNE_30_ENDS - 1)).toBe('inProgressWithinDeadline');
    expect(categorize(state, JUNE_30_ENDS)).toBe('overdue');
  });

  it('judges against the deadline in force after an extension', () => {
    // Extended to Fri 30/07/2021; a result on 20/07 is on time, and 15/07 is still within the deadline.
    const extended = [assigned, ...extendedTo('2021-06-25T02:00:00.000Z', '2021-07-30')] as const;
    expect(categorize(stateOf(...extended), Date.parse('2021-07-15T02:00:00.000Z'))).toBe('inProgressWithinDeadline');
    const done = stateOf(...extended, submitted('2021-07-20T02:00:00.000Z'), accepted('2021-07-21T02:00:00.000Z'));
    expect(done.originalDeadline).toBe('2021-06-30');
    expect(categorize(done, Date.parse('2021-08-01T00:00:00.000Z'))).toBe('completedOnTime');
  });

  it('puts a cancelled assignment in no category', () => {
    const state = stateOf(assigned, ['2021-05-01T02:00:00.000Z', { type: 'Cancelled', reason: 'Hủy' }, secretariat]);
    expect(categorize(state, JUNE_30_ENDS + 86_400_000)).toBeUndefined();
  });
});

describe('categorizeAsOf a cutoff', () => {
  const events = history(assigned, submitted('2021-06-25T02:00:00.000Z'), accepted('2021-07-05T02:00:00.000Z'));

  it('ignores an acceptance recorded after the cutoff', () => {
    // Noon of 30/06 (Vietnam 19:00): submitted, not yet accepted, deadline not over.
    expect(categorizeAsOf(events, Date.parse('2021-06-30T12:00:00.000Z'))).toBe('inProgressWithinDeadline');
    // 07:00 on 01/07 in Vietnam: the deadline is over and nothing is accepted yet.
    expect(categorizeAsOf(events, Date.parse('2021-07-01T00:00:00.000Z'))).toBe('overdue');
    // Once accepted, the submission of 25/06 makes it on time.
    expect(categorizeAsOf(events, Date.parse('2021-07-05T02:00:00.000Z'))).toBe('completedOnTime');
  });

  it('ignores an extension granted after the cutoff', () => {
    const extended = history(assigned, ...extendedTo('2021-07-02T02:00:00.000Z', '2021-07-30'));
    // On 01/07 the deadline in force was still 30/06: overdue.
    expect(categorizeAsOf(extended, Date.parse('2021-07-01T05:00:00.000Z'))).toBe('overdue');
    expect(stateAsOf(extended, Date.parse('2021-07-01T05:00:00.000Z'))!.deadline).toBe('2021-06-30');
    // From 02/07 the new deadline counts.
    expect(categorizeAsOf(extended, Date.parse('2021-07-03T00:00:00.000Z'))).toBe('inProgressWithinDeadline');
  });

  it('has no category before the assignment existed', () => {
    expect(categorizeAsOf(events, Date.parse('2021-02-28T00:00:00.000Z'))).toBeUndefined();
  });

  it('gives the same answer whatever order the events are read in', () => {
    const cutoff = Date.parse('2021-07-01T00:00:00.000Z');
    expect(categorizeAsOf([...events].reverse(), cutoff)).toBe('overdue');
  });
});
