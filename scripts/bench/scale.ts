// Benchmark of scale, speed and memory (issue 6), through the real language server (dist/server.js over stdio) where
// it matters:
// - workspaces of 1x, 2x, 4x and 10x the BBC corpus (2,225 articles): copies under renamed files in a temporary
//   folder (hard links for the first copy), the figures of every further copy perturbed so the cross-file checks
//   have conflicts to find;
// - at each size, a cold start with an empty storage folder: time to the end of indexing (analysis on the worker
//   threads, clusters), then a workspace diagnostics pull (every article's checks); articles/s and MB/s; the
//   server's peak RSS (VmHWM) and its RSS when done; the latency of requests sent while it indexes (a hover on an
//   open article every 25 ms: how long a request waits behind the indexing);
// - a warm start of the same workspace from the persisted index the cold run saved;
// - on the 10x workspace: hover, references, semantic tokens and document diagnostics pulls, p50/p95;
// - re-analysis after a one-character edit in a 1,000-word article (incremental analysis with the cache the server
//   keeps, summary, index update and re-clustering over the 10x index, in process), p50/p95: the first 200 edits
//   after loading (the bar), and 200 more later in the session; the cold analysis of the same texts for comparison;
//   and through the server (edit, then fresh tokens);
// - the BBC corpus through cspell 9 in the same run (cspell-lib in process, and the cspell CLI) against our
//   analysis (in process on one thread, and the server's cold index): the per-article throughput ratio.
// `benchScale()` returns plain numbers for `npm run bench`; run this file to print them as JSON.
//   npx tsx scripts/bench/scale.ts [--corpus DIR] [--sizes 1,2,4,10] [--samples N] [--keep]
// CORROBORATE_BENCH_SLOW=1 prints each request of a cold run that waited over 50 ms, with when it was sent (to find
// what held it up in a profile made with CORROBORATE_BENCH_SERVER_ARGS=--cpu-prof).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver/node';
import { SERVER_EXEC_ARGV } from '../../client/src/serverProcess';
import { AnalysisCache, analyze } from '../../server/src/analysis/analyze';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { analysisFingerprint, indexFileFor, loadPersistedIndex } from '../../server/src/workspace/persistedIndex';
import { summarize } from '../../server/src/workspace/summary';
import { articleFiles, cpuTicks, DEFAULT_CORPUS, letterEdit, option, printResult, random, round, stats, thousandWordArticle } from './common';

const ROOT = path.resolve(__dirname, '..', '..');
/** The bundle under test: copied from dist/ at the start, so a rebuild by someone else during the run (which
 *  rightly invalidates persisted indexes) cannot change it halfway. */
let SERVER_JS = path.join(ROOT, 'dist', 'server.js');

function snapshotBundle(into: string): void {
  mkdirSync(into, { recursive: true });
  for (const file of readdirSync(path.join(ROOT, 'dist'))) {
    if (/^(server|worker)\.js$|\.bin$/.test(file)) copyFileSync(path.join(ROOT, 'dist', file), path.join(into, file));
  }
  SERVER_JS = path.join(into, 'server.js');
}

export interface ScaleOptions {
  readonly corpus?: string;
  readonly sizes?: readonly number[];
  readonly samples?: number;
  /** Keep the generated workspaces (their folder is printed on stderr). */
  readonly keep?: boolean;
}

// ---- workspaces ---------------------------------------------------------------------------------------------------

/** The text of copy `copy` (>= 1) of an article: every other figure scaled by 5-30%, years and dates untouched. */
export function perturbFigures(text: string, copy: number): string {
  let index = 0;
  return text.replace(/(?<![\d.,/:-])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d/:])|(?<![\d.,/:-])\d+(?:\.\d+)?(?![\d/:,])/g, (match) => {
    index++;
    const plain = match.replace(/,/g, '');
    const value = Number(plain);
    // years and the like stay, so claims keep their dates; and only every other figure changes
    if (/^(1[89]|20)\d\d$/.test(match) || index % 2 === 0 || !Number.isFinite(value) || value === 0) return match;
    const factor = 1 + 0.05 * (1 + ((copy + index) % 6));
    const decimals = plain.includes('.') ? plain.length - plain.indexOf('.') - 1 : 0;
    const scaled = (value * factor).toFixed(decimals);
    if (!match.includes(',')) return scaled;
    const [whole, fraction] = scaled.split('.');
    return whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction ? `.${fraction}` : '');
  });
}

