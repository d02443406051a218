/** Who makes a change: recorded in every event. */

export const ROLES = ['secretariat', 'agency', 'committee', 'system'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  role: Role;
  /** For the agency role: the one agency the token is bound to. */
  agencyCode?: string;
  /** A readable label: the token's name, or "hệ thống" for the engine itself. */
  name?: string;
}

export const SYSTEM_ACTOR: Actor = { role: 'system', name: 'hệ thống' };
