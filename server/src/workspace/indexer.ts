// Keeps a WorkspaceIndex in step with the files of the workspace folders: finds the articles (include/exclude
// settings), reads and analyses the closed ones, takes summaries of open ones from the editor, follows file-system
// changes, and reads `.corroborate.json`. No LSP: the server and the CLI drive it; unit tests give it a MemoryFileSystem.
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { analyze } from '../analysis/analyze';
import type { AnalysisOptions, ArticleAnalysis } from '../analysis/types';
import { isArticlePath, isMarkdownPath, relativeToFolders } from '../articles';
import { decodeArticle } from '../cli/read';
import type { Settings } from '../settings';
import { DEFAULT_SETTINGS } from '../settings';
import { CONFIG_FILE_NAME, DEFAULT_CONFIG, parseConfig, type ConfigProblem, type WorkspaceConfig } from './config';
import type { FileSystem } from './fileSystem';
import { WorkspaceIndex } from './index';
import { summarize, type ArticleSummary } from './summary';

/** The URI the index keys a file by (encoded as VS Code encodes it, so open and closed files agree). */
export function uriOfPath(filePath: string): string {
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
  try {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? parsed.fsPath : undefined;
  } catch {
    return undefined;
  }
}

export type Analyzer = (text: string, options: AnalysisOptions) => ArticleAnalysis;

export interface SkippedFile {
  readonly path: string;
  readonly reason: 'too-large' | 'binary' | 'unreadable';
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
  readonly indexed: number;
  readonly skipped: readonly SkippedFile[];
  readonly cancelled: boolean;
}

/** Files read ahead of the one being analysed during a full index. */
const READ_AHEAD = 8;

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

  constructor(
    private readonly fs: FileSystem,
    options: { index?: WorkspaceIndex; analyzer?: Analyzer } = {},
  ) {
    this.index = options.index ?? new WorkspaceIndex();
    this.analyzer = options.analyzer ?? analyze;
  }

  private readonly analyzer: Analyzer;

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

  /** Reads, decodes and analyses one file; undefined (and a note in `skipped`) when it cannot be an article. */
  async load(filePath: string): Promise<ArticleSummary | undefined> {
    return this.analyzeRead(filePath, await this.read(filePath));
  }

  /** The I/O half of `load`: the file's text, or why there is none. */
  private async read(filePath: string): Promise<{ text: string } | { skipped: SkippedFile } | undefined> {
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
    return { text: decoded.text };
  }

  /** The CPU half of `load` (what a worker thread can take over). */
  private analyzeRead(filePath: string, read: { text: string } | { skipped: SkippedFile } | undefined): ArticleSummary | undefined {
    const uri = uriOfPath(filePath);
    this.skipped.delete(uri);
    if (!read) return undefined;
    if ('skipped' in read) {
      this.skipped.set(uri, read.skipped);
      return undefined;
    }
    return this.summarizeText(read.text, filePath);
  }

  summarizeText(text: string, filePath: string): ArticleSummary {
    return summarize(this.analyzer(text, this.analysisOptions(filePath)));
  }

  /** Indexes every article in the folders: the articles that are gone are dropped, open documents are left as the
   *  editor has them. Yields to the event loop between files so requests are answered while it runs; a later call
   *  cancels an earlier one. */
  async indexAll(onProgress?: (progress: IndexingProgress) => void): Promise<IndexAllResult> {
    const generation = ++this.generation;
    await this.loadConfig();
    const files = await this.discover();
    if (generation !== this.generation) return { indexed: 0, skipped: [], cancelled: true };
    const wanted = new Set(files.map(uriOfPath));
    for (const uri of this.index.uris()) if (!wanted.has(uri) && !this.open.has(uri)) this.index.delete(uri);
    let indexed = 0;
    let lastYield = Date.now();
    onProgress?.({ done: 0, total: files.length });
    // Reads run ahead of the analysis (a few files in flight), so disk latency hides behind the CPU work.
    const reads = new Map<number, Promise<Awaited<ReturnType<WorkspaceIndexer['read']>>>>();
    const readAhead = (i: number) => {
      for (let k = i; k < Math.min(files.length, i + READ_AHEAD); k++) {
        if (!reads.has(k)) reads.set(k, this.read(files[k]!).catch(() => undefined));
      }
    };
    for (let i = 0; i < files.length; i++) {
      const filePath = files[i]!;
      const uri = uriOfPath(filePath);
      readAhead(i);
      const pending = reads.get(i)!;
      reads.delete(i);
      if (!this.open.has(uri)) {
        const summary = this.analyzeRead(filePath, await pending);
        if (generation !== this.generation) return { indexed, skipped: [...this.skipped.values()], cancelled: true };
        if (summary) {
          this.index.set(uri, summary);
          indexed++;
        } else {
          this.index.delete(uri);
        }
      }
      if (Date.now() - lastYield > 10 || i === files.length - 1) {
        onProgress?.({ done: i + 1, total: files.length, path: filePath });
        await new Promise((resolve) => setImmediate(resolve));
        lastYield = Date.now();
        if (generation !== this.generation) return { indexed, skipped: [...this.skipped.values()], cancelled: true };
      }
    }
    this.index.flush();
    return { indexed, skipped: [...this.skipped.values()], cancelled: false };
  }

  // ---- editor and file-system events ---------------------------------------------------------------------------

  /** The editor has the document open: its text wins over the disk until it is closed. */
  setOpenSummary(uri: string, summary: ArticleSummary | undefined): void {
    const key = canonicalUri(uri);
    this.open.add(key);
    if (summary) this.index.set(key, summary);
    else this.index.delete(key);
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
      this.index.delete(uri);
      this.skipped.delete(uri);
      return;
    }
    const summary = await this.load(filePath);
    if (summary) this.index.set(uri, summary);
    else this.index.delete(uri);
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
        this.index.delete(indexed);
        this.skipped.delete(indexed);
      }
    }
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
