/**
 * A campaign: one launch of a directive. Sections address agencies (by code or by group tag);
 * each section's tasks become one assignment per addressee agency.
 */
import { z } from 'zod';
import { AgencyCodeSchema, GroupTagSchema } from '../agency/agency';
import { LocalDateSchema } from '../time/localDateSchema';
import { DeadlineRuleSchema } from './deadlineRuleSchema';
import { EscalationPolicySchema, ReminderPolicySchema } from './policies';

export const DirectiveSchema = z.object({
  /** Số ký hiệu, e.g. "1234/SNV-CCHC". */
  number: z.string().trim().min(1).max(100),
  date: LocalDateSchema,
  issuer: z.string().trim().min(1).max(300),
  title: z.string().trim().min(1).max(1000),
});
export type Directive = z.infer<typeof DirectiveSchema>;

export const COMPARATORS = ['lt', 'lte', 'gt', 'gte', 'eq'] as const;

export const KpiTargetSchema = z.object({
  /** What is measured, e.g. "Tỷ lệ hồ sơ trễ hạn trên tổng số hồ sơ tiếp nhận". */
  indicator: z.string().trim().min(1).max(500),
  comparator: z.enum(COMPARATORS),
  threshold: z.number(),
  unit: z.string().trim().max(50).default('%'),
  /** e.g. "năm 2021". */
  period: z.string().trim().max(100).optional(),
});
export type KpiTarget = z.infer<typeof KpiTargetSchema>;

export const TaskSchema = z.object({
  title: z.string().trim().min(1).max(300),
  /** What the task asks, in the secretariat's words. */
  details: z.string().trim().max(5000).optional(),
  /** Agencies that help the lead (the addressee) on this task ("phối hợp"). */
  coordinatingAgencies: z.array(AgencyCodeSchema).default([]),
  kpiTargets: z.array(KpiTargetSchema).default([]),
  /** Documents the task cites, e.g. "Kế hoạch số 3595/KH-UBND". */
  citations: z.array(z.string().trim().min(1).max(300)).default([]),
  /** Overrides the campaign's default deadline. */
  deadline: DeadlineRuleSchema.optional(),
});
export type Task = z.infer<typeof TaskSchema>;

export const AddresseesSchema = z
  .object({
    agencies: z.array(AgencyCodeSchema).default([]),
    groups: z.array(GroupTagSchema).default([]),
  })
  .refine((value) => value.agencies.length + value.groups.length > 0, {
    message: 'Mục phải có ít nhất một cơ quan hoặc một nhóm cơ quan nhận.',
  });

export const SectionSchema = z.object({
  number: z.number().int().min(1).max(99),
  /** The addressee line as the directive writes it, e.g. "Giám đốc Sở Nội vụ". */
  title: z.string().trim().min(1).max(500),
  addressees: AddresseesSchema,
  tasks: z.array(TaskSchema).min(1, 'Mục phải có ít nhất một nhiệm vụ.'),
});
export type Section = z.infer<typeof SectionSchema>;

export const CampaignKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{2,40}$/, 'Mã kế hoạch viết thường, chữ số và dấu gạch ngang, ví dụ cchc-2021.');

export const CampaignSchema = z
  .object({
    key: CampaignKeySchema,
    year: z.number().int().min(2000).max(2100),
    title: z.string().trim().min(1).max(500),
    directive: DirectiveSchema,
    /** The day assignments are given; periods count from the next day. Defaults to the launch day. */
    launchDate: LocalDateSchema.optional(),
    defaultDeadline: DeadlineRuleSchema,
    reminderPolicy: ReminderPolicySchema.default(ReminderPolicySchema.parse({})),
    escalationPolicy: EscalationPolicySchema.default(EscalationPolicySchema.parse({})),
    sections: z.array(SectionSchema).min(1),
  })
  .superRefine((campaign, ctx) => {
    const seen = new Set<number>();
    campaign.sections.forEach((section, index) => {
      if (seen.has(section.number)) {
        ctx.addIssue({ code: 'custom', message: `Số mục ${section.number} bị trùng.`, path: ['sections', index, 'number'] });
      }
      seen.add(section.number);
    });
  });
export type Campaign = z.infer<typeof CampaignSchema>;
export type CampaignInput = z.input<typeof CampaignSchema>;
