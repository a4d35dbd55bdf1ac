// The compact, serialisable summary of one article: what the workspace index keeps for every file, open or closed.
// Plain data (structured-clone and JSON safe), produced by a pure function so a worker thread can compute it and a
// persisted index can store it. Keeps positions as line/character too, so links and references never need the file;
// keeps no tokens and no text: a hover cuts the few snippets it shows from the article's text when it needs them
// (`snippetAround`), which keeps tens of thousands of summaries small.
import type { ArticleAnalysis, ArticleDate, Claim, DateMention, EntityType, Figure, Span } from '../analysis/types';
import { LineIndex } from '../analysis/lines';
import { findDefinitions, type NameDefinition } from './definitions';

/** Bump when the summary's shape or meaning changes: a persisted index with another version is rebuilt. */
export const SUMMARY_VERSION = 3;

/** Where a span starts (0-based line and UTF-16 character), and where it ends when that is on another line. */
export interface Located extends Span {
  readonly line: number;
  readonly character: number;
  /** Only when the span ends on a later line than it starts. */
  readonly endLine?: number;
  readonly endCharacter?: number;
}

export interface MentionSummary extends Located {
  readonly text: string;
  readonly type: EntityType;
  readonly title?: string;
  /** The mention's line, cut to a short window around it: no longer stored by `summarize` (see `snippetAround`);
   *  summaries built elsewhere may carry one. */
  readonly snippet?: string;
  /** Where the mention starts within `snippet`. */
  readonly snippetAt?: number;
}

export type DateSummary = DateMention & Located;
export type FigureSummary = Figure & Located;
export type ClaimSummary = Claim & Located;
export type DefinitionSummary = NameDefinition & Located;

export interface ArticleSummary {
  readonly version: number;
  /** Length of the analysed text in UTF-16 code units, and its number of lines. */
  readonly length: number;
  readonly lineCount: number;
  readonly articleDate?: ArticleDate;
  /** In the analysis's order: `claims[].about` and other indices refer to these positions. */
  readonly entities: readonly MentionSummary[];
  readonly dates: readonly DateSummary[];
  readonly figures: readonly FigureSummary[];
  readonly claims: readonly ClaimSummary[];
  /** Names the article defines itself: "Hayat Tahrir al-Sham (HTS)", "ISIS, also called IS". */
  readonly definitions: readonly DefinitionSummary[];
}

const SNIPPET_RADIUS = 45;
/** ASCII, so a snippet of English text stays a one-byte string in V8 ("…" would double its size). */
const ELLIPSIS = '...';

function locate<T extends Span>(item: T, lines: LineIndex): T & Located {
  const from = lines.position(item.start);
  const to = lines.position(item.end);
  if (to.line === from.line) return { ...item, line: from.line, character: from.character };
  return { ...item, line: from.line, character: from.character, endLine: to.line, endCharacter: to.character };
}

/** The end position of a located span. */
export function endOf(located: Located): { line: number; character: number } {
  return located.endLine === undefined
    ? { line: located.line, character: located.character + (located.end - located.start) }
    : { line: located.endLine, character: located.endCharacter ?? 0 };
}

/** A window of the mention's line around it, whitespace collapsed, cut at word boundaries. */
export function snippetAround(text: string, lines: LineIndex, span: Span): { snippet: string; at: number } {
  const line = lines.lineOf(span.start);
  const lineStart = lines.lineStart(line);
  const lineEnd = Math.max(lines.lineEnd(line), Math.min(span.end, text.length));
  let from = Math.max(lineStart, span.start - SNIPPET_RADIUS);
  let to = Math.min(lineEnd, span.end + SNIPPET_RADIUS);
  if (from > lineStart) {
    const space = text.indexOf(' ', from);
    if (space >= 0 && space < span.start) from = space + 1;
  }
  if (to < lineEnd) {
    const space = text.lastIndexOf(' ', to);
    if (space > span.end) to = space;
  }
  const prefix = from > lineStart ? ELLIPSIS : '';
  const suffix = to < lineEnd ? ELLIPSIS : '';
  const before = text.slice(from, span.start).replace(/\s+/g, ' ');
  const rest = text.slice(span.start, to).replace(/\s+/g, ' ');
  // A fresh string, so the summary never keeps the whole article text alive through a sliced string.
  const snippet = `${prefix}${before}${rest}${suffix}`.split('').join('');
  return { snippet, at: prefix.length + before.length };
}

/** Summarises an analysis. Pure and deterministic; the input analysis is not kept. */
export function summarize(analysis: ArticleAnalysis): ArticleSummary {
  const { text } = analysis;
  const lines = new LineIndex(text);
  const entities = analysis.entities.map((entity): MentionSummary =>
    locate(
      { start: entity.start, end: entity.end, text: copyString(entity.text), type: entity.type, ...(entity.title ? { title: copyString(entity.title) } : {}) },
      lines,
    ),
  );
  const definitions = findDefinitions(text, analysis.tokens, analysis.entities).map((definition) =>
    locate({ ...definition, short: copyString(definition.short), long: copyString(definition.long) }, lines),
  );
  return {
    version: SUMMARY_VERSION,
    length: text.length,
    lineCount: lines.lineCount,
    ...(analysis.articleDate ? { articleDate: copyStrings(analysis.articleDate) } : {}),
    entities,
    dates: analysis.dates.map((date) => locate(copyStrings(date), lines)),
    figures: analysis.figures.map((figure) => locate(copyStrings(figure), lines)),
    claims: analysis.claims.map((claim) => locate(copyClaim(claim), lines)),
    definitions,
  };
}

/** A claim with flat copies of its strings (a list's items are two levels down). */
function copyClaim(claim: Claim): Claim {
  const copy = copyStrings(claim);
  return claim.listed ? { ...copy, listed: { ...claim.listed, items: claim.listed.items.map(copyString) } } : copy;
}

/** A flat copy of a (possibly sliced) string: V8 keeps a slice's parent alive, and the parent is the whole article. */
function copyString(value: string): string {
  return value.length < 13 ? value : value.split('').join('');
}

/** A copy of an annotation whose string fields (one level down too) are flat copies. */
function copyStrings<T extends object>(item: T): T {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    if (typeof value === 'string') copy[key] = copyString(value);
    else if (value && typeof value === 'object' && !Array.isArray(value)) {
      const inner: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) inner[k] = typeof v === 'string' ? copyString(v) : v;
      copy[key] = inner;
    } else copy[key] = value;
  }
  return copy as T;
}
