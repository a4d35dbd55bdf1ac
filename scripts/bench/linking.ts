// Benchmark of cross-file linking on the BBC corpus (2,225 articles): cold indexing (read + analyse + summarise +
// cluster), clustering alone, incremental re-clustering after an edit, hover and references latency, memory.
// `benchLinking()` returns plain numbers (for `npm run bench`); run this file to print them as JSON.
//   npx tsx scripts/bench/linking.ts [--corpus DIR] [--samples N] [--scale K]
// --scale K indexes K copies of the corpus (names in the copies kept, file names changed) to see memory at size.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyze } from '../../server/src/analysis/analyze';
import type { ArticleAnalysis } from '../../server/src/analysis/types';
import { hover } from '../../server/src/features/hover';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { references } from '../../server/src/features/references';
import { nodeFileSystem } from '../../server/src/workspace/fileSystem';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { WorkspaceIndexer, type Analyzer } from '../../server/src/workspace/indexer';
import type { ArticleSummary } from '../../server/src/workspace/summary';
import { articleFiles, DEFAULT_CORPUS, option, percentile, printResult, random, round } from './common';

export interface LinkingBenchOptions {
  readonly corpus?: string;
  readonly samples?: number;
  readonly scale?: number;
}

export interface LinkingBenchResult {
  readonly articles: number;
  readonly mentions: number;
  readonly names: number;
  readonly clusters: number;
  /** Cold index of the folder: discovery, reading, analysis, summaries and clustering (ms). */
  readonly coldIndexMs: number;
  readonly coldIndexArticlesPerSecond: number;
  /** CPU time of the cold index (user + system): steadier than wall time on a shared machine. */
  readonly coldIndexCpuMs: number;
  /** Of the cold index: time in the analysis library (tokens, dates, figures, entities), and everything else
   *  (reading, summaries, index upkeep, clustering). */
  readonly coldAnalysisMs: number;
  readonly coldIndexingOverheadMs: number;
  /** Clustering every name of the workspace from scratch, summaries given (ms). */
  readonly clusteringMs: number;
  /** Re-clustering after one article's summary changes (ms). */
  readonly editReclusterP50Ms: number;
  readonly editReclusterP95Ms: number;
  readonly hoverP50Ms: number;
  readonly hoverP95Ms: number;
  readonly hoverMaxMs: number;
  readonly referencesP50Ms: number;
  readonly referencesP95Ms: number;
  readonly referencesMaxMs: number;
  /** Heap used by the index after a full GC, and the process's resident memory (MB). */
  readonly indexHeapMB: number;
  readonly rssMB: number;
}

