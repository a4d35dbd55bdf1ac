// The Corroborate language server: wiring only. `node dist/server.js --stdio` for any LSP client;
// VS Code starts it over IPC. Each handler maps analysis and index results to LSP types through server/src/features.
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  createConnection,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  WatchKind,
  type CancellationToken,
  type Diagnostic,
  type Disposable,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as path from 'node:path';
import { LineIndex } from './analysis/lines';
import type { ArticleAnalysis } from './analysis/types';
import type { ArticleSummary } from './workspace/summary';
import { folderOf, isArticlePath, isMarkdownPath, relativeToFolders } from './articles';
import { ArticleTexts } from './features/articleTexts';
import { codeLenses, resolveCodeLens } from './features/codeLens';
import { registerCheckDiagnostics } from './features/diagnostics';
import type { EditCapabilities } from './features/edits';
import { hover } from './features/hover';
import type { DisplayPath } from './features/ranges';
import { definition, documentHighlights, references } from './features/references';
import { prepareRename, rename } from './features/rename';
import { semanticTokens, semanticTokensLegend } from './features/semanticTokens';
import { spellingCodeActions, spellingVariantDiagnostics } from './features/spelling';
import { documentSymbols, flatDocumentSymbols, workspaceSymbols } from './features/symbols';
import { registerViewRequests } from './features/views';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from './settings';
import { createAnalysisRunner, type AnalysisRunner } from './workspace/analysisPool';
import { nodeFileSystem } from './workspace/fileSystem';
import { canonicalUri, pathOfUri, uriOfPath, WorkspaceIndexer } from './workspace/indexer';
import { indexFileFor } from './workspace/persistedIndex';
import { readStartupOptions } from './workspace/startup';
import { noteInput } from './workspace/turns';

const connection = createConnection(ProposedFeatures.all);
// background work yields sooner while the editor is sending messages (see noteInput); both listeners only look
if (process.argv.includes('--stdio')) process.stdin.on('data', noteInput);
else if (process.argv.includes('--node-ipc')) process.on('message', noteInput);
const documents = new TextDocuments(TextDocument);
const indexer = new WorkspaceIndexer(nodeFileSystem, { log: (message) => log(message) });
const index = indexer.index;
/** Analysis worker threads (dist/worker.js; set up at initialize): the main thread only answers requests. */
let runner: AnalysisRunner | undefined;
/** Where the persisted index is kept (initializationOptions.storagePath), if anywhere. */
let storagePath: string | undefined;

let workspaceFolders: string[] = [];
let canPullConfiguration = false;
let canWatchFiles = false;
let canReportProgress = false;
let canRefreshCodeLens = false;
let canFolderEvents = false;
let hierarchicalSymbols = false;
let editCapabilities: EditCapabilities = { documentChanges: false, changeAnnotations: false };
/** Settings by scope (see `settingsScopeOf`). */
const settingsByScope = new Map<string, Promise<Settings>>();
let workspaceSettings: Settings = DEFAULT_SETTINGS;
const analyses = new Map<string, { version: number; analysis: ArticleAnalysis | undefined }>();
/** Analyses of open documents under way (on a worker), so concurrent requests wait for one rather than start more. */
const analysing = new Map<string, { version: number; work: Promise<{ analysis: ArticleAnalysis; summary: ArticleSummary }> }>();
const toldTooLarge = new Set<string>();
const diagnosticsShown = new Set<string>();
const configDiagnosticsShown = new Set<string>();

function log(message: string): void {
  connection.console.log(`[${new Date().toISOString()}] ${message}`);
}

/** Runs a request handler; an internal error is logged and answered with `fallback`, never a crash. A request the
 *  client cancels is answered at once with RequestCancelled, even while its work (an analysis on a worker) goes on. */
