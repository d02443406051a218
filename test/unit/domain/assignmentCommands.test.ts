/**
 * What people may do to an assignment (`decide`), and what the recorded events make of it
 * (`evolve`, `foldEvents`). A small harness plays the role of the workflow: it asks `decide`,
 * and on acceptance stamps the events and folds them into the state.
 */
import type { Actor } from '../../../src/domain/assignment/actor';
import { SYSTEM_ACTOR } from '../../../src/domain/assignment/actor';
import { AssignmentCommandSchema } from '../../../src/domain/assignment/assignmentCommandSchema';
import { decide, type Decision } from '../../../src/domain/assignment/assignmentCommands';
import { stampEvents, type AssignmentEvent, type AssignmentEventBody } from '../../../src/domain/assignment/assignmentEvents';
import {
  EventOrderError,
  evolve,
  foldEvents,
  type AssignmentState,
} from '../../../src/domain/assignment/assignmentState';
import type { AssignmentPlan } from '../../../src/domain/campaign/expandCampaign';
import { statutoryCalendar } from './fixtures';

const calendar = statutoryCalendar(2020, 2030);

const plan: AssignmentPlan = {
  id: 'cchc-2021.s4.t2.STNMT',
  campaignKey: 'cchc-2021',
  sectionNumber: 4,
  taskNumber: 2,
  agencyCode: 'STNMT',
  coordinatingAgencies: ['SNV', 'STC'],
  title: 'Số hóa hồ sơ đất đai',
  kpiTargets: [],
  citations: [],
  deadlineRule: { kind: 'fixedDate', date: '2021-06-30' },
};
/** Wed 30/06/2021, a working day. */
const DEADLINE = '2021-06-30';

const secretariat: Actor = { role: 'secretariat', name: 'Ban Chỉ đạo CCHC' };
const stnmt: Actor = { role: 'agency', agencyCode: 'STNMT', name: 'Sở TNMT' };
const snv: Actor = { role: 'agency', agencyCode: 'SNV', name: 'Sở Nội vụ' };
const committee: Actor = { role: 'committee', name: 'UBND Thành phố' };

/** Commands as the API hands them over: parsed, so defaults (evidenceLinks...) are filled. */
const command = (input: unknown) => AssignmentCommandSchema.parse(input);
const ack = command({ type: 'acknowledge' });
const progress = command({ type: 'reportProgress', note: 'Đã số hóa 40% hồ sơ', percent: 40 });
const submit = command({ type: 'submitResult', summary: 'Hoàn thành số hóa', evidenceLinks: ['https://example.vn/bao-cao.pdf'] });
const accept = command({ type: 'accept', comment: 'Đạt' });
const rework = command({ type: 'returnForRework', comment: 'Thiếu số liệu quận 3' });
const cancel = command({ type: 'cancel', reason: 'Nhiệm vụ không còn phù hợp' });
const askExtension = (date: string) => command({ type: 'requestExtension', requestedDeadline: date, reason: 'Chờ phần mềm' });
const grantExtension = (date?: string) => command({ type: 'decideExtension', grant: true, deadline: date });

/** Plays the workflow: decides, and on acceptance records the events. */
class Assignment {
  events: AssignmentEvent[] = [];
  states: AssignmentState[] = [];
  state!: AssignmentState;

  constructor(at = '2021-03-01T02:00:00.000Z') {
    this.record([{ type: 'AssignmentAssigned', plan, launchDate: '2021-03-01', deadline: DEADLINE, sectionTitle: 'Sở TNMT' }], SYSTEM_ACTOR, at);
  }

  do(cmd: ReturnType<typeof command>, actor: Actor, at: string): Decision {
    const decision = decide(this.state, cmd, actor, { now: Date.parse(at), calendar });
    if (decision.accepted) this.record(decision.events, actor, at);
    return decision;
  }

  private record(bodies: AssignmentEventBody[], actor: Actor, at: string) {
    const stamped = stampEvents({ assignmentId: plan.id, campaignKey: plan.campaignKey, lastSeq: this.state?.seq ?? 0, at, actor }, bodies);
    for (const event of stamped) {
      this.state = evolve(this.state, event);
      this.events.push(event);
      this.states.push(this.state);
    }
  }
}

const refused = (code: string) => expect.objectContaining({ accepted: false, code });
const ok = expect.objectContaining({ accepted: true });

