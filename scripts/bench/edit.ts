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
import { articleFiles, random, round, stats, thousandWordArticle } from './common';

const ROOT = path.resolve(__dirname, '..', '..');
export const DEFAULT_CORPUS = path.resolve(ROOT, '..', 'shared', 'corpora', 'bbc');

/** This thread's processor time in clock ticks (1/100 s), or a negative number where /proc does not tell. */
function threadTicks(): number {
  try {
    const fields = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1]!.split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return -1e9;
  }
}

/** One-letter edits of `article`, analysed cold and incrementally; the results compared after every edit. */
function editRuns(article: { text: string }, samples: number) {
  // the edits: one letter replaced by another, each after the one before; 20 more to warm up
  const texts: string[] = [];
  const next = random(99);
  let text = article.text;
  for (let i = 0; i < samples + 20; i++) {
    let at = Math.floor(next() * text.length);
    while (!/[a-z]/.test(text[at] ?? '')) at = (at + 1) % text.length;
    text = text.slice(0, at) + String.fromCharCode(97 + Math.floor(next() * 26)) + text.slice(at + 1);
    texts.push(text);
  }
  // each way in its own pass (as an editor session would run it), then both again to compare the results
  const cpu: number[] = [];
  const time = (run: (text: string) => void): number[] => {
    const times: number[] = [];
    let ticks = 0;
    texts.forEach((text, i) => {
      if (i === 20) ticks = threadTicks();
      const t0 = performance.now();
      run(text);
      if (i >= 20) times.push(performance.now() - t0);
    });
    cpu.push(((threadTicks() - ticks) * 10) / samples);
    return times;
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
    cold: stats(cold),
    incremental: stats(incremental),
    /** Mean processor time of this thread per edit, ms (Linux; 10 ms ticks over all edits): less sensitive than the
     *  wall-clock times to other jobs on the machine. */
    ...(cpu[0]! >= 0 ? { cpuMsPerEdit: { cold: round(cpu[0]!), incremental: round(cpu[1]!) } } : {}),
    /** Sentences whose stage 1 was scored again, per edit (the rest reused the cache). */
    sentencesRetaggedPerEdit: Math.round((sentencesRetagged / texts.length) * 100) / 100,
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
      words: longest.text.split(/\s+/).filter(Boolean).length,
      ...editRuns(longest, Math.round(samples / 2)),
    },
  };
}

export default benchEdit;

if (require.main === module) {
  const args = process.argv.slice(2);
  const value = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const samples = value('samples');
  benchEdit({ ...(value('corpus') ? { corpus: value('corpus')! } : {}), ...(samples ? { samples: Number(samples) } : {}) }).then(
    (result) => process.stdout.write(JSON.stringify(result, null, 2) + '\n'),
    (error) => {
      process.stderr.write(String(error?.stack ?? error) + '\n');
      process.exit(1);
    },
  );
}
