// Small helpers the benchmarks share: the default corpus, command-line options, percentiles, rounding, the corpus's
// article files, a seeded random sequence and the one-letter edits made with it, processor time from /proc.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

/** The BBC corpus (2,225 articles), read in place next to the repository. */
export const DEFAULT_CORPUS = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpora', 'bbc');

/** The value after `--name` on the command line (the word after it, whatever it is), or undefined without one. */
export function option(name: string, args: readonly string[] = process.argv.slice(2)): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

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

/** One letter of `text` replaced by a random one: from a random position, the next a-z (wrapping round) becomes a
 *  random a-z (maybe the same). Takes two numbers from `next`, position first. `text` must hold a small letter. */
export function letterEdit(text: string, next: () => number): { text: string; at: number; letter: string } {
  let at = Math.floor(next() * text.length);
  while (!/[a-z]/.test(text[at] ?? '')) at = (at + 1) % text.length;
  const letter = String.fromCharCode(97 + Math.floor(next() * 26));
  return { text: text.slice(0, at) + letter + text.slice(at + 1), at, letter };
}

/** Words in `text`: runs of characters other than white space. */
export const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** Processor time (user + system) in clock ticks (1/100 s) from a /proc stat file (`/proc/PID/stat`,
 *  `/proc/thread-self/stat`), or undefined where there is none (not Linux, process gone). */
export function cpuTicks(statFile: string): number | undefined {
  try {
    // the fields after the command name (which is in brackets and may hold spaces and brackets): utime and stime are
    // the 12th and 13th
    const fields = readFileSync(statFile, 'utf8').replace(/^.*\) /s, '').split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks : undefined;
  } catch {
    return undefined;
  }
}

/** The article nearest 1,000 words among `files` (the edit benchmarks' article). */
export function thousandWordArticle(files: readonly string[]): { file: string; text: string; words: number } {
  let best = { file: files[0]!, text: '', words: 0 };
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const words = wordCount(text);
    if (Math.abs(words - 1000) < Math.abs(best.words - 1000)) best = { file, text, words };
  }
  return best;
}

/** A benchmark run as a script: its result as JSON on stdout, or its error on stderr and exit code 1. */
export function printResult(result: unknown): void {
  const fail = (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  };
  const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  if (result instanceof Promise) result.then(print, fail);
  else print(result);
}