async function safely<T>(what: string, fallback: T, handler: () => T | Promise<T>, token?: CancellationToken): Promise<T> {
  const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, `${what}: cancelled`);
  if (token?.isCancellationRequested) throw cancelled();
  let stop: Disposable | undefined;
  try {
    const work = Promise.resolve().then(handler);
    if (!token) return await work;
    const onCancel = new Promise<never>((_, reject) => {
      stop = token.onCancellationRequested(() => reject(cancelled()));
    });
    const result = await Promise.race([work, onCancel]);
    if (token.isCancellationRequested) throw cancelled();
    return result;
  } catch (error) {
    if (error instanceof ResponseError) throw error;
    connection.console.error(`${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return fallback;
  } finally {
    stop?.dispose();
  }
}

/** Other articles' texts for hover snippets: the editor's for open documents, else the file's. */
/** Open documents by canonical URI (a client may spell a URI differently from ours): a hover looks up each of the
 *  eight articles it lists, and parsing every open document's URI for each would cost more than the hover. */
const openByCanonical = new Map<string, string>();
documents.onDidOpen((event) => openByCanonical.set(canonicalUri(event.document.uri), event.document.uri));
documents.onDidClose((event) => openByCanonical.delete(canonicalUri(event.document.uri)));
/** The open document of an article, however the URI is spelled. */
const openDocument = (uri: string): TextDocument | undefined => documents.get(uri) ?? documents.get(openByCanonical.get(canonicalUri(uri)) ?? '');
const articleTexts = new ArticleTexts((uri) => {
  const document = openDocument(uri);
  return document ? { text: document.getText(), markdown: document.languageId === 'markdown' || isMarkdownPath(uri) } : undefined;
});

const displayPath: DisplayPath = (uri) => {
  const filePath = pathOfUri(uri);
  if (filePath === undefined) return uri;
  return relativeToFolders(filePath, workspaceFolders) ?? path.basename(filePath);
};

const versionOf = (uri: string): number | null => openDocument(uri)?.version ?? null;

/**
 * The scope an article's settings come from: its workspace folder, or the article itself outside every folder. Editors
 * resolve resource settings per folder (VS Code reads a file's from its folder's), so one configuration request per
 * folder serves every article in it: asking per article sent one request per file (22,250 for the status bar's count
 * after an index), and the loops waiting on them held the event loop from requests.
 */
function settingsScopeOf(uri: string): string {
  const filePath = pathOfUri(uri);
  const folder = filePath === undefined ? undefined : folderOf(filePath, workspaceFolders);
  return folder === undefined ? uri : uriOfPath(folder);
}

async function settingsFor(uri: string): Promise<Settings> {
  if (!canPullConfiguration) return DEFAULT_SETTINGS;
  const scopeUri = settingsScopeOf(uri);
  let pending = settingsByScope.get(scopeUri);
  if (!pending) {
    pending = connection.workspace
      .getConfiguration({ scopeUri, section: 'corroborate' })
      .then((raw: unknown) => {
        const { settings, problems } = parseSettings(raw);
        for (const problem of problems) log(`settings: ${problem}`);
        return settings;
      })
      .catch(() => DEFAULT_SETTINGS);
    settingsByScope.set(scopeUri, pending);
  }
  return pending;
}

/** Whether an open document is an article (include/exclude globs); untitled buffers always are. */
function isArticle(document: TextDocument, settings: Settings): boolean {
  const filePath = pathOfUri(document.uri);
  if (filePath === undefined) return true;
  const relative = relativeToFolders(filePath, workspaceFolders) ?? filePath.replace(/\\/g, '/').split('/').pop()!;
  return isArticlePath(relative, settings);
}

/** The analysis of an open article, computed once per document version; the index gets its summary at once. */
async function analysisFor(uri: string): Promise<ArticleAnalysis | undefined> {
  const document = documents.get(uri);
  if (!document) return undefined;
  const cached = analyses.get(uri);
  if (cached && cached.version === document.version) return cached.analysis;
  const settings = await settingsFor(uri);
  let analysis: ArticleAnalysis | undefined;
  let summary: ArticleSummary | undefined;
  const text = document.getText();
  if (!isArticle(document, settings)) {
    analysis = undefined;
  } else if (text.length > settings.files.maxSizeKB * 1024) {
    if (!toldTooLarge.has(uri)) {
      toldTooLarge.add(uri);
      const message = `Corroborate skips ${uri.split('/').pop()}: it is larger than corroborate.files.maxSizeKB (${settings.files.maxSizeKB} KB).`;
      log(message);
      void connection.window.showInformationMessage(message);
    }
  } else {
    // long documents go to a worker (the main thread keeps answering); a failure leaves the document unanalysed
    const pending = analysing.get(uri);
    const work =
      pending && pending.version === document.version
        ? pending.work
        : indexer.analyzeOpen(text, {
            markdown: document.languageId === 'markdown' || isMarkdownPath(uri),
            numericDateOrder: settings.dates.numericOrder,
            defaultArticleDate: settings.dates.defaultArticleDate || undefined,
          }, uri);
    if (!pending || pending.version !== document.version) analysing.set(uri, { version: document.version, work });
    try {
      ({ analysis, summary } = await work);
    } catch (error) {
      log(`${uri.split('/').pop()} could not be analysed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      if (analysing.get(uri)?.work === work) analysing.delete(uri);
    }
  }
  const latest = documents.get(uri);
  if (!latest) return undefined; // closed meanwhile
  if (latest.version !== document.version) return analysisFor(uri); // edited while we waited
  analyses.set(uri, { version: document.version, analysis });
  indexer.setOpenSummary(uri, summary);
  return analysis;
}

