// The walkthrough's commands: open the sample articles (the five seed reports shipped with the extension), show the
// hover on "Khmeimim", and add a made-up pair of reports that contradict each other so a conflict can be seen.
// They write only into the samples' own folder (a copy in the extension's storage, or a workspace that already holds
// the samples), never into other articles.
import * as vscode from 'vscode';
import { openFile } from '../views/serverTree';

/** The seed in which "Khmeimim" is hovered (its name starts so). */
const HOVER_SEED = '003_';
const HOVER_WORD = 'Khmeimim';

export const EXAMPLE_CONFLICT: readonly { readonly name: string; readonly text: string }[] = [
  {
    name: 'walkthrough-deployment.txt',
    text: 'Russia keeps its forces in Syria\n\nNovember 6, 2017\n\nSome 4,300 Russian military are deployed in Syria, the defence ministry said.\n\n(A made-up report for the walkthrough.)\n',
  },
  {
    name: 'walkthrough-briefing.txt',
    text: 'Kremlin briefing on Syria\n\nNovember 6, 2017\n\nThe Kremlin said 5,000 Russian troops are stationed in Syria.\n\n(A made-up report for the walkthrough.)\n',
  },
];

async function sampleNames(extensionUri: vscode.Uri): Promise<string[]> {
  const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(extensionUri, 'seeds'));
  return entries.filter(([, type]) => type === vscode.FileType.File).map(([name]) => name).sort();
}

/** The workspace folder that holds the sample articles, if one does. */
async function samplesFolder(extensionUri: vscode.Uri): Promise<vscode.WorkspaceFolder | undefined> {
  const names = await sampleNames(extensionUri);
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const present = new Set((await vscode.workspace.fs.readDirectory(folder.uri).then(undefined, () => [])).map(([name]) => name));
    if (names.length > 0 && names.every((name) => present.has(name))) return folder;
  }
  return undefined;
}

/** Opens the sample articles: the seed with "Khmeimim" when the workspace holds them, else a fresh copy as a folder. */
export async function openSamples(context: vscode.ExtensionContext): Promise<void> {
  const folder = await samplesFolder(context.extensionUri);
  if (folder) {
    const names = await sampleNames(context.extensionUri);
    const seed = names.find((name) => name.startsWith(HOVER_SEED)) ?? names[0]!;
    await openFile(vscode.Uri.joinPath(folder.uri, seed));
    return;
  }
  const target = vscode.Uri.joinPath(context.globalStorageUri, 'sample-articles');
  await vscode.workspace.fs.createDirectory(target);
  for (const name of await sampleNames(context.extensionUri)) {
    await vscode.workspace.fs.copy(vscode.Uri.joinPath(context.extensionUri, 'seeds', name), vscode.Uri.joinPath(target, name), { overwrite: true });
  }
  await vscode.commands.executeCommand('vscode.openFolder', target, { forceNewWindow: (vscode.workspace.workspaceFolders?.length ?? 0) > 0 });
}

/** Opens the seed that writes "Khmeimim" and shows the hover on it. */
export async function showHoverExample(context: vscode.ExtensionContext): Promise<void> {
  const folder = await samplesFolder(context.extensionUri);
  const seed = (await sampleNames(context.extensionUri)).find((name) => name.startsWith(HOVER_SEED));
  if (!folder || !seed) {
    void vscode.window.showInformationMessage('Open the sample articles first (Corroborate: Open Sample Articles).');
    return;
  }
  const editor = await openFile(vscode.Uri.joinPath(folder.uri, seed));
  if (!editor) return;
  const at = editor.document.getText().indexOf(HOVER_WORD);
  if (at < 0) return;
  const position = editor.document.positionAt(at + 1);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
  await vscode.commands.executeCommand('editor.action.showHover');
}

/** Adds two made-up reports of one day that give different figures for one fact, beside the samples. */
export async function addExampleConflict(context: vscode.ExtensionContext): Promise<void> {
  const folder = await samplesFolder(context.extensionUri);
  if (!folder) {
    void vscode.window.showInformationMessage('Open the sample articles first (Corroborate: Open Sample Articles): the example goes beside them.');
    return;
  }
  for (const file of EXAMPLE_CONFLICT) {
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder.uri, file.name), new TextEncoder().encode(file.text));
  }
  await openFile(vscode.Uri.joinPath(folder.uri, EXAMPLE_CONFLICT[0]!.name));
}
