// Seed file names (as the workspace copy has them) by their number prefix.
import * as path from 'node:path';
import { seedPath } from '../helpers/seeds';

export function seedName(prefix: string): string {
  return path.basename(seedPath(prefix));
}