/** The offset of a position in an open document, after bringing the index up to date with it. */
async function openOffset(uri: string, position: { line: number; character: number }): Promise<number | undefined> {
  await analysisFor(uri);
  const offset = documents.get(uri)?.offsetAt(position);
  // the entity's view, when it has to be built, is built in slices (other requests are answered meanwhile)
  if (offset !== undefined) await index.prepareViewAt(canonicalUri(uri), offset);
  return offset;
}

// Consistency checks: pull or push diagnostics, refreshes and quick fixes (features/diagnostics.ts).
const checks = registerCheckDiagnostics({ connection, documents, indexer, settingsFor, refreshDocument: analysisFor, displayPath, versionOf, log });

// The views' and commands' custom requests (protocol.ts) and the status notification (features/views.ts).
const views = registerViewRequests({ connection, documents, openDocument, indexer, checks: checks.runner, settingsFor, refreshDocument: analysisFor, displayPath, reindex: () => serially(indexWorkspace), log });

// ---- indexing the workspace ------------------------------------------------------------------------------------

/** File-system work runs one at a time, in order. */
let queue: Promise<unknown> = Promise.resolve();
function serially<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

async function indexWorkspace(): Promise<void> {
  workspaceSettings = workspaceFolders[0] ? await settingsFor(uriOfPath(workspaceFolders[0])) : DEFAULT_SETTINGS;
  indexer.setFolders(workspaceFolders);
  indexer.setSettings(workspaceSettings);
  const progress = canReportProgress ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
  progress?.begin('Corroborate', 0, 'Indexing articles', false);
  const started = Date.now();
  const result = await indexer.indexAll(({ done, total }) => {
    progress?.report(total ? Math.floor((done / total) * 100) : 100, `Indexing articles: ${done}/${total}`);
    views.progress({ done, total });
  });
  progress?.done();
  views.progress(undefined);
  if (result.cancelled) return;
  const stats = index.stats;
  const threads = indexer.workerThreads;
  log(
    `indexed ${result.indexed} articles in ${Date.now() - started} ms: ${stats.clusters} entities from ${stats.names} names ` +
      `(${result.analysed} analysed on ${threads > 0 && result.onWorkers ? `${threads} worker thread${threads === 1 ? '' : 's'}` : 'the main thread'}, ${result.reused} unchanged` +
      `${result.persisted ? `; persisted index ${result.persisted}` : ''})`,
  );
  for (const skip of result.skipped) log(`skipped: ${skip.message}`);
  // one information message per file too large, however often the workspace is indexed again
  const tooLarge = result.skipped.filter((skip) => skip.reason === 'too-large' && !toldTooLarge.has(uriOfPath(skip.path)));
  for (const skip of tooLarge) toldTooLarge.add(uriOfPath(skip.path));
  if (tooLarge.length > 0) {
    const names = tooLarge.slice(0, 3).map((skip) => path.basename(skip.path)).join(', ');
    void connection.window.showInformationMessage(
      `Corroborate skipped ${tooLarge.length} file${tooLarge.length === 1 ? '' : 's'} larger than corroborate.files.maxSizeKB (${workspaceSettings.files.maxSizeKB} KB): ${names}${tooLarge.length > 3 ? ', …' : ''}`,
    );
  }
  publishConfigProblems();
}

