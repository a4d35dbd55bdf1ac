// npm run eval:checks: the consistency checks over real news no one wrote for us, for precision.
//   - ../shared/corpora/clusters: 982 articles of 86 same-event clusters (ECB+), indexed as ONE workspace (an
//     archive, as a newsroom keeps one): articles of different events can meet, which is the harder setting;
//   - ../shared/corpora/bbc: 2,225 BBC News articles (2004-2005), one workspace.
// Prints JSON: per corpus, findings by severity and by check, warnings (warning or error) per 100 articles, and a
// seeded random sample of 30 warnings (all of them when there are fewer) with file, line, message and the line's text,
// for review by hand. Same index, checks and default settings as the editor and the CLI.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CheckRunner, DEFAULT_CHECK_SETTINGS, type RatedFinding } from '../../server/src/checks/index';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { nodeFileSystem } from '../../server/src/workspace/fileSystem';
import { pathOfUri, WorkspaceIndexer } from '../../server/src/workspace/indexer';

const SHARED = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpora');
const SAMPLE_SIZE = 30;
const SEED = 5;

interface Row {
  readonly corpus: string;
  readonly file: string;
  readonly line: number;
  readonly severity: string;
  readonly check: string;
  readonly message: string;
  readonly context: string;
  readonly related: string[];
}

/** mulberry32: a small seeded generator, so the sample is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function evaluate(corpus: string, dir: string): Promise<{ summary: Record<string, unknown>; rows: Row[] }> {
  const indexer = new WorkspaceIndexer(nodeFileSystem);
  indexer.setFolders([dir]);
  // the corpus folders hold README and licence files beside the articles
  indexer.setSettings({ ...DEFAULT_SETTINGS, articles: { include: ['**/*.txt'], exclude: ['**/README*', '**/*README*', '**/LICENSE*'] } });
  const started = Date.now();
  await indexer.indexAll();
  const indexed = Date.now();
  const relative = (uri: string) => path.relative(dir, pathOfUri(uri)!).split(path.sep).join('/');
  const runner = new CheckRunner(indexer.index, { relative, display: relative });
  const all = runner.allFindings(DEFAULT_CHECK_SETTINGS);
  const checked = Date.now();
  const articles = indexer.index.size;
  const bySeverity: Record<string, number> = {};
  const byCheck: Record<string, Record<string, number>> = {};
  const rows: Row[] = [];
  for (const [uri, findings] of all) {
    const lines = readFileSync(pathOfUri(uri)!, 'utf8').split(/\r\n|\r|\n/);
    for (const f of findings as RatedFinding[]) {
      bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
      byCheck[f.check] ??= {};
      byCheck[f.check]![f.severity] = (byCheck[f.check]![f.severity] ?? 0) + 1;
      rows.push({
        corpus,
        file: relative(uri),
        line: f.at.line + 1,
        severity: f.severity,
        check: f.check,
        message: f.message,
        context: lines[f.at.line]!.trim().slice(0, 400),
        related: f.related.map((r) => `${relative(r.uri)}:${r.at.line + 1}: ${r.message}`),
      });
    }
  }
  const warnings = (bySeverity.error ?? 0) + (bySeverity.warning ?? 0);
  const per100 = (n: number) => Math.round((n / articles) * 10000) / 100;
  const perCheck: Record<string, unknown> = {};
  for (const [check, counts] of Object.entries(byCheck)) {
    const w = (counts.error ?? 0) + (counts.warning ?? 0);
    perCheck[check] = { ...counts, warningsPer100: per100(w) };
  }
  return {
    summary: {
      articles,
      findings: rows.length,
      bySeverity,
      warnings,
      warningsPer100Articles: per100(warnings),
      perCheck,
      seconds: { index: (indexed - started) / 1000, checks: (checked - indexed) / 1000 },
    },
    rows,
  };
}

async function main(): Promise<void> {
  const corpora: [string, string][] = [
    ['clusters', path.join(SHARED, 'clusters')],
    ['bbc', path.join(SHARED, 'bbc')],
  ];
  const result: Record<string, unknown> = { workspaces: 'each corpus folder is one workspace (the clusters folder too: all 86 clusters together)' };
  const pool: Row[] = [];
  const information: Row[] = [];
  for (const [name, dir] of corpora) {
    process.stderr.write(`eval:checks: ${name} ...\n`);
    const { summary, rows } = await evaluate(name, dir);
    result[name] = summary;
    pool.push(...rows.filter((r) => r.severity === 'warning' || r.severity === 'error'));
    information.push(...rows.filter((r) => r.severity === 'information' || r.severity === 'hint'));
  }
  const next = random(SEED);
  const shuffled = [...pool];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  result.sample = { seed: SEED, of: pool.length, warnings: shuffled.slice(0, SAMPLE_SIZE) };
  result.information = information;
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
