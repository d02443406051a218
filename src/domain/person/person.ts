/**
 * A person in the directory: someone who signs in to the portal with a work email. Each has a
 * role (what they may do) and an agency (where they work): an agency's contacts act for it; the
 * staff of the secretariat (Sở Nội vụ) and of the People's Committee act for their office.
 */
import { z } from 'zod';
import { AgencyCodeSchema } from '../agency/agency';

export const PERSON_ROLES = ['secretariat', 'agency', 'committee'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** Emails are compared case-insensitively: stored trimmed and lower-cased. */
export const WorkEmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('Địa chỉ email không hợp lệ.').max(254, 'Địa chỉ email quá dài.'));

export const PersonSchema = z.object({
  email: WorkEmailSchema,
  name: z.string().trim().min(1, 'Cần có họ tên.').max(200),
  title: z.string().trim().max(200).optional(),
  role: z.enum(PERSON_ROLES, 'Vai trò phải là secretariat, agency hoặc committee.'),
  agencyCode: AgencyCodeSchema,
  /** A deactivated person cannot sign in; their history keeps their name. */
  active: z.boolean().default(true),
});
export type Person = z.infer<typeof PersonSchema>;
