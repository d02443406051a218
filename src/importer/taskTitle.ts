/**
 * A draft title for a task: its first sentence, cut at the first semicolon or colon, shortened
 * at a word boundary to about 110 characters. The secretariat rewrites titles in its own words;
 * the full text stays in the task's details.
 */
import { splitSentences } from './sentences';

const MAX_LENGTH = 110;

export function taskTitle(text: string): string {
  const firstParagraph = text.split('\n')[0] ?? '';
  let title = splitSentences(firstParagraph)[0] ?? firstParagraph;
  const cut = title.search(/;|:(?=\s)/u);
  if (cut >= 15) title = title.slice(0, cut);
  // "Tiếp tục tiếp tục thực hiện": a typing slip the title need not keep.
  title = title.replace(/(?<![\p{L}])(\p{L}+(?: \p{L}+)?) \1(?![\p{L}])/giu, '$1');
  if (title.length > MAX_LENGTH) {
    const space = title.lastIndexOf(' ', MAX_LENGTH - 1);
    title = `${title.slice(0, space > 40 ? space : MAX_LENGTH - 1).replace(/[,;:\s]+$/u, '')}…`;
  }
  title = title.replace(/[.,;:\s]+$/u, '').trim();
  return title.charAt(0).toUpperCase() + title.slice(1);
}
