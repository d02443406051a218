/**
 * CampaignWorkflow: one launch of a directive. Starts one SectionWorkflow per section, keeps the
 * counts of every assignment (they report their changes here too), and cascades a cancellation.
 * It ends when every assignment has ended (accepted or cancelled).
 */
import { allHandlersFinished, condition, continueAsNew, getExternalWorkflowHandle, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Actor } from '../../src/domain/assignment/actor';
import type { AssignmentSummary } from '../../src/domain/assignment/assignmentSummary';
import type { Campaign } from '../../src/domain/campaign/campaign';
import { expandCampaign, sectionWorkflowId, type DirectoryEntry } from '../../src/domain/campaign/expandCampaign';
import { WorkingCalendar, type CalendarSnapshot } from '../../src/domain/calendar/workingCalendar';
import type { LocalDate } from '../../src/domain/time/localDate';
import { resumeBook, EPOCH, type CarriedProgress } from '../progressBook';
import { startChildOnce } from '../startChildOnce';
import { assignmentChangedSignal, assignmentsChangedSignal, cancelSignal, progressQuery, type ProgressView } from '../section/sectionMessages';
import { initialSummaries, sectionWorkflow } from '../section/sectionWorkflow';

export interface CampaignWorkflowInput {
  campaign: Campaign;
  directory: DirectoryEntry[];
  launchDate: LocalDate;
  calendar: CalendarSnapshot;
  carried?: { sectionsStarted: number; progress?: CarriedProgress; summaries?: AssignmentSummary[]; cancel?: { actor: Actor; reason: string } };
}

/** Ends with the final counts (a list of every assignment would pass the 2 MB result limit at 50,000). */
export async function campaignWorkflow(input: CampaignWorkflowInput): Promise<ProgressView> {
  const calendar = new WorkingCalendar(input.calendar);
  const { plans } = expandCampaign(input.campaign, input.directory);
  const firstSummaries = initialSummaries(plans, input.launchDate, calendar);
  const book = resumeBook(firstSummaries, input.carried);
  let sectionsStarted = input.carried?.sectionsStarted ?? 0;
  let cancel = input.carried?.cancel;
  let cancelsSent = false;
  const selfId = workflowInfo().workflowId;

  setHandler(assignmentChangedSignal, (summary) => book.record(summary));
  setHandler(assignmentsChangedSignal, (summaries) => summaries.forEach((summary) => book.record(summary)));
  setHandler(cancelSignal, (request) => {
    cancel ??= request;
  });
  setHandler(progressQuery, () => {
    const view = book.view(Date.now(), 0, Boolean(cancel));
    return { ...view, started: view.planned };
  });

  const sections = input.campaign.sections;
  while (sectionsStarted < sections.length && !cancel) {
    const section = sections[sectionsStarted]!;
    await startChildOnce(sectionWorkflow, {
      workflowId: sectionWorkflowId(input.campaign.key, section.number),
      args: [
        {
          campaign: input.campaign,
          section,
          directory: input.directory,
          launchDate: input.launchDate,
          calendar: input.calendar,
          campaignWorkflowId: selfId,
        },
      ],
    });
    sectionsStarted += 1;
  }

  for (;;) {
    await condition(() => book.allFinished || (Boolean(cancel) && !cancelsSent) || workflowInfo().continueAsNewSuggested);
    if (book.allFinished) break;
    if (cancel && !cancelsSent) {
      cancelsSent = true;
      const request = cancel;
      for (const section of sections.slice(0, sectionsStarted)) {
        await getExternalWorkflowHandle(sectionWorkflowId(input.campaign.key, section.number))
          .signal(cancelSignal, request)
          .catch(() => undefined);
      }
      // Sections never started have no assignments to wait for.
      const startedSections = new Set(sections.slice(0, sectionsStarted).map((section) => section.number));
      for (const summary of book.all) if (!startedSections.has(summary.sectionNumber)) book.record({ ...summary, status: 'cancelled' });
      continue;
    }
    await condition(allHandlersFinished);
    await continueAsNew<typeof campaignWorkflow>({ ...input, carried: { sectionsStarted, progress: book.carry(firstSummaries, EPOCH), cancel } });
  }
  await condition(allHandlersFinished);
  return { ...book.view(Date.now(), 0, Boolean(cancel)), started: plans.length };
}
