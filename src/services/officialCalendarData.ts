/**
 * The shipped official decisions (defaults/official-calendars.yaml), read once. Each year's
 * decision is where that year's calendar starts; the secretariat's saved edits replace it.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { CalendarYear } from '../domain/calendar/calendarYear';
import {
  OfficialCalendarsFileSchema,
  officialCalendarYear,
  type OfficialCalendarYear,
} from '../domain/calendar/officialCalendars';
import { PROJECT_ROOT } from '../stack/paths';

export const OFFICIAL_CALENDARS_FILE = path.join(PROJECT_ROOT, 'defaults', 'official-calendars.yaml');

let loaded: OfficialCalendarYear[] | undefined;

/** The official decisions with their sources, as shipped. */
export function officialDecisions(): OfficialCalendarYear[] {
  loaded ??= OfficialCalendarsFileSchema.parse(YAML.parse(fs.readFileSync(OFFICIAL_CALENDARS_FILE, 'utf8'))).years;
  return loaded;
}

/** The official decisions as calendar data, one per year. */
export function officialCalendarYears(): CalendarYear[] {
  return officialDecisions().map(officialCalendarYear);
}

/**
 * Each year's calendar data: the secretariat's saved year where there is one (it starts from the
 * official decision and may correct it), else the shipped decision.
 */
export function withOfficialDecisions(saved: CalendarYear[]): CalendarYear[] {
  const byYear = new Map(officialCalendarYears().map((year) => [year.year, year]));
  for (const year of saved) byYear.set(year.year, year);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}
