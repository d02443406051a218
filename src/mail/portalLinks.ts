/** The portal addresses an email links to (templates see them as `portal.*`). */
export interface PortalLinks {
  home: string;
  /** The assignment's page, when the email is about one; null otherwise. */
  assignment: string | null;
}

export function portalLinks(portalUrl: string, assignmentId?: string): PortalLinks {
  return {
    home: `${portalUrl}/`,
    assignment: assignmentId ? `${portalUrl}/nhiem-vu/${encodeURIComponent(assignmentId)}` : null,
  };
}
