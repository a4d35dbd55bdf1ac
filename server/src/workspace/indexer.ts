// Keeps a WorkspaceIndex in step with the files of the workspace folders: finds the articles (include/exclude
// settings), reads and analyses the closed ones, takes summaries of open ones from the editor, follows file-system
// changes, and reads `.corroborate.json`. No LSP: the server and the CLI drive it; unit tests give it a MemoryFileSystem.
//
// The analysis runs on worker threads when a runner with workers is given (the server, the CLI), else on this
// thread with yields between files. A persisted index (persistedIndex.ts), when a file for it is set, gives the
// summaries of files unchanged since the last session (same size and time, or same content hash), so a warm start
// analyses only what changed. While a whole workspace is (re)indexed the index is in bulk mode: queries answer from
// what is there, and the clustering runs at the end in slices, so no request waits behind it.
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { AnalysisCache, analyze } from '../analysis/analyze';
import type { AnalysisOptions, ArticleAnalysis } from '../analysis/types';
import { isArticlePath, isMarkdownPath, relativeToFolders } from '../articles';
import { decodeArticle } from '../cli/read';
import type { Settings } from '../settings';
import { DEFAULT_SETTINGS } from '../settings';
import { InlineRunner, type AnalysisRunner } from './analysisPool';
import { contentHash, decodeAnalysis, decodeSummary, type FileMeta, type FileTask, type TaskReply } from './analysisTask';
import { CONFIG_FILE_NAME, DEFAULT_CONFIG, parseConfig, type ConfigProblem, type WorkspaceConfig } from './config';
import type { FileSystem } from './fileSystem';
import { WorkspaceIndex } from './index';
import { analysisFingerprint, loadPersistedIndex, savePersistedIndex, type PersistedClusters, type PersistedEntry } from './persistedIndex';
import { summarize, type ArticleSummary } from './summary';
import { inTurn, TimeSlices } from './turns';

/** Paths and URI paths that need no percent-encoding (POSIX): turned into each other by adding or cutting "file://",
 *  exactly as vscode-uri would, without parsing (a warm start converts tens of thousands of them). */
const PLAIN_PATH = /^\/[A-Za-z0-9/._~-]*$/;
const PLAIN_PATHS = process.platform !== 'win32';

/** The URI the index keys a file by (encoded as VS Code encodes it, so open and closed files agree). */
export function uriOfPath(filePath: string): string {
  if (PLAIN_PATHS && PLAIN_PATH.test(filePath) && !filePath.startsWith('//')) return `file://${filePath}`;
  return URI.file(filePath).toString();
}

/** The same URI in the index's spelling, whatever encoding the client used; non-file URIs are kept as they are. */
export function canonicalUri(uri: string): string {
  try {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? URI.file(parsed.fsPath).toString() : parsed.toString();
  } catch {
    return uri;
  }
}

export function pathOfUri(uri: string): string | undefined {
  if (PLAIN_PATHS && uri.startsWith('file:///') && PLAIN_PATH.test(uri.slice(7))) return uri.slice(7);
  try {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? parsed.fsPath : undefined;
  } catch {
    return undefined;
  }
}

/** An analysis function; `cache` (when the function supports one) makes re-analysis after an edit quicker. */
export type Analyzer = (text: string, options: AnalysisOptions, cache?: AnalysisCache) => ArticleAnalysis;

export interface SkippedFile {
  readonly path: string;
  /** `failed`: the analysis itself failed or ran out of time or memory (the message says which). */
  readonly reason: 'too-large' | 'binary' | 'unreadable' | 'failed';
  readonly message: string;
}

export interface ConfigFileProblems {
  readonly uri: string;
  readonly text: string;
  readonly problems: readonly ConfigProblem[];
}

export interface IndexingProgress {
  readonly done: number;
  readonly total: number;
  readonly path?: string;
}

export interface IndexAllResult {
  /** Articles in the index from disk after the run (analysed now or taken unchanged). */
  readonly indexed: number;
  /** Of those, the ones analysed in this run. */
  readonly analysed: number;
  /** Of those, the ones taken from the persisted index or kept from an earlier run (unchanged on disk). */
  readonly reused: number;
  readonly skipped: readonly SkippedFile[];
  readonly cancelled: boolean;
  /** What happened to the persisted index, when there is one: loaded, absent, or discarded and why. */
  readonly persisted?: string;
  /** Whether the files were analysed on worker threads (else on this thread). */
  readonly onWorkers?: boolean;
}

