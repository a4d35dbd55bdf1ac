// Export Fact Sheet: the entities, dates, figures and conflicts of the current article or of the whole workspace, as
// Markdown, opened as an untitled document or saved where the user chooses.
import * as vscode from 'vscode';
import type { CorroborateApi } from '../api';
import { baseName, isArticleEditor, openFile } from '../views/serverTree';
import { pickWorkspaceFolder } from './util';

export interface ExportFactSheetArgs {
  readonly scope?: 'article' | 'workspace';
  readonly destination?: 'untitled' | 'file';
}

export async function exportFactSheet(api: CorroborateApi, args: ExportFactSheetArgs = {}): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const article = editor && isArticleEditor(editor) ? editor.document.uri : undefined;
  let scope = args.scope ?? (article ? undefined : 'workspace');
  if (!scope) {
    const picked = await vscode.window.showQuickPick(
      [
        { label: `This article`, description: baseName(article!), scope: 'article' as const },
        { label: 'The whole workspace', description: 'every article', scope: 'workspace' as const },
      ],
      { title: 'Export a fact sheet of' },
    );
    if (!picked) return;
    scope = picked.scope;
  }
  if (scope === 'article' && !article) {
    void vscode.window.showInformationMessage('Open an article to export its fact sheet.');
    return;
  }
  const sheet = await api.factSheet(scope === 'article' ? { uri: api.uriOf(article!) } : {});
  let destination = args.destination;
  if (!destination) {
    const picked = await vscode.window.showQuickPick(
      [
        { label: 'Open as an untitled document', destination: 'untitled' as const },
        { label: 'Save as…', description: sheet.fileName, destination: 'file' as const },
      ],
      { title: sheet.title },
    );
    if (!picked) return;
    destination = picked.destination;
  }
  if (destination === 'untitled') {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: sheet.markdown });
    await vscode.window.showTextDocument(document, { preview: false });
    return;
  }
  const folder = await pickWorkspaceFolder('Where to save the fact sheet');
  const target = await vscode.window.showSaveDialog({
    title: 'Save the fact sheet',
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder.uri, sheet.fileName) } : {}),
    filters: { Markdown: ['md'] },
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(sheet.markdown));
  await openFile(target);
}
