/**
 * The shipped data: the Ho Chi Minh City agency directory of 2021 and the cchc-2021 campaign.
 * Both validate, the campaign expands against the directory with no problem, and its shape is the
 * directive's: 10 sections, section 1 fanning out to every department and district-level unit.
 */
import path from 'node:path';
import { z } from 'zod';
import '../../../src/domain/validation';
import { readDataFile } from '../../../src/cli/readDataFile';
import { AgencySchema } from '../../../src/domain/agency/agency';
import { PersonSchema } from '../../../src/domain/person/person';
import { peopleFromAgencies } from '../../../src/services/people';
import { resolveCalendar } from '../../../src/domain/calendar/resolveCalendar';
import { WorkingCalendar } from '../../../src/domain/calendar/workingCalendar';
import { CampaignFileSchema } from '../../../src/domain/campaign/campaignFile';
import { resolveDeadline } from '../../../src/domain/campaign/deadlineRule';
import { addresseesOf, expandCampaign } from '../../../src/domain/campaign/expandCampaign';

const DEFAULTS = path.join(__dirname, '..', '..', '..', 'defaults');
const directory = readDataFile(path.join(DEFAULTS, 'agencies-hcmc-2021.yaml'), z.array(AgencySchema), 'Danh bạ');
const file = readDataFile(path.join(DEFAULTS, 'campaign-cchc-2021.yaml'), CampaignFileSchema, 'Kế hoạch');
const campaign = file.campaign;
const codesIn = (group: string) => directory.filter((agency) => agency.groups.includes(group)).map((agency) => agency.code);

describe('defaults/agencies-hcmc-2021.yaml', () => {
  it('holds each agency once, with a head and a focal point on a reserved domain', () => {
    const codes = directory.map((agency) => agency.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const agency of directory) {
      expect(agency.contacts.map((contact) => contact.role).sort()).toEqual(['focalPoint', 'head']);
      for (const contact of agency.contacts) expect(contact.email).toMatch(/@[a-z0-9.-]+\.example$/);
    }
  });

  it('has the 2021 city: 25 departments, boards and sectors; Thủ Đức, 16 urban and 5 rural districts', () => {
    expect(codesIn('departments')).toHaveLength(25);
    expect(codesIn('departments')).toEqual(expect.arrayContaining(['SNV', 'STNMT', 'STTTT', 'STP', 'SKHDT', 'STC', 'SNGV', 'VPUB', 'TTTP', 'BDT']));
    expect(codesIn('urban-districts')).toEqual([
      'Q1', 'Q3', 'Q4', 'Q5', 'Q6', 'Q7', 'Q8', 'Q10', 'Q11', 'Q12', 'QBINHTAN', 'QBINHTHANH', 'QGOVAP', 'QPHUNHUAN', 'QTANBINH', 'QTANPHU',
    ]);
    expect(codesIn('rural-districts')).toEqual(['HBINHCHANH', 'HCANGIO', 'HCUCHI', 'HHOCMON', 'HNHABE']);
    expect(codesIn('districts')).toEqual(['TPTD', ...codesIn('urban-districts'), ...codesIn('rural-districts')]);
    // Addressed on their own (sections 9 and 10), in no group.
    for (const code of ['CTHUE', 'BDTP']) expect(directory.find((agency) => agency.code === code)?.groups).toEqual([]);
  });

  it('writes names with their Vietnamese diacritics', () => {
    const name = (code: string) => directory.find((agency) => agency.code === code)?.name;
    expect(name('STNMT')).toBe('Sở Tài nguyên và Môi trường');
    expect(name('TPTD')).toBe('Ủy ban nhân dân thành phố Thủ Đức');
    expect(name('HHOCMON')).toBe('Ủy ban nhân dân huyện Hóc Môn');
    expect(name('SLDTBXH')).toBe('Sở Lao động - Thương binh và Xã hội');
  });
});

