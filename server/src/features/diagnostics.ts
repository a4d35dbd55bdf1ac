// The consistency checks as LSP diagnostics. Clients that can pull get `textDocument/diagnostic` and
// `workspace/diagnostic` (interFileDependencies: an edit in one article can change another's problems) and a
// `workspace/diagnostic/refresh` whenever the index or the settings change; others (Neovim 0.7, Emacs eglot) get
// `textDocument/publishDiagnostics` for every article with problems. The mapping is plain: findings in, LSP out.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  type ClientCapabilities,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type ServerCapabilities,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import { CheckRunner, type CheckKind, type RatedFinding, type Severity } from '../checks/index';
import type { Settings } from '../settings';
import { canonicalUri, pathOfUri, type WorkspaceIndexer } from '../workspace/indexer';
import { relativeToFolders } from '../articles';
import { decodeArticle } from '../cli/read';
import { nodeFileSystem } from '../workspace/fileSystem';
import { checkCodeActions, type ConfigFileAccess } from './checkActions';
import type { EditCapabilities, VersionOf } from './edits';
import type { DisplayPath } from './ranges';
import { rangeOf } from './ranges';
import { runInSlices, TimeSlices } from '../workspace/turns';

export const DIAGNOSTIC_SOURCE = 'corroborate';

/** The README next to the bundle (dist/../README.md, also the root of the installed extension); each check has a
 *  section `#check-<kind>`. A file link works offline and in every editor; there is no public site to link to. */
const README_URI = pathToFileURL(path.resolve(__dirname, '..', 'README.md')).href;

export function checkDocumentation(kind: CheckKind): string {
  return `${README_URI}#check-${kind}`;
}

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a diagnostic carries for its code actions (the finding is recomputed; this only identifies it). */
export interface CheckDiagnosticData {
  readonly check: CheckKind;
  readonly text: string;
}