function publishConfigProblems(): void {
  const current = new Set<string>();
  for (const file of indexer.configFileProblems) {
    const lines = new LineIndex(file.text);
    const diagnostics: Diagnostic[] = file.problems.map((problem) => ({
      range: { start: lines.position(problem.start), end: lines.position(problem.end) },
      severity: problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      source: 'corroborate',
      message: problem.message,
    }));
    void connection.sendDiagnostics({ uri: file.uri, diagnostics });
    current.add(file.uri);
  }
  for (const uri of configDiagnosticsShown) if (!current.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
  configDiagnosticsShown.clear();
  for (const uri of current) configDiagnosticsShown.add(uri);
}

let watcherRegistration: { dispose(): void } | undefined;

/** Watches the article globs, .corroborate.json, and folders created or deleted (re-registered when globs change). */
async function registerWatchers(): Promise<void> {
  if (!canWatchFiles) return;
  const watchers = [
    ...workspaceSettings.articles.include.map((globPattern) => ({ globPattern })),
    { globPattern: '**/.corroborate.json' },
    { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete },
  ];
  watcherRegistration?.dispose();
  watcherRegistration = await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
}

// ---- keeping the editor up to date -----------------------------------------------------------------------------

let refreshTimer: NodeJS.Timeout | undefined;
index.onDidChange(() => {
  if (refreshTimer) clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => void refreshEditor(), 250);
});

async function refreshEditor(): Promise<void> {
  if (canRefreshCodeLens) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  for (const document of documents.all()) {
    const settings = await settingsFor(document.uri);
    const uri = canonicalUri(document.uri);
    if (settings.diagnostics.spellingVariants) {
      void connection.sendDiagnostics({ uri: document.uri, diagnostics: spellingVariantDiagnostics(index, uri, displayPath) });
      diagnosticsShown.add(document.uri);
    } else if (diagnosticsShown.delete(document.uri)) {
      void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    }
  }
}

const editTimers = new Map<string, NodeJS.Timeout>();
documents.onDidChangeContent((event) => {
  const uri = event.document.uri;
  clearTimeout(editTimers.get(uri));
  editTimers.set(uri, setTimeout(() => void analysisFor(uri).then(() => index.flush()), 200));
});

