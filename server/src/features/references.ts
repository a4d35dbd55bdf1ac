// References (every mention, every file, every spelling), definition (the first mention in the workspace) and
// document highlights (the entity's mentions in this article).
import { DocumentHighlightKind, type DocumentHighlight, type Location } from 'vscode-languageserver';
import type { WorkspaceIndex } from '../workspace/index';
import { locationOf, rangeOf } from './ranges';

export function references(index: WorkspaceIndex, uri: string, offset: number, includeDeclaration = true): Location[] {
  const found = index.clusterAt(uri, offset);
  if (!found) return [];
  const definition = includeDeclaration ? undefined : index.definitionOf(found.cluster);
  const locations: Location[] = [];
  for (const article of found.cluster.articles) {
    for (const ref of article.mentions) {
      if (definition && ref.uri === definition.uri && ref.index === definition.index) continue;
      locations.push(locationOf(ref));
    }
  }
  return locations;
}

export function definition(index: WorkspaceIndex, uri: string, offset: number): Location | null {
  const found = index.clusterAt(uri, offset);
  const first = found && index.definitionOf(found.cluster);
  return first ? locationOf(first) : null;
}

export function documentHighlights(index: WorkspaceIndex, uri: string, offset: number): DocumentHighlight[] {
  const found = index.clusterAt(uri, offset);
  if (!found) return [];
  const article = found.cluster.articles.find((a) => a.uri === found.ref.uri);
  return (article?.mentions ?? []).map((ref) => ({ range: rangeOf(ref.mention), kind: DocumentHighlightKind.Text }));
}
