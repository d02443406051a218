/** The shipped agency directory, for the importer tests (not a test file itself). */
import path from 'node:path';
import { z } from 'zod';
import '../../../src/domain/validation';
import { readDataFile } from '../../../src/cli/readDataFile';
import { AgencySchema, type Agency } from '../../../src/domain/agency/agency';

export const PROJECT_ROOT = path.join(__dirname, '..', '..', '..');

export function shippedDirectory(): Agency[] {
  return readDataFile(path.join(PROJECT_ROOT, 'defaults', 'agencies-hcmc-2021.yaml'), z.array(AgencySchema), 'Danh bạ');
}

export function fixturePath(name: string): string {
  return path.join(PROJECT_ROOT, 'test', 'fixtures', 'directives', name);
}
