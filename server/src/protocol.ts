// The custom requests and notifications between Corroborate's VS Code client and its language server: the data behind
// the Entities and Facts views, the timeline, the status bar and the commands. Imported by both sides, so it holds
// plain types and method names only: no `vscode`, no `vscode-languageserver` import (LSP's Position, Range and
// TextEdit shapes are repeated here structurally). Any LSP client may send these requests; none is required to.

/** 0-based line and UTF-16 character, as in LSP. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

export type EntityKind = 'person' | 'organization' | 'place' | 'group';

export const ENTITY_KINDS: readonly EntityKind[] = ['person', 'organization', 'place', 'group'];

/** Request and notification method names. */
export const Methods = {
  /** EntitiesParams -> EntitiesResult: the workspace's (or one article's) entities, filtered by any spelling. */
  entities: 'corroborate/entities',
  /** EntityParams -> EntityDetail | null: one entity with every mention, by id or by a position in an article. */
  entity: 'corroborate/entity',
  /** FactsParams -> FactsResult: claims grouped by what they count, and the consistency findings. */
  facts: 'corroborate/facts',
  /** TimelineParams -> TimelineResult: every resolved date, for the timeline. */
  timeline: 'corroborate/timeline',
  /** FactSheetParams -> FactSheetResult: a Markdown fact sheet of an article or of the workspace. */
  factSheet: 'corroborate/factSheet',
  /** ArticleDateParams -> ArticleDateEdit | null: the edit that gives an article its date (dateline or front matter). */
  articleDateEdit: 'corroborate/articleDateEdit',
  /** (no params) -> StatusParams: indexes the workspace again from disk; answers when done. */
  reindex: 'corroborate/reindex',
  /** (no params) -> StatusParams: the state now. */
  status: 'corroborate/status',
  /** Notification, server to client, StatusParams: indexing progress, and every change of the index or findings. */
  statusChanged: 'corroborate/statusChanged',
} as const;

// ---- status ------------------------------------------------------------------------------------------------------

export interface StatusParams {
  /** Present while the workspace is being indexed. */
  readonly indexing?: { readonly done: number; readonly total: number };
  readonly articles: number;
  readonly entities: number;
  /** Findings of the consistency checks (after settings and `.corroborate.json`), by severity. */
  readonly conflicts: { readonly error: number; readonly warning: number; readonly information: number; readonly hint: number };
  /** Grows with every change of the index or the findings: a view whose data is older refreshes. */
  readonly version: number;
}

/** All findings of a status, whatever their severity. */
export function conflictCount(status: Pick<StatusParams, 'conflicts'>): number {
  const c = status.conflicts;
  return c.error + c.warning + c.information + c.hint;
}

// ---- entities ----------------------------------------------------------------------------------------------------

export interface EntitiesParams {
  /** Any spelling, or part of one ("khmei" finds Hmeimim); empty or absent: every entity. */
  readonly filter?: string;
  /** Only the entities this article mentions. */
  readonly uri?: string;
  /** At most this many entities of each kind (default 500). */
  readonly limitPerKind?: number;
}

export interface SpellingItem {
  readonly text: string;
  readonly mentions: number;
  readonly articles: number;
}

export interface EntityItem {
  /** Stable until the index re-clusters: refetch after a statusChanged. */
  readonly id: number;
  readonly kind: EntityKind;
  readonly name: string;
  /** Most mentioned first. */
  readonly spellings: readonly SpellingItem[];
  readonly articles: number;
  readonly mentions: number;
  /** A short name left alone because several full names fit it ("Assad": Bashar and Hafez). */
  readonly ambiguousWith?: readonly string[];
}

export interface EntitiesResult {
  /** By kind in ENTITY_KINDS order, then most mentioned first. */
  readonly entities: readonly EntityItem[];
  /** Matching entities of each kind, before the limit. */
  readonly totals: Readonly<Record<EntityKind, number>>;
}

export interface EntityParams {
  readonly id?: number;
  /** Or: the entity mentioned at this position of this article. */
  readonly uri?: string;
  readonly position?: Position;
}

export interface MentionItem {
  readonly range: Range;
  /** The name as written there. */
  readonly text: string;
  /** The mention's line, cut around it, when the text could be read. */
  readonly snippet?: string;
}

export interface ArticleMentionsItem {
  readonly uri: string;
  /** The path shown to the user ("news/kremlin.txt"). */
  readonly path: string;
  /** The article's own date (ISO). */
  readonly date?: string;
  readonly mentions: readonly MentionItem[];
}

export interface EntityDetail {
  readonly entity: EntityItem;
  /** Dated articles by date, then undated ones. */
  readonly articles: readonly ArticleMentionsItem[];
  /** Articles left out of `articles` (an entity of thousands of articles lists the first ones). */
  readonly omittedArticles?: number;
  /** The mention the request pointed at, when it gave a position. */
  readonly at?: MentionItem & { readonly uri: string };
}

// ---- facts -------------------------------------------------------------------------------------------------------

export interface FactsParams {
  /** Only the facts this article states (each with every article's claims of the same fact). */
  readonly uri?: string;
  /** Words of what is counted, a figure as written, or a file name. */
  readonly filter?: string;
  /** At most this many groups (default 300). */
  readonly limit?: number;
}

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';

