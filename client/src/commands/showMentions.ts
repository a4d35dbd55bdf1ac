// Show Mentions of the Entity Under the Cursor: every mention in every article, under every spelling, in the
// references peek, and the entity selected in the Entities view when that view is open.
import * as vscode from 'vscode';
import type { CorroborateApi } from '../api';
import type { EntitiesView } from '../views/entities';
import { activeArticleEditor } from './util';

export async function showMentions(api: CorroborateApi, entities: EntitiesView): Promise<void> {
  const editor = activeArticleEditor('show the mentions of an entity');
  if (!editor) return;
  const position = editor.selection.active;
  const detail = await api.entity({ uri: api.uriOf(editor.document.uri), position: { line: position.line, character: position.character } });
  if (!detail) {
    void vscode.window.showInformationMessage('No person, organisation or place under the cursor.');
    return;
  }
  const locations = detail.articles.flatMap((article) => article.mentions.map((mention) => new vscode.Location(api.asUri(article.uri), api.asRange(mention.range))));
  await vscode.commands.executeCommand('editor.action.showReferences', editor.document.uri, position, locations);
  const indexing = api.current?.indexing;
  if (indexing) vscode.window.setStatusBarMessage(`Corroborate is still indexing (${indexing.done}/${indexing.total}): more mentions may follow`, 5000);
  await entities.revealEntity(detail.entity);
}
