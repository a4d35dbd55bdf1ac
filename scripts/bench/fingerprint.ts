// The analysis's fingerprint, for changes that must not change what it finds (speed work): a SHA-256 over the JSON
// of analyze() (everything but the text) and summarize() of every article of the corpus (default the BBC) and of
// seeds/, each read as plain text and as Markdown, with AnalysisOptions as the indexer passes them by default. Also
// checks that an analysis through an AnalysisCache (the open-document path) gives the same JSON. Bundle it (as
// `npm run bench` bundles the benchmarks, next to ner-model.bin) from the old code and from the new, run both and
// compare: the same `sha256` means the same results; `--list FILE` writes one hash per article and mode to diff.
//   (bundle this file next to ner-model.bin, then node it) [--corpus DIR] [--seeds DIR] [--list FILE]
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze, AnalysisCache } from '../../server/src/analysis/analyze';
import type { AnalysisOptions } from '../../server/src/analysis/types';
import { summarize } from '../../server/src/workspace/summary';
import { articleFiles, DEFAULT_CORPUS, option, printResult } from './common';

const DEFAULT_SEEDS = path.resolve(__dirname, '..', '..', 'seeds');

export function fingerprint(args: readonly string[] = process.argv.slice(2)) {
  const corpus = option('corpus', args) ?? DEFAULT_CORPUS;
  const seeds = option('seeds', args) ?? DEFAULT_SEEDS;
  const list = option('list', args);
  const files = [
    ...articleFiles(corpus),
    ...readdirSync(seeds)
      .filter((name) => name.endsWith('.txt') || name.endsWith('.md'))
      .sort()
      .map((name) => path.join(seeds, name)),
  ];
  const modes: Array<[string, AnalysisOptions]> = [
    ['txt', { markdown: false, numericDateOrder: 'auto' }],
    ['md', { markdown: true, numericDateOrder: 'auto' }],
  ];
  const total = createHash('sha256');
  const lines: string[] = [];
  const cache = new AnalysisCache();
  let cacheMismatches = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const [mode, options] of modes) {
      const json = (analysis: ReturnType<typeof analyze>) => JSON.stringify({ analysis: { ...analysis, text: '' }, summary: summarize(analysis) });
      const cold = json(analyze(text, options));
      if (json(analyze(text, options, cache)) !== cold) cacheMismatches++;
      const hash = createHash('sha256').update(cold).digest('hex');
      total.update(hash);
      lines.push(`${hash} ${mode} ${path.relative(path.dirname(corpus), file)}`);
    }
  }
  if (list) writeFileSync(list, lines.join('\n') + '\n');
  return { articles: files.length, analyses: lines.length, sha256: total.digest('hex'), cacheMismatches };
}

if (require.main === module) {
  printResult(Promise.resolve().then(() => fingerprint()));
}
