/**
 * A campaign definition file (YAML or JSON): the campaign, and optionally the agencies it
 * addresses and the calendar edits of its years, so a file can be previewed on its own.
 */
import { z } from 'zod';
import { AgencySchema } from '../agency/agency';
import { CalendarYearSchema } from '../calendar/calendarYear';
import { CampaignSchema } from './campaign';

export const CampaignFileSchema = z.object({
  campaign: CampaignSchema,
  agencies: z.array(AgencySchema).default([]),
  calendar: z.array(CalendarYearSchema).default([]),
});
export type CampaignFile = z.infer<typeof CampaignFileSchema>;
