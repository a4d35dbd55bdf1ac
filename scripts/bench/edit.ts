// Benchmark of re-analysis after a one-character edit (issue 6), in process: the BBC article nearest 1,000 words, one
// letter replaced at a time, then analyze + summarize, cold (no cache) and incremental (an AnalysisCache, as the
// server keeps one per thread). The two results are compared after every edit (they must be equal); times are
// wall-clock and, as a check on a busy machine, the process's processor time.
//   npx tsx scripts/bench/edit.ts [--corpus DIR] [--samples N]
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { analyze, AnalysisCache } from '../../server/src/analysis/analyze';
import { summarize } from '../../server/src/workspace/summary';
import { articleFiles, cpuTicks, DEFAULT_CORPUS, letterEdit, option, printResult, random, round, stats, thousandWordArticle, wordCount } from './common';

/** This thread's processor time in clock ticks (1/100 s), or undefined where /proc does not tell. */
const threadTicks = (): number | undefined => cpuTicks('/proc/thread-self/stat');

/** One-letter edits of `article`, analysed cold and incrementally; the results compared after every edit. */
function editRuns(article: { text: string }, samples: number) {
  // the edits: one letter replaced by another, each after the one before; 20 more to warm up
  const texts: string[] = [];
  const next = random(99);
  let text = article.text;
  for (let i = 0; i < samples + 20; i++) {
    text = letterEdit(text, next).text;
    texts.push(text);
  }
  // each way in its own pass (as an editor session would run it), then both again to compare the results
  /** The wall-clock time of each edit after the 20 to warm up, and this thread's mean processor time per edit over
   *  them (ms), undefined where /proc does not tell. */
  const time = (run: (text: string) => void): { times: number[]; cpuMs: number | undefined } => {
    const times: number[] = [];
    let start: number | undefined;
    texts.forEach((text, i) => {
      if (i === 20) start = threadTicks();
      const t0 = performance.now();
      run(text);
      if (i >= 20) times.push(performance.now() - t0);
    });
    const end = threadTicks();
    return { times, cpuMs: start === undefined || end === undefined ? undefined : ((end - start) * 10) / samples };
  };
  const cold = time((text) => summarize(analyze(text)));
  let cache = new AnalysisCache();
  summarize(analyze(article.text, {}, cache));
  let sentencesRetagged = 0;
  const incremental = time((text) => {
    summarize(analyze(text, {}, cache));
    sentencesRetagged += cache.entities.last.stage1;
  });
  const held = { sentences: cache.entities.size, tokens: cache.entities.tokens };
  cache = new AnalysisCache();
  analyze(article.text, {}, cache);
  let mismatches = 0;
  for (const text of texts) if (!isDeepStrictEqual(analyze(text, {}, cache), analyze(text))) mismatches++;
  return {
    edits: samples,
    /** Edits whose incremental analysis differed from a cold one (must be 0). */
    mismatches,
    /** analyze + summarize, ms. */
    cold: stats(cold.times),
    incremental: stats(incremental.times),
    /** Mean processor time of this thread per edit, ms (Linux; 10 ms ticks over all edits): less sensitive than the
     *  wall-clock times to other jobs on the machine. */
    ...(cold.cpuMs !== undefined && incremental.cpuMs !== undefined
      ? { cpuMsPerEdit: { cold: round(cold.cpuMs), incremental: round(incremental.cpuMs) } }
      : {}),
    /** Sentences whose stage 1 was scored again, per edit (the rest reused the cache). */
    sentencesRetaggedPerEdit: round(sentencesRetagged / texts.length, 2),
    cacheHeld: held,
  };
}

export async function benchEdit(options: { corpus?: string; samples?: number } = {}) {
  const corpus = options.corpus ?? DEFAULT_CORPUS;
  const samples = options.samples ?? 500;
  const files = articleFiles(corpus);
  const article = thousandWordArticle(files);
  // and the corpus's longest article: the work of an edit should not grow with the article
  let longest = { file: files[0]!, text: '' };
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    if (text.length > longest.text.length) longest = { file, text };
  }
  return {
    article: path.relative(corpus, article.file),
    words: article.words,
    ...editRuns(article, samples),
    longest: {
      article: path.relative(corpus, longest.file),
      words: wordCount(longest.text),
      ...editRuns(longest, Math.round(samples / 2)),
    },
  };
}

if (require.main === module) {
  const corpus = option('corpus');
  const samples = option('samples');
  printResult(benchEdit({ ...(corpus ? { corpus } : {}), ...(samples ? { samples: Number(samples) } : {}) }));
}