export function diagnosticOf(finding: RatedFinding): Diagnostic {
  return {
    range: rangeOf(finding.at),
    severity: SEVERITIES[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.check,
    codeDescription: { href: checkDocumentation(finding.check) },
    message: finding.message,
    ...(finding.related.length > 0
      ? { relatedInformation: finding.related.map((r) => ({ location: { uri: r.uri, range: rangeOf(r.at) }, message: r.message })) }
      : {}),
    data: { check: finding.check, text: finding.text } satisfies CheckDiagnosticData,
  };
}

/** Longest stretch of a pass over the workspace's findings between two turns (ms). */
const SLICE_MS = 15;
/** How long the empty report of a deleted article is repeated in workspace pulls (ms). */
const GONE_REPEAT_MS = 10_000;
/** Result ids of the empty reports of deleted articles start with this. */
const GONE_RESULT_ID = 'gone:';

/** A short, stable id of a list of diagnostics (the pull model's resultId). */
function resultIdOf(diagnostics: readonly Diagnostic[]): string {
  const text = JSON.stringify(diagnostics);
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return `${text.length.toString(36)}-${(hash >>> 0).toString(36)}`;
}

/** The result id of a report without problems. */
const EMPTY_RESULT_ID = resultIdOf([]);

export interface DiagnosticsHost {
  readonly connection: Connection;
  /** The open documents (their text wins over the disk's). */
  readonly documents: { get(uri: string): { getText(): string } | undefined };
  readonly indexer: WorkspaceIndexer;
  /** The settings of a document (resource scoped). */
  settingsFor(uri: string): Promise<Settings>;
  /** Brings an open document's analysis into the index (no-op for closed files). */
  refreshDocument(uri: string): Promise<unknown>;
  readonly displayPath: DisplayPath;
  readonly versionOf: VersionOf;
  log(message: string): void;
}

export interface CheckDiagnostics {
  readonly runner: CheckRunner;
  /** The server capabilities to merge into the initialize result (a diagnostic provider for pull clients). */
  capabilities(client: ClientCapabilities): Partial<ServerCapabilities>;
  /** Quick fixes for the check findings in a range. */
  codeActions(params: CodeActionParams, capabilities: EditCapabilities): Promise<CodeAction[]>;
  /** Something outside the index changed (settings, `.corroborate.json`): diagnostics are recomputed. */
  refresh(): void;
}

/** How long a workspace pull with nothing new is held open before answering "unchanged". */
const WORKSPACE_HOLD_MS = 60_000;

export function registerCheckDiagnostics(host: DiagnosticsHost): CheckDiagnostics {
  const { connection, indexer } = host;
  const index = indexer.index;
  const relative = (uri: string) => {
    const filePath = pathOfUri(uri);
    return filePath === undefined ? undefined : relativeToFolders(filePath, indexer.workspaceFolders);
  };
  const runner = new CheckRunner(index, { relative, display: host.displayPath });
  let pull = false;
  let canRefresh = false;
  let createFiles = false;
  let generation = 0;
  const waiters = new Set<() => void>();
  /** Push mode: URIs we published problems for. */
  const published = new Set<string>();
  /**
   * Pull mode: URIs we reported problems for, until a workspace pull has reported them empty. When an editor closes,
   * VS Code's client keeps the document's problems, pulls it once more but ignores that answer (the document is no
   * longer visible), and stops sending its result id with workspace pulls; if the file is then deleted, only this
   * record lets a workspace pull clear them. So a document pull only ever adds to it.
   */
  const reportedWithProblems = new Set<string>();
  /**
   * Articles gone from the index whose problems a workspace pull cleared, and when it first did. The client ignores a
   * workspace report for a document it still tracks as pulled (an editor closing as the file is deleted), so the empty
   * report is sent again with every workspace pull for GONE_REPEAT_MS.
   */
  const clearing = new Map<string, number>();
  let pushTimer: NodeJS.Timeout | undefined;

  const diagnosticsFor = async (uri: string): Promise<Diagnostic[]> => {
    const settings = await host.settingsFor(uri);
    return runner.findings(canonicalUri(uri), settings.checks).map(diagnosticOf);
  };

  const changed = () => {
    generation++;
    for (const wake of [...waiters]) wake();
    if (pull) {
      if (canRefresh) void connection.languages.diagnostics.refresh().catch(() => undefined);
    } else {
      if (pushTimer) clearTimeout(pushTimer);
      pushTimer = setTimeout(() => void pushAll(), 200);
    }
  };

  const pushAll = async (): Promise<void> => {
    try {
      const now = new Set<string>();
      const slices = new TimeSlices(SLICE_MS);
      for (const uri of index.uris()) {
        // a large workspace takes seconds: requests are answered in between (the claims by key brought up to date
        // in slices too, when the index changed meanwhile)
        if (slices.due) await slices.next();
        await runInSlices(runner.syncSteps(), slices);
        const diagnostics = await diagnosticsFor(uri);
        if (diagnostics.length === 0) continue;
        now.add(uri);
        void connection.sendDiagnostics({ uri, diagnostics });
      }
      for (const uri of published) if (!now.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
      published.clear();
      for (const uri of now) published.add(uri);
    } catch (error) {
      host.log(`consistency checks failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  };

  index.onDidChange(changed);

  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
    try {
      await host.refreshDocument(params.textDocument.uri);
      // a cross-file check reads every article's claims by key: brought up to date in slices first
      await runInSlices(runner.syncSteps(), new TimeSlices(SLICE_MS));
      if (token.isCancellationRequested) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      const items = await diagnosticsFor(params.textDocument.uri);
      if (items.length > 0) reportedWithProblems.add(canonicalUri(params.textDocument.uri));
      const resultId = resultIdOf(items);
      if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
    } catch (error) {
      host.log(`diagnostics failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    }
  });

  connection.languages.diagnostics.onWorkspace(async (params, token) => {
    const known = new Map(params.previousResultIds.map((previous) => [canonicalUri(previous.uri), previous.value]));
    const started = Date.now();
    let passes = 0;
    for (;;) {
      const seen = generation;
      passes++;
      const items: WorkspaceDocumentDiagnosticReport[] = [];
      try {
        const reported = new Set<string>();
        const slices = new TimeSlices(SLICE_MS);
        for (const uri of index.uris().sort()) {
          // a large workspace takes seconds: requests are answered in between (and a cancelled pull stops); the
          // claims by key are brought up to date in slices too, when the index changed meanwhile
          if (slices.due) {
            await slices.next();
            if (token.isCancellationRequested) return { items: [] };
          }
          await runInSlices(runner.syncSteps(), slices);
          const diagnostics = await diagnosticsFor(uri);
          if (diagnostics.length === 0 && !known.has(uri) && !reportedWithProblems.has(uri)) continue;
          reported.add(uri);
          if (diagnostics.length > 0) reportedWithProblems.add(uri);
          else reportedWithProblems.delete(uri);
          const resultId = resultIdOf(diagnostics);
          if (known.get(uri) === resultId) continue;
          items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: host.versionOf(uri), resultId, items: diagnostics });
        }
        // articles that are gone, or lost their problems and are no longer indexed: the client had problems for them
        const now = Date.now();
        for (const [uri, previous] of known) {
          if (!reported.has(uri) && previous !== EMPTY_RESULT_ID && !previous.startsWith(GONE_RESULT_ID) && !clearing.has(uri)) clearing.set(uri, now);
        }
        for (const uri of reportedWithProblems) if (!reported.has(uri) && !clearing.has(uri)) clearing.set(uri, now);
        for (const [uri, since] of clearing) {
          // indexed again (a file restored): reported above
          if (reported.has(uri) || now - since > GONE_REPEAT_MS) {
            clearing.delete(uri);
            continue;
          }
          reportedWithProblems.delete(uri);
          // a new id each time, so that no later pull takes it for the answer the client already has
          items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId: `${GONE_RESULT_ID}${now}`, items: [] });
        }
      } catch (error) {
        host.log(`workspace diagnostics failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return { items: [] };
      }
      // The index changed during this pass (it runs in slices): articles already passed may have news too (an edit
      // of one article changes the findings of those sharing its figures), so go round again, a few times at most.
      if (generation !== seen && passes < 4 && !token.isCancellationRequested) continue;
      // answer at once when there is news (or on the first pull); otherwise hold the request until something changes
      if (items.length > 0 || known.size === 0 || token.isCancellationRequested || Date.now() - started > WORKSPACE_HOLD_MS) return { items };
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, WORKSPACE_HOLD_MS);
        const cancel = token.onCancellationRequested(done);
        function done() {
          clearTimeout(timer);
          cancel.dispose();
          waiters.delete(done);
          resolve();
        }
        if (generation !== seen) return done();
        waiters.add(done);
      });
    }
  });

  const configAccess: ConfigFileAccess = {
    folders: () => indexer.workspaceFolders,
    // the open document's text, else the file's (read only: the edit itself is applied by the client)
    readText: async (uri) => {
      const open = host.documents.get(uri);
      if (open) return open.getText();
      const filePath = pathOfUri(uri);
      if (filePath === undefined) return undefined;
      try {
        return decodeArticle(await nodeFileSystem.readFile(filePath)).text;
      } catch {
        return undefined;
      }
    },
  };

  return {
    runner,
    capabilities(client) {
      pull = client.textDocument?.diagnostic !== undefined;
      canRefresh = client.workspace?.diagnostics?.refreshSupport === true;
      createFiles = client.workspace?.workspaceEdit?.resourceOperations?.includes('create') === true;
      if (!pull) return {};
      return { diagnosticProvider: { identifier: 'corroborate', interFileDependencies: true, workspaceDiagnostics: true } };
    },
    async codeActions(params, capabilities) {
      const uri = params.textDocument.uri;
      await host.refreshDocument(uri);
      const settings = await host.settingsFor(uri);
      const findings = runner.findings(canonicalUri(uri), settings.checks);
      return checkCodeActions(findings, params, { relative, display: host.displayPath, versionOf: host.versionOf, capabilities: { ...capabilities, createFiles }, config: configAccess, diagnosticOf });
    },
    refresh: changed,
  };
}
