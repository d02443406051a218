/**
 * What the delivery side reads from the environment (the engine's other settings stay in
 * src/config.ts). Addresses default to reserved `.example` domains, so an unconfigured engine
 * never writes to a real mailbox.
 */
import { z } from 'zod';
import { parseMailbox, type Mailbox } from '../domain/notification/mailbox';
import type { DigestSchedule } from '../domain/notification/digestSchedule';
import { DEFAULT_TEMPLATES_DIR } from '../mail/templateStore';
import { loadLetterSettings, type LetterSettings } from '../mail/letterSettings';

/** Whom a reader calls or writes to about an email: every email ends with it. */
export interface SecretariatContact {
  name: string;
  /** Absent until configured: no made-up number is ever printed. */
  phone?: string;
  email: string;
}

/**
 * How the secretariat hears that an agency handed something in: at once (one email each), in the
 * daily "chờ xử lý" list, or not by email (the portal's queue still shows it).
 */
export type NoticeRhythm = 'immediate' | 'daily' | 'off';

export interface SecretariatNotices {
  resultSubmitted: NoticeRhythm;
  extensionRequested: NoticeRhythm;
  /** "HH:mm", Vietnam time, Monday to Friday: when the daily list goes out (when anything is daily). */
  dailyTime: string;
}

export interface MailSettings {
  secretariat: Mailbox;
  contact: SecretariatContact;
  committee: Mailbox;
  /** Every email of every campaign goes here instead (staging); the per-campaign switch is in the database. */
  testMailbox?: Mailbox;
  templatesDir: string;
  /** Who issues and signs the văn bản đôn đốc (LETTER_* variables). */
  letter: LetterSettings;
  digest: DigestSchedule | null;
  secretariatNotices: SecretariatNotices;
  /** The daily "chờ xử lý" email is queued by the dispatcher (PENDING_DIGEST, default on). */
  pendingDigest: boolean;
  pollIntervalMs: number;
  leaseMs: number;
  backoff: { baseMs: number; maxMs: number };
}

const mailbox = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value, ctx) => {
      const parsed = parseMailbox(value);
      if (!parsed) {
        ctx.addIssue({ code: 'custom', message: `not an email address: ${value}` });
        return z.NEVER;
      }
      return parsed;
    });

const RHYTHMS = ['immediate', 'daily', 'off'] as const;
const NoticeEnvSchema = z.object({
  NOTIFY_RESULT_SUBMITTED: z.enum(RHYTHMS).default('daily'),
  NOTIFY_EXTENSION_REQUESTED: z.enum(RHYTHMS).default('immediate'),
  PENDING_DIGEST_TIME: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).default('16:00'),
});

/** The secretariat's notice rhythm alone: the activity that queues emails reads only this. */
export function loadSecretariatNotices(env: NodeJS.ProcessEnv = process.env): SecretariatNotices {
  const parsed = NoticeEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`Invalid mail environment:\n${problems}`);
  }
  return { resultSubmitted: parsed.data.NOTIFY_RESULT_SUBMITTED, extensionRequested: parsed.data.NOTIFY_EXTENSION_REQUESTED, dailyTime: parsed.data.PENDING_DIGEST_TIME };
}

const MailEnvSchema = z.object({
  SECRETARIAT_EMAIL: mailbox('Thường trực Ban Chỉ đạo CCHC (Sở Nội vụ) <thuongtruc-cchc@sonoivu.example>'),
  COMMITTEE_EMAIL: mailbox('Văn phòng UBND Thành phố <vanphong@ubnd.example>'),
  SECRETARIAT_CONTACT_NAME: z.string().trim().max(200).optional(),
  SECRETARIAT_CONTACT_PHONE: z
    .string()
    .trim()
    .regex(/^[0-9+().\s-]{6,30}$/, 'a telephone number (digits, spaces, + - . ( ))')
    .optional()
    .or(z.literal('')),
  SECRETARIAT_CONTACT_EMAIL: z.string().trim().email().optional().or(z.literal('')),
  MAIL_TEST_MAILBOX: z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return undefined;
      const parsed = parseMailbox(value);
      if (!parsed) ctx.addIssue({ code: 'custom', message: `not an email address: ${value}` });
      return parsed;
    }),
  MAIL_TEMPLATES_DIR: z.string().default(DEFAULT_TEMPLATES_DIR),
  WEEKLY_DIGEST: z.enum(['true', 'false', '1', '0']).default('true'),
  PENDING_DIGEST: z.enum(['true', 'false', '1', '0']).default('true'),
  DIGEST_WEEKDAY: z.coerce.number().int().min(1).max(7).default(1),
  DIGEST_TIME: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).default('08:00'),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(2_000),
  OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  OUTBOX_RETRY_BASE_SECONDS: z.coerce.number().min(0.05).max(3_600).default(30),
  OUTBOX_RETRY_MAX_SECONDS: z.coerce.number().min(0.1).max(86_400).default(3_600),
});

export function loadMailSettings(env: NodeJS.ProcessEnv = process.env): MailSettings {
  const parsed = MailEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`Invalid mail environment:\n${problems}`);
  }
  const e = parsed.data;
  const digestOn = e.WEEKLY_DIGEST === 'true' || e.WEEKLY_DIGEST === '1';
  return {
    secretariat: e.SECRETARIAT_EMAIL,
    // The contact defaults to the secretariat's own mailbox and name.
    contact: {
      name: e.SECRETARIAT_CONTACT_NAME || e.SECRETARIAT_EMAIL.name || 'Thường trực Ban Chỉ đạo CCHC (Sở Nội vụ)',
      ...(e.SECRETARIAT_CONTACT_PHONE ? { phone: e.SECRETARIAT_CONTACT_PHONE } : {}),
      email: e.SECRETARIAT_CONTACT_EMAIL || e.SECRETARIAT_EMAIL.address,
    },
    committee: e.COMMITTEE_EMAIL,
    testMailbox: e.MAIL_TEST_MAILBOX,
    templatesDir: e.MAIL_TEMPLATES_DIR,
    letter: loadLetterSettings(env),
    digest: digestOn ? { weekday: e.DIGEST_WEEKDAY, time: e.DIGEST_TIME } : null,
    secretariatNotices: loadSecretariatNotices(env),
    pendingDigest: e.PENDING_DIGEST === 'true' || e.PENDING_DIGEST === '1',
    pollIntervalMs: e.OUTBOX_POLL_MS,
    leaseMs: e.OUTBOX_LEASE_SECONDS * 1000,
    backoff: { baseMs: e.OUTBOX_RETRY_BASE_SECONDS * 1000, maxMs: e.OUTBOX_RETRY_MAX_SECONDS * 1000 },
  };
}