interface Workspaces {
  readonly root: string;
  /** size -> folder */
  readonly folders: Map<number, string>;
  /** size -> bytes of its articles */
  readonly bytes: Map<number, number>;
}

/** Copies 0..max-1 once (copy 0 as hard links, the others renamed and perturbed), then one folder per size made of
 *  hard links to the first `size` copies. */
function buildWorkspaces(corpus: string, files: readonly string[], sizes: readonly number[]): Workspaces {
  const root = mkdtempSync(path.join(os.tmpdir(), 'corroborate-scale-'));
  const max = Math.max(...sizes);
  const master = path.join(root, 'master');
  const copyFiles: { relative: string; bytes: number }[][] = [];
  for (let copy = 0; copy < max; copy++) {
    const list: { relative: string; bytes: number }[] = [];
    for (const file of files) {
      const relativeToCorpus = path.relative(corpus, file);
      const renamed = copy === 0 ? relativeToCorpus : path.join(path.dirname(relativeToCorpus), `c${copy}-${path.basename(relativeToCorpus)}`);
      const relative = path.join(`copy${copy}`, renamed);
      const target = path.join(master, relative);
      mkdirSync(path.dirname(target), { recursive: true });
      if (copy === 0) linkSync(file, target);
      else writeFileSync(target, perturbFigures(readFileSync(file, 'utf8'), copy));
      list.push({ relative, bytes: statSync(target).size });
    }
    copyFiles.push(list);
  }
  const folders = new Map<number, string>();
  const bytes = new Map<number, number>();
  for (const size of sizes) {
    const folder = path.join(root, `ws-${size}x`);
    let total = 0;
    for (let copy = 0; copy < size; copy++) {
      for (const { relative, bytes: b } of copyFiles[copy]!) {
        const target = path.join(folder, relative);
        mkdirSync(path.dirname(target), { recursive: true });
        linkSync(path.join(master, relative), target);
        total += b;
      }
    }
    folders.set(size, folder);
    bytes.set(size, total);
  }
  return { root, folders, bytes };
}

// ---- a small LSP client -------------------------------------------------------------------------------------------

const SETTINGS = { articles: { include: ['**/*.txt'] } };

class Server {
  readonly logs: string[] = [];
  private readonly listeners: ((line: string) => void)[] = [];

