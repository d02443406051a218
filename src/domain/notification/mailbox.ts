/** An email address with an optional display name, as "Tên <dia-chi@mien>" or a bare address. */
export interface Mailbox {
  name?: string;
  address: string;
}

/** Reads `Tên hiển thị <a@b.example>` or `a@b.example`; undefined when it is not an address. */
export function parseMailbox(text: string): Mailbox | undefined {
  const trimmed = text.trim();
  const angled = /^(.*)<([^<>\s]+@[^<>\s]+)>$/.exec(trimmed);
  if (angled) {
    const name = angled[1]!.trim().replace(/^"(.*)"$/, '$1');
    return name ? { name, address: angled[2]! } : { address: angled[2]! };
  }
  return /^[^<>\s@]+@[^<>\s@]+$/.test(trimmed) ? { address: trimmed } : undefined;
}

export function formatMailbox(mailbox: Mailbox): string {
  return mailbox.name ? `${mailbox.name} <${mailbox.address}>` : mailbox.address;
}

/** The domain part of an address, e.g. for Message-IDs. */
export function domainOf(mailbox: Mailbox): string {
  return mailbox.address.slice(mailbox.address.lastIndexOf('@') + 1).toLowerCase();
}
