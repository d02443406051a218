/**
 * The văn bản đôn đốc as a download, the same from the API and from the portal: rendered in the
 * asked format, never cached (it lists what is overdue today).
 */
import type { Response } from 'express';
import type { FormalLetter } from '../mail/formalLetter';
import { LETTER_CONTENT_TYPES, renderLetter, type LetterFormat } from '../services/overdueLetter';

export async function sendLetterFile(res: Response, letter: FormalLetter, format: LetterFormat, at: number, filename: string): Promise<void> {
  const content = await renderLetter(letter, format, at);
  res
    .status(200)
    .type(LETTER_CONTENT_TYPES[format])
    .setHeader('Content-Disposition', `attachment; filename="${filename}"`)
    .setHeader('Cache-Control', 'no-store')
    .send(content);
}