describe('defaults/campaign-cchc-2021.yaml', () => {
  it('is the directive: 10 sections with its numbers of tasks', () => {
    expect(campaign.key).toBe('cchc-2021');
    expect(file.agencies).toEqual([]);
    expect(campaign.sections.map((section) => section.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(campaign.sections.map((section) => section.tasks.length)).toEqual([8, 7, 4, 5, 3, 2, 2, 4, 1, 3]);
  });

  it('expands against the directory with no problem', () => {
    const { plans, problems } = expandCampaign(campaign, directory);
    expect(problems).toEqual([]);
    expect(plans).toHaveLength(8 * 47 + 7 + 4 + 5 + 3 + 2 + 2 + 4 + 1 * 2 + 3);
  });

  it('fans section 1 out to every department, board and sector and every district-level unit', () => {
    const { agencyCodes } = addresseesOf(campaign.sections[0]!, directory);
    expect(agencyCodes).toHaveLength(47);
    expect(new Set(agencyCodes)).toEqual(new Set([...codesIn('departments'), ...codesIn('districts')]));
    expect(agencyCodes).not.toContain('CTHUE');
    expect(agencyCodes).not.toContain('BDTP');
  });

  it('addresses section 9 to two agencies with one task, and the others to one agency each', () => {
    expect(campaign.sections.map((section) => addresseesOf(section, directory).agencyCodes.join(','))).toEqual([
      expect.any(String), 'VPUB', 'STTTT', 'STNMT', 'STC', 'SKHDT', 'STP', 'SNV', 'SNGV,CTHUE', 'BDTP',
    ]);
  });

  it('carries the targets, the cited documents and the coordinating agencies', () => {
    const task = (section: number, index: number) => campaign.sections[section - 1]!.tasks[index - 1]!;
    expect(task(4, 2).kpiTargets.map((target) => [target.comparator, target.threshold, target.unit, target.period])).toEqual([
      ['lt', 0.4, '%', 'năm 2021'],
      ['gt', 80, '%', 'năm 2021'],
    ]);
    expect(task(4, 2).kpiTargets[1]!.indicator).toContain('từ 96% trở lên');
    expect(task(6, 1).kpiTargets.map((target) => [target.comparator, target.threshold])).toEqual([['lt', 0.4]]);
    expect(task(1, 2).citations).toEqual(['Kế hoạch số 3595/KH-UBND ngày 29/10/2021']);
    expect(task(2, 5).citations).toEqual(['Nghị định số 09/2019/NĐ-CP ngày 24/01/2019']);
    expect(task(2, 6).citations).toEqual(['Quyết định số 468/QĐ-TTg ngày 27/03/2021']);
    // One document whose name holds a comma, not two.
    expect(task(3, 1).citations).toEqual(['Kế hoạch xây dựng chính quyền điện tử, chính quyền số của Thành phố']);
    expect(task(2, 4).coordinatingAgencies).toEqual(['STC', 'STTTT']);
    expect(task(9, 1).coordinatingAgencies).toEqual(['SNV', 'VPUB']);
    expect(task(10, 2).coordinatingAgencies).toEqual(['STTTT']);
  });

  it('sets "within 2021" tasks to 31/12/2021 and resolves every deadline on the 2021-2022 calendar', () => {
    for (const [section, index] of [[4, 2], [6, 1], [1, 2]] as const) {
      expect(campaign.sections[section - 1]!.tasks[index - 1]!.deadline).toEqual({ kind: 'fixedDate', date: '2021-12-31' });
    }
    const calendar = new WorkingCalendar(resolveCalendar({ fromYear: 2021, toYear: 2022, years: file.calendar, version: 1 }));
    const deadlines = new Set(
      expandCampaign(campaign, directory).plans.map((plan) => resolveDeadline(plan.deadlineRule, campaign.launchDate!, calendar)),
    );
    expect([...deadlines].sort()).toEqual(['2021-12-27', '2021-12-31', '2022-01-14']);
    // The 2021 Tết edit: off from 10/02 to 16/02/2021, back at work on 17/02.
    expect(['2021-02-10', '2021-02-16', '2021-02-17'].map((date) => calendar.isWorkingDay(date))).toEqual([false, false, true]);
  });
});

describe('defaults/people-hcmc-2021.yaml', () => {
  const staff = readDataFile(path.join(DEFAULTS, 'people-hcmc-2021.yaml'), z.array(PersonSchema), 'Người dùng');

  it('holds the secretariat (Sở Nội vụ) and People’s Committee staff, on reserved domains, of agencies in the directory', () => {
    expect(staff.filter((p) => p.role === 'secretariat').map((p) => p.agencyCode)).toEqual(expect.arrayContaining(['SNV']));
    expect(new Set(staff.filter((p) => p.role === 'secretariat').map((p) => p.agencyCode))).toEqual(new Set(['SNV']));
    expect(new Set(staff.filter((p) => p.role === 'committee').map((p) => p.agencyCode))).toEqual(new Set(['VPUB']));
    expect(staff.some((p) => p.role === 'agency')).toBe(false);
    const codes = new Set(directory.map((agency) => agency.code));
    for (const person of staff) {
      expect(codes.has(person.agencyCode)).toBe(true);
      expect(person.email).toMatch(/@[a-z0-9.-]+\.hcm\.example$/);
    }
  });

  it('shares no email with the agencies’ contacts, which become people of the agency role', () => {
    const contacts = peopleFromAgencies(directory);
    expect(contacts.length).toBe(directory.length * 2);
    const emails = [...contacts, ...staff].map((p) => p.email);
    expect(new Set(emails).size).toBe(emails.length);
  });
});
