// Finds the annotation under an offset. Pure: shared by hover, the CLI and tests.
import type { ArticleAnalysis, DateMention, EntityMention, Figure, Span } from '../analysis/types';
import { LineIndex } from '../analysis/lines';

export type Annotation =
  | { readonly kind: 'date'; readonly index: number; readonly date: DateMention }
  | { readonly kind: 'figure'; readonly index: number; readonly figure: Figure }
  | { readonly kind: 'entity'; readonly index: number; readonly entity: EntityMention };

function covers(span: Span, offset: number): boolean {
  return span.start <= offset && offset < span.end;
}

/** The annotation under `offset` (a cursor just after the last character counts too). */
export function annotationAt(analysis: ArticleAnalysis, offset: number): Annotation | undefined {
  for (const probe of [offset, offset - 1]) {
    const entityIndex = analysis.entities.findIndex((e) => covers(e, probe));
    if (entityIndex >= 0) return { kind: 'entity', index: entityIndex, entity: analysis.entities[entityIndex]! };
    const dateIndex = analysis.dates.findIndex((d) => covers(d, probe));
    if (dateIndex >= 0) return { kind: 'date', index: dateIndex, date: analysis.dates[dateIndex]! };
    const figureIndex = analysis.figures.findIndex((f) => covers(f, probe));
    if (figureIndex >= 0) return { kind: 'figure', index: figureIndex, figure: analysis.figures[figureIndex]! };
  }
  return undefined;
}

const lineIndexes = new WeakMap<ArticleAnalysis, LineIndex>();

/** The line index of an analysed text, built once per analysis. */
export function lineIndexOf(analysis: ArticleAnalysis): LineIndex {
  let index = lineIndexes.get(analysis);
  if (!index) {
    index = new LineIndex(analysis.text);
    lineIndexes.set(analysis, index);
  }
  return index;
}
