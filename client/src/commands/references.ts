// The server's code lens ("12 mentions in 4 articles") sends plain JSON; VS Code's references command wants its own
// types.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

type JsonPosition = { line: number; character: number };
type JsonLocation = { uri: string; range: { start: JsonPosition; end: JsonPosition } };

export function registerShowReferences(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand('corroborate.showReferences', (uri: string, position: JsonPosition, locations: JsonLocation[]) => {
    const converter = client.protocol2CodeConverter;
    return vscode.commands.executeCommand(
      'editor.action.showReferences',
      vscode.Uri.parse(uri),
      converter.asPosition(position),
      locations.map((location) => converter.asLocation(location)),
    );
  });
}
