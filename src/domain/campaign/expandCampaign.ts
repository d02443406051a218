/**
 * Campaign expansion: sections x addressee agencies x tasks -> assignment plans with stable,
 * readable ids (`cchc-2021.s4.t2.STNMT`). A group addressee fans out to every agency in the group.
 * Pure: workflows run it too, so the same definition always gives the same assignments.
 */
import type { DeadlineRule } from './deadlineRule';
import type { Campaign, KpiTarget, Section } from './campaign';

/** What expansion needs of the directory: codes and group tags. */
export interface DirectoryEntry {
  code: string;
  groups: string[];
}

export interface AssignmentPlan {
  id: string;
  campaignKey: string;
  sectionNumber: number;
  taskNumber: number;
  /** The lead agency (cơ quan chủ trì): the addressee answering for this assignment. */
  agencyCode: string;
  coordinatingAgencies: string[];
  title: string;
  details?: string;
  kpiTargets: KpiTarget[];
  citations: string[];
  deadlineRule: DeadlineRule;
}

export function assignmentId(campaignKey: string, sectionNumber: number, taskNumber: number, agencyCode: string) {
  return `${campaignKey}.s${sectionNumber}.t${taskNumber}.${agencyCode}`;
}

export function sectionWorkflowId(campaignKey: string, sectionNumber: number): string {
  return `${campaignKey}.s${sectionNumber}`;
}

export interface ExpansionProblem {
  /** The section at fault; none for a problem of the whole campaign. */
  sectionNumber?: number;
  message: string;
}

/** The agencies a section addresses, in directory order, each once. */
export function addresseesOf(
  section: Section,
  directory: DirectoryEntry[],
): { agencyCodes: string[]; problems: ExpansionProblem[] } {
  const problems: ExpansionProblem[] = [];
  const known = new Set(directory.map((agency) => agency.code));
  for (const code of section.addressees.agencies) {
    if (!known.has(code)) problems.push({ sectionNumber: section.number, message: `Không có cơ quan mã ${code} trong danh bạ.` });
  }
  for (const group of section.addressees.groups) {
    if (!directory.some((agency) => agency.groups.includes(group))) {
      problems.push({ sectionNumber: section.number, message: `Nhóm "${group}" không có cơ quan nào trong danh bạ.` });
    }
  }
  const wanted = new Set(section.addressees.agencies);
  const agencyCodes = directory
    .filter((agency) => wanted.has(agency.code) || agency.groups.some((group) => section.addressees.groups.includes(group)))
    .map((agency) => agency.code);
  return { agencyCodes, problems };
}

export function expandSection(
  campaign: Pick<Campaign, 'key' | 'defaultDeadline'>,
  section: Section,
  directory: DirectoryEntry[],
): { plans: AssignmentPlan[]; problems: ExpansionProblem[] } {
  const { agencyCodes, problems } = addresseesOf(section, directory);
  const known = new Set(directory.map((agency) => agency.code));
  const plans: AssignmentPlan[] = [];
  section.tasks.forEach((task, index) => {
    const taskNumber = index + 1;
    for (const code of task.coordinatingAgencies) {
      if (!known.has(code)) {
        problems.push({ sectionNumber: section.number, message: `Nhiệm vụ ${taskNumber}: không có cơ quan phối hợp mã ${code}.` });
      }
    }
    for (const agencyCode of agencyCodes) {
      plans.push({
        id: assignmentId(campaign.key, section.number, taskNumber, agencyCode),
        campaignKey: campaign.key,
        sectionNumber: section.number,
        taskNumber,
        agencyCode,
        coordinatingAgencies: task.coordinatingAgencies.filter((code) => code !== agencyCode),
        title: task.title,
        details: task.details,
        kpiTargets: task.kpiTargets,
        citations: task.citations,
        deadlineRule: task.deadline ?? campaign.defaultDeadline,
      });
    }
  });
  return { plans, problems };
}

/** Said when a campaign gives no assignment at all, so neither a launch nor a preview does nothing in silence. */
export const NO_ASSIGNMENT_MESSAGE =
  'Kế hoạch không giao được nhiệm vụ nào: không mục nào có cơ quan nhận trong danh bạ. Hãy nạp danh bạ cơ quan hoặc sửa phần cơ quan nhận của các mục.';

export function expandCampaign(
  campaign: Campaign,
  directory: DirectoryEntry[],
): { plans: AssignmentPlan[]; problems: ExpansionProblem[] } {
  const results = campaign.sections.map((section) => expandSection(campaign, section, directory));
  const plans = results.flatMap((r) => r.plans);
  const problems = results.flatMap((r) => r.problems);
  if (plans.length === 0) problems.unshift({ message: NO_ASSIGNMENT_MESSAGE });
  return { plans, problems };
}
