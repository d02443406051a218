import type { Client } from '@temporalio/client';
import type { Database } from '../db/database';
import type { HealthProbes } from '../health/dependencyHealth';
import type { Logger } from '../logger';
import type { LetterSettings } from '../mail/letterSettings';
import type { TemplateStore } from '../mail/templateStore';
import type { OpenApiRegistry } from './openapi/registry';

/** What the API's routes use: the read side (MongoDB) and the write side (Temporal). */
export interface ApiDeps {
  db: Database;
  client: Client;
  taskQueue: string;
  logger: Logger;
  healthProbes: HealthProbes;
  registry: OpenApiRegistry;
  /** The văn bản đôn đốc: its wording (formalLetter.txt) and who issues and signs it. */
  letters: { db: Database; templates: TemplateStore; settings: LetterSettings };
}