describe('the happy path', () => {
  it('goes assigned -> acknowledged -> inProgress -> resultSubmitted -> accepted', () => {
    const a = new Assignment();
    expect(a.state).toMatchObject({ status: 'assigned', agencyCode: 'STNMT', deadline: DEADLINE, originalDeadline: DEADLINE, seq: 1 });

    expect(a.do(ack, stnmt, '2021-03-02T02:00:00.000Z')).toEqual(ok);
    expect(a.state).toMatchObject({ status: 'acknowledged', acknowledgedAt: '2021-03-02T02:00:00.000Z' });

    expect(a.do(progress, stnmt, '2021-04-15T03:00:00.000Z')).toEqual(ok);
    expect(a.state).toMatchObject({ status: 'inProgress', progressReports: 1, lastProgress: { note: 'Đã số hóa 40% hồ sơ', percent: 40 } });

    expect(a.do(submit, stnmt, '2021-06-25T09:00:00.000Z')).toEqual(ok);
    expect(a.state.status).toBe('resultSubmitted');
    expect(a.state.result).toMatchObject({ summary: 'Hoàn thành số hóa', submittedAt: '2021-06-25T09:00:00.000Z' });

    // The secretariat reviews after the deadline; completion still counts from the submission.
    expect(a.do(accept, secretariat, '2021-07-05T02:00:00.000Z')).toEqual(ok);
    expect(a.state).toMatchObject({
      status: 'accepted',
      completedAt: '2021-06-25T09:00:00.000Z',
      acceptedAt: '2021-07-05T02:00:00.000Z',
      seq: 5,
    });
    expect(a.events.map((event) => event.type)).toEqual(['AssignmentAssigned', 'Acknowledged', 'ProgressReported', 'ResultSubmitted', 'Accepted']);
    expect(a.events.map((event) => event.id)).toEqual([1, 2, 3, 4, 5].map((seq) => `cchc-2021.s4.t2.STNMT#${seq}`));
  });

  it('counts a progress report without acknowledgement as acknowledging', () => {
    const a = new Assignment();
    a.do(progress, stnmt, '2021-03-05T02:00:00.000Z');
    expect(a.state).toMatchObject({ status: 'inProgress', acknowledgedAt: '2021-03-05T02:00:00.000Z' });
  });

  it('loops back to inProgress when the result is returned, and judges completion by the accepted resubmission', () => {
    const a = new Assignment();
    a.do(ack, stnmt, '2021-03-02T02:00:00.000Z');
    a.do(submit, stnmt, '2021-06-20T02:00:00.000Z');
    expect(a.do(rework, secretariat, '2021-06-22T02:00:00.000Z')).toEqual(ok);
    expect(a.state).toMatchObject({ status: 'inProgress', returns: 1, lastReturnComment: 'Thiếu số liệu quận 3' });
    // Back in progress, the agency can report and submit again.
    expect(a.do(progress, stnmt, '2021-06-24T02:00:00.000Z')).toEqual(ok);
    expect(a.do(submit, stnmt, '2021-07-02T02:00:00.000Z')).toEqual(ok);
    expect(a.do(accept, secretariat, '2021-07-05T02:00:00.000Z')).toEqual(ok);
    expect(a.state).toMatchObject({ status: 'accepted', returns: 1, completedAt: '2021-07-02T02:00:00.000Z' });
  });

  it('refuses steps out of turn', () => {
    const a = new Assignment();
    expect(a.do(accept, secretariat, '2021-03-02T02:00:00.000Z')).toEqual(refused('invalidState'));
    expect(a.do(rework, secretariat, '2021-03-02T02:00:00.000Z')).toEqual(refused('invalidState'));
    a.do(ack, stnmt, '2021-03-02T02:00:00.000Z');
    expect(a.do(ack, stnmt, '2021-03-03T02:00:00.000Z')).toEqual(refused('invalidState'));
    a.do(submit, stnmt, '2021-03-04T02:00:00.000Z');
    // While the result is under review the agency cannot submit again or report progress.
    expect(a.do(submit, stnmt, '2021-03-05T02:00:00.000Z')).toEqual(refused('invalidState'));
    expect(a.do(progress, stnmt, '2021-03-05T02:00:00.000Z')).toEqual(refused('invalidState'));
    a.do(accept, secretariat, '2021-03-08T02:00:00.000Z');
    // Accepted is final.
    for (const cmd of [progress, submit, cancel, rework, command({ type: 'reassign', toAgency: 'SNV' })]) {
      expect(a.do(cmd, cmd.type === 'reportProgress' || cmd.type === 'submitResult' ? stnmt : secretariat, '2021-03-09T02:00:00.000Z')).toEqual(
        refused('invalidState'),
      );
    }
    expect(a.state.status).toBe('accepted');
  });
});

