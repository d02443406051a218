/**
 * Deterministic Message-IDs: the same outbox entry always gets the same header, so a message sent
 * twice (the one window of the delivery guarantee) is recognisably the same message, and every
 * email about one assignment can point at its assignment notice (References: mail clients thread them).
 */

/** Characters allowed as they are in the left part of a Message-ID (RFC 5322 dot-atom), minus `=`. */
const PLAIN = /[A-Za-z0-9!#$%&'*+\-/?^_`{|}~.]/;

/** Injective: anything else (":" and "#" in outbox ids) becomes `=XX` hex, and `=` itself too. */
function encodeLocalPart(id: string): string {
  let out = '';
  for (const char of Buffer.from(id, 'utf8')) {
    const c = String.fromCharCode(char);
    out += char < 128 && PLAIN.test(c) ? c : `=${char.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  // A dot-atom has no leading, trailing or doubled dots.
  return out.replace(/^\./, '=2E').replace(/\.$/, '=2E').replace(/\.\./g, '.=2E');
}

export function messageIdFor(outboxId: string, domain: string): string {
  return `<${encodeLocalPart(outboxId)}@${domain}>`;
}

/** The Message-ID of an assignment's first notice, the root of its thread. */
export function threadRootFor(assignmentId: string, domain: string): string {
  return messageIdFor(`${assignmentId}.assignmentNotice.launch`, domain);
}