/** The corpus's articles only (its README.md is not one). */
const TXT_ONLY = { ...DEFAULT_SETTINGS, articles: { ...DEFAULT_SETTINGS.articles, include: ['**/*.txt'] } };

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export async function benchLinking(options: LinkingBenchOptions = {}): Promise<LinkingBenchResult> {
  const corpus = options.corpus ?? DEFAULT_CORPUS;
  const samples = options.samples ?? 2000;
  const scale = options.scale ?? 1;
  const files = articleFiles(corpus);

  // 1. cold index from disk
  let indexer: WorkspaceIndexer;
  let analysisMs = 0;
  const analyzer: Analyzer = (text, analysisOptions) => {
    const t = performance.now();
    const analysis = analyze(text, analysisOptions);
    analysisMs += performance.now() - t;
    return analysis;
  };
  // scale K: K copies of the corpus on disk, in a temporary folder removed afterwards
  const root = scale === 1 ? corpus : mkdtempSync(path.join(os.tmpdir(), 'corroborate-bench-'));
  if (scale > 1) {
    for (let copy = 0; copy < scale; copy++) {
      for (const file of files) {
        const target = path.join(root, `copy${copy}`, path.relative(corpus, file));
        mkdirSync(path.dirname(target), { recursive: true });
        copyFileSync(file, target);
      }
    }
  }
  indexer = new WorkspaceIndexer(nodeFileSystem, { analyzer });
  indexer.setFolders([root]);
  indexer.setSettings(TXT_ONLY);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const coldStart = performance.now();
  const cpuStart = process.cpuUsage();
  await indexer.indexAll();
  const coldIndexMs = performance.now() - coldStart;
  const cpu = process.cpuUsage(cpuStart);
  const index = indexer.index;
  gc();
  const indexHeapMB = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
  const rssMB = process.memoryUsage().rss / 1e6;
  const stats = index.stats;
  const uris = index.uris();
  let mentions = 0;
  for (const uri of uris) mentions += index.get(uri)!.entities.length;

  // 2. clustering alone: the same summaries into a fresh index
  const summaries: [string, ArticleSummary][] = uris.map((uri) => [uri, index.get(uri)!]);
  const fresh = new WorkspaceIndex();
  for (const [uri, summary] of summaries) fresh.set(uri, summary);
  const clusterStart = performance.now();
  fresh.flush();
  const clusteringMs = performance.now() - clusterStart;

  // 3. hover and references on sampled mentions, in open-document fashion (the article's analysis is at hand)
  const next = random(42);
  const analyses = new Map<string, ArticleAnalysis>();
  const hoverTimes: number[] = [];
  const referenceTimes: number[] = [];
  const withMentions = uris.filter((uri) => index.get(uri)!.entities.length > 0);
  const displayPath = (uri: string) => uri.slice(uri.lastIndexOf('/') + 1);
  for (let i = 0; i < samples && withMentions.length > 0; i++) {
    const uri = withMentions[Math.floor(next() * withMentions.length)]!;
    const summary = index.get(uri)!;
    const mention = summary.entities[Math.floor(next() * summary.entities.length)]!;
    let analysis = analyses.get(uri);
    if (!analysis) {
      analysis = analyze(readFileSync(decodeURIComponent(new URL(uri).pathname), 'utf8'));
      analyses.set(uri, analysis);
    }
    const offset = mention.start + Math.floor((mention.end - mention.start) / 2);
    let t = performance.now();
    const shown = hover(analysis, offset, { index, uri, displayPath });
    hoverTimes.push(performance.now() - t);
    if (!shown) throw new Error(`no hover at ${uri}:${offset}`);
    t = performance.now();
    const found = references(index, uri, offset);
    referenceTimes.push(performance.now() - t);
    if (found.length === 0) throw new Error(`no references at ${uri}:${offset}`);
  }

  // 4. an edit: one article's summary replaced (a mention dropped), then re-clustered
  const editTimes: number[] = [];
  for (let i = 0; i < 200 && withMentions.length > 0; i++) {
    const uri = withMentions[Math.floor(next() * withMentions.length)]!;
    const summary = index.get(uri)!;
    const edited: ArticleSummary = { ...summary, entities: summary.entities.slice(0, -1), claims: [] };
    const t = performance.now();
    index.set(uri, edited);
    index.flush();
    editTimes.push(performance.now() - t);
    index.set(uri, summary);
    index.flush();
  }

  if (scale > 1) rmSync(root, { recursive: true, force: true });
  return {
    articles: stats.articles,
    mentions,
    names: stats.names,
    clusters: stats.clusters,
    coldIndexMs: round(coldIndexMs),
    coldIndexArticlesPerSecond: round(stats.articles / (coldIndexMs / 1000)),
    coldIndexCpuMs: round((cpu.user + cpu.system) / 1000),
    coldAnalysisMs: round(analysisMs),
    coldIndexingOverheadMs: round(coldIndexMs - analysisMs),
    clusteringMs: round(clusteringMs),
    editReclusterP50Ms: round(percentile(editTimes, 50)),
    editReclusterP95Ms: round(percentile(editTimes, 95)),
    hoverP50Ms: round(percentile(hoverTimes, 50)),
    hoverP95Ms: round(percentile(hoverTimes, 95)),
    hoverMaxMs: round(Math.max(0, ...hoverTimes)),
    referencesP50Ms: round(percentile(referenceTimes, 50)),
    referencesP95Ms: round(percentile(referenceTimes, 95)),
    referencesMaxMs: round(Math.max(0, ...referenceTimes)),
    indexHeapMB: round(indexHeapMB),
    rssMB: round(rssMB),
  };
}

if (require.main === module) {
  const samples = option('samples');
  const scale = option('scale');
  printResult(
    benchLinking({
      corpus: option('corpus'),
      samples: samples ? Number(samples) : undefined,
      scale: scale ? Number(scale) : undefined,
    }).then((numbers) => ({ linking: numbers })),
  );
}

