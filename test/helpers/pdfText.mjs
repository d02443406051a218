// Reads a PDF from standard input and prints its text as JSON: { pages: [[line, ...], ...] }, each
// line the text items that share a baseline, left to right. pdf.js (through unpdf) is an ES module,
// which jest's CommonJS runtime cannot import: the tests run this as a child process instead.
import { getDocumentProxy } from 'unpdf';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const pdf = await getDocumentProxy(new Uint8Array(Buffer.concat(chunks)));
const pages = [];
for (let number = 1; number <= pdf.numPages; number++) {
  const page = await pdf.getPage(number);
  const { items } = await page.getTextContent();
  const lines = new Map();
  for (const item of items) {
    if (!('str' in item) || item.str === '') continue;
    const y = Math.round(item.transform[5]);
    const line = lines.get(y) ?? [];
    line.push({ x: item.transform[4], text: item.str });
    lines.set(y, line);
  }
  pages.push(
    [...lines.entries()]
      .sort(([a], [b]) => b - a)
      .map(([, parts]) => parts.sort((a, b) => a.x - b.x).map((part) => part.text).join(' ').replace(/\s+/g, ' ').trim()),
  );
}
process.stdout.write(JSON.stringify({ pages }));
