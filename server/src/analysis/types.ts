// The analysis library's data model. Everything here is plain data: no LSP, no VS Code, no file system.
// All offsets are UTF-16 code units into the analysed text (JavaScript string indices), end exclusive,
// which is also what LSP positions count by default.

export interface Span {
  readonly start: number;
  readonly end: number;
}

export type TokenKind =
  | 'word' // letters, with inner hyphens, apostrophes and abbreviation dots ("al-Assad", "Hay'at", "U.S.")
  | 'number' // digits with inner separators ("4,300", "3.5", "12/09/2017", "09:03"), or digits glued to letters ("49-year", "450m")
  | 'punct' // one punctuation mark, or an ellipsis / double dash
  | 'symbol' // currency and other symbols, emoji: one code point (a surrogate pair is never split)
  | 'url'; // a URL or e-mail address, kept whole so nothing inside it is analysed

export interface Token extends Span {
  readonly text: string;
  readonly kind: TokenKind;
  /** Line breaks in the white space just before this token: 0 (same line), 1, or 2 (a paragraph break or more). */
  readonly breakBefore: 0 | 1 | 2;
  /** Whether any white space precedes this token. */
  readonly spaceBefore: boolean;
}

export interface Sentence extends Span {
  /** Index of the first token, and one past the last, in `ArticleAnalysis.tokens`. */
  readonly firstToken: number;
  readonly endToken: number;
}

/** A calendar day (month 1-12, day 1-31), or a month, or a year, as precise as the text is. */
export interface CalendarDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

export type DatePrecision = 'day' | 'week' | 'month' | 'year' | 'decade';

/** What a date mention resolves to: always a span of whole days, from `first` to `last` inclusive. */
export interface DateValue {
  /**
   * ISO 8601, as precise as the text: `2024-12-16`, `2024-12`, `2024`; a range is `first/last` (`2015/2017`), and so
   * are spans that are not a whole calendar unit: a week or part of one (`2024-12-09/2024-12-15`), a decade
   * (`1990/1999`), a vague window (`2017-06/2017-10` for "a few months ago").
   */
  readonly iso: string;
  readonly precision: DatePrecision;
  /** First and last day covered, as days since 1970-01-01 (UTC): simple arithmetic for checks and timelines. */
  readonly firstDay: number;
  readonly lastDay: number;
}

export type DateKind =
  | 'absolute' // December 8, 2024; 8 December; Dec. 17, 2024
  | 'numeric' // 12/09/2017, 2024-12-17
  | 'month-year' // March 2011
  | 'year' // 2017, in 2014
  | 'relative' // last Friday, on Monday, last week, in January, two years ago, yesterday
  | 'range'; // from 2015 to 2017, 2015-2017

export interface DateMention extends Span {
  readonly text: string;
  readonly kind: DateKind;
  /** Undefined when the date cannot be resolved (a relative date in an article with no date of its own). */
  readonly value?: DateValue;
  /** Plain-words account of how the value was obtained, or why it was not ("Monday before the article's date ..."). */
  readonly explanation: string;
  /** 0 = Sunday ... 6 = Saturday, when the text names a weekday ("on Monday, December 16"). */
  readonly weekday?: number;
  /** The wording is vague ("a few months ago", "about two years ago"): the value is a window, not a reading. */
  readonly approximate?: boolean;
}

/** Where an article's own date came from. */
export interface ArticleDate {
  readonly date: CalendarDate;
  readonly iso: string;
  readonly source: 'dateline' | 'last-modified' | 'front-matter' | 'setting';
  /** The text that gave the date, when it is in the article. */
  readonly span?: Span;
  readonly text?: string;
  /** How the date was read, in plain words, when there was a choice (a numeric dateline's day/month order). */
  readonly explanation?: string;
  /** For a numeric dateline ("12/09/2017"), the order it was read in; the article's other numeric dates follow it. */
  readonly numericOrder?: 'day-first' | 'month-first';
}

export type FigureDimension =
  | 'count'
  | 'percent'
  | 'money'
  | 'length'
  | 'area'
  | 'mass'
  | 'volume'
  | 'speed'
  | 'temperature'
  | 'duration'
  | 'age'
  | 'ordinal'
  | 'magnitude';

/** How a hedge word turns the written value into an interval. */
export type HedgeKind =
  | 'approximate' // some, about, around, roughly, nearly, almost, approximately
  | 'at-least' // at least, more than, over, upwards of
  | 'at-most' // up to, at most, less than, under, fewer than
  | 'exact'; // no hedge

export interface Figure extends Span {
  readonly text: string;
  readonly kind: FigureDimension;
  /** The value as written, scaled ("4.8 billion" -> 4.8e9, "nearly three years" -> 3); a range's midpoint. */
  readonly value: number;
  /** The interval the text allows, after hedges, written precision and ranges ("some 4,300" -> about 4,100..4,500). */
  readonly low: number;
  readonly high: number;
  /** The hedge as written ("some", "more than"), if any. */
  readonly hedge?: string;
  readonly hedgeKind: HedgeKind;
  /** Canonical unit: "percent", "USD", "GBP", "km", "km2", "mi2", "kg", "t", "year", "month", "day", ... */
  readonly unit?: string;
  /** The noun phrase the figure counts or measures, as written ("Russian military", "people", "bases"). */
  readonly counted?: string;
  /** For a range ("10 to 20", "10-20"), low and high as written. */
  readonly range?: { readonly low: number; readonly high: number };
  /** Index (in `figures`) of the figure this one restates in other units ("27,000 square kilometers (10,425 square miles)"). */
  readonly conversionOf?: number;
  /** A vague count ("dozens", "thousands of"): `low`..`high` is an honest wide interval and `value` is its low end. */
  readonly vague?: boolean;
}

