// Set the Article's Date: the date an article's relative dates ("last Friday", "on Monday") resolve against. The
// server works out the edit (rewrite the dateline or front-matter date in its own style, or add one); it is applied
// to the document as an ordinary, unsaved change the user sees selected and can undo.
import * as vscode from 'vscode';
import type { CorroborateApi } from '../api';
import { activeArticleEditor, isIsoDay } from './util';

export interface SetArticleDateArgs {
  /** YYYY-MM-DD; asked for when absent. */
  readonly date?: string;
}

export async function setArticleDate(api: CorroborateApi, args: SetArticleDateArgs = {}): Promise<void> {
  const editor = activeArticleEditor('set its date');
  if (!editor) return;
  const document = editor.document;
  const uri = api.uriOf(document.uri);
  const current = (await api.timeline({ uri, limit: 1 })).articles[0];
  const date =
    args.date ??
    (await vscode.window.showInputBox({
      title: 'Set the article’s date',
      prompt: current?.date
        ? `The article is dated ${current.date} (from its ${current.dateSource === 'front-matter' ? 'front matter' : current.dateSource === 'last-modified' ? '“last modified” line' : current.dateSource}). Relative dates resolve against this day.`
        : 'The article has no date of its own: its relative dates (“last Friday”, “on Monday”) stay unresolved until it has one.',
      placeHolder: 'YYYY-MM-DD',
      value: current?.date ?? '',
      validateInput: (value) => (isIsoDay(value) ? undefined : 'A calendar day as YYYY-MM-DD, e.g. 2024-12-17'),
    }));
  if (date === undefined) return;
  if (!isIsoDay(date)) {
    void vscode.window.showErrorMessage(`“${date}” is not a date of the form YYYY-MM-DD.`);
    return;
  }
  const result = await api.articleDateEdit({ uri, date: date.trim() });
  if (!result) {
    void vscode.window.showErrorMessage('Corroborate could not read this article to date it.');
    return;
  }
  if (result.edits.length === 0) {
    void vscode.window.showInformationMessage(result.description);
    return;
  }
  const edit = new vscode.WorkspaceEdit();
  const metadata: vscode.WorkspaceEditEntryMetadata = { label: 'Set the article’s date', description: result.description, needsConfirmation: false };
  for (const change of result.edits) edit.replace(document.uri, api.asRange(change.range), change.newText, metadata);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage('The edit could not be applied (the document changed meanwhile?).');
    return;
  }
  // select what was written, so the user sees the change (undo takes it back; nothing is saved)
  const first = result.edits[0]!;
  const start = api.asRange(first.range).start;
  const written = first.newText.replace(/(\r?\n)+$/, '');
  const lines = written.split(/\r?\n/);
  const end = lines.length === 1 ? start.translate(0, written.length) : new vscode.Position(start.line + lines.length - 1, lines[lines.length - 1]!.length);
  const shown = await vscode.window.showTextDocument(document, { preserveFocus: false });
  shown.selection = new vscode.Selection(start, end);
  shown.revealRange(new vscode.Range(start, end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  vscode.window.setStatusBarMessage(`$(calendar) ${result.description} (Undo to take it back; save to keep it.)`, 8000);
}
