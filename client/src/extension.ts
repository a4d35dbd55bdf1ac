// The VS Code side: starts the language server over IPC and offers a few commands. Nothing heavy lives here.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/** The languages whose files can be articles; the server narrows them down with the include/exclude settings. */
const ARTICLE_LANGUAGES = ['plaintext', 'markdown', 'article'];

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const outputChannel = vscode.window.createOutputChannel('Corroborate', { log: true });
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: ARTICLE_LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    outputChannel,
    traceOutputChannel: outputChannel,
    synchronize: { configurationSection: 'corroborate' },
  };
  client = new LanguageClient('corroborate', 'Corroborate', serverOptions, clientOptions);

  context.subscriptions.push(
    outputChannel,
    vscode.commands.registerCommand('corroborate.restartServer', async () => {
      outputChannel.appendLine('Restarting the Corroborate language server.');
      await client?.restart();
    }),
    vscode.commands.registerCommand('corroborate.showOutput', () => outputChannel.show(true)),
    // The server's code lens ("12 mentions in 4 articles") sends plain JSON; VS Code's command wants its own types.
    vscode.commands.registerCommand(
      'corroborate.showReferences',
      (uri: string, position: { line: number; character: number }, locations: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[]) => {
        const converter = client?.protocol2CodeConverter;
        if (!converter) return;
        return vscode.commands.executeCommand(
          'editor.action.showReferences',
          vscode.Uri.parse(uri),
          converter.asPosition(position),
          locations.map((location) => converter.asLocation(location)),
        );
      },
    ),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