export type EntityType = 'person' | 'organization' | 'place' | 'group';

export interface EntityMention extends Span {
  /** The name as written, without any title or rank ("Alexander Lapin"). */
  readonly text: string;
  readonly type: EntityType;
  /** A title, rank or role written just before the name ("Lt. Gen.", "Deputy Foreign Minister"). */
  readonly title?: string;
  readonly titleSpan?: Span;
}

/**
 * A statement of a figure (or of a date) about something: what the consistency checks compare, and what a Facts view
 * lists. Built by the claims stage (claims.ts) from the figures, dates, entities and words of one sentence.
 */
export interface Claim extends Span {
  /** Index into `figures` (or -1 when the claim is about a date only: see `date`). */
  readonly figure: number;
  /** For a date-only claim, the index into `dates` of the date it is about. */
  readonly date?: number;
  /** Index into `sentences` of the sentence it is stated in. */
  readonly sentence: number;
  /** What is counted or measured, lemmatised and normalised, modifiers first ("russian military", "troop",
   *  "military base", "death toll"); empty when the text does not say. */
  readonly subject: string;
  /** The concept of the subject's head noun ("soldiers", "troops", "military" -> "troop"; "people" -> "person"). */
  readonly head?: string;
  /** What happened to what is counted, when the sentence says: "killed", "injured", "missing", "deployed", ... */
  readonly role?: string;
  /**
   * What a claim is compared by: dimension, head concept, modifiers and role ("count|troop|russian|"). Claims with
   * the same key in articles about the same entities at the same time state the same fact. Absent when the claim is
   * too vague to compare (no subject, a duration, an ordinal, a quantity in a quotation).
   */
  readonly key?: string;
  /** The value as an interval: the figure's, after hedges and written precision. */
  readonly value: number;
  readonly low: number;
  readonly high: number;
  readonly unit?: string;
  /** Indices into `entities` of what the claim is about (mentions in the same sentence, minus its source). */
  readonly about: readonly number[];
  /** When the claim holds, if known. */
  readonly when?: DateValue;
  /** Where `when` came from: a date in the same sentence, or the article's own date. */
  readonly whenFrom?: 'text' | 'article';
  /** The tense of the clause, when it has a clear one. */
  readonly tense?: 'past' | 'future';
  /** Where the count holds, when a place phrase follows it ("in the province", "across asia", "in 13 countries"). */
  readonly scope?: string;
  /** Who the figure is attributed to ("RIA Novosti", "the U.S. Geological Survey"), as written, if anyone. */
  readonly attribution?: string;
  /** Whether the figure sits inside a quotation. */
  readonly quoted: boolean;
  /** Whether the wording says the figure changes over time ("rose to", "so far", "now", "currently"). */
  readonly changing: boolean;
  /** A stated count followed by the list it counts ("two bases: a naval base in Tartus and an air base near Jableh"). */
  readonly listed?: {
    readonly items: readonly string[];
    /** How many of the splits were at an "and" inside a name ("Bosnia and Herzegovina" may be one item). */
    readonly joined?: number;
  };
  /**
   * Percentages that make up one whole. `remainder: 'figure'`: this claim's figure is "the remaining N percent" and
   * `figures` are the parts before it; `remainder: 'rest'`: "the rest" (no figure) follows `figures`, this the last.
   */
  readonly parts?: { readonly figures: readonly number[]; readonly remainder: 'figure' | 'rest' };
  /** Date arithmetic the sentence states around this duration, age or date; see DateArithmetic. */
  readonly arithmetic?: DateArithmetic;
}

/**
 * Dates a duration, an age or an "N years ago" relates. Date references are indices into `dates`; -1 is the
 * article's own date.
 * - `term`: "a 49-year lease signed in 2017 ... until 2066" (from = start, to = end);
 * - `span`: "a nine-month battle from October 2016 to July 2017" (from = the range);
 * - `after`: "in 2019, two years after the 2017 deal" (from = the earlier date, to = the later);
 * - `since`: "for two years, since 2015" (from = the start, to = the article's date);
 * - `ago`: "two years ago, in 2015" (a date-only claim: `Claim.date` is the "ago" date, to = the explicit one);
 * - `age`: "the 45-year-old, born in 1979" (from = the birth date, to = the date the age is given at).
 */
export interface DateArithmetic {
  readonly kind: 'term' | 'span' | 'after' | 'since' | 'ago' | 'age';
  readonly from?: number;
  readonly to?: number;
}

export type NumericDateOrder = 'auto' | 'month-first' | 'day-first';

export interface AnalysisOptions {
  /** How to read 01/02/2024; `auto` decides from the article (impossible readings, weekdays, the article date). */
  readonly numericDateOrder?: NumericDateOrder;
  /** The article's date when it gives none of its own (`YYYY-MM-DD`), from settings. */
  readonly defaultArticleDate?: string;
  /** Markdown: front matter, code and link targets are not analysed, and `date:` in front matter is the article's date. */
  readonly markdown?: boolean;
}

export interface ArticleAnalysis {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
  readonly articleDate?: ArticleDate;
  readonly dates: readonly DateMention[];
  readonly figures: readonly Figure[];
  readonly entities: readonly EntityMention[];
  readonly claims: readonly Claim[];
  /** Regions not analysed: front matter, code blocks, link targets. */
  readonly excluded: readonly Span[];
}
