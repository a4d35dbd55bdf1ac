// Semantic tokens: entities, dates and figures, typed by kind, in the legend's order.
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver';
import type { ArticleAnalysis, Span } from '../analysis/types';
import { lineIndexOf } from './lookup';

export const TOKEN_TYPES = ['person', 'organization', 'place', 'group', 'date', 'figure'] as const;
export const TOKEN_MODIFIERS = ['relative', 'unresolved', 'approximate'] as const;
export type TokenType = (typeof TOKEN_TYPES)[number];
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export const semanticTokensLegend: SemanticTokensLegend = {
  tokenTypes: [...TOKEN_TYPES],
  tokenModifiers: [...TOKEN_MODIFIERS],
};

interface Highlight extends Span {
  readonly type: TokenType;
  readonly modifiers: number;
}

function modifierBits(...modifiers: TokenModifier[]): number {
  return modifiers.reduce((bits, modifier) => bits | (1 << TOKEN_MODIFIERS.indexOf(modifier)), 0);
}

/** Everything to highlight, sorted, without overlaps (entities win over dates, dates over figures). */
export function highlights(analysis: ArticleAnalysis): Highlight[] {
  const all: Highlight[] = [];
  for (const entity of analysis.entities) all.push({ start: entity.start, end: entity.end, type: entity.type, modifiers: 0 });
  for (const date of analysis.dates) {
    const modifiers = modifierBits(
      ...(date.kind === 'relative' ? (['relative'] as const) : []),
      ...(date.value ? [] : (['unresolved'] as const)),
    );
    all.push({ start: date.start, end: date.end, type: 'date', modifiers });
  }
  for (const figure of analysis.figures) {
    const modifiers = figure.hedgeKind === 'exact' ? 0 : modifierBits('approximate');
    all.push({ start: figure.start, end: figure.end, type: 'figure', modifiers });
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const result: Highlight[] = [];
  let covered = 0;
  for (const highlight of all) {
    if (highlight.start < covered || highlight.end <= highlight.start) continue;
    result.push(highlight);
    covered = highlight.end;
  }
  return result;
}

/** Encodes highlights as LSP relative token data; a highlight that spans lines becomes one token per line. */
export function semanticTokens(analysis: ArticleAnalysis, range?: Span): SemanticTokens {
  const lines = lineIndexOf(analysis);
  const data: number[] = [];
  let previousLine = 0;
  let previousCharacter = 0;
  for (const highlight of highlights(analysis)) {
    if (range && (highlight.end <= range.start || highlight.start >= range.end)) continue;
    const type = TOKEN_TYPES.indexOf(highlight.type);
    const first = lines.lineOf(highlight.start);
    const last = lines.lineOf(highlight.end - 1);
    for (let line = first; line <= last; line++) {
      const start = line === first ? highlight.start : lines.lineStart(line);
      const end = line === last ? highlight.end : lines.lineEnd(line);
      if (end <= start) continue;
      const character = start - lines.lineStart(line);
      data.push(line - previousLine, line === previousLine ? character - previousCharacter : character, end - start, type, highlight.modifiers);
      previousLine = line;
      previousCharacter = character;
    }
  }
  return { data };
}
