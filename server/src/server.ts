// The Corroborate language server: wiring only. `node dist/server.js --stdio` for any LSP client;
// VS Code starts it over IPC. Each handler maps analysis results to LSP types through server/src/features.
import {
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath } from 'node:url';
import { analyze } from './analysis/analyze';
import type { ArticleAnalysis } from './analysis/types';
import { isArticlePath, isMarkdownPath, relativeToFolders } from './articles';
import { hover } from './features/hover';
import { semanticTokens, semanticTokensLegend } from './features/semanticTokens';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from './settings';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

let workspaceFolders: string[] = [];
let canPullConfiguration = false;
const settingsByUri = new Map<string, Promise<Settings>>();
const analyses = new Map<string, { version: number; analysis: ArticleAnalysis | undefined }>();
const toldTooLarge = new Set<string>();

function log(message: string): void {
  connection.console.log(`[${new Date().toISOString()}] ${message}`);
}

/** Runs a request handler; an internal error is logged and answered with `fallback`, never a crash. */
async function safely<T>(what: string, fallback: T, handler: () => T | Promise<T>): Promise<T> {
  try {
    return await handler();
  } catch (error) {
    connection.console.error(`${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return fallback;
  }
}

function uriToPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

async function settingsFor(uri: string): Promise<Settings> {
  if (!canPullConfiguration) return DEFAULT_SETTINGS;
  let pending = settingsByUri.get(uri);
  if (!pending) {
    pending = connection.workspace
      .getConfiguration({ scopeUri: uri, section: 'corroborate' })
      .then((raw: unknown) => {
        const { settings, problems } = parseSettings(raw);
        for (const problem of problems) log(`settings: ${problem}`);
        return settings;
      })
      .catch(() => DEFAULT_SETTINGS);
    settingsByUri.set(uri, pending);
  }
  return pending;
}

/** Whether an open document is an article (include/exclude globs); untitled buffers always are. */
function isArticle(document: TextDocument, settings: Settings): boolean {
  const path = uriToPath(document.uri);
  if (path === undefined) return true;
  const relative = relativeToFolders(path, workspaceFolders) ?? path.replace(/\\/g, '/').split('/').pop()!;
  return isArticlePath(relative, settings);
}

/** The analysis of an open article, computed once per document version. */
async function analysisFor(uri: string): Promise<ArticleAnalysis | undefined> {
  const document = documents.get(uri);
  if (!document) return undefined;
  const cached = analyses.get(uri);
  if (cached && cached.version === document.version) return cached.analysis;
  const settings = await settingsFor(uri);
  let analysis: ArticleAnalysis | undefined;
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
    analysis = analyze(text, {
      markdown: document.languageId === 'markdown' || isMarkdownPath(uri),
      numericDateOrder: settings.dates.numericOrder,
      defaultArticleDate: settings.dates.defaultArticleDate || undefined,
    });
  }
  analyses.set(uri, { version: document.version, analysis });
  return analysis;
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  workspaceFolders = (params.workspaceFolders ?? [])
    .map((folder) => uriToPath(folder.uri))
    .filter((path): path is string => path !== undefined);
  if (workspaceFolders.length === 0 && params.rootUri) {
    const root = uriToPath(params.rootUri);
    if (root) workspaceFolders.push(root);
  }
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      semanticTokensProvider: { legend: semanticTokensLegend, full: true, range: true },
    },
    serverInfo: { name: 'corroborate', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (canPullConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'corroborate' });
  }
});

connection.onDidChangeConfiguration(() => {
  settingsByUri.clear();
  analyses.clear();
  connection.languages.semanticTokens.refresh();
});

documents.onDidClose((event) => {
  analyses.delete(event.document.uri);
  settingsByUri.delete(event.document.uri);
});

connection.languages.semanticTokens.on((params) =>
  safely('semantic tokens', { data: [] }, async () => {
    const analysis = await analysisFor(params.textDocument.uri);
    return analysis ? semanticTokens(analysis) : { data: [] };
  }),
);

connection.languages.semanticTokens.onRange((params) =>
  safely('semantic tokens (range)', { data: [] }, async () => {
    const analysis = await analysisFor(params.textDocument.uri);
    const document = documents.get(params.textDocument.uri);
    if (!analysis || !document) return { data: [] };
    const range = { start: document.offsetAt(params.range.start), end: document.offsetAt(params.range.end) };
    return semanticTokens(analysis, range);
  }),
);

connection.onHover((params) =>
  safely('hover', null, async () => {
    const analysis = await analysisFor(params.textDocument.uri);
    const document = documents.get(params.textDocument.uri);
    if (!analysis || !document) return null;
    return hover(analysis, document.offsetAt(params.position));
  }),
);

process.on('uncaughtException', (error) => connection.console.error(`uncaught: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${String(reason)}`));

documents.listen(connection);
connection.listen();
