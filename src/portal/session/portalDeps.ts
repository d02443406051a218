/** What the portal's pipeline and pages use: the API's dependencies, the portal settings and a clock. */
import type { Client } from '@temporalio/client';
import type { PortalSettings } from '../../config';
import type { Database } from '../../db/database';
import type { PortalSessionDoc } from '../../db/models/portalSessionModel';
import type { HealthProbes } from '../../health/dependencyHealth';
import type { Logger } from '../../logger';
import type { ApiDeps } from '../../api/apiDeps';

export interface PortalDeps {
  db: Database;
  client: Client;
  taskQueue: string;
  logger: Logger;
  healthProbes: HealthProbes;
  portal: PortalSettings;
  /** The clock of sessions and sign-in codes (tests move it instead of waiting). */
  now: () => number;
  letters: ApiDeps['letters'];
}

declare module 'express-serve-static-core' {
  interface Request {
    /** The portal session of the request (a visitor's or a signed-in person's), when it has one. */
    portalSession?: PortalSessionDoc;
  }
}