describe('who may do what', () => {
  const every = [
    ack,
    progress,
    submit,
    accept,
    rework,
    askExtension('2021-07-30'),
    grantExtension(),
    command({ type: 'reassign', toAgency: 'SNV' }),
    cancel,
  ];

  it('refuses another agency acting on this agency’s assignment', () => {
    const a = new Assignment();
    for (const cmd of [ack, progress, submit, askExtension('2021-07-30')]) {
      expect(a.do(cmd, snv, '2021-03-02T02:00:00.000Z')).toEqual(refused('forbidden'));
    }
    expect(a.state.status).toBe('assigned');
    expect(a.events).toHaveLength(1);
  });

  it('refuses an agency the secretariat’s decisions, even on its own assignment', () => {
    const a = new Assignment();
    a.do(submit, stnmt, '2021-03-02T02:00:00.000Z');
    expect(a.do(accept, stnmt, '2021-03-03T02:00:00.000Z')).toEqual(refused('forbidden'));
    expect(a.do(cancel, stnmt, '2021-03-03T02:00:00.000Z')).toEqual(refused('forbidden'));
    expect(a.state.status).toBe('resultSubmitted');
  });

  it('never lets the People’s Committee change anything', () => {
    const a = new Assignment();
    a.do(askExtension('2021-07-30'), stnmt, '2021-03-02T02:00:00.000Z');
    for (const cmd of every) {
      expect(a.do(cmd, committee, '2021-03-03T02:00:00.000Z')).toEqual(refused('forbidden'));
    }
    // Even a committee actor that names the lead agency.
    expect(a.do(ack, { ...committee, agencyCode: 'STNMT' }, '2021-03-03T02:00:00.000Z')).toEqual(refused('forbidden'));
    expect(a.events).toHaveLength(2);
  });

  it('refuses submitting on a cancelled assignment', () => {
    const a = new Assignment();
    a.do(ack, stnmt, '2021-03-02T02:00:00.000Z');
    expect(a.do(cancel, secretariat, '2021-03-10T02:00:00.000Z')).toEqual(ok);
    expect(a.state).toMatchObject({ status: 'cancelled', cancelReason: 'Nhiệm vụ không còn phù hợp' });
    const decision = a.do(submit, stnmt, '2021-03-11T02:00:00.000Z');
    expect(decision).toEqual(refused('invalidState'));
    expect(decision.accepted ? '' : decision.reason).toContain('đã bị hủy');
    expect(a.do(cancel, secretariat, '2021-03-11T02:00:00.000Z')).toEqual(refused('invalidState'));
  });

  it('hands the assignment to another agency on reassignment', () => {
    const a = new Assignment();
    a.do(ack, stnmt, '2021-03-02T02:00:00.000Z');
    expect(a.do(command({ type: 'reassign', toAgency: 'STNMT' }), secretariat, '2021-03-03T02:00:00.000Z')).toEqual(refused('invalidInput'));
    expect(a.do(command({ type: 'reassign', toAgency: 'SNV' }), secretariat, '2021-03-03T02:00:00.000Z')).toEqual(ok);
    // The new lead must acknowledge afresh, and is no longer listed as coordinating.
    expect(a.state).toMatchObject({ agencyCode: 'SNV', status: 'assigned', coordinatingAgencies: ['STC'] });
    expect(a.state.acknowledgedAt).toBeUndefined();
    expect(a.do(ack, stnmt, '2021-03-04T02:00:00.000Z')).toEqual(refused('forbidden'));
    expect(a.do(ack, snv, '2021-03-04T02:00:00.000Z')).toEqual(ok);
  });
});