/** Files read ahead of the one being analysed during a full index (analysis on this thread). */
const READ_AHEAD = 8;
/** Tasks kept in flight per worker thread. */
const TASKS_PER_WORKER = 4;
/** Open documents up to this many characters are analysed on the main thread (a few milliseconds); longer ones on a
 *  worker, so typing in a long document never holds up other requests. */
export const INLINE_OPEN_DOCUMENT_CHARS = 24_000;
/** See WorkspaceIndexer.inlineFiles. */
const INLINE_FILES = 16;
/** Time slices of main-thread work during bulk indexing, between which requests are answered (ms). */
const SLICE_MS = 12;

/** Directories never searched, whatever the settings say. */
const ALWAYS_SKIPPED_DIRECTORIES = new Set(['.git', '.hg', '.svn']);

export class WorkspaceIndexer {
  readonly index: WorkspaceIndex;
  private folders: string[] = [];
  private settings: Settings = DEFAULT_SETTINGS;
  private readonly open = new Set<string>();
  private generation = 0;
  private configProblems: ConfigFileProblems[] = [];
  /** Warnings about files the index skipped (too large, binary), by URI; what the user is told. */
  readonly skipped = new Map<string, SkippedFile>();
  /** Size, time and content hash of each article indexed from disk (what the persisted index records). */
  private readonly fileMeta = new Map<string, FileMeta>();
  /** The analysis settings `fileMeta`'s summaries were made with: when they change, everything is analysed again. */
  private metaFingerprint: string | undefined;
  private persistFile: string | undefined;
  /** Whether the persisted index was read in this session (it is read once; later runs use `fileMeta`). */
  private persistRead = false;
  private saveTimer: NodeJS.Timeout | undefined;
  private saving: Promise<void> = Promise.resolve();
  private dirtySinceSave = false;
  private runner: AnalysisRunner;
  private readonly log: (message: string) => void;

  constructor(
    private readonly fs: FileSystem,
    options: { index?: WorkspaceIndex; analyzer?: Analyzer; runner?: AnalysisRunner; log?: (message: string) => void; inlineFiles?: number } = {},
  ) {
    this.index = options.index ?? new WorkspaceIndex();
    this.inlineFiles = options.inlineFiles ?? INLINE_FILES;
    this.analyzer = options.analyzer ?? analyze;
    this.runner = options.runner ?? new InlineRunner();
    this.log = options.log ?? (() => undefined);
  }

  private readonly analyzer: Analyzer;
  /** Up to this many small files to analyse are analysed on this thread even when there are workers. */
  private readonly inlineFiles: number;
  /** The main thread's analysis cache, for the open documents analysed here. */
  private readonly openCache = new AnalysisCache();

  /** Where analysis runs from now on (worker threads, or this thread). */
  setRunner(runner: AnalysisRunner): void {
    this.runner = runner;
  }

  /** Worker threads analysing files (0: this thread). */
  get workerThreads(): number {
    return this.runner.threads;
  }

  /** Where the persisted index lives (undefined: none). Summaries of unchanged files are read from it on the next
   *  full index, and it is written after indexing and after changes. */
  setPersistence(file: string | undefined): void {
    if (file === this.persistFile) return;
    this.persistFile = file;
    this.persistRead = false;
  }

  get persistenceFile(): string | undefined {
    return this.persistFile;
  }

  setFolders(folders: readonly string[]): void {
    this.folders = [...folders];
  }

  get workspaceFolders(): readonly string[] {
    return this.folders;
  }

  setSettings(settings: Settings): void {
    this.settings = settings;
  }

  /** Whether a path is an article under the settings (relative to the folder holding it; outside any folder, by name). */
  isArticle(filePath: string): boolean {
    const relative = relativeToFolders(filePath, this.folders) ?? path.basename(filePath);
    return isArticlePath(relative, this.settings);
  }

  analysisOptions(filePath: string): AnalysisOptions {
    return {
      markdown: isMarkdownPath(filePath),
      numericDateOrder: this.settings.dates.numericOrder,
      ...(this.settings.dates.defaultArticleDate ? { defaultArticleDate: this.settings.dates.defaultArticleDate } : {}),
    };
  }

  // ---- discovery -----------------------------------------------------------------------------------------------

