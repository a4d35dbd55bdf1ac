// A real LSP client for protocol tests: starts the bundled dist/server.js over stdio and speaks JSON-RPC to it.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type Hover,
  type InitializeResult,
  type Position,
  type ProtocolConnection,
  type SemanticTokensLegend,
  WorkDoneProgress,
} from 'vscode-languageserver/node';
import { ROOT } from '../helpers/seeds';

export const SERVER_JS = path.join(ROOT, 'dist', 'server.js');

export interface DecodedToken {
  readonly line: number;
  readonly character: number;
  readonly length: number;
  readonly type: string;
  readonly modifiers: string[];
  readonly text: string;
}

export interface StartOptions {
  /** Workspace folder (absolute path); none by default. */
  readonly workspaceFolder?: string;
  /** The `corroborate` settings section returned to workspace/configuration. */
  readonly settings?: unknown;
  /** Client capabilities; a VS Code-like set by default. */
  readonly capabilities?: ClientCapabilities;
  readonly initializationOptions?: unknown;
}

const DEFAULT_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
    workspaceFolders: true,
    semanticTokens: { refreshSupport: true },
    diagnostics: { refreshSupport: true },
    codeLens: { refreshSupport: true },
    workspaceEdit: { documentChanges: true, changeAnnotationSupport: { groupsOnLabel: true } },
    symbol: {},
  },
  window: { workDoneProgress: true, showMessage: {} },
  textDocument: {
    synchronization: { didSave: true, dynamicRegistration: false },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    semanticTokens: {
      requests: { full: true, range: true },
      tokenTypes: [],
      tokenModifiers: [],
      formats: ['relative'],
      multilineTokenSupport: false,
      overlappingTokenSupport: false,
    },
    publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true },
    diagnostic: { relatedDocumentSupport: true },
    rename: { prepareSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } } },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
  },
  general: { positionEncodings: ['utf-16'] },
};

export function fileUri(filePath: string): string {
  return pathToFileURL(filePath).href;
}

/** The (line, character) of the `occurrence`-th appearance of `needle` in `text`, plus `offsetInNeedle`. */
export function positionOf(text: string, needle: string, occurrence = 0, offsetInNeedle = 0): Position {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" (occurrence ${occurrence}) not found`);
  }
  const offset = index + offsetInNeedle;
  const before = text.slice(0, offset);
  const lineStarts = before.split(/\r\n|\r|\n/);
  return { line: lineStarts.length - 1, character: lineStarts[lineStarts.length - 1]!.length };
}

export function decodeSemanticTokens(data: readonly number[], legend: SemanticTokensLegend, text: string): DecodedToken[] {
  const lines = text.split(/\r\n|\r|\n/);
  const tokens: DecodedToken[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i + 4 < data.length + 0 && i < data.length; i += 5) {
    const deltaLine = data[i]!;
    const deltaStart = data[i + 1]!;
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaStart : deltaStart;
    const length = data[i + 2]!;
    const type = legend.tokenTypes[data[i + 3]!] ?? `#${data[i + 3]}`;
    const bits = data[i + 4]!;
    const modifiers = legend.tokenModifiers.filter((_, bit) => (bits & (1 << bit)) !== 0);
    tokens.push({ line, character, length, type, modifiers, text: (lines[line] ?? '').slice(character, character + length) });
  }
  return tokens;
}

/** Catch-all handlers: vscode-jsonrpc has them at run time, ProtocolConnection's type does not list them. */
interface StarHandlers {
  onNotification(handler: (method: string, params: unknown) => void): void;
  onRequest(handler: (method: string, params: unknown) => unknown): void;
}