describe('extensions', () => {
  // "now" is Tue 01/06/2021 09:00 in Vietnam; the deadline in force is Wed 30/06/2021.
  const june1 = '2021-06-01T02:00:00.000Z';

  it('refuses a requested date already past', () => {
    const a = new Assignment();
    const decision = a.do(askExtension('2021-05-31'), stnmt, june1);
    expect(decision).toEqual(refused('invalidInput'));
    expect(decision.accepted ? '' : decision.reason).toContain('31/05/2021');
  });

  it('refuses a requested date not after the deadline in force', () => {
    const a = new Assignment();
    expect(a.do(askExtension('2021-06-30'), stnmt, june1)).toEqual(refused('invalidInput'));
    expect(a.do(askExtension('2021-06-15'), stnmt, june1)).toEqual(refused('invalidInput'));
    expect(a.state.pendingExtension).toBeUndefined();
  });

  it('refuses a second request while one is pending, and a decision when none is', () => {
    const a = new Assignment();
    expect(a.do(grantExtension('2021-07-30'), secretariat, june1)).toEqual(refused('invalidState'));
    expect(a.do(askExtension('2021-07-15'), stnmt, june1)).toEqual(ok);
    expect(a.state.pendingExtension).toMatchObject({ requestedDeadline: '2021-07-15', reason: 'Chờ phần mềm' });
    expect(a.do(askExtension('2021-07-30'), stnmt, june1)).toEqual(refused('invalidState'));
  });

  it('moves a granted date on a day off to the next working day, keeping the original deadline', () => {
    const a = new Assignment();
    a.do(askExtension('2021-08-31'), stnmt, june1);
    // The secretariat grants Thu 02/09/2021 instead: Quốc khánh, with Fri 03/09 its companion
    // day and a weekend after -> Mon 06/09/2021.
    const decision = a.do(grantExtension('2021-09-02'), secretariat, '2021-06-03T02:00:00.000Z');
    expect(decision).toEqual({
      accepted: true,
      events: [
        expect.objectContaining({ type: 'ExtensionDecided', granted: true, deadline: '2021-09-06' }),
        { type: 'DeadlineChanged', from: '2021-06-30', to: '2021-09-06', reason: 'extension' },
      ],
    });
    expect(a.state).toMatchObject({ deadline: '2021-09-06', originalDeadline: '2021-06-30', extensionsGranted: 1 });
    expect(a.state.pendingExtension).toBeUndefined();
  });

  it('grants the requested date when no other is given: Sat 31/07/2021 becomes Mon 02/08', () => {
    const a = new Assignment();
    a.do(askExtension('2021-07-31'), stnmt, june1);
    a.do(grantExtension(), secretariat, june1);
    expect(a.state.deadline).toBe('2021-08-02');
  });

  it('refuses granting a date not after the deadline in force', () => {
    const a = new Assignment();
    a.do(askExtension('2021-07-31'), stnmt, june1);
    expect(a.do(grantExtension('2021-06-30'), secretariat, june1)).toEqual(refused('invalidInput'));
    expect(a.state.deadline).toBe(DEADLINE);
  });

  it('refuses an extension to a date already past even when the deadline has passed too', () => {
    // Mon 05/07/2021: the deadline 30/06 is over; asking for Fri 02/07 is asking for the past.
    const a = new Assignment();
    expect(a.do(askExtension('2021-07-02'), stnmt, '2021-07-05T02:00:00.000Z')).toEqual(refused('invalidInput'));
  });

  it('records a refusal without touching the deadline', () => {
    const a = new Assignment();
    a.do(askExtension('2021-07-30'), stnmt, june1);
    const decision = a.do(command({ type: 'decideExtension', grant: false, comment: 'Không đủ căn cứ' }), secretariat, june1);
    expect(decision).toEqual({ accepted: true, events: [expect.objectContaining({ type: 'ExtensionDecided', granted: false })] });
    expect(a.state).toMatchObject({ deadline: DEADLINE, extensionsGranted: 0 });
    expect(a.state.pendingExtension).toBeUndefined();
  });

  it('refuses, rather than throws, granting a date beyond the years the calendar covers', () => {
    // The calendar covers 2020-2030; a refusal with a reason is what decide promises.
    const a = new Assignment();
    a.do(askExtension('2031-03-14'), stnmt, june1);
    let decision: Decision | undefined;
    expect(() => (decision = a.do(grantExtension(), secretariat, june1))).not.toThrow();
    expect(decision).toEqual(refused('invalidInput'));
    expect(a.state.deadline).toBe(DEADLINE);
  });

  it('drops a pending request when the assignment is cancelled', () => {
    const a = new Assignment();
    a.do(askExtension('2021-07-30'), stnmt, june1);
    a.do(cancel, secretariat, june1);
    expect(a.state.pendingExtension).toBeUndefined();
    expect(a.do(grantExtension(), secretariat, june1)).toEqual(refused('invalidState'));
  });
});

