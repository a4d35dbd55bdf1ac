// Small helpers the benchmarks share: percentiles, rounding, the corpus's article files, a seeded random sequence.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

/** The p-th percentile (nearest rank) of `values`; 0 for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** `value` rounded to `digits` decimals. */
export const round = (value: number, digits = 3): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** p50, p95 and max (rounded), and how many values. */
export function stats(values: readonly number[]): { p50: number; p95: number; max: number; n: number } {
  return { p50: round(percentile(values, 50)), p95: round(percentile(values, 95)), max: round(Math.max(0, ...values)), n: values.length };
}

/** Every .txt file below `dir`, sorted. */
export function articleFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) files.push(...articleFiles(full));
    else if (entry.endsWith('.txt')) files.push(full);
  }
  return files.sort();
}

/** A deterministic pseudo-random sequence in [0, 1). */
export function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** The article nearest 1,000 words among `files` (the edit benchmarks' article). */
export function thousandWordArticle(files: readonly string[]): { file: string; text: string; words: number } {
  let best = { file: files[0]!, text: '', words: 0 };
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const words = text.split(/\s+/).filter(Boolean).length;
    if (Math.abs(words - 1000) < Math.abs(best.words - 1000)) best = { file, text, words };
  }
  return best;
}
