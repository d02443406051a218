/**
 * A new installation starts with something to see: on an empty database the agency directory of
 * Ho Chi Minh City (2021) is loaded, and the 2021 directive's campaign is launched once, re-dated
 * to start today (its fixed deadlines moved by whole years so that they lie ahead), so a new user
 * at once finds live assignments in the API, assignment notices in Mailpit, and numbers to read.
 * Several processes starting together launch it once: the campaign key is unique.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import YAML from 'yaml';
import { z } from 'zod';
import { AgencySchema } from '../domain/agency/agency';
import type { Campaign } from '../domain/campaign/campaign';
import { CampaignFileSchema } from '../domain/campaign/campaignFile';
import { dateAt, isLocalDate, yearOf, type LocalDate } from '../domain/time/localDate';
import type { Database } from '../db/database';
import { insertOnce } from '../db/insertOnce';
import { toAgency } from '../db/models/agencyModel';
import { PersonSchema, type Person } from '../domain/person/person';
import { peopleFromAgencies } from './people';
import { PROJECT_ROOT } from '../stack/paths';
import { CampaignConflict, launchCampaign, resumeInterruptedLaunch } from './campaignService';

export const DEFAULTS_DIR = path.join(PROJECT_ROOT, 'defaults');
export const DEFAULT_AGENCIES_FILE = path.join(DEFAULTS_DIR, 'agencies-hcmc-2021.yaml');
export const DEFAULT_CAMPAIGN_FILE = path.join(DEFAULTS_DIR, 'campaign-cchc-2021.yaml');
/** The secretariat's and the People's Committee's staff (agency people come from the agencies' contacts). */
export const DEFAULT_PEOPLE_FILE = path.join(DEFAULTS_DIR, 'people-hcmc-2021.yaml');

function shiftYears(date: LocalDate, years: number): LocalDate {
  const shifted = `${yearOf(date) + years}${date.slice(4)}`;
  // 29 February in a year without one becomes 28 February.
  return isLocalDate(shifted) ? shifted : shifted.replace('-02-29', '-02-28');
}

/** The campaign re-dated to start `today`, every fixed deadline moved by the same whole years. */
export function redateCampaign(campaign: Campaign, today: LocalDate): Campaign {
  const fixedDates = [campaign.defaultDeadline, ...campaign.sections.flatMap((s) => s.tasks.map((t) => t.deadline))]
    .filter((rule) => rule?.kind === 'fixedDate')
    .map((rule) => (rule as { date: LocalDate }).date);
  let years = 0;
  while (fixedDates.some((date) => shiftYears(date, years) <= today)) years += 1;
  const move = <R extends Campaign['defaultDeadline'] | undefined>(rule: R): R =>
    rule?.kind === 'fixedDate' ? ({ ...rule, date: shiftYears(rule.date, years) } as R) : rule;
  return {
    ...campaign,
    launchDate: today,
    defaultDeadline: move(campaign.defaultDeadline),
    sections: campaign.sections.map((section) => ({ ...section, tasks: section.tasks.map((task) => ({ ...task, deadline: move(task.deadline) })) })),
  };
}

export async function loadDefaultsIfEmpty(
  deps: { db: Database; client: Client; taskQueue: string },
  log: (message: string) => void,
): Promise<void> {
  const { db } = deps;
  if ((await db.agencies.estimatedDocumentCount()) === 0 && fs.existsSync(DEFAULT_AGENCIES_FILE)) {
    const agencies = z.array(AgencySchema).parse(YAML.parse(fs.readFileSync(DEFAULT_AGENCIES_FILE, 'utf8')));
    const inserted = await insertOnce(
      db.agencies,
      agencies.map(({ code, ...rest }) => ({ _id: code, ...rest, updatedAt: new Date() })),
    );
    log(`loaded ${inserted} agencies from ${path.relative(PROJECT_ROOT, DEFAULT_AGENCIES_FILE)}`);
  }
  await loadPeopleIfEmpty(db, log);
  const system = { role: 'system', name: 'hệ thống (kế hoạch mặc định)' } as const;
  if ((await db.campaigns.estimatedDocumentCount()) === 0 && fs.existsSync(DEFAULT_CAMPAIGN_FILE)) {
    const file = CampaignFileSchema.parse(YAML.parse(fs.readFileSync(DEFAULT_CAMPAIGN_FILE, 'utf8')));
    const campaign = redateCampaign(file.campaign, dateAt(Date.now()));
    try {
      const launched = await launchCampaign(deps, campaign, system);
      log(`launched the default campaign ${launched.key}: ${launched.plannedAssignments} assignments from ${launched.launchDate}`);
    } catch (error) {
      if (!(error instanceof CampaignConflict)) throw error;
    }
  } else if (fs.existsSync(DEFAULT_CAMPAIGN_FILE)) {
    // A start that died while launching it left the key taken: finish that launch, as it was dated.
    const key = CampaignFileSchema.parse(YAML.parse(fs.readFileSync(DEFAULT_CAMPAIGN_FILE, 'utf8'))).campaign.key;
    if (await resumeInterruptedLaunch(deps, key, system)) log(`finished the interrupted launch of the default campaign ${key}`);
  }
}

/**
 * The people who may sign in, on a directory that has none yet: every contact of every agency in
 * the database (role agency), then the shipped staff of the secretariat and the People's Committee.
 * An installation that had agencies before the portal existed gets its people on the next start.
 */
export async function loadPeopleIfEmpty(
  db: Database,
  log: (message: string) => void,
  /** The staff file; null: the agencies' contacts only (no shipped demo staff). */
  file: string | null = DEFAULT_PEOPLE_FILE,
): Promise<number> {
  if ((await db.people.estimatedDocumentCount()) > 0) return 0;
  const agencies = (await db.agencies.find().lean()).map(toAgency);
  const staff = file && fs.existsSync(file) ? z.array(PersonSchema).parse(YAML.parse(fs.readFileSync(file, 'utf8'))) : [];
  const known = new Set(agencies.map((agency) => agency.code));
  const byEmail = new Map<string, Person>();
  for (const person of [...peopleFromAgencies(agencies), ...staff.filter((p) => known.has(p.agencyCode))]) byEmail.set(person.email, person);
  const now = new Date();
  const inserted = await insertOnce(
    db.people,
    [...byEmail.values()].map(({ email, ...rest }) => ({ _id: email, ...rest, updatedAt: now })),
  );
  if (inserted > 0) log(`loaded ${inserted} people who may sign in to the portal (agency contacts${file ? ` and ${path.relative(PROJECT_ROOT, file)}` : ''})`);
  return inserted;
}
