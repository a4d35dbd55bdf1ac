// Hover: what an annotation means, in plain words. An entity's hover is cross-file when the workspace index is given.
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { ArticleAnalysis } from '../analysis/types';
import type { WorkspaceIndex } from '../workspace/index';
import { annotationAt, lineIndexOf } from './lookup';
import { describeDate, describeEntity, describeFigure } from './describe';
import { describeCluster } from './entityHover';
import { rangeOf, type DisplayPath } from './ranges';
import type { ArticleText } from './viewText';

export interface HoverLinking {
  readonly index: WorkspaceIndex;
  readonly uri: string;
  readonly displayPath: DisplayPath;
  /** Other articles' texts, for the snippets beside their links. */
  readonly textOf?: (uri: string) => ArticleText | undefined;
}

export function hover(analysis: ArticleAnalysis, offset: number, linking?: HoverLinking): Hover | null {
  if (linking) {
    const found = linking.index.clusterAt(linking.uri, offset);
    if (found) {
      const value = describeCluster({ ref: found.ref, cluster: found.cluster, analysis, displayPath: linking.displayPath, ...(linking.textOf ? { textOf: linking.textOf } : {}) });
      return { contents: { kind: MarkupKind.Markdown, value }, range: rangeOf(found.ref.mention) };
    }
  }
  const annotation = annotationAt(analysis, offset);
  if (!annotation) return null;
  const span = annotation.kind === 'date' ? annotation.date : annotation.kind === 'figure' ? annotation.figure : annotation.entity;
  const value =
    annotation.kind === 'date'
      ? describeDate(annotation.date)
      : annotation.kind === 'figure'
        ? describeFigure(annotation.figure, analysis)
        : describeEntity(annotation.entity, analysis);
  const lines = lineIndexOf(analysis);
  return {
    contents: { kind: MarkupKind.Markdown, value },
    range: { start: lines.position(span.start), end: lines.position(span.end) },
  };
}