documents.onDidClose((event) => {
  const uri = event.document.uri;
  clearTimeout(editTimers.get(uri));
  analyses.delete(uri);
  if (diagnosticsShown.delete(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
  void serially(() => indexer.closed(uri)).then(() => index.flush());
});

connection.onDidChangeWatchedFiles((params) =>
  serially(async () => {
    const seen = new Set<string>();
    for (const change of params.changes) {
      const filePath = pathOfUri(change.uri);
      if (filePath === undefined || seen.has(`${change.type}|${filePath}`)) continue;
      seen.add(`${change.type}|${filePath}`);
      if (change.type === FileChangeType.Deleted) await indexer.fileDeleted(filePath);
      else await indexer.fileChanged(filePath);
      if (path.basename(filePath) === '.corroborate.json') {
        publishConfigProblems();
        checks.refresh();
      }
    }
    index.flush();
  }).catch((error) => connection.console.error(`file events: ${String(error)}`)),
);

// ---- lifecycle -------------------------------------------------------------------------------------------------

connection.onInitialize((params: InitializeParams): InitializeResult => {
  workspaceFolders = (params.workspaceFolders ?? [])
    .map((folder) => pathOfUri(folder.uri))
    .filter((folder): folder is string => folder !== undefined);
  if (workspaceFolders.length === 0 && params.rootUri) {
    const root = pathOfUri(params.rootUri);
    if (root) workspaceFolders.push(root);
  }
  // start-up options: where to keep the persisted index, how many analysis threads
  const startup = readStartupOptions(params.initializationOptions);
  for (const problem of startup.problems) log(`initializationOptions: ${problem}`);
  runner = createAnalysisRunner({ ...(startup.workerThreads !== undefined ? { size: startup.workerThreads } : {}), log });
  indexer.setRunner(runner);
  storagePath = startup.storagePath;
  indexer.setPersistence(storagePath && workspaceFolders.length > 0 ? indexFileFor(storagePath, workspaceFolders) : undefined);
  const capabilities = params.capabilities;
  canPullConfiguration = capabilities.workspace?.configuration === true;
  canWatchFiles = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  canReportProgress = capabilities.window?.workDoneProgress === true;
  canRefreshCodeLens = capabilities.workspace?.codeLens?.refreshSupport === true;
  canFolderEvents = capabilities.workspace?.workspaceFolders === true;
  hierarchicalSymbols = capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
  editCapabilities = {
    documentChanges: capabilities.workspace?.workspaceEdit?.documentChanges === true,
    changeAnnotations: capabilities.workspace?.workspaceEdit?.changeAnnotationSupport !== undefined,
  };
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      semanticTokensProvider: { legend: semanticTokensLegend, full: true, range: true },
      referencesProvider: true,
      definitionProvider: true,
      documentHighlightProvider: true,
      workspaceSymbolProvider: true,
      documentSymbolProvider: { label: 'Corroborate' },
      codeLensProvider: { resolveProvider: true },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      renameProvider: capabilities.textDocument?.rename?.prepareSupport ? { prepareProvider: true } : true,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      ...checks.capabilities(capabilities),
    },
    serverInfo: { name: 'corroborate', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (canPullConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'corroborate' });
  }
  if (canFolderEvents) {
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.map((folder) => pathOfUri(folder.uri)));
      workspaceFolders = workspaceFolders.filter((folder) => !removed.has(folder));
      for (const folder of event.added) {
        const folderPath = pathOfUri(folder.uri);
        if (folderPath) workspaceFolders.push(folderPath);
      }
      // an article's settings scope is its folder
      settingsByScope.clear();
      indexer.setPersistence(storagePath && workspaceFolders.length > 0 ? indexFileFor(storagePath, workspaceFolders) : undefined);
      void serially(indexWorkspace);
    });
  }
  void serially(indexWorkspace)
    .then(registerWatchers)
    .catch((error) => connection.console.error(`indexing failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
});

connection.onDidChangeConfiguration(() => {
  const before = JSON.stringify([workspaceSettings.articles, workspaceSettings.files, workspaceSettings.dates]);
  settingsByScope.clear();
  analyses.clear();
  connection.languages.semanticTokens.refresh();
  void serially(async () => {
    const settings = workspaceFolders[0] ? await settingsFor(uriOfPath(workspaceFolders[0])) : DEFAULT_SETTINGS;
    if (JSON.stringify([settings.articles, settings.files, settings.dates]) !== before) {
      await indexWorkspace();
      await registerWatchers();
    }
    for (const document of documents.all()) await analysisFor(document.uri);
    index.flush();
    await refreshEditor();
    checks.refresh();
  });
});

// ---- requests --------------------------------------------------------------------------------------------------

connection.languages.semanticTokens.on((params, token) =>
  safely('semantic tokens', { data: [] }, async () => {
    const analysis = await analysisFor(params.textDocument.uri);
    return analysis ? semanticTokens(analysis) : { data: [] };
  }, token),
);

connection.languages.semanticTokens.onRange((params, token) =>
  safely('semantic tokens (range)', { data: [] }, async () => {
    const analysis = await analysisFor(params.textDocument.uri);
    const document = documents.get(params.textDocument.uri);
    if (!analysis || !document) return { data: [] };
    const range = { start: document.offsetAt(params.range.start), end: document.offsetAt(params.range.end) };
    return semanticTokens(analysis, range);
  }, token),
);

connection.onHover((params, token) =>
  safely('hover', null, async () => {
    const uri = params.textDocument.uri;
    // the entity's view first (in slices, when it has to be built), then the analysis and offset of the text as it is
    await openOffset(uri, params.position);
    const analysis = await analysisFor(uri);
    const document = documents.get(uri);
    if (!analysis || !document) return null;
    return hover(analysis, document.offsetAt(params.position), { index, uri: canonicalUri(uri), displayPath, textOf: (other) => articleTexts.textOf(other) });
  }, token),
);

connection.onReferences((params, token) =>
  safely('references', [], async () => {
    const offset = await openOffset(params.textDocument.uri, params.position);
    return offset === undefined ? [] : references(index, canonicalUri(params.textDocument.uri), offset, params.context.includeDeclaration);
  }, token),
);

connection.onDefinition((params, token) =>
  safely('definition', null, async () => {
    const offset = await openOffset(params.textDocument.uri, params.position);
    return offset === undefined ? null : definition(index, canonicalUri(params.textDocument.uri), offset);
  }, token),
);

connection.onDocumentHighlight((params, token) =>
  safely('document highlight', [], async () => {
    const offset = await openOffset(params.textDocument.uri, params.position);
    return offset === undefined ? [] : documentHighlights(index, canonicalUri(params.textDocument.uri), offset);
  }, token),
);

connection.onWorkspaceSymbol((params, token) => safely('workspace symbols', [], () => workspaceSymbols(index, params.query), token));

connection.onDocumentSymbol((params, token) =>
  safely('document symbols', [], async () => {
    await analysisFor(params.textDocument.uri);
    const uri = canonicalUri(params.textDocument.uri);
    return hierarchicalSymbols ? documentSymbols(index, uri) : flatDocumentSymbols(index, uri);
  }, token),
);

connection.onCodeLens((params, token) =>
  safely('code lens', [], async () => {
    const settings = await settingsFor(params.textDocument.uri);
    if (!settings.codeLens.mentions) return [];
    await analysisFor(params.textDocument.uri);
    return codeLenses(index, canonicalUri(params.textDocument.uri));
  }, token),
);

connection.onCodeLensResolve((lens) => safely('code lens resolve', lens, () => resolveCodeLens(index, lens)));

connection.onCodeAction((params, token) =>
  safely('code actions', [], async () => {
    await analysisFor(params.textDocument.uri);
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const start = document.offsetAt(params.range.start);
    const end = document.offsetAt(params.range.end);
    const spelling = spellingCodeActions(index, canonicalUri(document.uri), start, end, versionOf, editCapabilities, params.context.diagnostics);
    return [...spelling, ...(await checks.codeActions(params, editCapabilities))];
  }, token),
);

connection.onPrepareRename((params, token) =>
  safely('prepare rename', null, async () => {
    const offset = await openOffset(params.textDocument.uri, params.position);
    return offset === undefined ? null : prepareRename(index, canonicalUri(params.textDocument.uri), offset);
  }, token),
);

connection.onRenameRequest((params, token) =>
  safely('rename', null, async () => {
    const offset = await openOffset(params.textDocument.uri, params.position);
    if (offset === undefined) return null;
    return rename(index, canonicalUri(params.textDocument.uri), offset, params.newName, versionOf, editCapabilities, displayPath);
  }, token),
);

// On shutdown the persisted index is written (if anything changed) and the workers stop.
connection.onShutdown(async () => {
  indexer.dispose();
  await Promise.race([indexer.save(), new Promise((resolve) => setTimeout(resolve, 10_000))]);
  await runner?.dispose();
});

process.on('uncaughtException', (error) => connection.console.error(`uncaught: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${String(reason)}`));

documents.listen(connection);
connection.listen();
