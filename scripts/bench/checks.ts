// Benchmark of the consistency checks on the BBC corpus (2,225 articles): the cold index with every article's
// diagnostics (the bar: within the linking issue's indexing budget, 10 s for everything), a warm pass over the whole
// workspace (what a workspace diagnostics pull costs), and re-checking after an edit of one article (re-analysis,
// summary, index update, clustering, and the findings of that article and of every article sharing a claim with it;
// the bar: 50 ms). `benchChecks()` returns plain numbers for `npm run bench`; run this file to print them as JSON.
//   npx tsx scripts/bench/checks.ts [--corpus DIR] [--samples N]
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyze } from '../../server/src/analysis/analyze';
import { CheckRunner, DEFAULT_CHECK_SETTINGS } from '../../server/src/checks/index';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { nodeFileSystem } from '../../server/src/workspace/fileSystem';
import { pathOfUri, WorkspaceIndexer } from '../../server/src/workspace/indexer';
import { summarize } from '../../server/src/workspace/summary';
import { DEFAULT_CORPUS, option, percentile, printResult, round } from './common';
import { readFileSync } from 'node:fs';

export interface ChecksBenchResult {
  readonly articles: number;
  readonly findings: number;
  /** Cold: read, analyse, summarise, cluster every article, then compute every article's findings (ms). */
  readonly coldIndexMs: number;
  readonly coldChecksMs: number;
  readonly coldTotalMs: number;
  /** Every article's findings again, nothing changed (a workspace pull, warm) (ms). */
  readonly warmAllFindingsMs: number;
  /** After a one-word edit of one article: analysis + summary + index update (ms, p50/p95). */
  readonly editAnalysisP50Ms: number;
  readonly editAnalysisP95Ms: number;
  /** Then the findings of the edited article and of every article sharing a claim key with it (ms, p50/p95). */
  readonly editChecksP50Ms: number;
  readonly editChecksP95Ms: number;
  /** Both: edit to fresh diagnostics (ms, p50/p95/max), and how many articles were re-checked per edit (mean). */
  readonly editTotalP50Ms: number;
  readonly editTotalP95Ms: number;
  readonly editTotalMaxMs: number;
  readonly editAffectedArticlesMean: number;
  readonly samples: number;
}

const round2 = (value: number) => round(value, 2);

export async function benchChecks(options: { corpus?: string; samples?: number } = {}): Promise<ChecksBenchResult> {
  const corpus = options.corpus ?? DEFAULT_CORPUS;
  const samples = options.samples ?? 100;
  const indexer = new WorkspaceIndexer(nodeFileSystem);
  indexer.setFolders([corpus]);
  indexer.setSettings({ ...DEFAULT_SETTINGS, articles: { ...DEFAULT_SETTINGS.articles, include: ['**/*.txt'] } });
  const t0 = performance.now();
  await indexer.indexAll();
  const t1 = performance.now();
  const relative = (uri: string) => path.relative(corpus, pathOfUri(uri) ?? uri);
  const runner = new CheckRunner(indexer.index, { relative, display: relative });
  const all = runner.allFindings(DEFAULT_CHECK_SETTINGS);
  const t2 = performance.now();
  runner.allFindings(DEFAULT_CHECK_SETTINGS);
  const t3 = performance.now();
  const findings = [...all.values()].reduce((sum, list) => sum + list.length, 0);

  // edits: articles spread over the corpus, one word changed in the middle of each (a figure's digits when there is one)
  const uris = indexer.index.uris().sort();
  const analysis: number[] = [];
  const checks: number[] = [];
  const total: number[] = [];
  let affected = 0;
  for (let i = 0; i < samples; i++) {
    const uri = uris[Math.floor((i * uris.length) / samples)]!;
    const filePath = pathOfUri(uri)!;
    const text = readFileSync(filePath, 'utf8');
    const at = text.indexOf(' ', Math.floor(text.length / 2));
    const edited = `${text.slice(0, at)} 5,000${text.slice(at)}`;
    const e0 = performance.now();
    const summary = summarize(analyze(edited, indexer.analysisOptions(filePath)));
    indexer.index.set(uri, summary);
    indexer.index.flush();
    const e1 = performance.now();
    const touched = runner.affectedBy(uri);
    for (const other of touched) runner.findings(other, DEFAULT_CHECK_SETTINGS);
    const e2 = performance.now();
    analysis.push(e1 - e0);
    checks.push(e2 - e1);
    total.push(e2 - e0);
    affected += touched.length;
    // put the article back as it was
    indexer.index.set(uri, summarize(analyze(text, indexer.analysisOptions(filePath))));
  }
  indexer.index.flush();
  return {
    articles: indexer.index.size,
    findings,
    coldIndexMs: round2(t1 - t0),
    coldChecksMs: round2(t2 - t1),
    coldTotalMs: round2(t2 - t0),
    warmAllFindingsMs: round2(t3 - t2),
    editAnalysisP50Ms: round2(percentile(analysis, 50)),
    editAnalysisP95Ms: round2(percentile(analysis, 95)),
    editChecksP50Ms: round2(percentile(checks, 50)),
    editChecksP95Ms: round2(percentile(checks, 95)),
    editTotalP50Ms: round2(percentile(total, 50)),
    editTotalP95Ms: round2(percentile(total, 95)),
    editTotalMaxMs: round2(Math.max(...total)),
    editAffectedArticlesMean: round2(affected / samples),
    samples,
  };
}

if (require.main === module) {
  const samples = option('samples');
  printResult(benchChecks({ corpus: option('corpus'), samples: samples ? Number(samples) : undefined }));
}
