// Hover: what an annotation means, in plain words.
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { ArticleAnalysis } from '../analysis/types';
import { annotationAt, lineIndexOf } from './lookup';
import { describeDate, describeEntity, describeFigure } from './describe';

export function hover(analysis: ArticleAnalysis, offset: number): Hover | null {
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
