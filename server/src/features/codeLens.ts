// Code lens over the first mention of each entity in an article: "12 mentions in 4 articles"; clicking it shows the
// references. Resolved lazily: the lens carries the mention, the count and locations are computed when shown.
import type { CodeLens } from 'vscode-languageserver';
import type { WorkspaceIndex } from '../workspace/index';
import { locationOf, rangeOf } from './ranges';

/** Client-side command that turns JSON arguments into `editor.action.showReferences` (see client/src/extension.ts). */
export const SHOW_REFERENCES_COMMAND = 'corroborate.showReferences';

interface LensData {
  readonly uri: string;
  readonly index: number;
}

export function codeLenses(index: WorkspaceIndex, uri: string): CodeLens[] {
  return index.clustersIn(uri).map(({ mentions }) => {
    const first = mentions[0]!;
    const data: LensData = { uri, index: first.index };
    return { range: rangeOf(first.mention), data };
  });
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function resolveCodeLens(index: WorkspaceIndex, lens: CodeLens): CodeLens {
  const data = lens.data as LensData | undefined;
  const cluster = data && index.clusterOf(data);
  if (!cluster) return { ...lens, command: { title: 'not indexed any more', command: '' } };
  const title = `${plural(cluster.mentionCount, 'mention')} in ${plural(cluster.articles.length, 'article')}`;
  const locations = index.mentionsOf(cluster).map(locationOf);
  return { ...lens, command: { title, command: SHOW_REFERENCES_COMMAND, arguments: [data!.uri, lens.range.start, locations] } };
}
