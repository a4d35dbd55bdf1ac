// Open Workspace Configuration: the workspace folder's .corroborate.json (aliases, distinct names, ignored findings,
// figures that are not the same fact, files not checked), created from a template when there is none. The JSON
// schema the extension contributes validates it and completes its entries.
import * as vscode from 'vscode';
import { openFile } from '../views/serverTree';
import { pickWorkspaceFolder } from './util';

export const CONFIG_FILE_NAME = '.corroborate.json';

export const CONFIG_TEMPLATE = `${JSON.stringify(
  {
    aliases: [],
    distinct: [],
    defaultAliases: true,
    ignore: [],
    notSameFact: [],
    off: [],
  },
  null,
  2,
)}\n`;

export async function openConfig(): Promise<void> {
  const folder = await pickWorkspaceFolder('The workspace folder whose .corroborate.json to open');
  if (!folder) {
    void vscode.window.showInformationMessage('Open a folder of articles first: .corroborate.json lives at its root.');
    return;
  }
  const uri = vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME);
  let created = false;
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(CONFIG_TEMPLATE));
    created = true;
  }
  await openFile(uri);
  if (created) {
    vscode.window.setStatusBarMessage(`$(new-file) Created ${CONFIG_FILE_NAME}: completion (Ctrl+Space) offers each section.`, 8000);
  }
}
