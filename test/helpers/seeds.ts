// Seed articles by their number prefix ("000" ... "004"), and the path of ../shared when it is there.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SEEDS_DIR = path.join(ROOT, 'seeds');

export function seedPath(prefix: string): string {
  const name = readdirSync(SEEDS_DIR).find((file) => file.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}`);
  return path.join(SEEDS_DIR, name);
}

export function readSeed(prefix: string): string {
  return readFileSync(seedPath(prefix), 'utf8');
}

/** ../shared beside the checkout (corpora, tools), or undefined where it is absent. */
export const SHARED_DIR: string | undefined = [path.resolve(ROOT, '..', 'shared')].find((dir) => existsSync(dir));