describe('evolve and foldEvents', () => {
  function history(): Assignment {
    const a = new Assignment();
    a.do(ack, stnmt, '2021-03-02T02:00:00.000Z');
    a.do(askExtension('2021-07-30'), stnmt, '2021-06-01T02:00:00.000Z');
    a.do(grantExtension(), secretariat, '2021-06-02T02:00:00.000Z'); // two events: decided + deadline changed
    a.do(progress, stnmt, '2021-06-10T02:00:00.000Z');
    a.do(submit, stnmt, '2021-07-20T02:00:00.000Z');
    a.do(rework, secretariat, '2021-07-21T02:00:00.000Z');
    a.do(submit, stnmt, '2021-07-26T02:00:00.000Z');
    a.do(accept, secretariat, '2021-07-28T02:00:00.000Z');
    return a;
  }

  it('rejects an event whose seq is not the next one', () => {
    const a = new Assignment();
    a.do(ack, stnmt, '2021-03-02T02:00:00.000Z'); // seq 2
    const skip: AssignmentEvent = { ...a.events[1]!, type: 'Acknowledged', seq: 4, id: `${plan.id}#4` };
    expect(() => evolve(a.state, skip)).toThrow(EventOrderError);
    const replay: AssignmentEvent = { ...a.events[1]! }; // seq 2 again
    expect(() => evolve(a.state, replay)).toThrow(EventOrderError);
  });

  it('rejects a history that does not start with AssignmentAssigned, or assigns twice', () => {
    const a = history();
    expect(() => evolve(undefined, a.events[1]!)).toThrow(EventOrderError);
    expect(() => evolve(a.state, { ...a.events[0]!, seq: a.state.seq + 1 })).toThrow(EventOrderError);
    expect(() => foldEvents(a.events.filter((event) => event.seq !== 4))).toThrow(EventOrderError);
  });

  it('rebuilds from the stored events exactly the state built step by step, whatever order they are read in', () => {
    const a = history();
    expect(a.state).toMatchObject({ status: 'accepted', deadline: '2021-07-30', originalDeadline: DEADLINE, returns: 1, seq: 10 });
    expect(foldEvents(a.events)).toEqual(a.state);
    expect(foldEvents([...a.events].reverse())).toEqual(a.state);
    // Every prefix of the history gives the state as it stood then.
    a.events.forEach((_, index) => expect(foldEvents(a.events.slice(0, index + 1))).toEqual(a.states[index]));
    expect(foldEvents([])).toBeUndefined();
  });
});

describe('coordination notes', () => {
  const note = command({ type: 'addCoordinationNote', note: 'Sở Nội vụ đã gửi số liệu biên chế' });

  it('records a coordinating agency’s note in the timeline and changes nothing the lead owes', () => {
    const a = new Assignment();
    a.do(ack, stnmt, '2021-03-02T02:00:00.000Z');
    const before = a.state;
    expect(a.do(note, snv, '2021-03-03T02:00:00.000Z')).toEqual(ok);
    expect(a.events.at(-1)).toMatchObject({ type: 'CoordinationNoteAdded', note: 'Sở Nội vụ đã gửi số liệu biên chế', actor: snv });
    expect(a.state).toEqual({ ...before, seq: before.seq + 1, updatedAt: '2021-03-03T02:00:00.000Z' });
  });

  it('refuses a note from the lead, another agency, the secretariat and the Committee', () => {
    const a = new Assignment();
    const other: Actor = { role: 'agency', agencyCode: 'SXD' };
    for (const actor of [stnmt, other, secretariat, committee]) {
      expect(a.do(note, actor, '2021-03-03T02:00:00.000Z')).toEqual(refused('forbidden'));
    }
    expect(a.events).toHaveLength(1);
  });

  it('refuses a note once the assignment is over', () => {
    const a = new Assignment();
    a.do(cancel, secretariat, '2021-03-02T02:00:00.000Z');
    expect(a.do(note, snv, '2021-03-03T02:00:00.000Z')).toEqual(refused('invalidState'));
  });
});

describe('evidence', () => {
  it('refuses links that are not http(s): javascript:, data:, file:', () => {
    for (const link of ['javascript:alert(1)', 'JavaScript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd']) {
      const parsed = AssignmentCommandSchema.safeParse({ type: 'submitResult', summary: 'Xong', evidenceLinks: [link] });
      expect([link, parsed.success]).toEqual([link, false]);
    }
    expect(AssignmentCommandSchema.safeParse({ type: 'submitResult', summary: 'Xong', evidenceLinks: ['http://stnmt.example/a.pdf'] }).success).toBe(true);
  });

  it('records the uploaded files with the result, and nothing when there are none', () => {
    const file = { id: 'a'.repeat(24), name: 'Báo cáo.pdf', type: 'application/pdf', size: 1200, sha256: 'b'.repeat(64) };
    const a = new Assignment();
    a.do(command({ type: 'submitResult', summary: 'Xong', evidenceFiles: [file] }), stnmt, '2021-03-02T02:00:00.000Z');
    expect(a.events.at(-1)).toMatchObject({ type: 'ResultSubmitted', evidenceFiles: [file] });
    expect(a.state.result?.evidenceFiles).toEqual([file]);
    const b = new Assignment();
    b.do(submit, stnmt, '2021-03-02T02:00:00.000Z');
    expect(b.events.at(-1)).not.toHaveProperty('evidenceFiles');
  });
});
