// Helpers over the VS Code API for the desktop suite: open a seed, wait for our server, decode semantic tokens, read
// hovers. What a test asserts through them is what a user would see (token types, hover text).
import * as vscode from 'vscode';

export const EXTENSION_ID = 'corroborate.corroborate';

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Probes until `accept` says yes or the time is up; resolves with the last value either way. */
export async function poll<T>(probe: () => Thenable<T> | Promise<T>, accept: (value: T) => boolean, timeout = 30_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let value = await probe();
  while (!accept(value) && Date.now() < deadline) {
    await sleep(250);
    value = await probe();
  }
  return value;
}

export async function activateExtension(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded (extensionDevelopmentPath?)`);
  await extension.activate();
}

/** Opens the seed whose file name starts with `prefix` from the workspace folder, in an editor. */
export async function openSeed(prefix: string): Promise<vscode.TextDocument> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder open');
  const entries = await vscode.workspace.fs.readDirectory(folder.uri);
  const name = entries.map(([entry]) => entry).find((entry) => entry.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix} in ${folder.uri.fsPath}`);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, name));
  await vscode.window.showTextDocument(document);
  return document;
}

export function positionOf(document: vscode.TextDocument, needle: string, part = needle): vscode.Position {
  const index = document.getText().indexOf(needle);
  if (index < 0) throw new Error(`"${needle}" is not in ${document.uri.fsPath}`);
  return document.positionAt(index + needle.indexOf(part));
}

export interface Token {
  readonly text: string;
  readonly type: string;
  readonly modifiers: string[];
  readonly range: vscode.Range;
}

/** Our semantic tokens for the document, decoded with the legend (waits until the server has answered with some). */
export async function semanticTokens(document: vscode.TextDocument): Promise<Token[]> {
  const legend = await poll(
    () => vscode.commands.executeCommand<vscode.SemanticTokensLegend | undefined>('vscode.provideDocumentSemanticTokensLegend', document.uri),
    (value) => value !== undefined,
  );
  if (!legend) throw new Error('no semantic tokens legend for the document');
  const tokens = await poll(
    () => vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', document.uri),
    (value) => value !== undefined && value.data.length > 0,
  );
  const data = tokens?.data ?? new Uint32Array();
  const decoded: Token[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i + 4 < data.length; i += 5) {
    line += data[i]!;
    character = data[i]! === 0 ? character + data[i + 1]! : data[i + 1]!;
    const range = new vscode.Range(line, character, line, character + data[i + 2]!);
    const modifiers = legend.tokenModifiers.filter((_, bit) => (data[i + 4]! & (1 << bit)) !== 0);
    decoded.push({ text: document.getText(range), type: legend.tokenTypes[data[i + 3]!] ?? `#${data[i + 3]}`, modifiers, range });
  }
  return decoded;
}

/** The hover text all providers give at the needle (or its `part`), as Markdown/plain strings joined. */
export async function hoverText(document: vscode.TextDocument, needle: string, part = needle): Promise<string> {
  const position = positionOf(document, needle, part);
  const hovers = await poll(
    () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position),
    (value) => Array.isArray(value) && value.length > 0,
  );
  return (hovers ?? [])
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n---\n');
}
