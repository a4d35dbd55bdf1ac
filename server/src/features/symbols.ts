// Symbols: every entity of the workspace, found by any spelling (workspace/symbol), and an article's outline of its
// entities, dates and figures (textDocument/documentSymbol).
import { SymbolKind, type DocumentSymbol, type Range, type SymbolInformation } from 'vscode-languageserver';
import type { EntityType } from '../analysis/types';
import type { WorkspaceIndex } from '../workspace/index';
import { figureSummary } from './describe';
import { locationOf, rangeOf } from './ranges';

/** Symbol kinds mirror the semantic token super types (person: variable, organisation: class, place: enum member). */
export const ENTITY_SYMBOL_KIND: Record<EntityType, SymbolKind> = {
  person: SymbolKind.Variable,
  organization: SymbolKind.Class,
  place: SymbolKind.EnumMember,
  group: SymbolKind.TypeParameter,
};

const GROUP_NAMES: Record<EntityType, string> = { person: 'People', organization: 'Organisations', place: 'Places', group: 'Groups' };

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Workspace symbols: the name shown is the spelling that matched (clients filter on it), the canonical name beside it. */
export function workspaceSymbols(index: WorkspaceIndex, query: string, limit = 500): SymbolInformation[] {
  const symbols: SymbolInformation[] = [];
  for (const hit of index.search(query, limit)) {
    const first = index.definitionOf(hit.cluster);
    if (!first) continue;
    const counts = `${plural(hit.cluster.mentionCount, 'mention')} in ${plural(hit.cluster.articles.length, 'article')}`;
    const alias = hit.spelling.toLowerCase() === hit.cluster.canonical.toLowerCase() ? '' : `${hit.cluster.canonical} · `;
    symbols.push({ name: hit.spelling, kind: ENTITY_SYMBOL_KIND[hit.cluster.type], location: locationOf(first), containerName: `${alias}${hit.cluster.type} · ${counts}` });
  }
  return symbols;
}

function enclosing(children: readonly DocumentSymbol[]): Range {
  const first = children[0]!.range.start;
  let last = children[0]!.range.end;
  for (const child of children) {
    const end = child.range.end;
    if (end.line > last.line || (end.line === last.line && end.character > last.character)) last = end;
  }
  return { start: first, end: last };
}

function group(name: string, kind: SymbolKind, children: DocumentSymbol[]): DocumentSymbol | undefined {
  if (children.length === 0) return undefined;
  const range = enclosing(children);
  return { name, kind, detail: `${children.length}`, range, selectionRange: { start: range.start, end: range.start }, children };
}

/** The outline: People, Organisations, Places, Groups (one symbol per entity, its mentions inside), Dates, Figures. */
export function documentSymbols(index: WorkspaceIndex, uri: string): DocumentSymbol[] {
  const summary = index.get(uri);
  if (!summary) return [];
  const byType = new Map<EntityType, DocumentSymbol[]>();
  for (const { cluster, mentions } of index.clustersIn(uri)) {
    const first = mentions[0]!;
    const total = cluster.mentionCount;
    const detail = `${mentions.length} here · ${plural(total, 'mention')} in ${plural(cluster.articles.length, 'article')}`;
    const children: DocumentSymbol[] = mentions.map((ref) => ({
      name: ref.mention.text.replace(/\s+/g, ' '),
      kind: ENTITY_SYMBOL_KIND[ref.mention.type],
      detail: `line ${ref.mention.line + 1}`,
      range: rangeOf(ref.mention),
      selectionRange: rangeOf(ref.mention),
    }));
    const symbol: DocumentSymbol = {
      name: cluster.canonical,
      kind: ENTITY_SYMBOL_KIND[cluster.type],
      detail,
      range: enclosing(children),
      selectionRange: rangeOf(first.mention),
      children,
    };
    byType.set(cluster.type, [...(byType.get(cluster.type) ?? []), symbol]);
  }
  const dates: DocumentSymbol[] = summary.dates.map((date) => ({
    name: date.text.replace(/\s+/g, ' '),
    kind: SymbolKind.String,
    detail: date.value?.iso ?? 'unresolved',
    range: rangeOf(date),
    selectionRange: rangeOf(date),
  }));
  const figures: DocumentSymbol[] = summary.figures.map((figure) => ({
    name: figure.text.replace(/\s+/g, ' '),
    kind: SymbolKind.Number,
    detail: figureSummary(figure),
    range: rangeOf(figure),
    selectionRange: rangeOf(figure),
  }));
  const groups: (DocumentSymbol | undefined)[] = (['person', 'organization', 'place', 'group'] as const).map((type) =>
    group(GROUP_NAMES[type], ENTITY_SYMBOL_KIND[type], byType.get(type) ?? []),
  );
  groups.push(group('Dates', SymbolKind.String, dates), group('Figures', SymbolKind.Number, figures));
  return groups.filter((g): g is DocumentSymbol => g !== undefined);
}

/** Flat symbols for clients without hierarchical document symbols. */
export function flatDocumentSymbols(index: WorkspaceIndex, uri: string): SymbolInformation[] {
  const flat: SymbolInformation[] = [];
  for (const top of documentSymbols(index, uri)) {
    for (const child of top.children ?? []) {
      flat.push({ name: child.name, kind: child.kind, location: { uri, range: child.selectionRange }, containerName: top.name });
    }
  }
  return flat;
}
