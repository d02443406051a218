/**
 * The text of a .docx directive, one line per paragraph, for importDirective. Read with mammoth
 * (the docx reader of the npm ecosystem). Mammoth's own raw-text output drops Word's automatic
 * numbering and bullets, which carry the structure here ("1." sections, "-" tasks), so the
 * document tree is walked instead: an automatically bulleted paragraph gets "- ", a numbered one
 * gets its number, counted per list level and carried across the paragraphs between items (a
 * directive's sections are one list interrupted by their bullets).
 */
import mammoth from 'mammoth';

/** The parts of mammoth's document tree this reader looks at. */
interface DocxElement {
  type: string;
  value?: string;
  children?: DocxElement[];
  numbering?: { isOrdered: boolean; level: string } | null;
  breakType?: string;
}

export interface DocxText {
  text: string;
  /** Mammoth's warnings (unknown styles...), for the report. */
  warnings: string[];
}

function runText(element: DocxElement): string {
  switch (element.type) {
    case 'text':
      return element.value ?? '';
    case 'tab':
      return ' ';
    case 'break':
      return element.breakType === 'line' ? '\n' : '';
    default:
      return (element.children ?? []).map(runText).join('');
  }
}

function documentLines(root: DocxElement): string[] {
  const lines: string[] = [];
  const counters: number[] = [];
  const visit = (element: DocxElement) => {
    if (element.type !== 'paragraph') {
      (element.children ?? []).forEach(visit);
      return;
    }
    let prefix = '';
    if (element.numbering) {
      const level = Number(element.numbering.level) || 0;
      counters.length = level + 1;
      if (element.numbering.isOrdered) {
        counters[level] = (counters[level] ?? 0) + 1;
        prefix = `${counters[level]}. `;
      } else {
        prefix = '- ';
      }
    }
    lines.push(prefix + runText(element));
  };
  visit(root);
  return lines;
}

export async function docxToText(buffer: Buffer): Promise<DocxText> {
  let lines: string[] = [];
  const result = await mammoth.convertToHtml(
    { buffer },
    {
      transformDocument: (document: DocxElement) => {
        lines = documentLines(document);
        return document;
      },
    },
  );
  return { text: lines.join('\n'), warnings: result.messages.map((message) => message.message) };
}
