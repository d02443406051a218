/**
 * `npm run simulate`'s engine on the shipped example: the preview a secretariat would read.
 */
import path from 'node:path';
import '../../src/domain/validation';
import { readDataFile } from '../../src/cli/readDataFile';
import { CampaignFileSchema } from '../../src/domain/campaign/campaignFile';
import { ScriptedActionsSchema } from '../../src/domain/campaign/scriptedAction';
import { simulateCampaign, virtualDate, type SimulationResult } from '../../src/simulation/simulateCampaign';

const examples = path.join(__dirname, '../../examples');

describe('simulating a campaign before launch', () => {
  let result: SimulationResult;
  beforeAll(async () => {
    result = await simulateCampaign({
      file: readDataFile(path.join(examples, 'small-campaign.yaml'), CampaignFileSchema, 'Kế hoạch'),
      actions: readDataFile(path.join(examples, 'small-campaign.actions.yaml'), ScriptedActionsSchema, 'Kịch bản'),
      until: '2022-03-20',
    });
  });

  const datesOf = (assignmentId: string, type: string) =>
    result.events.filter((e) => e.assignmentId === assignmentId && e.type === type).map(virtualDate);

  it('gives every assignment of the campaign, on the launch day', () => {
    expect(datesOf('thu-nghiem-2021.s1.t1.STNMT', 'AssignmentAssigned')).toEqual(['2021-12-01']);
    expect(datesOf('thu-nghiem-2021.s2.t1.Q1', 'AssignmentAssigned')).toEqual(['2021-12-01']);
    expect(datesOf('thu-nghiem-2021.s2.t1.Q3', 'AssignmentAssigned')).toEqual(['2021-12-01']);
  });

  it('reminds and escalates the district that does nothing, on working days only', () => {
    // 15 working days after Wed 1/12/2021 is Wed 22/12.
    expect(datesOf('thu-nghiem-2021.s2.t1.Q3', 'ReminderSent')).toEqual(['2021-12-13', '2021-12-17', '2021-12-21', '2021-12-22']);
    const escalations = datesOf('thu-nghiem-2021.s2.t1.Q3', 'Escalated');
    // Head Thu 23/12, secretariat Tue 28/12, committee Fri 7/1 (3/1 and 1/1 are Tết Dương lịch
    // and its compensating day), then weekly; Fri 4/2 falls in Tết, so that week's goes on Mon 7/2.
    expect(escalations.slice(0, 7)).toEqual(['2021-12-23', '2021-12-28', '2022-01-07', '2022-01-14', '2022-01-21', '2022-01-28', '2022-02-07']);
  });

  it('stops reminding the district that finished, and re-times the department granted an extension', () => {
    expect(datesOf('thu-nghiem-2021.s2.t1.Q1', 'ReminderSent')).toEqual(['2021-12-13']);
    expect(datesOf('thu-nghiem-2021.s2.t1.Q1', 'Escalated')).toEqual([]);
    expect(datesOf('thu-nghiem-2021.s1.t1.STNMT', 'ReminderSent')).toEqual(['2022-02-17', '2022-02-23', '2022-02-25', '2022-02-28']);
    expect(datesOf('thu-nghiem-2021.s1.t1.STNMT', 'Escalated')[0]).toBe('2022-03-01');
  });

  it('reports a scripted action that was refused, with its reason', () => {
    const refused = result.actions.filter((outcome) => !outcome.accepted);
    expect(refused).toHaveLength(1);
    expect(refused[0]?.reason).toContain('cơ quan Q3 không được thao tác');
  });
});
