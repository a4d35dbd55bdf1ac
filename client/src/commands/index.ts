// Every command of the extension's views and palette (category "Corroborate"), registered in one place.
import * as vscode from 'vscode';
import type { CorroborateApi } from '../api';
import { showProblems, SHOW_PROBLEMS } from '../statusBar';
import { TimelinePanel } from '../timeline/panel';
import type { TimelineScope } from '../../webview/messages';
import type { EntitiesView } from '../views/entities';
import type { FactsView } from '../views/facts';
import { OPEN_LOCATION, openLocation, type ServerTree } from '../views/serverTree';
import { setArticleDate, type SetArticleDateArgs } from './articleDate';
import { openConfig } from './config';
import { exportFactSheet, type ExportFactSheetArgs } from './factSheet';
import { addExampleConflict, openSamples, showHoverExample } from './samples';
import { showMentions } from './showMentions';

export interface CommandContext {
  readonly context: vscode.ExtensionContext;
  readonly api: CorroborateApi;
  readonly entities: EntitiesView;
  readonly facts: FactsView;
  log(message: string): void;
}

/** Runs a command; a failure is shown to the user and logged, never thrown into VS Code's console. */
function guarded<A extends unknown[]>(name: string, log: (message: string) => void, run: (...args: A) => unknown): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await run(...args);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log(`${name} failed: ${error instanceof Error ? (error.stack ?? message) : message}`);
      void vscode.window.showErrorMessage(`Corroborate: ${message}`);
    }
  };
}

function treeCommands(id: string, tree: ServerTree<unknown, unknown>, log: (message: string) => void): [string, (...args: never[]) => unknown][] {
  return [
    [`${id}.filter`, () => tree.showFilterBox()],
    [`${id}.clearFilter`, () => tree.setFilter('')],
    [`${id}.showArticle`, () => tree.setScope('article')],
    [`${id}.showWorkspace`, () => tree.setScope('workspace')],
    [`${id}.refresh`, () => tree.refresh()],
  ].map(([name, run]) => [name as string, guarded(name as string, log, run as () => unknown)]);
}

export function registerCommands({ context, api, entities, facts, log }: CommandContext): vscode.Disposable[] {
  const commands: [string, (...args: never[]) => unknown][] = [
    [OPEN_LOCATION, (uri: vscode.Uri, range: vscode.Range) => openLocation(uri, range)],
    ['corroborate.showMentions', () => showMentions(api, entities)],
    ['corroborate.showTimeline', (scope?: TimelineScope) => TimelinePanel.show(context.extensionUri, api, log, scope)],
    [
      'corroborate.reindex',
      () =>
        vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Corroborate: re-indexing the workspace' }, async () => {
          const status = await api.reindex();
          vscode.window.setStatusBarMessage(`$(check) Corroborate re-indexed ${status.articles} articles`, 5000);
        }),
    ],
    ['corroborate.setArticleDate', (args?: SetArticleDateArgs) => setArticleDate(api, args)],
    ['corroborate.openConfig', () => openConfig()],
    ['corroborate.exportFactSheet', (args?: ExportFactSheetArgs) => exportFactSheet(api, args)],
    [SHOW_PROBLEMS, () => showProblems()],
    ['corroborate.openSamples', () => openSamples(context)],
    ['corroborate.showHoverExample', () => showHoverExample(context)],
    ['corroborate.addExampleConflict', () => addExampleConflict(context)],
  ];
  return [
    ...commands.map(([name, run]) => vscode.commands.registerCommand(name, guarded(name, log, run as (...args: unknown[]) => unknown))),
    ...[...treeCommands('corroborate.entities', entities as ServerTree<unknown, unknown>, log), ...treeCommands('corroborate.facts', facts as ServerTree<unknown, unknown>, log)].map(([name, run]) =>
      vscode.commands.registerCommand(name, run as (...args: unknown[]) => unknown),
    ),
  ];
}