export class LspSession {
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly messages: { type: number; message: string }[] = [];
  readonly logs: string[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  readonly requestsFromServer: { method: string; params: unknown }[] = [];
  /** Work-done progress the server reported ($/progress after window/workDoneProgress/create), in order. */
  readonly progress: { token: string | number; value: { kind: string; title?: string; message?: string; percentage?: number } }[] = [];
  stderr = '';
  initializeResult!: InitializeResult;
  private settings: unknown;
  private readonly texts = new Map<string, { text: string; version: number }>();

  private constructor(
    private readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {}

  static async start(options: StartOptions = {}): Promise<LspSession> {
    const child = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const session = new LspSession(child, connection);
    session.settings = options.settings ?? {};
    child.stderr!.on('data', (chunk: Buffer) => (session.stderr += chunk.toString()));
    connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Diagnostic[] }) => {
      session.diagnostics.set(params.uri, params.diagnostics);
    });
    connection.onNotification('window/showMessage', (params: { type: number; message: string }) => {
      session.messages.push(params);
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      session.logs.push(params.message);
    });
    const star = connection as unknown as StarHandlers;
    star.onNotification((method: string, params: unknown) => {
      session.notifications.push({ method, params });
    });
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => {
      session.requestsFromServer.push({ method: 'workspace/configuration', params });
      return params.items.map((item) => (item.section === 'corroborate' || item.section === undefined ? session.settings : null));
    });
    connection.onRequest('window/workDoneProgress/create', (params: { token: string | number }) => {
      session.requestsFromServer.push({ method: 'window/workDoneProgress/create', params });
      connection.onProgress(WorkDoneProgress.type, params.token, (value) => {
        session.progress.push({ token: params.token, value });
      });
      return null;
    });
    star.onRequest((method: string, params: unknown) => {
      session.requestsFromServer.push({ method, params });
      return null;
    });
    connection.listen();
    const folder = options.workspaceFolder;
    session.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folder ? fileUri(folder) : null,
      workspaceFolders: folder ? [{ uri: fileUri(folder), name: path.basename(folder) }] : null,
      capabilities: options.capabilities ?? DEFAULT_CAPABILITIES,
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification('initialized', {});
    return session;
  }

  get legend(): SemanticTokensLegend {
    const provider = this.initializeResult.capabilities.semanticTokensProvider;
    if (!provider) throw new Error('server has no semantic tokens provider');
    return provider.legend;
  }

  /** Changes the settings the client reports, and tells the server. */
  async setSettings(settings: unknown): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: { corroborate: settings } });
  }

  /** Opens a file (its text from disk unless given) and returns its URI. */
  async open(filePath: string, text?: string, languageId = 'plaintext'): Promise<string> {
    const uri = fileUri(filePath);
    const content = text ?? readFileSync(filePath, 'utf8');
    this.texts.set(uri, { text: content, version: 1 });
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text: content } });
    return uri;
  }

  textOf(uri: string): string {
    const entry = this.texts.get(uri);
    if (!entry) throw new Error(`${uri} is not open`);
    return entry.text;
  }

  /** Replaces the whole text of an open document. */
  async replaceText(uri: string, text: string): Promise<void> {
    const entry = this.texts.get(uri);
    if (!entry) throw new Error(`${uri} is not open`);
    entry.version++;
    entry.text = text;
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: entry.version },
      contentChanges: [{ text }],
    });
  }

  async close(uri: string): Promise<void> {
    this.texts.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  async hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
  }

  /** Hover text (Markdown) at the first character of `needle`'s `occurrence`-th appearance. */
  async hoverText(uri: string, needle: string, occurrence = 0): Promise<string> {
    const result = await this.hover(uri, positionOf(this.textOf(uri), needle, occurrence));
    if (!result) return '';
    const contents = result.contents;
    if (typeof contents === 'string') return contents;
    if (Array.isArray(contents)) return contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    return contents.value;
  }

  async semanticTokens(uri: string): Promise<DecodedToken[]> {
    const result = await this.connection.sendRequest<{ data: number[] } | null>('textDocument/semanticTokens/full', { textDocument: { uri } });
    return decodeSemanticTokens(result?.data ?? [], this.legend, this.textOf(uri));
  }

  async request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** Polls `condition` until it holds (or throws after `timeoutMs`); for notifications that arrive asynchronously. */
  async waitFor<T>(condition: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 10000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await condition();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\nserver stderr:\n${this.stderr.slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** The server's process id (for tests that inspect the process: its sockets, its memory). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /** shutdown + exit; kills the process if it does not exit on its own. */
  async stop(): Promise<number | null> {
    if (!this.exited) {
      try {
        await Promise.race([this.connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 3000))]);
        await this.connection.sendNotification('exit');
      } catch {
        // the connection may already be closed
      }
    }
    const code = await new Promise<number | null>((resolve) => {
      if (this.exited) return resolve(this.child.exitCode);
      const timer = setTimeout(() => {
        this.child.kill('SIGKILL');
      }, 3000);
      this.child.once('exit', (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    this.connection.dispose();
    return code;
  }
}
