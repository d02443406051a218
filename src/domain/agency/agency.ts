/**
 * An agency (cơ quan, đơn vị) in the directory: who receives assignments and whom emails go to.
 */
import { z } from 'zod';

export const AgencyCodeSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{1,19}$/, 'Mã cơ quan gồm 2-20 chữ in hoa, chữ số hoặc dấu gạch dưới, bắt đầu bằng chữ cái.');
export type AgencyCode = z.infer<typeof AgencyCodeSchema>;

export const AGENCY_KINDS = ['department', 'board', 'sector', 'city', 'district', 'office', 'centralUnit', 'other'] as const;
export const AgencyKindSchema = z.enum(AGENCY_KINDS);

/** A group tag, e.g. "departments" or "districts": what a section addressed to a group fans out to. */
export const GroupTagSchema = z.string().regex(/^[a-z][a-z0-9-]{1,49}$/, 'Nhóm viết thường, chữ số và dấu gạch ngang.');

export const CONTACT_ROLES = ['head', 'focalPoint'] as const;
export const ContactSchema = z.object({
  /** head: thủ trưởng (receives overdue notices); focalPoint: đầu mối (receives reminders). */
  role: z.enum(CONTACT_ROLES),
  name: z.string().trim().min(1).max(200),
  title: z.string().trim().max(200).optional(),
  email: z.email('Địa chỉ email không hợp lệ.'),
});
export type Contact = z.infer<typeof ContactSchema>;

export const AgencySchema = z.object({
  code: AgencyCodeSchema,
  name: z.string().trim().min(1).max(300),
  shortName: z.string().trim().max(100).optional(),
  kind: AgencyKindSchema,
  parent: AgencyCodeSchema.optional(),
  groups: z.array(GroupTagSchema).default([]),
  contacts: z.array(ContactSchema).default([]),
});
export type Agency = z.infer<typeof AgencySchema>;
