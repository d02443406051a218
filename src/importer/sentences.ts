/**
 * Sentences of a paragraph, for the accounting the report shows ("every sentence of the input
 * lands in a task, a section header or the ignored list") and for the first sentence of a task
 * (its draft title). A sentence ends at . ! ? or … followed by a space and a capital letter, a
 * digit or an opening quote; decimals ("0,4"), numbers ("09/2019/NĐ-CP") and "./." do not end one.
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  const boundary = /([.!?…]+)(["”’»)]?)\s+(?=[\p{Lu}\d“"«(])/gu;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[1]!.length + match[2]!.length;
    const sentence = text.slice(start, end).trim();
    if (sentence) sentences.push(sentence);
    start = match.index + match[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}
