// The status bar item: indexing progress while the workspace is indexed, then "N articles · M conflicts"; a click
// opens the Problems panel (Corroborate: Show Problems).
import * as vscode from 'vscode';
import type { CorroborateApi } from './api';
import { conflictCount, type StatusParams } from '../../server/src/protocol';

export const SHOW_PROBLEMS = 'corroborate.showProblems';

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/** The item's text for a status ("$(sync~spin) Indexing 120/2,225", "$(warning) 5 articles · 2 conflicts"). */
export function statusText(status: StatusParams | undefined): string {
  if (!status) return '$(sync~spin) Corroborate';
  if (status.indexing) return `$(sync~spin) Indexing ${status.indexing.done.toLocaleString('en-US')}/${status.indexing.total.toLocaleString('en-US')}`;
  const conflicts = conflictCount(status);
  const icon = status.conflicts.error > 0 ? '$(error)' : conflicts > 0 ? '$(warning)' : '$(check)';
  return `${icon} ${plural(status.articles, 'article')} · ${plural(conflicts, 'conflict')}`;
}

export function statusTooltip(status: StatusParams | undefined): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString(undefined, true);
  tooltip.appendMarkdown('**Corroborate**\n\n');
  if (!status) return tooltip.appendMarkdown('Starting the language server…');
  if (status.indexing) return tooltip.appendMarkdown(`Indexing the workspace: ${status.indexing.done} of ${status.indexing.total} articles`);
  const c = status.conflicts;
  tooltip.appendMarkdown(`${plural(status.articles, 'article')} indexed, ${plural(status.entities, 'entity', 'entities')}\n\n`);
  const bySeverity = [
    [c.error, 'error'],
    [c.warning, 'warning'],
    [c.information, 'information'],
    [c.hint, 'hint'],
  ] as const;
  const parts = bySeverity.filter(([n]) => n > 0).map(([n, name]) => `${n} ${name}${n === 1 || name === 'information' ? '' : 's'}`);
  tooltip.appendMarkdown(parts.length > 0 ? `Conflicts: ${parts.join(', ')}\n\n` : 'No conflicts found\n\n');
  return tooltip.appendMarkdown('Click to open the Problems panel');
}

export function createStatusBar(api: CorroborateApi): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('corroborate.status', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Corroborate';
  item.command = { command: SHOW_PROBLEMS, title: 'Show Corroborate problems' };
  const update = (status: StatusParams | undefined) => {
    item.text = statusText(status);
    item.tooltip = statusTooltip(status);
    const conflicts = status && !status.indexing ? conflictCount(status) : 0;
    item.accessibilityInformation = {
      label: status?.indexing ? `Corroborate: indexing ${status.indexing.done} of ${status.indexing.total} articles` : status ? `Corroborate: ${status.articles} articles, ${conflicts} conflicts` : 'Corroborate: starting',
    };
  };
  update(api.current);
  item.show();
  const listener = api.onDidChangeStatus(update);
  return vscode.Disposable.from(item, listener);
}

/**
 * Opens the Problems panel. VS Code gives extensions no way to type into the panel's filter, so when other sources
 * report problems too, a message offers the filter that shows only Corroborate's ("@source:corroborate").
 */
export async function showProblems(): Promise<void> {
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  const others = vscode.languages.getDiagnostics().some(([, diagnostics]) => diagnostics.some((d) => d.source !== 'corroborate'));
  if (!others) return;
  const copy = 'Copy the filter';
  const choice = await vscode.window.showInformationMessage('Other extensions report problems too: filter the Problems panel with “@source:corroborate” to see only Corroborate’s.', copy);
  if (choice === copy) await vscode.env.clipboard.writeText('@source:corroborate');
}
