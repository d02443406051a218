/**
 * An agency (cơ quan, đơn vị) in the directory: who receives assignments and whom emails go to.
 */
import { z } from 'zod';
import { LocalDateSchema } from '../time/localDateSchema';

export const AgencyCodeSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{1,19}$/, 'Mã cơ quan gồm 2-20 chữ in hoa, chữ số hoặc dấu gạch dưới, bắt đầu bằng chữ cái.');
export type AgencyCode = z.infer<typeof AgencyCodeSchema>;

/** ward, commune, specialZone: the commune-level units (phường, xã, đặc khu) of the two-tier city since 01/07/2025. */
export const AGENCY_KINDS = [
  'department', 'board', 'sector', 'city', 'district', 'office', 'centralUnit', 'ward', 'commune', 'specialZone', 'other',
] as const;
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

/** Mã đơn vị hành chính (the national statistics list, e.g. "26740"): 2 to 5 digits by level. */
export const AdministrativeUnitCodeSchema = z.string().regex(/^\d{2,5}$/, 'Mã đơn vị hành chính gồm 2-5 chữ số.');

/**
 * A unit an agency was formed from or took over: the successor facts a directory by date needs.
 * `code` names an agency of an earlier shipped directory; `district` the earlier district it lay in;
 * `area` says where it lay when that district is in no shipped directory.
 */
export const FormerUnitSchema = z.object({
  name: z.string().trim().min(1).max(300),
  code: AgencyCodeSchema.optional(),
  district: AgencyCodeSchema.optional(),
  area: z.string().trim().min(1).max(200).optional(),
  unitCode: AdministrativeUnitCodeSchema.optional(),
  /** The day its work passed to this agency, when that is earlier than the agency's effectiveFrom. */
  mergedOn: LocalDateSchema.optional(),
});
export type FormerUnit = z.infer<typeof FormerUnitSchema>;

export const AgencySchema = z.object({
  code: AgencyCodeSchema,
  name: z.string().trim().min(1).max(300),
  shortName: z.string().trim().max(100).optional(),
  kind: AgencyKindSchema,
  parent: AgencyCodeSchema.optional(),
  groups: z.array(GroupTagSchema).default([]),
  contacts: z.array(ContactSchema).default([]),
  /** The official administrative unit code, for a phường, xã or đặc khu. */
  unitCode: AdministrativeUnitCodeSchema.optional(),
  /** The day the agency exists in this form (e.g. the 2025 reorganisation), where known. */
  effectiveFrom: LocalDateSchema.optional(),
  formerUnits: z.array(FormerUnitSchema).optional(),
});
export type Agency = z.infer<typeof AgencySchema>;