  private constructor(
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {}

  static async start(folder: string, storagePath: string | undefined, initializationOptions: Record<string, unknown> = {}): Promise<Server> {
    // started as the extension starts it (its Node options), plus CORROBORATE_BENCH_SERVER_ARGS: extra options (for
    // example --cpu-prof to profile a run)
    const nodeArgs = [...SERVER_EXEC_ARGV, ...(process.env.CORROBORATE_BENCH_SERVER_ARGS ?? '').split(/\s+/).filter(Boolean)];
    const child = spawn(process.execPath, [...nodeArgs, SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stderr!.on('data', () => undefined);
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const server = new Server(child, connection);
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      server.logs.push(params.message);
      for (const listener of server.listeners) listener(params.message);
    });
    connection.onNotification('window/showMessage', () => undefined);
    connection.onNotification('textDocument/publishDiagnostics', () => undefined);
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => SETTINGS));
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => null);
    connection.onRequest('workspace/semanticTokens/refresh', () => null);
    connection.onRequest('workspace/codeLens/refresh', () => null);
    connection.onNotification('$/progress', () => undefined);
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(folder).href,
      workspaceFolders: [{ uri: pathToFileURL(folder).href, name: path.basename(folder) }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, diagnostics: { refreshSupport: true } },
        window: { workDoneProgress: true },
        textDocument: {
          hover: { contentFormat: ['markdown'] },
          semanticTokens: { requests: { full: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
          diagnostic: {},
        },
      },
      initializationOptions: { ...(storagePath ? { storagePath } : {}), ...initializationOptions },
    });
    await connection.sendNotification('initialized', {});
    return server;
  }

  /** Resolves with the first log line matching `pattern` (already logged or to come). */
  waitForLog(pattern: RegExp, timeoutMs = 600_000): Promise<string> {
    const seen = this.logs.find((line) => pattern.test(line));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}`)), timeoutMs);
      this.listeners.push((line) => {
        if (pattern.test(line)) {
          clearTimeout(timer);
          resolve(line);
        }
      });
    });
  }

  /** Peak and current resident memory of the server process (MB), from /proc. */
  memory(): { peakMB: number; rssMB: number } {
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
      return { peakMB: round(kb('VmHWM') / 1024, 1), rssMB: round(kb('VmRSS') / 1024, 1) };
    } catch {
      return { peakMB: 0, rssMB: 0 };
    }
  }

  /** Processor time the server has used so far, all its threads (user + system), in seconds; 0 where unknown. */
  cpuSeconds(): number {
    const ticks = cpuTicks(`/proc/${this.child.pid}/stat`);
    return ticks === undefined ? 0 : round(ticks / 100, 2);
  }

  async open(filePath: string): Promise<{ uri: string; text: string }> {
    const uri = pathToFileURL(filePath).href;
    const text = readFileSync(filePath, 'utf8');
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    return { uri, text };
  }

  async timed<T>(method: string, params: unknown): Promise<{ ms: number; result: T }> {
    const t = performance.now();
    const result = (await this.connection.sendRequest(method, params)) as T;
    return { ms: performance.now() - t, result };
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 60_000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    await new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.connection.dispose();
  }
}

/** Positions of entities in a text, from the server's semantic tokens (person, organization, place, group). */
function entityPositions(data: readonly number[]): { line: number; character: number }[] {
  const positions: { line: number; character: number }[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i + 4 < data.length; i += 5) {
    line += data[i]!;
    character = data[i] === 0 ? character + data[i + 1]! : data[i + 1]!;
    if (data[i + 3]! <= 3) positions.push({ line, character: character + Math.floor(data[i + 2]! / 2) });
  }
  return positions;
}

// ---- the runs -----------------------------------------------------------------------------------------------------

interface ColdRun {
  readonly indexCpuSeconds: number;
  readonly articles: number;
  readonly megabytes: number;
  readonly indexSeconds: number;
  readonly checksSeconds: number;
  readonly coldSeconds: number;
  readonly articlesPerSecond: number;
  readonly megabytesPerSecond: number;
  readonly findings: number;
  readonly peakRssMB: number;
  readonly rssAfterMB: number;
  readonly requestsDuringIndexing: { p50: number; p95: number; max: number; n: number };
  /** The same probe while every article's checks are computed (a workspace diagnostics pull). */
  readonly requestsDuringChecks: { p50: number; p95: number; max: number; n: number };
  readonly log: string;
}

async function coldRun(folder: string, storage: string, bytes: number, probeFile: string): Promise<ColdRun> {
  const t0 = performance.now();
  const server = await Server.start(folder, storage);
  // a request every 25 ms while indexing runs: a hover on an open article
  const probe = await server.open(probeFile);
  const latencies: number[] = [];
  const checkLatencies: number[] = [];
  let phase = 'indexing' as 'indexing' | 'checks' | 'done';
  const tokens = await server.connection.sendRequest<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri: probe.uri } });
  const positions = entityPositions(tokens.data);
  // the probe runs while the workspace is indexed, then while every article's checks are pulled
  const probing = (async () => {
    let k = 0;
    while ((phase as string) !== 'done') {
      const position = positions[k++ % Math.max(1, positions.length)] ?? { line: 0, character: 0 };
      const during = phase;
      const t = performance.now();
      await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: probe.uri }, position });
      (during === 'indexing' ? latencies : checkLatencies).push(performance.now() - t);
      if (process.env.CORROBORATE_BENCH_SLOW && performance.now() - t > 50) process.stderr.write(`slow request: ${(performance.now() - t).toFixed(0)} ms at ${((t - t0) / 1000).toFixed(2)} s (${during})\n`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  const line = await server.waitForLog(/indexed \d+ articles/);
  phase = 'checks';
  const t1 = performance.now();
  const indexCpuSeconds = server.cpuSeconds();
  const report = await server.connection.sendRequest<{ items: { items: unknown[] }[] }>('workspace/diagnostic', { previousResultIds: [] });
  const t2 = performance.now();
  phase = 'done';
  await probing;
  const findings = report.items.reduce((sum, item) => sum + item.items.length, 0);
  const articles = Number(/indexed (\d+) articles/.exec(line)![1]);
  const memory = server.memory();
  await server.stop();
  const megabytes = bytes / 1e6;
  const coldSeconds = (t2 - t0) / 1000;
  return {
    articles,
    megabytes: round(megabytes),
    indexSeconds: round((t1 - t0) / 1000),
    // processor time of the server's threads until then: about twice indexSeconds when both cores are kept busy
    indexCpuSeconds,
    checksSeconds: round((t2 - t1) / 1000),
    coldSeconds: round(coldSeconds),
    articlesPerSecond: round(articles / coldSeconds, 1),
    megabytesPerSecond: round(megabytes / coldSeconds),
    findings,
    peakRssMB: memory.peakMB,
    rssAfterMB: memory.rssMB,
    requestsDuringIndexing: stats(latencies),
    requestsDuringChecks: stats(checkLatencies),
    log: line.replace(/^\[[^\]]*\] /, ''),
  };
}

interface WarmRun {
  readonly indexSeconds: number;
  readonly checksSeconds: number;
  readonly peakRssMB: number;
  readonly rssAfterMB: number;
  readonly log: string;
  readonly latencies?: Record<string, { p50: number; p95: number; max: number; n: number }>;
}

async function warmRun(folder: string, storage: string, files: readonly string[], samples: number): Promise<WarmRun> {
  const t0 = performance.now();
  const server = await Server.start(folder, storage);
  const line = await server.waitForLog(/indexed \d+ articles/);
  const t1 = performance.now();
  await server.connection.sendRequest('workspace/diagnostic', { previousResultIds: [] });
  const t2 = performance.now();
  let latencies: WarmRun['latencies'];
  if (samples > 0) latencies = await requestLatencies(server, files, samples);
  const memory = server.memory();
  await server.stop();
  return { indexSeconds: round((t1 - t0) / 1000), checksSeconds: round((t2 - t1) / 1000), peakRssMB: memory.peakMB, rssAfterMB: memory.rssMB, log: line.replace(/^\[[^\]]*\] /, ''), ...(latencies ? { latencies } : {}) };
}

/** Hover, references, semantic tokens and diagnostics pulls on open articles of the workspace. */
async function requestLatencies(server: Server, files: readonly string[], samples: number): Promise<NonNullable<WarmRun['latencies']>> {
  const next = random(7);
  const opened: { uri: string; positions: { line: number; character: number }[] }[] = [];
  const tokensOnOpen: number[] = [];
  const tokensAgain: number[] = [];
  const diagnostics: number[] = [];
  const documents = Math.min(40, files.length);
  for (let i = 0; i < documents; i++) {
    const file = files[Math.floor(next() * files.length)]!;
    const { uri } = await server.open(file);
    const first = await server.timed<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
    tokensOnOpen.push(first.ms);
    const again = await server.timed<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
    tokensAgain.push(again.ms);
    diagnostics.push((await server.timed('textDocument/diagnostic', { textDocument: { uri } })).ms);
    opened.push({ uri, positions: entityPositions(first.result.data) });
  }
  const hovers: number[] = [];
  const references: number[] = [];
  const withEntities = opened.filter((doc) => doc.positions.length > 0);
  for (let i = 0; i < samples && withEntities.length > 0; i++) {
    const doc = withEntities[Math.floor(next() * withEntities.length)]!;
    const position = doc.positions[Math.floor(next() * doc.positions.length)]!;
    hovers.push((await server.timed('textDocument/hover', { textDocument: { uri: doc.uri }, position })).ms);
    references.push((await server.timed('textDocument/references', { textDocument: { uri: doc.uri }, position, context: { includeDeclaration: true } })).ms);
  }
  for (const doc of opened) diagnostics.push((await server.timed('textDocument/diagnostic', { textDocument: { uri: doc.uri } })).ms);
  return {
    hover: stats(hovers),
    references: stats(references),
    semanticTokensOnOpen: stats(tokensOnOpen),
    semanticTokens: stats(tokensAgain),
    diagnosticsPull: stats(diagnostics),
  };
}

/** One-character edits of a 1,000-word article against the 10x index (loaded from the persisted index). */
async function editRun(folder: string, storage: string, article: { file: string; text: string; words: number }, samples: number) {
  // the server's fingerprint: its settings, and the worker bundle as the analysis code
  const code = createHash('sha1').update(readFileSync(path.join(path.dirname(SERVER_JS), 'worker.js'))).digest('hex');
  const loaded = await loadPersistedIndex(indexFileFor(storage, [folder]), analysisFingerprint({ numericDateOrder: 'auto' }, code));
  if (loaded.kind !== 'loaded') throw new Error(`persisted index not loaded: ${loaded.kind === 'discarded' ? loaded.reason : loaded.kind}`);
  const index = new WorkspaceIndex();
  for (const entry of loaded.entries.values()) index.set(pathToFileURL(entry.path).href, entry.summary);
  index.flush();
  const relative = path.relative(path.join(folder, 'copy0'), article.file);
  const uri = pathToFileURL(path.join(folder, 'copy0', relative)).href;
  const next = random(99);
  let text = article.text;
  // as the server analyses an open document: incrementally, with the cache its analysis of the opened text filled
  const cache = new AnalysisCache();
  summarize(analyze(text, {}, cache));
  const texts: string[] = [];
  /** `count` edits, each analysed and put in the index; the times of those after the first `warmUp`. */
  const edit = (count: number, warmUp: number) => {
    const analysisTimes: number[] = [];
    const totalTimes: number[] = [];
    for (let i = 0; i < count + warmUp; i++) {
      // replace one letter by another
      text = letterEdit(text, next).text;
      texts.push(text);
      const t0 = performance.now();
      const summary = summarize(analyze(text, {}, cache));
      const t1 = performance.now();
      index.set(uri, summary);
      index.flush();
      const t2 = performance.now();
      if (i >= warmUp) {
        analysisTimes.push(t1 - t0);
        totalTimes.push(t2 - t0);
      }
    }
    return { analysis: stats(analysisTimes), analysisAndIndexUpdate: stats(totalTimes) };
  };
  // the first edits after the index is loaded: the analysis code on this thread is still being compiled (the bar)
  const first = edit(samples, 10);
  // the same texts analysed cold (no cache), for comparison
  const coldTimes: number[] = [];
  texts.forEach((edited, i) => {
    const t0 = performance.now();
    summarize(analyze(edited));
    if (i >= 10) coldTimes.push(performance.now() - t0);
  });
  // and as many edits again, later in the same session (the compiler done with the analysis code)
  const later = edit(samples, 0);
  return { words: article.words, ...first, analysisCold: stats(coldTimes), laterInTheSession: later, indexedArticles: index.size };
}

/** Edits through the server: a one-character change, then semantic tokens (which analyse the new text at once). */
async function editThroughServer(folder: string, storage: string, article: { file: string; text: string }, samples: number) {
  const server = await Server.start(folder, storage);
  await server.waitForLog(/indexed \d+ articles/);
  const relative = path.relative(path.join(folder, 'copy0'), article.file);
  const { uri, text: original } = await server.open(path.join(folder, 'copy0', relative));
  await server.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } });
  const next = random(5);
  let text = original;
  const times: number[] = [];
  for (let version = 2; version < samples + 12; version++) {
    const edit = letterEdit(text, next);
    const { at, letter } = edit;
    text = edit.text;
    const lines = text.slice(0, at).split('\n');
    const position = { line: lines.length - 1, character: lines[lines.length - 1]!.length };
    const t = performance.now();
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: position, end: { line: position.line, character: position.character + 1 } }, text: letter }],
    });
    await server.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } });
    if (version >= 12) times.push(performance.now() - t);
  }
  await server.stop();
  return stats(times);
}

// ---- cspell -------------------------------------------------------------------------------------------------------

async function cspellRun(corpus: string, files: readonly string[]) {
  // cspell-lib is ESM only
  const cspell = (await import('cspell-lib')) as typeof import('cspell-lib');
  const texts = files.map((file) => readFileSync(file, 'utf8'));
  const pass = async () => {
    const t = performance.now();
    const cpu = process.cpuUsage();
    let issues = 0;
    for (let i = 0; i < files.length; i++) {
      const result = await cspell.spellCheckDocument(
        { uri: pathToFileURL(files[i]!).href, text: texts[i]!, languageId: 'plaintext', locale: 'en' },
        { generateSuggestions: false, noConfigSearch: true },
        {},
      );
      issues += result.issues.length;
    }
    const used = process.cpuUsage(cpu);
    return { ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000, issues };
  };
  const first = await pass();
  const second = await pass();
  const bin = path.join(ROOT, 'node_modules', 'cspell', 'bin.mjs');
  const t = performance.now();
  const cli = spawnSync(process.execPath, [bin, 'lint', '--no-progress', '--no-summary', '--no-cache', '--no-must-find-files', '--quiet', '**/*.txt'], { cwd: corpus, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const cliMs = performance.now() - t;
  return {
    libFirstPassMsPerArticle: round(first.ms / files.length),
    libMsPerArticle: round(second.ms / files.length),
    libCpuMsPerArticle: round(second.cpuMs / files.length),
    libIssues: second.issues,
    cliSeconds: round(cliMs / 1000),
    cliMsPerArticle: round(cliMs / files.length),
    cliExit: cli.status,
  };
}

/** Our analysis in process, on this one thread, as cspell-lib runs: analysis + summary per article. */
function ourSingleThread(files: readonly string[]) {
  const texts = files.map((file) => readFileSync(file, 'utf8'));
  for (const text of texts.slice(0, 200)) summarize(analyze(text)); // warm up
  const t = performance.now();
  const cpu = process.cpuUsage();
  let tokens = 0;
  for (const text of texts) {
    const analysis = analyze(text);
    tokens += analysis.tokens.length;
    summarize(analysis);
  }
  const used = process.cpuUsage(cpu);
  const ms = performance.now() - t;
  return { msPerArticle: round(ms / files.length), cpuMsPerArticle: round((used.user + used.system) / 1000 / files.length), tokensPerSecond: Math.round(tokens / (ms / 1000)) };
}

// ---- main ---------------------------------------------------------------------------------------------------------

export async function benchScale(options: ScaleOptions = {}): Promise<Record<string, unknown>> {
  const corpus = options.corpus ?? DEFAULT_CORPUS;
  if (!existsSync(corpus)) return { skipped: `${corpus} is absent` };
  if (!existsSync(SERVER_JS) || !existsSync(path.join(ROOT, 'dist', 'worker.js'))) return { skipped: 'dist/server.js or dist/worker.js missing: run node esbuild.mjs' };
  const sizes = [...(options.sizes ?? [1, 2, 4, 10])].sort((a, b) => a - b);
  const samples = options.samples ?? 400;
  const files = articleFiles(corpus);
  const log = (message: string) => process.stderr.write(`scale: ${message}\n`);
  log(`building workspaces of ${sizes.join(', ')}x ${files.length} articles`);
  const workspaces = buildWorkspaces(corpus, files, sizes);
  snapshotBundle(path.join(workspaces.root, 'dist'));
  log(`in ${workspaces.root}`);
  const probeFile = files[0]!;
  const largest = sizes[sizes.length - 1]!;
  const result: Record<string, unknown> = { machine: { cpus: os.cpus().length, node: process.version, loadAverage: os.loadavg().map((l) => round(l, 2)) }, corpusArticles: files.length };
  try {
    const cold: Record<string, ColdRun> = {};
    const warm: Record<string, WarmRun> = {};
    const storages = new Map<number, string>();
    for (const size of sizes) {
      const folder = workspaces.folders.get(size)!;
      const storage = path.join(workspaces.root, `storage-${size}x`);
      storages.set(size, storage);
      log(`cold ${size}x ...`);
      cold[`${size}x`] = await coldRun(folder, storage, workspaces.bytes.get(size)!, path.join(folder, path.relative(corpus, probeFile).replace(/^/, 'copy0/')));
      log(`cold ${size}x: ${JSON.stringify(cold[`${size}x`])}`);
      log(`warm ${size}x ...`);
      const folderFiles = size === largest ? articleFiles(folder) : [];
      warm[`${size}x`] = await warmRun(folder, storage, folderFiles, size === largest ? samples : 0);
      log(`warm ${size}x: ${JSON.stringify(warm[`${size}x`])}`);
    }
    result.cold = cold;
    result.warm = warm;
    // growth: seconds per 1,000 articles at each size (flat = linear)
    result.coldSecondsPer1000Articles = Object.fromEntries(Object.entries(cold).map(([size, run]) => [size, round((run.coldSeconds / run.articles) * 1000)]));
    const article = thousandWordArticle(files);
    log(`edits of ${path.basename(article.file)} (${article.words} words) ...`);
    result.edit = await editRun(workspaces.folders.get(largest)!, storages.get(largest)!, article, 200);
    result.editThroughServer = await editThroughServer(workspaces.folders.get(largest)!, storages.get(largest)!, article, 100);
    log('cspell ...');
    const ours = ourSingleThread(files);
    const cspell = await cspellRun(corpus, files);
    const coldOne = cold['1x'] ?? Object.values(cold)[0]!;
    const serverMsPerArticle = (coldOne.coldSeconds * 1000) / coldOne.articles;
    result.cspell = {
      ...cspell,
      oursSingleThread: ours,
      oursServerColdMsPerArticle: round(serverMsPerArticle),
      /** Per-article throughput, ours / cspell's (above 1: we are faster). */
      ratioServerVsCli: round(cspell.cliMsPerArticle / serverMsPerArticle),
      ratioServerVsLib: round(cspell.libMsPerArticle / serverMsPerArticle),
      ratioSingleThreadVsLib: round(cspell.libMsPerArticle / ours.msPerArticle),
    };
    const big = cold[`${largest}x`]!;
    const bigWarm = warm[`${largest}x`]!;
    result.bars = {
      [`cold${largest}xSeconds (<= 20)`]: big.coldSeconds,
      [`warm${largest}xSeconds (<= 2)`]: bigWarm.indexSeconds,
      'editReanalysisP95Ms (<= 5)': (result.edit as { analysisAndIndexUpdate: { p95: number } }).analysisAndIndexUpdate.p95,
      'hoverP95Ms (<= 2)': bigWarm.latencies?.hover.p95,
      'referencesP95Ms (<= 20)': bigWarm.latencies?.references.p95,
      // the higher of the cold and the warm start's peaks
      [`peakRss${largest}xMB (<= 500)`]: Math.max(big.peakRssMB, bigWarm.peakRssMB),
      'requestWaitDuringIndexingMaxMs (<= 50)': Math.max(...Object.values(cold).map((run) => run.requestsDuringIndexing.max)),
      'requestWaitDuringIndexingP95Ms': Math.max(...Object.values(cold).map((run) => run.requestsDuringIndexing.p95)),
      'requestWaitDuringChecksMaxMs': Math.max(...Object.values(cold).map((run) => run.requestsDuringChecks.max)),
      'throughputRatioVsCspellCli (>= 3)': (result.cspell as { ratioServerVsCli: number }).ratioServerVsCli,
      'throughputRatioVsCspellLib (>= 3)': (result.cspell as { ratioServerVsLib: number }).ratioServerVsLib,
    };
  } finally {
    if (options.keep) log(`kept ${workspaces.root}`);
    else rmSync(workspaces.root, { recursive: true, force: true });
  }
  return result;
}

if (require.main === module) {
  const corpus = option('corpus');
  const sizes = option('sizes');
  const samples = option('samples');
  printResult(
    benchScale({
      ...(corpus ? { corpus } : {}),
      ...(sizes ? { sizes: sizes.split(',').map(Number) } : {}),
      ...(samples ? { samples: Number(samples) } : {}),
      keep: process.argv.slice(2).includes('--keep'),
    }).then((numbers) => ({ scale: numbers })),
  );
}
