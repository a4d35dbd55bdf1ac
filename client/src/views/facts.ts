// The Facts view (Explorer): the list an editor works through before publishing. First the conflicts the consistency
// checks found (each opens its figure; under it, the other article's figure), then every figure stated as a claim,
// grouped by what it counts across the articles, conflicting ones marked; one click opens each mention.
import * as vscode from 'vscode';
import type { CorroborateApi } from '../api';
import type { ConflictItem, FactClaim, FactGroup, FactsResult, RelatedItem, SeverityName } from '../../../server/src/protocol';
import { openCommand, ServerTree } from './serverTree';

export const FACTS_VIEW = 'corroborate.facts';

type Node =
  | { readonly type: 'conflicts'; readonly conflicts: readonly ConflictItem[] }
  | { readonly type: 'conflict'; readonly conflict: ConflictItem }
  | { readonly type: 'related'; readonly conflict: ConflictItem; readonly related: RelatedItem }
  | { readonly type: 'group'; readonly group: FactGroup }
  | { readonly type: 'claim'; readonly group: FactGroup; readonly claim: FactClaim }
  | { readonly type: 'more'; readonly label: string };

const SEVERITY_ICONS: Record<SeverityName, vscode.ThemeIcon> = {
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  information: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
  hint: new vscode.ThemeIcon('lightbulb'),
};

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

const MEASURES: Record<string, string> = { count: 'count', percent: 'percentage', money: 'money', USD: 'US dollars', GBP: 'pounds', EUR: 'euros' };

