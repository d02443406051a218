/**
 * Who issues and signs the văn bản đôn đốc, from the environment: the letterhead (parent body and
 * issuing body, with "|" where the name breaks onto its second line), the code after the number
 * ("Số: …/BCĐCCHC"), the place name of the date line, the issuing body as a sentence names it, and
 * the signature block (authority, title, name). The defaults are the Ho Chi Minh City steering
 * committee's. The signer's name has no default: a made-up name must never reach a real letter, so
 * until LETTER_SIGNER_NAME is set the name line stays empty, to be typed or written in before signing.
 */
import { z } from 'zod';

export interface LetterSettings {
  /** Tên cơ quan chủ quản, e.g. "ỦY BAN NHÂN DÂN|THÀNH PHỐ HỒ CHÍ MINH" ("|" breaks the line). */
  parentBody: string;
  /** Tên cơ quan ban hành, e.g. "BAN CHỈ ĐẠO|CẢI CÁCH HÀNH CHÍNH". */
  issuingBody: string;
  /** The issuing body as a sentence names it: "Ban Chỉ đạo Cải cách hành chính Thành phố". */
  issuerName: string;
  /** The ký hiệu after the number: "BCĐCCHC" gives "Số:      /BCĐCCHC" (the number is given on registration). */
  numberCode: string;
  /** Địa danh of the date line: "Thành phố Hồ Chí Minh". */
  place: string;
  /** Quyền hạn ký: "TM. BAN CHỈ ĐẠO", "KT. TRƯỞNG BAN"... */
  signingAuthority: string;
  /** Chức vụ của người ký: "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN". */
  signerTitle: string;
  /** Họ và tên của người ký; empty until LETTER_SIGNER_NAME is set (the line is left blank). */
  signerName: string;
}

/** Unset or empty (docker compose passes `${VAR:-}`): the default. */
const orDefault = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema);
const text = (fallback: string, max = 200) => orDefault(z.string().trim().min(1).max(max).default(fallback));

const LetterEnvSchema = z.object({
  LETTER_PARENT_BODY: text('ỦY BAN NHÂN DÂN|THÀNH PHỐ HỒ CHÍ MINH'),
  LETTER_ISSUING_BODY: text('BAN CHỈ ĐẠO|CẢI CÁCH HÀNH CHÍNH'),
  LETTER_ISSUER_NAME: text('Ban Chỉ đạo Cải cách hành chính Thành phố'),
  LETTER_NUMBER_CODE: orDefault(
    z
      .string()
      .trim()
      .regex(/^[\p{Lu}\d&-]{1,30}$/u, 'chữ in hoa, chữ số, & hoặc -, ví dụ BCĐCCHC')
      .default('BCĐCCHC'),
  ),
  LETTER_PLACE: text('Thành phố Hồ Chí Minh', 60),
  LETTER_SIGNING_AUTHORITY: text('TM. BAN CHỈ ĐẠO', 80),
  LETTER_SIGNER_TITLE: text('TRƯỞNG BAN', 80),
  LETTER_SIGNER_NAME: orDefault(z.string().trim().max(80).default('')),
});

export function loadLetterSettings(env: NodeJS.ProcessEnv = process.env): LetterSettings {
  const parsed = LetterEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`Invalid letter environment:\n${problems}`);
  }
  const e = parsed.data;
  return {
    parentBody: e.LETTER_PARENT_BODY,
    issuingBody: e.LETTER_ISSUING_BODY,
    issuerName: e.LETTER_ISSUER_NAME,
    numberCode: e.LETTER_NUMBER_CODE,
    place: e.LETTER_PLACE,
    signingAuthority: e.LETTER_SIGNING_AUTHORITY,
    signerTitle: e.LETTER_SIGNER_TITLE,
    signerName: e.LETTER_SIGNER_NAME,
  };
}
