/**
 * API tokens: random, shown once at creation, stored only as a SHA-256 hash. The role decides
 * what a token may do; an agency token is bound to one agency.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../db/database';
import type { TokenDoc } from '../db/models/tokenModel';

export const TOKEN_PREFIX = 'dek_';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createApiToken(
  db: Database,
  options: { name: string; role: TokenDoc['role']; agencyCode?: string },
): Promise<{ token: string; id: string }> {
  if (options.role === 'agency') {
    if (!options.agencyCode) throw new Error('An agency token needs --agency CODE.');
    if (!(await db.agencies.exists({ _id: options.agencyCode }))) throw new Error(`No agency ${options.agencyCode} in the directory.`);
  } else if (options.agencyCode) {
    throw new Error('Only agency tokens are bound to an agency.');
  }
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const id = hashToken(token);
  await db.tokens.create({ _id: id, name: options.name, role: options.role, agencyCode: options.agencyCode, createdAt: new Date() });
  return { token, id };
}

export async function findActiveToken(db: Database, token: string): Promise<TokenDoc | undefined> {
  const doc = await db.tokens.findById(hashToken(token)).lean();
  return doc && !doc.revokedAt ? doc : undefined;
}
