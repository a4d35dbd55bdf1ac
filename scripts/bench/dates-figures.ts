// Benchmark of the dates, datelines, figures and Markdown masking stages: throughput on a 10 MB article (the seeds
// repeated), a 200,000-character single line, hostile inputs ("1,1,1,..." x 100k, 10,000 digits, a line of markup),
// and the mean time per article over the BBC corpus. `benchDatesFigures()` returns plain numbers (for `npm run
// bench`); run this file to print them as JSON. No assertions: speed is measured, not tested.
//   npx tsx scripts/bench/dates-figures.ts [--corpus DIR]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { tokenize } from '../../server/src/analysis/tokenize';
import { splitSentences } from '../../server/src/analysis/sentences';
import { findArticleDate } from '../../server/src/analysis/dateline';
import { findDates } from '../../server/src/analysis/dates';
import { findFigures } from '../../server/src/analysis/figures';
import { maskMarkdown } from '../../server/src/analysis/markdown';
import { DEFAULT_CORPUS, option, printResult } from './common';

export interface StageTimes {
  readonly chars: number;
  readonly tokens: number;
  readonly maskMs: number;
  readonly tokenizeMs: number;
  /** Article date and date mentions. */
  readonly datesMs: number;
  readonly figuresMs: number;
  readonly dates: number;
  readonly figures: number;
}

export interface DatesFiguresBenchResult {
  readonly tenMegabytes: StageTimes;
  readonly tenMegabytesMarkdown: StageTimes;
  readonly longLine: StageTimes;
  readonly commas: StageTimes;
  readonly digits: StageTimes;
  readonly markupLine: StageTimes;
  /** Mean per BBC article (dates + figures, excluding tokenising), when the corpus is there. */
  readonly bbc?: { readonly articles: number; readonly meanMs: number; readonly maxMs: number; readonly dates: number; readonly figures: number };
}

const ms = (t: number) => Math.round(t * 10) / 10;

function stages(text: string, markdown = false): StageTimes {
  const t0 = performance.now();
  const masked = markdown ? maskMarkdown(text) : { text, excluded: [], frontMatterDate: undefined };
  const t1 = performance.now();
  const tokens = tokenize(masked.text);
  const sentences = splitSentences(tokens);
  const t2 = performance.now();
  const articleDate = findArticleDate(masked.text, tokens, sentences, {}, masked.frontMatterDate);
  const dates = findDates(masked.text, tokens, sentences, articleDate, {});
  const t3 = performance.now();
  const figures = findFigures(masked.text, tokens, sentences, dates);
  const t4 = performance.now();
  return {
    chars: text.length, tokens: tokens.length, maskMs: ms(t1 - t0), tokenizeMs: ms(t2 - t1), datesMs: ms(t3 - t2),
    figuresMs: ms(t4 - t3), dates: dates.length, figures: figures.length,
  };
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : name.endsWith('.txt') ? [full] : [];
  });
}

export function benchDatesFigures(options: { corpus?: string } = {}): DatesFiguresBenchResult {
  const root = path.resolve(__dirname, '..', '..');
  const seedsDir = path.join(root, 'seeds');
  const seeds = readdirSync(seedsDir).sort().map((file) => readFileSync(path.join(seedsDir, file), 'utf8')).join('\n\n');
  const parts: string[] = [];
  let length = 0;
  while (length < 10_000_000) {
    parts.push(seeds);
    length += seeds.length + 2;
  }
  const big = parts.join('\n\n');
  const result: DatesFiguresBenchResult = {
    tenMegabytes: stages(big),
    tenMegabytesMarkdown: stages(big, true),
    longLine: stages(seeds.replace(/\s+/g, ' ').repeat(40).slice(0, 200_000)),
    commas: stages(Array.from({ length: 100_000 }, () => '1').join(',')),
    digits: stages('7'.repeat(10_000)),
    markupLine: stages('`[*_<!--]('.repeat(20_000), true),
  };
  const corpus = options.corpus ?? DEFAULT_CORPUS;
  if (!existsSync(corpus)) return result;
  let total = 0;
  let max = 0;
  let dates = 0;
  let figures = 0;
  const articles = files(corpus);
  for (const file of articles) {
    const text = readFileSync(file, 'utf8');
    const tokens = tokenize(text);
    const sentences = splitSentences(tokens);
    const t0 = performance.now();
    const articleDate = findArticleDate(text, tokens, sentences, {});
    const found = findDates(text, tokens, sentences, articleDate, {});
    const figs = findFigures(text, tokens, sentences, found);
    const t = performance.now() - t0;
    total += t;
    max = Math.max(max, t);
    dates += found.length;
    figures += figs.length;
  }
  return { ...result, bbc: { articles: articles.length, meanMs: Math.round((total / articles.length) * 1000) / 1000, maxMs: ms(max), dates, figures } };
}

if (require.main === module) {
  printResult(benchDatesFigures({ corpus: option('corpus') }));
}
