/** Who makes a change: recorded in every event. */
import { z } from 'zod';

export const ROLES = ['secretariat', 'agency', 'committee', 'system'] as const;
export type Role = (typeof ROLES)[number];

export const ActorSchema = z.object({
  role: z.enum(ROLES),
  /** For the agency role: the one agency the token is bound to. */
  agencyCode: z.string().optional(),
  /** A readable label: the token's name, or "hệ thống" for the engine itself. */
  name: z.string().max(200).optional(),
});
export type Actor = z.infer<typeof ActorSchema>;

export const SYSTEM_ACTOR: Actor = { role: 'system', name: 'hệ thống' };