export interface ConflictRef {
  readonly check: string;
  readonly severity: SeverityName;
  readonly message: string;
}

export interface FactClaim {
  readonly uri: string;
  readonly path: string;
  /** The figure's range. */
  readonly range: Range;
  /** The figure as written ("some 4,300"). */
  readonly figure: string;
  readonly value: number;
  /** The interval the wording allows; null for an open end ("at least eight": high is null). */
  readonly low: number | null;
  readonly high: number | null;
  readonly unit?: string;
  /** When it holds (ISO), and whether that came from the text or from the article's date. */
  readonly when?: string;
  readonly whenFrom?: 'text' | 'article';
  readonly attribution?: string;
  readonly quoted: boolean;
  readonly changing: boolean;
  /** The sentence it is stated in, when the text could be read. */
  readonly sentence?: string;
  /** A consistency finding on this figure. */
  readonly conflict?: ConflictRef;
}

export interface FactGroup {
  /** The comparison key (claims with the same key state the same fact), or a looser grouping by subject. */
  readonly key: string;
  /** What is counted or measured ("Russian military"). */
  readonly label: string;
  /** "count", "percent", "km2", "year", ... */
  readonly measure: string;
  /** What happened to it ("killed", "deployed"), when the text says. */
  readonly role?: string;
  /** Whether the checks compare these claims (a keyed group), or they are only listed together. */
  readonly compared: boolean;
  readonly articles: number;
  readonly conflicts: number;
  /** In article order (dated articles by date), then by position. */
  readonly claims: readonly FactClaim[];
}

export interface RelatedItem {
  readonly uri: string;
  readonly path: string;
  readonly range: Range;
  readonly message: string;
}

export interface ConflictItem extends ConflictRef {
  readonly uri: string;
  readonly path: string;
  readonly range: Range;
  /** The text the finding is on. */
  readonly text: string;
  readonly related: readonly RelatedItem[];
}

export interface FactsResult {
  /** Groups with conflicts first, then those stated in the most articles. */
  readonly groups: readonly FactGroup[];
  /** Every finding in scope (an article's, or the workspace's), most severe first. */
  readonly conflicts: readonly ConflictItem[];
  /** Groups before the limit. */
  readonly totalGroups: number;
}

// ---- timeline ----------------------------------------------------------------------------------------------------

export interface TimelineParams {
  /** Only this article's dates; absent: the workspace's. */
  readonly uri?: string;
  /** At most this many dates (default 5000), the earliest first. */
  readonly limit?: number;
}

export interface TimelineItem {
  readonly uri: string;
  readonly range: Range;
  /** As written ("last Friday"). */
  readonly text: string;
  /** The resolved value: ISO text, precision, and the first and last day (days since 1970-01-01). */
  readonly iso: string;
  readonly precision: 'day' | 'week' | 'month' | 'year' | 'decade';
  readonly firstDay: number;
  readonly lastDay: number;
  /** Resolved against the article's date ("on Monday"), not written out. */
  readonly relative: boolean;
  readonly approximate?: boolean;
  readonly explanation: string;
  readonly sentence?: string;
}

export interface TimelineArticle {
  readonly uri: string;
  readonly path: string;
  /** The article's own date (ISO day) and where it came from. */
  readonly date?: string;
  readonly dateSource?: 'dateline' | 'last-modified' | 'front-matter' | 'setting';
  /** Days since 1970-01-01 of the article's date. */
  readonly day?: number;
  /** Dates of this article that could not be resolved (no article date). */
  readonly unresolved: number;
}

export interface TimelineResult {
  readonly items: readonly TimelineItem[];
  /** Articles with at least one resolved or unresolved date, dated ones first (by date). */
  readonly articles: readonly TimelineArticle[];
  /** Resolved dates before the limit. */
  readonly total: number;
}

// ---- fact sheet --------------------------------------------------------------------------------------------------

/** The second line of every fact sheet (the first is its title, which VS Code shows as an untitled document's name):
 *  the client does not send such a document to the server (a fact sheet repeats the articles' names and figures, and
 *  is not an article itself). */
export const FACT_SHEET_MARKER = '<!-- Corroborate fact sheet: a summary of articles, not an article -->';

export interface FactSheetParams {
  /** The article; absent: the whole workspace. */
  readonly uri?: string;
}

export interface FactSheetResult {
  readonly title: string;
  /** A suggested file name ("fact-sheet-kremlin.md"). */
  readonly fileName: string;
  readonly markdown: string;
}

// ---- the article's date ------------------------------------------------------------------------------------------

export interface ArticleDateParams {
  readonly uri: string;
  /** YYYY-MM-DD. */
  readonly date: string;
}

export interface ArticleDateEdit {
  /** Edits of the article (one, in practice). */
  readonly edits: readonly TextEdit[];
  /** What the edit does, in plain words ("Replaces the dateline “12/09/2017” with “13/09/2017”"). */
  readonly description: string;
  /** The article's date before the edit (ISO), and where it came from. */
  readonly previous?: string;
  readonly previousSource?: 'dateline' | 'last-modified' | 'front-matter' | 'setting';
}