/** "count · killed · 3 articles · 1 conflict" */
export function groupDescription(group: FactGroup): string {
  // "(areas in km², subject not stated)" says its measure already
  return [
    group.label.startsWith('(') ? undefined : (MEASURES[group.measure] ?? group.measure),
    group.role,
    plural(group.articles, 'article'),
    group.claims.length > group.articles ? plural(group.claims.length, 'figure') : undefined,
    group.conflicts > 0 ? plural(group.conflicts, 'conflict') : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** "planted.txt:5 · 2017-11-06 · according to the Kremlin" */
export function claimDescription(claim: FactClaim): string {
  return [
    `${claim.path}:${claim.range.start.line + 1}`,
    claim.when,
    claim.attribution ? `according to ${claim.attribution}` : undefined,
    claim.quoted ? 'quoted' : undefined,
    claim.changing ? 'changing' : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}

function interval(claim: FactClaim): string {
  const f = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 3 });
  if (claim.low === null && claim.high === null) return 'any value';
  if (claim.high === null) return `${f(claim.low!)} or more`;
  if (claim.low === null) return `up to ${f(claim.high)}`;
  return claim.low === claim.high ? f(claim.low) : `${f(claim.low)} to ${f(claim.high)}`;
}

export class FactsView extends ServerTree<FactsResult, Node> {
  constructor(api: CorroborateApi) {
    super(api, FACTS_VIEW, { one: 'fact', many: 'facts' });
  }

  protected async fetch(): Promise<FactsResult> {
    if (this.scope === 'article' && !this.articleUri) return { groups: [], conflicts: [], totalGroups: 0 };
    const uri = this.scopeUri();
    return this.api.facts({ ...(this.filter ? { filter: this.filter } : {}), ...(uri ? { uri } : {}) });
  }

  protected count(data: FactsResult): { shown: number; total: number } {
    return { shown: data.groups.length, total: data.totalGroups };
  }

  protected filterPlaceholder(): string {
    return 'What is counted (“troops”), a figure (“4,300”) or a file name';
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      const data = this.data;
      if (!data) return [];
      const nodes: Node[] = [];
      if (data.conflicts.length > 0) nodes.push({ type: 'conflicts', conflicts: data.conflicts });
      nodes.push(...data.groups.map((group) => ({ type: 'group' as const, group })));
      if (data.totalGroups > data.groups.length) nodes.push({ type: 'more', label: `${data.totalGroups - data.groups.length} more groups: filter to find them` });
      return nodes;
    }
    switch (node.type) {
      case 'conflicts':
        return node.conflicts.map((conflict) => ({ type: 'conflict' as const, conflict }));
      case 'conflict':
        return node.conflict.related.map((related) => ({ type: 'related' as const, conflict: node.conflict, related }));
      case 'group':
        return node.group.claims.map((claim) => ({ type: 'claim' as const, group: node.group, claim }));
      default:
        return [];
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.type) {
      case 'conflicts': {
        const item = new vscode.TreeItem('Conflicts', vscode.TreeItemCollapsibleState.Expanded);
        item.description = `${node.conflicts.length} to review`;
        item.iconPath = SEVERITY_ICONS[node.conflicts[0]?.severity ?? 'warning'];
        item.id = 'conflicts';
        item.tooltip = 'What the consistency checks found: each one opens the figure; the rows under it open what it conflicts with.';
        item.accessibilityInformation = { label: `Conflicts, ${node.conflicts.length} to review` };
        return item;
      }
      case 'conflict': {
        const { conflict } = node;
        const item = new vscode.TreeItem(conflict.message, conflict.related.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.description = `${conflict.path}:${conflict.range.start.line + 1}`;
        item.iconPath = SEVERITY_ICONS[conflict.severity];
        item.tooltip = new vscode.MarkdownString().appendText(`${conflict.severity} (${conflict.check}): ${conflict.message}`);
        item.command = openCommand(this.api, conflict.uri, conflict.range, 'Open the figure');
        item.contextValue = 'corroborate.conflict';
        item.id = `conflict:${conflict.uri}:${conflict.range.start.line}:${conflict.range.start.character}:${conflict.check}`;
        return item;
      }
      case 'related': {
        const { related } = node;
        const item = new vscode.TreeItem(related.message, vscode.TreeItemCollapsibleState.None);
        item.description = `${related.path}:${related.range.start.line + 1}`;
        item.iconPath = new vscode.ThemeIcon('link');
        item.command = openCommand(this.api, related.uri, related.range, 'Open the other figure');
        item.id = `related:${node.conflict.uri}:${node.conflict.range.start.line}:${node.conflict.range.start.character}:${related.uri}:${related.range.start.line}:${related.range.start.character}`;
        return item;
      }
      case 'group': {
        const { group } = node;
        const state = group.conflicts > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
        const item = new vscode.TreeItem(group.label, state);
        item.description = groupDescription(group);
        item.iconPath = group.conflicts > 0 ? SEVERITY_ICONS.warning : new vscode.ThemeIcon(group.compared ? 'symbol-number' : 'list-unordered');
        item.tooltip = new vscode.MarkdownString().appendText(
          group.compared
            ? `${group.label}: the checks compare these figures (same fact, same time, same entities).`
            : `${group.label}: listed together by what they count; too vague for the checks to compare.`,
        );
        item.id = `group:${group.key}`;
        item.contextValue = 'corroborate.factGroup';
        return item;
      }
      case 'claim': {
        const { claim } = node;
        const item = new vscode.TreeItem(claim.figure, vscode.TreeItemCollapsibleState.None);
        item.description = claimDescription(claim);
        item.iconPath = claim.conflict ? SEVERITY_ICONS[claim.conflict.severity] : new vscode.ThemeIcon(claim.quoted ? 'quote' : 'circle-small-filled');
        const tooltip = new vscode.MarkdownString();
        if (claim.sentence) tooltip.appendText(claim.sentence).appendMarkdown('\n\n');
        tooltip.appendText(`${claim.figure}: ${interval(claim)}${claim.unit ? ` ${claim.unit}` : ''}${claim.when ? `, as of ${claim.when}${claim.whenFrom === 'article' ? ' (the article’s date)' : ''}` : ''}`);
        if (claim.conflict) tooltip.appendMarkdown('\n\n').appendText(`${claim.conflict.severity}: ${claim.conflict.message}`);
        item.tooltip = tooltip;
        item.command = openCommand(this.api, claim.uri, claim.range, 'Open the figure');
        item.id = `claim:${node.group.key}:${claim.uri}:${claim.range.start.line}:${claim.range.start.character}`;
        item.accessibilityInformation = { label: `${claim.figure}, ${claim.conflict ? `${claim.conflict.severity}: ${claim.conflict.message}, ` : ''}${claim.path} line ${claim.range.start.line + 1}` };
        return item;
      }
      default: {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('info');
        return item;
      }
    }
  }
}
