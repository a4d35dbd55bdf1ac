// The VS Code side: starts the language server over IPC, then the views, the status bar and the commands, which talk
// to the server through the custom requests of server/src/protocol.ts. Nothing heavy lives here.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { CorroborateApi } from './api';
import { registerCommands } from './commands/index';
import { registerShowReferences } from './commands/references';
import { factSheetMiddleware } from './factSheetDocuments';
import { SERVER_EXEC_ARGV } from './serverProcess';
import { serverErrorHandler } from './serverRestarts';
import { createStatusBar } from './statusBar';
import { EntitiesView } from './views/entities';
import { FactsView } from './views/facts';

let client: LanguageClient | undefined;

/** The languages whose files can be articles; the server narrows them down with the include/exclude settings. */
const ARTICLE_LANGUAGES = ['plaintext', 'markdown', 'article'];

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const outputChannel = vscode.window.createOutputChannel('Corroborate', { log: true });
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: ARTICLE_LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    outputChannel,
    traceOutputChannel: outputChannel,
    synchronize: { configurationSection: 'corroborate' },
    middleware: factSheetMiddleware,
    // the server keeps its persisted index here (per workspace; the global folder when no folder is open)
    initializationOptions: { storagePath: (context.storageUri ?? context.globalStorageUri).fsPath },
    // a server that stops unexpectedly is restarted, and the user is told once (serverRestarts.ts)
    errorHandler: serverErrorHandler({
      notify: (message) => void vscode.window.showWarningMessage(message, 'Show Output').then((choice) => choice && outputChannel.show(true)),
      log: (message) => outputChannel.appendLine(message),
    }),
  };
  client = new LanguageClient('corroborate', 'Corroborate', serverOptions, clientOptions);

  const api = new CorroborateApi(client);
  const entities = new EntitiesView(api);
  const facts = new FactsView(api);
  const log = (message: string) => outputChannel.appendLine(message);
  context.subscriptions.push(
    outputChannel,
    api,
    entities,
    facts,
    createStatusBar(api),
    ...registerCommands({ context, api, entities, facts, log }),
    registerShowReferences(client),
    vscode.commands.registerCommand('corroborate.restartServer', async () => {
      outputChannel.appendLine('Restarting the Corroborate language server.');
      await client?.restart();
    }),
    vscode.commands.registerCommand('corroborate.showOutput', () => outputChannel.show(true)),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