  /** Every article file under the folders (or under `under`), honouring include/exclude; symbolic links not followed. */
  async discover(under?: string): Promise<string[]> {
    const found: string[] = [];
    const roots = under ? [under] : this.folders;
    for (const root of roots) await this.walk(root, found);
    return found.sort();
  }

  private async walk(dir: string, found: string[]): Promise<void> {
    let entries;
    try {
      entries = await this.fs.readDirectory(dir);
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.kind === 'directory') {
        if (ALWAYS_SKIPPED_DIRECTORIES.has(entry.name) || this.isExcludedDirectory(full)) continue;
        await this.walk(full, found);
      } else if (entry.kind === 'file' && this.isArticle(full)) {
        found.push(full);
      }
    }
  }

  /** A directory is skipped when an exclude glob matches anything inside it ("**\/node_modules/**"). */
  private isExcludedDirectory(dir: string): boolean {
    const relative = relativeToFolders(dir, this.folders);
    if (relative === undefined) return false;
    const probe = `${relative}/\u0000probe.txt`;
    return !isArticlePath(probe, { ...this.settings, articles: { include: ['**'], exclude: this.settings.articles.exclude } });
  }

  // ---- loading -------------------------------------------------------------------------------------------------

  /** Reads, decodes and analyses one file on this thread; undefined (and a note in `skipped`) when it cannot be an
   *  article. Does not touch the index. */
  async load(filePath: string): Promise<ArticleSummary | undefined> {
    const read = await this.read(filePath);
    const uri = uriOfPath(filePath);
    this.skipped.delete(uri);
    if (!read) return undefined;
    if ('skipped' in read) {
      this.skipped.set(uri, read.skipped);
      return undefined;
    }
    return this.summarizeText(read.text, filePath);
  }

  /** The I/O half of a load on this thread: the file's text and identity, or why there is none. */
  private async read(filePath: string): Promise<{ text: string; meta: FileMeta; warning?: string } | { skipped: SkippedFile } | undefined> {
    const stat = await this.fs.stat(filePath);
    if (!stat || stat.kind !== 'file') return undefined;
    const maxBytes = this.settings.files.maxSizeKB * 1024;
    if (stat.size > maxBytes) {
      const message = `${path.basename(filePath)} is ${Math.round(stat.size / 1024)} KB, larger than corroborate.files.maxSizeKB (${this.settings.files.maxSizeKB} KB): not indexed`;
      return { skipped: { path: filePath, reason: 'too-large', message } };
    }
    let bytes: Uint8Array;
    try {
      bytes = await this.fs.readFile(filePath);
    } catch (error) {
      return { skipped: { path: filePath, reason: 'unreadable', message: `${path.basename(filePath)} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` } };
    }
    const decoded = decodeArticle(bytes);
    if (decoded.binary) return { skipped: { path: filePath, reason: 'binary', message: `${path.basename(filePath)} holds binary data: not indexed` } };
    const meta = { size: bytes.length, mtimeMs: stat.mtimeMs, hash: contentHash(bytes) };
    return { text: decoded.text, meta, ...(decoded.warning ? { warning: `${path.basename(filePath)}: ${decoded.warning}` } : {}) };
  }

  summarizeText(text: string, filePath: string): ArticleSummary {
    return summarize(this.analyzer(text, this.analysisOptions(filePath)));
  }

  /**
   * The analysis of an open document and its summary: on this thread when short, else on a worker (the one that
   * analysed the document's last version, when it is free: see analysisPool.ts). Both keep an AnalysisCache, so
   * after an edit only what the edit touched is analysed again.
   */
  async analyzeOpen(text: string, options: AnalysisOptions, document?: string): Promise<{ analysis: ArticleAnalysis; summary: ArticleSummary }> {
    if (this.runner.threads === 0 || text.length <= INLINE_OPEN_DOCUMENT_CHARS) {
      const analysis = this.analyzer(text, options, this.openCache);
      return { analysis, summary: summarize(analysis) };
    }
    const reply = await this.runner.run({ kind: 'text', text, options, ...(document !== undefined ? { document } : {}) }, 'high');
    if (reply.kind === 'analysis') return decodeAnalysis(reply.bytes, text, this.index.stringPool);
    throw new Error(reply.kind === 'error' || reply.kind === 'skipped' ? reply.message : `unexpected reply ${reply.kind}`);
  }

  private fingerprint(): string {
    return analysisFingerprint(this.analysisOptions('article.txt'));
  }

  /** Indexes every article in the folders: the articles that are gone are dropped, open documents are left as the
   *  editor has them. Files unchanged since they were last indexed (or since the persisted index was saved) are not
   *  analysed again. Requests are answered while it runs; a later call cancels an earlier one. */
  async indexAll(onProgress?: (progress: IndexingProgress) => void): Promise<IndexAllResult> {
    const generation = ++this.generation;
    const cancelled = (): IndexAllResult => ({ indexed: 0, analysed: 0, reused: 0, skipped: [...this.skipped.values()], cancelled: true });
    await this.loadConfig();
    const fingerprint = this.fingerprint();
    // the persisted index (read once per session) is read and decoded while the folders are walked
    const persistedRead = this.readPersisted(fingerprint);
    persistedRead.catch(() => undefined); // (awaited below; not an unhandled rejection if the walk fails first)
    const files = await this.discover();
    if (generation !== this.generation) {
      // a later call indexes: it reads the persisted index again if this one had it
      if ((await persistedRead).entries) this.persistRead = false;
      return cancelled();
    }
    if (fingerprint !== this.metaFingerprint) {
      // new analysis settings: nothing indexed before counts as current
      this.fileMeta.clear();
      this.metaFingerprint = fingerprint;
    }
    const wanted = new Set(files.map(uriOfPath));
    for (const uri of this.index.uris()) {
      if (!wanted.has(uri) && !this.open.has(uri)) this.forget(uri);
    }
    for (const uri of [...this.skipped.keys()]) if (!wanted.has(uri)) this.skipped.delete(uri);
    // the files' stats are taken (where the file system can) while the persisted index is read
    const statsTaken = this.fs.statAll?.(files);
    const { entries: persisted, clusters: savedClusters, status } = await persistedRead;
    const stats = await statsTaken;
    if (generation !== this.generation) return cancelled();

    this.index.beginBulk();
    try {
      let done = 0;
      let lastReport = 0;
      const report = (filePath?: string, force = false) => {
        const now = Date.now();
        if (!force && now - lastReport < 100) return;
        lastReport = now;
        onProgress?.({ done, total: files.length, ...(filePath ? { path: filePath } : {}) });
      };
      report(undefined, true);
      // 1. what is unchanged since it was last indexed (or saved) is taken as it is
      const pending: PendingFile[] = [];
      let reused = 0;
      /** Articles taken as they were saved: their names keep their saved clusters (when the configuration holds). */
      const fromSaved = new Set<string>();
      const slices = new TimeSlices(SLICE_MS);
      const maxBytes = this.settings.files.maxSizeKB * 1024;
      for (let i = 0; i < files.length; i++) {
        const filePath = files[i]!;
        const uri = uriOfPath(filePath);
        if (this.open.has(uri)) {
          done++;
          continue;
        }
        const stat = stats ? stats[i] : await this.fs.stat(filePath);
        const current = this.index.has(uri) ? this.fileMeta.get(uri) : undefined;
        const saved = persisted?.get(filePath);
        const known = current ?? saved?.meta;
        const summary = current ? this.index.get(uri) : saved?.summary;
        if (stat && stat.kind === 'file' && stat.size <= maxBytes && known && summary && known.size === stat.size && known.mtimeMs === stat.mtimeMs) {
          if (!current) {
            this.index.set(uri, summary, { interned: true });
            fromSaved.add(uri);
          }
          this.fileMeta.set(uri, known);
          this.skipped.delete(uri);
          reused++;
          done++;
        } else {
          pending.push({ filePath, uri, ...(stat ? { size: stat.size } : {}), ...(known && summary && stat && known.size === stat.size ? { known, summary } : {}) });
        }
        if (slices.due) {
          report(filePath);
          await slices.next();
          if (generation !== this.generation) return cancelled();
        }
      }
      // 2. the rest is analysed, on worker threads when there are some
      // a few small files (a warm start, files changed while the editor was closed) are analysed on this thread:
      // starting a worker for them would take longer, and its memory
      const onWorkers = this.runner.threads > 0 && !(pending.length <= this.inlineFiles && pending.every((file) => isSmall(file.size)));
      const { analysed, kept } =
        onWorkers
          ? await this.analyseOnWorkers(pending, generation, () => {
              done++;
              report();
            })
          : await this.analyseHere(pending, generation, (filePath) => {
              done++;
              report(filePath);
            });
      if (generation !== this.generation) return cancelled();
      // the workers' memory (some 40 MB each) is not held through the clustering and the checks that follow
      if (onWorkers) this.runner.releaseIdle?.();
      report(undefined, true);
      // 3. clustering, in slices: from the saved clusters, when there are some, for what changed since
      if (savedClusters && persisted && savedClusters.configKey === this.index.configKey) {
        const changed: ArticleSummary[] = [];
        for (const [filePath, entry] of persisted) if (!fromSaved.has(uriOfPath(filePath))) changed.push(entry.summary);
        for (const uri of this.index.uris()) if (!fromSaved.has(uri)) changed.push(this.index.get(uri)!);
        this.index.restoreClusters(savedClusters.groups, changed);
      }
      await this.index.flushInSlices(SLICE_MS);
      if (generation !== this.generation) return cancelled();
      const indexed = [...this.fileMeta.keys()].filter((uri) => this.index.has(uri) && !this.open.has(uri)).length;
      if (analysed > 0 || (status !== undefined && !status.startsWith('loaded'))) this.dirtySinceSave = true;
      this.scheduleSave(0);
      // the largest entities' views, those of the open articles first, ready before the first hover asks (in slices,
      // after this run)
      inTurn(() => void this.index.warmViews({ first: [...this.open] }).catch(() => undefined));
      return { indexed, analysed, reused: reused + kept, skipped: [...this.skipped.values()], cancelled: false, onWorkers, ...(status ? { persisted: status } : {}) };
    } finally {
      this.index.endBulk();
    }
  }

  /** The persisted index, read once per session (and again when the file or the analysis settings change). */
  private async readPersisted(fingerprint: string): Promise<{ entries?: Map<string, PersistedEntry>; clusters?: PersistedClusters; status?: string }> {
    if (!this.persistFile || this.persistRead) return {};
    this.persistRead = true;
    const result = await loadPersistedIndex(this.persistFile, fingerprint, SLICE_MS, this.index.stringPool);
    if (result.kind === 'loaded') return { entries: result.entries, ...(result.clusters ? { clusters: result.clusters } : {}), status: `loaded ${result.entries.size} summaries` };
    if (result.kind === 'absent') return { status: 'absent' };
    this.log(`persisted index ${this.persistFile} discarded: ${result.reason}; it is rebuilt`);
    this.dirtySinceSave = true;
    return { status: `discarded: ${result.reason}` };
  }

  /** Analyses files on this thread, reading a few ahead; yields between files. Returns how many were analysed. */
  private async analyseHere(pending: readonly PendingFile[], generation: number, onDone: (filePath: string) => void): Promise<{ analysed: number; kept: number }> {
    const reads = new Map<number, Promise<Awaited<ReturnType<WorkspaceIndexer['read']>>>>();
    const readAhead = (i: number) => {
      for (let k = i; k < Math.min(pending.length, i + READ_AHEAD); k++) {
        if (!reads.has(k)) reads.set(k, this.read(pending[k]!.filePath).catch(() => undefined));
      }
    };
    const counts = { analysed: 0, kept: 0 };
    const slices = new TimeSlices(SLICE_MS);
    for (let i = 0; i < pending.length; i++) {
      const item = pending[i]!;
      readAhead(i);
      const read = await reads.get(i)!;
      reads.delete(i);
      if (generation !== this.generation) return counts;
      if (!this.open.has(item.uri)) {
        if (read && 'text' in read && item.known && item.summary && read.meta.hash === item.known.hash) {
          this.apply(item, { kind: 'unchanged', meta: read.meta });
          counts.kept++;
        } else if (read && 'text' in read) {
          if (read.warning) this.log(read.warning);
          this.index.set(item.uri, this.summarizeText(read.text, item.filePath));
          this.fileMeta.set(item.uri, read.meta);
          this.skipped.delete(item.uri);
          counts.analysed++;
        } else if (read) {
          this.forget(item.uri);
          this.skipped.set(item.uri, read.skipped);
        } else {
          this.forget(item.uri);
        }
      }
      onDone(item.filePath);
      if (slices.due) await slices.next();
    }
    return counts;
  }

  /** Analyses files on the worker threads, a few tasks per worker in flight. Replies are queued as they arrive and
   *  put into the index in slices of about SLICE_MS (a worker thread can deliver many replies in one turn of the
   *  event loop; handled at once, they would hold up requests). Returns how many were analysed, and kept. */
  private analyseOnWorkers(pending: readonly PendingFile[], generation: number, onDone: () => void): Promise<{ analysed: number; kept: number }> {
    const limit = Math.max(2, this.runner.threads * TASKS_PER_WORKER);
    let next = 0;
    let active = 0;
    const counts = { analysed: 0, kept: 0 };
    const replies: { item: PendingFile; reply: TaskReply }[] = [];
    let draining = false;
    return new Promise((resolve) => {
      const finishIfDone = () => {
        const stale = generation !== this.generation;
        if (active === 0 && replies.length === 0 && (stale || next >= pending.length)) resolve(counts);
      };
      const pump = () => {
        const stale = generation !== this.generation;
        // keep the workers busy: replies waiting to be handled count as in flight
        while (!stale && active + replies.length < limit && next < pending.length) {
          const item = pending[next++]!;
          active++;
          void this.runner.run(this.fileTask(item.filePath, item.known?.hash)).then((reply) => {
            active--;
            replies.push({ item, reply });
            if (!draining) {
              draining = true;
              inTurn(drain);
            }
          });
        }
        finishIfDone();
      };
      const drain = () => {
        const started = Date.now();
        while (replies.length > 0 && Date.now() - started < SLICE_MS) {
          const { item, reply } = replies.shift()!;
          if (generation === this.generation && !this.open.has(item.uri)) {
            const outcome = this.apply(item, reply);
            if (outcome !== 'none') counts[outcome]++;
          }
          onDone();
        }
        pump();
        if (replies.length > 0) inTurn(drain);
        else {
          draining = false;
          finishIfDone();
        }
      };
      pump();
    });
  }

  private fileTask(filePath: string, knownHash?: string): FileTask {
    return {
      kind: 'file',
      path: filePath,
      maxBytes: this.settings.files.maxSizeKB * 1024,
      options: this.analysisOptions(filePath),
      ...(knownHash !== undefined ? { knownHash } : {}),
    };
  }

  /** Puts a task's outcome into the index: whether an article was analysed, kept (its content hash unchanged), or
   *  neither (skipped, gone, failed). */
  private apply(item: PendingFile, reply: TaskReply): 'analysed' | 'kept' | 'none' {
    switch (reply.kind) {
      case 'summary': {
        let summary: ArticleSummary;
        try {
          summary = decodeSummary(reply.bytes, this.index.stringPool);
        } catch (error) {
          this.forget(item.uri);
          this.skipped.set(item.uri, { path: item.filePath, reason: 'failed', message: `${path.basename(item.filePath)} could not be indexed (${String(error)})` });
          return 'none';
        }
        if (reply.warning) this.log(reply.warning);
        this.index.set(item.uri, summary, { interned: true });
        this.fileMeta.set(item.uri, reply.meta);
        this.skipped.delete(item.uri);
        return 'analysed';
      }
      case 'unchanged':
        if (item.summary && this.index.get(item.uri) !== item.summary) this.index.set(item.uri, item.summary, { interned: true });
        if (this.fileMeta.get(item.uri)?.mtimeMs !== reply.meta.mtimeMs) this.dirtySinceSave = true;
        this.fileMeta.set(item.uri, reply.meta);
        this.skipped.delete(item.uri);
        return 'kept';
      case 'skipped':
        this.forget(item.uri);
        this.skipped.set(item.uri, { path: item.filePath, reason: reply.reason, message: reply.message });
        if (reply.reason === 'failed') this.log(reply.message);
        return 'none';
      case 'gone':
        this.forget(item.uri);
        this.skipped.delete(item.uri);
        return 'none';
      default: {
        const message = `${path.basename(item.filePath)} could not be analysed (${reply.kind === 'error' ? reply.message : `unexpected reply ${reply.kind}`})`;
        this.log(message);
        this.forget(item.uri);
        this.skipped.set(item.uri, { path: item.filePath, reason: 'failed', message });
        return 'none';
      }
    }
  }

  /** Drops an article from the index and its identity from the record. */
  private forget(uri: string): void {
    this.index.delete(uri);
    if (this.fileMeta.delete(uri)) this.dirtySinceSave = true;
  }

  /** Brings one closed file up to date with the disk (created or changed): on a worker when there are some. */
  private async refreshFile(filePath: string): Promise<void> {
    const uri = uriOfPath(filePath);
    const known = this.index.has(uri) ? this.fileMeta.get(uri) : undefined;
    const summary = known ? this.index.get(uri) : undefined;
    const stat = await this.fs.stat(filePath);
    if (known && stat && stat.kind === 'file' && known.size === stat.size && known.mtimeMs === stat.mtimeMs && stat.size <= this.settings.files.maxSizeKB * 1024) return;
    const item: PendingFile = { filePath, uri, ...(known && summary && stat && known.size === stat.size ? { known, summary } : {}) };
    if (this.runner.threads > 0 && !isSmall(stat?.size)) {
      const reply = await this.runner.run(this.fileTask(filePath, item.known?.hash));
      if (this.open.has(uri)) return;
      this.apply(item, reply);
    } else {
      const read = await this.read(filePath);
      if (this.open.has(uri)) return;
      if (read && 'text' in read) {
        if (item.known && item.summary && read.meta.hash === item.known.hash) this.apply(item, { kind: 'unchanged', meta: read.meta });
        else {
          if (read.warning) this.log(read.warning);
          this.index.set(uri, this.summarizeText(read.text, filePath));
          this.fileMeta.set(uri, read.meta);
          this.skipped.delete(uri);
        }
      } else if (read) {
        this.forget(uri);
        this.skipped.set(uri, read.skipped);
      } else {
        this.forget(uri);
        this.skipped.delete(uri);
      }
    }
    this.dirtySinceSave = true;
    this.scheduleSave();
  }

  // ---- the persisted index -------------------------------------------------------------------------------------

  /** Saves the persisted index after `delayMs` (changes in between are saved together). */
  scheduleSave(delayMs = 10_000): void {
    if (!this.persistFile || !this.dirtySinceSave) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.save();
    }, delayMs);
    this.saveTimer.unref?.();
  }

  /** Writes the persisted index now (one save at a time); resolves when written. Never throws. */
  save(): Promise<void> {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = undefined;
    }
    this.saving = this.saving.then(async () => {
      const file = this.persistFile;
      if (!file || !this.dirtySinceSave || this.metaFingerprint === undefined) return;
      if (this.index.inBulk) {
        // a full index is running: it saves when it is done
        return;
      }
      this.dirtySinceSave = false;
      // in slices, like the encoding: 22,000 articles' paths and summaries gathered at once held requests for 30 ms
      // (a change meanwhile marks the index dirty again, and it is saved again)
      const entries: PersistedEntry[] = [];
      const slices = new TimeSlices(SLICE_MS);
      for (const [uri, meta] of this.fileMeta) {
        if (slices.due) await slices.next();
        if (this.open.has(uri)) continue;
        const summary = this.index.get(uri);
        const filePath = pathOfUri(uri);
        if (summary && filePath !== undefined) entries.push({ path: filePath, meta, summary });
      }
      try {
        // the clusters as they are once what changed is re-clustered (in slices, after one under way)
        await this.index.flushInSlices(SLICE_MS);
        const clusters = { configKey: this.index.configKey, groups: this.index.exportClusters() };
        await savePersistedIndex(file, { fingerprint: this.metaFingerprint, folders: this.folders }, entries, SLICE_MS, clusters);
      } catch (error) {
        this.dirtySinceSave = true;
        this.log(`the persisted index could not be saved to ${file}: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
    return this.saving;
  }

  /** Stops background saving (the server is shutting down). */
  dispose(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
  }

  /** Stops background saving and resolves when a save already under way has finished writing. */
  async close(): Promise<void> {
    this.dispose();
    await this.saving;
  }

  // ---- editor and file-system events ---------------------------------------------------------------------------

  /** The editor has the document open: its text wins over the disk until it is closed. */
  setOpenSummary(uri: string, summary: ArticleSummary | undefined): void {
    const key = canonicalUri(uri);
    const opened = !this.open.has(key);
    this.open.add(key);
    // the index no longer holds the disk's version: when the document closes, the file is read again
    this.fileMeta.delete(key);
    if (summary) this.index.set(key, summary);
    else this.index.delete(key);
    // a document just opened: its entities are the ones hovered next
    if (opened && summary) void this.index.warmViewsOf(key).catch(() => undefined);
  }

  isOpen(uri: string): boolean {
    return this.open.has(canonicalUri(uri));
  }

  /** The editor closed the document: the disk's version (if any) takes its place. */
  async closed(uri: string): Promise<void> {
    const key = canonicalUri(uri);
    this.open.delete(key);
    const filePath = pathOfUri(key);
    if (filePath === undefined) {
      this.index.delete(key);
      return;
    }
    await this.fileChanged(filePath);
  }

  /** A file was created or changed on disk (or a folder was created: its articles are indexed). */
  async fileChanged(filePath: string): Promise<void> {
    if (path.basename(filePath) === CONFIG_FILE_NAME) {
      await this.loadConfig();
      return;
    }
    const uri = uriOfPath(filePath);
    if (this.open.has(uri)) return;
    const stat = await this.fs.stat(filePath);
    if (stat?.kind === 'directory') {
      for (const file of await this.discover(filePath)) await this.fileChanged(file);
      return;
    }
    if (!stat || !this.isArticle(filePath) || this.isInExcludedDirectory(filePath) || !this.isInFolders(filePath)) {
      this.forget(uri);
      this.skipped.delete(uri);
      return;
    }
    await this.refreshFile(filePath);
  }

  /** A file or folder was deleted: everything indexed under it goes (open documents stay until closed). */
  async fileDeleted(filePath: string): Promise<void> {
    if (path.basename(filePath) === CONFIG_FILE_NAME) {
      await this.loadConfig();
      return;
    }
    const uri = uriOfPath(filePath);
    const prefix = uri.endsWith('/') ? uri : `${uri}/`;
    for (const indexed of this.index.uris()) {
      if ((indexed === uri || indexed.startsWith(prefix)) && !this.open.has(indexed)) {
        this.forget(indexed);
        this.skipped.delete(indexed);
      }
    }
    this.scheduleSave();
  }

  private isInFolders(filePath: string): boolean {
    return this.folders.length === 0 || relativeToFolders(filePath, this.folders) !== undefined;
  }

  private isInExcludedDirectory(filePath: string): boolean {
    const relative = relativeToFolders(filePath, this.folders);
    if (relative === undefined) return false;
    const parts = relative.split('/');
    for (let i = 1; i < parts.length; i++) {
      if (ALWAYS_SKIPPED_DIRECTORIES.has(parts[i - 1]!)) return true;
    }
    return false;
  }

  // ---- .corroborate.json ---------------------------------------------------------------------------------------

  /** Reads `.corroborate.json` from each folder root; valid entries of all of them apply. */
  async loadConfig(): Promise<void> {
    const configs: WorkspaceConfig[] = [];
    const problems: ConfigFileProblems[] = [];
    for (const folder of this.folders) {
      const filePath = path.join(folder, CONFIG_FILE_NAME);
      const stat = await this.fs.stat(filePath);
      if (!stat || stat.kind !== 'file') continue;
      let text: string;
      try {
        text = decodeArticle(await this.fs.readFile(filePath)).text;
      } catch {
        continue;
      }
      const parsed = parseConfig(text);
      configs.push(parsed.config);
      problems.push({ uri: uriOfPath(filePath), text, problems: parsed.problems });
    }
    this.configProblems = problems;
    this.index.setConfig(mergeConfigs(configs));
  }

  /** Problems found in each `.corroborate.json` (empty lists included, so old diagnostics can be cleared). */
  get configFileProblems(): readonly ConfigFileProblems[] {
    return this.configProblems;
  }
}

/** A file small enough to analyse on the main thread (a few milliseconds), as an open document of that size is. */
function isSmall(bytes: number | undefined): boolean {
  return bytes !== undefined && bytes <= INLINE_OPEN_DOCUMENT_CHARS;
}

interface PendingFile {
  readonly filePath: string;
  readonly uri: string;
  /** Its size in bytes, when it was known. */
  readonly size?: number;
  /** What the index (or the persisted index) has for the file when its size is unchanged: kept if the hash is too. */
  readonly known?: FileMeta;
  readonly summary?: ArticleSummary;
}


function mergeConfigs(configs: readonly WorkspaceConfig[]): WorkspaceConfig {
  if (configs.length === 0) return DEFAULT_CONFIG;
  if (configs.length === 1) return configs[0]!;
  return {
    aliases: configs.flatMap((config) => config.aliases),
    distinct: configs.flatMap((config) => config.distinct),
    defaultAliases: configs.every((config) => config.defaultAliases),
    // consistency-check entries name files relative to their own folder; several folders' entries all apply
    ignore: configs.flatMap((config) => config.ignore ?? []),
    notSameFact: configs.flatMap((config) => config.notSameFact ?? []),
    off: configs.flatMap((config) => config.off ?? []),
  };
}
