// Small helpers the commands share.
import * as vscode from 'vscode';
import { isArticleEditor } from '../views/serverTree';

/** The active editor if it holds an article; otherwise tells the user what the command needs and returns undefined. */
export function activeArticleEditor(what: string): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor && isArticleEditor(editor)) return editor;
  void vscode.window.showInformationMessage(`Open an article (a text, Markdown or .article file) to ${what}.`);
  return undefined;
}

/** The workspace folder of the active editor, the only folder, or the one the user picks. */
export async function pickWorkspaceFolder(purpose: string): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const active = vscode.window.activeTextEditor && vscode.workspace.getWorkspaceFolder(vscode.window.activeTextEditor.document.uri);
  if (active) return active;
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: purpose });
}

/** YYYY-MM-DD naming a real calendar day. */
export function isIsoDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
