// Date recognition over tokens: finds what the text says ("December 8", "12/09/2017", "last Friday") without
// resolving it. Resolution against the article's own date is in dates.ts; dateline.ts uses these raw matches to find
// that date. One left-to-right pass; every matcher looks at a bounded number of tokens, so time is linear.
import type { DateKind, Token } from './types';
import { isValidDay, monthOfWord, weekdayOfWord } from './calendar';
import { numberWordValue, ordinalValue } from './numbers';

export type Part = 'whole' | 'earlier' | 'later';
export type AgoUnit = 'day' | 'week' | 'month' | 'year' | 'decade';

export type RelativeSpec =
  /** yesterday (-1), today (0), tomorrow (+1), the day before yesterday (-2) */
  | { readonly type: 'day'; readonly offset: number }
  /** on Monday / Monday (bare), last Friday, next Friday, this Friday */
  | { readonly type: 'weekday'; readonly weekday: number; readonly mode: 'bare' | 'last' | 'next' | 'this' }
  /** last week (-1), this week (0), next week (+1); later this week / earlier this week */
  | { readonly type: 'week'; readonly offset: number; readonly part: Part }
  | { readonly type: 'weekend'; readonly offset: number }
  | { readonly type: 'month'; readonly offset: number; readonly part: Part }
  | { readonly type: 'year'; readonly offset: number; readonly part: Part }
  /** in January (bare), last March, next May, December last year (yearOffset -1) */
  | { readonly type: 'month-name'; readonly month: number; readonly mode: 'bare' | 'last' | 'next' | 'this'; readonly yearOffset?: number }
  /** December 8 (no year) */
  | { readonly type: 'day-month'; readonly month: number; readonly day: number }
  /** two years ago (min = max = 2), a few months ago (2..4, vague) */
  | { readonly type: 'ago'; readonly unit: AgoUnit; readonly min: number; readonly max: number; readonly vague: boolean }
  /** the past three years, the past week: the span that ends on the article's date */
  | { readonly type: 'past'; readonly unit: AgoUnit; readonly n: number };

export interface RawDate {
  /** Token range [i, j). */
  readonly i: number;
  readonly j: number;
  readonly kind: DateKind;
  readonly year?: number;
  readonly month?: number;
  readonly day?: number;
  readonly weekday?: number;
  /** First year of a decade ("the 1990s" -> 1990). */
  readonly decade?: number;
  /** A slash, dot or dash date whose day/month order is to be decided: first/second as written. */
  readonly numeric?: { readonly first: number; readonly second: number; readonly year: number; readonly separator: string };
  readonly relative?: RelativeSpec;
  readonly from?: RawDate;
  readonly to?: RawDate;
}

const word = (tokens: readonly Token[], k: number): string =>
  k >= 0 && k < tokens.length && tokens[k]!.kind === 'word' ? tokens[k]!.text.toLowerCase() : '';
const text = (tokens: readonly Token[], k: number): string => (k >= 0 && k < tokens.length ? tokens[k]!.text : '');

function isCapitalised(token: Token | undefined): boolean {
  if (!token || token.kind !== 'word') return false;
  const c = token.text.charCodeAt(0);
  return c >= 65 && c <= 90;
}

/** A four-digit year 1000-2199 written as one token ("2017"). */
export function yearOfToken(token: Token | undefined): number | undefined {
  if (!token || token.kind !== 'number' || token.text.length !== 4) return undefined;
  if (!/^[12]\d{3}$/.test(token.text)) return undefined;
  const year = +token.text;
  return year >= 1000 && year <= 2199 ? year : undefined;
}

/** A day of the month: "8", "08", "8th", "22nd". */
function dayOfToken(token: Token | undefined): number | undefined {
  if (!token || token.kind !== 'number') return undefined;
  if (/^\d{1,2}$/.test(token.text)) {
    const day = +token.text;
    return day >= 1 && day <= 31 ? day : undefined;
  }
  const ordinal = ordinalValue(token.text);
  return ordinal !== undefined && ordinal >= 1 && ordinal <= 31 && /^\d/.test(token.text) ? ordinal : undefined;
}

/** Tokens on the same line: date parts never span a line break. */
function sameLine(tokens: readonly Token[], k: number): boolean {
  return k < tokens.length && tokens[k]!.breakBefore === 0;
}

/** Words after which a lone month name is a date ("in January", "since May", "by March"). */
const MONTH_CONTEXT = new Set([
  'in', 'since', 'by', 'until', 'till', 'from', 'through', 'during', 'before', 'after', 'early', 'late', 'mid',
  'throughout', 'between', 'last', 'next', 'this', 'that', 'around', 'starting', 'beginning', 'ending',
]);
/** Months that are also given names or surnames ("April Jones", "Theresa May"): a capitalised word after one alone is a name. */
const NAME_MONTHS = new Set([4, 5, 6, 8]);
/** Stricter context for "May" (also the modal verb and a surname): "by May" may well be "by Theresa May". */
const STRICT_MONTH_CONTEXT = new Set([
  'in', 'since', 'until', 'till', 'from', 'during', 'early', 'late', 'mid', 'throughout', 'last', 'next', 'this',
  'through', 'before', 'after', 'between',
]);
/** "the end of March", "the beginning of May". */
const OF_CONTEXT = new Set(['end', 'beginning', 'start', 'middle', 'half', 'part', 'rest', 'course', 'month', 'months', 'quarter', 'spring', 'summer', 'autumn', 'fall', 'winter']);

/** Words after which a bare four-digit number is a year ("in 2014", "since 2015", "by 2030"). */
const YEAR_CONTEXT = new Set([
  'in', 'since', 'by', 'until', 'till', 'from', 'during', 'before', 'after', 'through', 'throughout', 'circa',
  'early', 'late', 'mid', 'year', 'fiscal', 'summer', 'winter', 'spring', 'autumn', 'fall', 'between', 'to',
  'as', 'around', 'c.', 'starting', 'beginning', 'ending', 'until', 'ca.',
]);
/** Nouns that name events, after which "the 2016 ..." is a year ("the 2016 elections"). */
const EVENT_NOUNS = new Set([
  'election', 'elections', 'poll', 'polls', 'vote', 'referendum', 'olympics', 'games', 'war', 'invasion', 'uprising',
  'revolution', 'coup', 'census', 'budget', 'deal', 'agreement', 'accord', 'treaty', 'law', 'act', 'report', 'study',
  'survey', 'season', 'campaign', 'attack', 'attacks', 'bombing', 'bombings', 'earthquake', 'quake', 'tsunami', 'floods',
  'crisis', 'summit', 'championship', 'championships', 'tournament', 'final', 'finals', 'album', 'film', 'movie',
  'edition', 'figures', 'data', 'estimate', 'estimates', 'level', 'levels', 'model', 'version', 'plan', 'protests',
  'intervention', 'offensive', 'ceasefire', 'cease-fire', 'presidential', 'parliamentary', 'general', 'local',
  'midterm', 'midterms', 'legislative', 'contest', 'race', 'visit', 'talks', 'conference', 'ruling', 'decision',
  'statement', 'analysis', 'paper', 'book', 'novel', 'record', 'world', 'crash', 'fire', 'storm', 'hurricane',
  'outbreak', 'pandemic', 'recession', 'downturn', 'merger', 'takeover', 'sale', 'purchase', 'contract', 'lease',
  'siege', 'battle', 'operation', 'massacre', 'riots', 'strike', 'strikes', 'crackdown', 'agreements', 'talks',
  'tour', 'award', 'awards', 'prize', 'festival', 'event', 'ceremony', 'launch', 'release', 'cup', 'marathon',
]);
/** Auxiliaries and the like that end in -s but are not plural count nouns. */
const NOT_PLURAL = new Set(['as', 'is', 'was', 'has', 'does', 'its', 'his', 'this', 'thus', 'plus', 'us', 'unless', 'whereas', 'across', 'always', 'perhaps', 'besides', 'towards', 'afterwards', 'nevertheless', 'news', 'series', 'yes']);

/** Would the word after a four-digit number make it a count ("2000 troops") rather than a year? */
function countNounFollows(tokens: readonly Token[], k: number): boolean {
  const w = word(tokens, k);
  if (!w || !sameLine(tokens, k)) return false;
  if (isCapitalised(tokens[k])) return false;
  if (EVENT_NOUNS.has(w)) return false;
  if (['people', 'men', 'women', 'children', 'police', 'personnel', 'staff', 'cattle', 'feet', 'sheep', 'military', 'more', 'percent', 'per', 'times', 'km', 'kg', 'miles', 'metres', 'meters'].includes(w)) return true;
  return w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !NOT_PLURAL.has(w);
}

/** Whether a four-digit number at k is used as a year, judging by the words around it. */
function yearInContext(tokens: readonly Token[], k: number): boolean {
  if (countNounFollows(tokens, k + 1)) return false;
  const prev = word(tokens, k - 1);
  const prevToken = tokens[k - 1];
  // a currency sign, hash or similar just before: "$2000", "#2014"
  if (prevToken && prevToken.kind === 'symbol' && !prevToken.spaceBefore) return false;
  if (prevToken && prevToken.kind === 'symbol') return false;
  if (YEAR_CONTEXT.has(prev)) {
    // "to", "between", "as" only in year company: "from 2015 to 2017", "as of 2015"
    if (prev === 'to' || prev === 'between') return true;
    if (prev === 'as') return word(tokens, k - 2) === 'as' ? false : word(tokens, k + 1) !== 'many';
    if (prev === 'around') return !/^\d/.test(text(tokens, k + 1)) && (word(tokens, k + 1) === '' || !/^[a-z]/.test(text(tokens, k + 1)));
    return true;
  }
  if (prev === 'of' && (OF_CONTEXT.has(word(tokens, k - 2)) || ['summer', 'spring', 'autumn', 'fall', 'winter', 'class', 'year'].includes(word(tokens, k - 2)))) {
    return true;
  }
  if ((prev === 'and' || prev === 'or') && yearOfToken(tokens[k - 2]) !== undefined) return true;
  // "in 2010, 2011 and 2012"
  if (text(tokens, k - 1) === ',' && yearOfToken(tokens[k - 2]) !== undefined && (word(tokens, k + 1) === 'and' || text(tokens, k + 1) === ',') && yearOfToken(tokens[k + 2]) !== undefined) return true;
  // "2014's", "(2014)" after a title is left alone
  const next = text(tokens, k + 1);
  if ((next === "'s" || next === '’s') && sameLine(tokens, k + 1)) return true;
  // "the 2016 elections", "a 2017 report", "Russia's 2015 intervention", "the 2014 World Cup"
  if (['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', "'s", '’s', 'this', 'that'].includes(prev) || text(tokens, k - 1) === "'s" || text(tokens, k - 1) === '’s') {
    for (let m = k + 1; m <= k + 2 && sameLine(tokens, m); m++) {
      if (EVENT_NOUNS.has(word(tokens, m))) return true;
      if (m === k + 1 && isCapitalised(tokens[m])) return true;
    }
  }
  return false;
}

/** One of the weekday names preceded by one of these is a holiday, not a date: "Black Friday", "Good Friday". */
const WEEKDAY_NAME_PARTS = new Set(['black', 'good', 'cyber', 'ash', 'easter', 'holy', 'bloody', 'super', 'man', 'girl', 'maundy', 'palm', 'shrove', 'giving', 'every', 'each', 'blue']);
/** "Sunday programme", "Sunday newspaper": a weekday used as a name of something weekly. */
const WEEKDAY_NOT_DATE_AFTER = new Set(['programme', 'program', 'show', 'edition', 'editions', 'newspaper', 'newspapers', 'paper', 'papers', 'school', 'trading', 'league', 'roast', 'supplement', 'magazine', 'service', 'services', 'best', 'times']);
/** Plural nouns after a weekday that make it a weekly habit ("Sunday congregations", "Friday prayers"). */
const WEEKLY_HABITS = new Set([
  'congregations', 'services', 'prayers', 'papers', 'newspapers', 'editions', 'mornings', 'evenings', 'nights',
  'afternoons', 'shows', 'programmes', 'programs', 'markets', 'sessions', 'classes', 'lessons', 'lunches', 'dinners',
  'masses', 'schools', 'openings', 'closures', 'broadcasts', 'episodes', 'fixtures', 'columns', 'supplements',
]);
const PARTS_OF_DAY = new Set(['morning', 'afternoon', 'evening', 'night', 'overnight']);

export class DateScanner {
  constructor(private readonly tokens: readonly Token[]) {}

  /** All date matches, left to right, not overlapping. */
  scan(): RawDate[] {
    const out: RawDate[] = [];
    const tokens = this.tokens;
    let i = 0;
    while (i < tokens.length) {
      const token = tokens[i]!;
      if (token.kind === 'number' || (token.kind === 'word' && mayStartDate(token.text))) {
        const match = this.matchAt(i);
        if (match) {
          out.push(match);
          i = match.j;
          continue;
        }
      }
      i++;
    }
    return out;
  }

  /** The longest date starting at token i, a range if one follows. */
  private matchAt(i: number): RawDate | undefined {
    const tokens = this.tokens;
    const w = word(tokens, i);
    if ((w === 'from' || w === 'between') && sameLine(tokens, i + 1)) {
      const first = this.simpleAt(i + 1);
      if (first && isRangeEnd(first)) {
        const range = this.rangeAfter(i, first, w === 'between');
        if (range) return range;
      }
      return undefined;
    }
    const single = this.simpleAt(i);
    if (!single) return undefined;
    if (isRangeEnd(single)) {
      const range = this.rangeAfter(single.i, single, false);
      if (range) return range;
    }
    return this.withOn(single);
  }

  /** "on Monday", "On December 8": the preposition belongs to a weekday or day mention. */
  private withOn(date: RawDate): RawDate {
    const dayLike = date.day !== undefined || date.relative?.type === 'weekday' || date.relative?.type === 'day-month' || date.weekday !== undefined;
    if (dayLike && word(this.tokens, date.i - 1) === 'on' && sameLine(this.tokens, date.i)) return { ...date, i: date.i - 1 };
    return date;
  }

  /** `first` ends before a connector ("to", "and", "-", "until") and another date of the same grain follows. */
  private rangeAfter(start: number, first: RawDate, between: boolean): RawDate | undefined {
    const tokens = this.tokens;
    const c = first.j;
    const connector = text(tokens, c);
    const lower = connector.toLowerCase();
    const ok = between
      ? lower === 'and'
      : ['to', 'until', 'till', 'through', 'thru', '-', '–', '—'].includes(lower);
    if (!ok || !sameLine(tokens, c) || !sameLine(tokens, c + 1)) return undefined;
    // the second year of "2015–2017" needs no context of its own
    const bareYear = yearOfToken(tokens[c + 1]);
    const second = this.simpleAt(c + 1) ?? (bareYear !== undefined && !countNounFollows(tokens, c + 2) ? { i: c + 1, j: c + 2, kind: 'year' as const, year: bareYear } : undefined);
    if (!second || !isRangeEnd(second)) return undefined;
    const from = completeRangeStart(first, second);
    if (!from) return undefined;
    return { i: start, j: second.j, kind: 'range', from, to: second };
  }

  /** A single date (not a range) starting at token i. */
  private simpleAt(i: number): RawDate | undefined {
    const tokens = this.tokens;
    const token = tokens[i];
    if (!token) return undefined;
    if (token.kind === 'number') return this.numberAt(i);
    if (token.kind !== 'word') return undefined;
    const w = token.text.toLowerCase();
    const weekday = weekdayOfWord(token.text);
    if (weekday) return this.weekdayAt(i, weekday.weekday, weekday.abbreviation);
    const month = monthOfWord(token.text);
    if (month) return this.monthAt(i, month.month, month.abbreviation);
    switch (w) {
      case 'yesterday':
        return { i, j: this.partOfDay(i + 1), kind: 'relative', relative: { type: 'day', offset: -1 } };
      case 'tomorrow':
        return { i, j: this.partOfDay(i + 1), kind: 'relative', relative: { type: 'day', offset: 1 } };
      case 'today':
        // "Russia Today", "USA Today", "the Today programme": a capital T inside a sentence is a name
        if (token.text !== 'today' && !isSentenceStart(tokens, i)) return undefined;
        if (WEEKDAY_NOT_DATE_AFTER.has(word(tokens, i + 1)) && sameLine(tokens, i + 1)) return undefined;
        return { i, j: i + 1, kind: 'relative', relative: { type: 'day', offset: 0 } };
      case 'tonight':
        // "Entertainment Tonight", "the Tonight Show"
        if (token.text !== 'tonight' && !isSentenceStart(tokens, i)) return undefined;
        if (WEEKDAY_NOT_DATE_AFTER.has(word(tokens, i + 1)) && sameLine(tokens, i + 1)) return undefined;
        return { i, j: i + 1, kind: 'relative', relative: { type: 'day', offset: 0 } };
      case 'last':
      case 'this':
      case 'next':
        return this.deicticAt(i, w);
      case 'earlier':
      case 'later':
      case 'early':
      case 'late':
        return this.partAt(i, w);
      case 'the':
        return this.theAt(i);
      case 'a':
      case 'an':
      case 'several':
      case 'some':
      case 'about':
      case 'around':
      case 'nearly':
      case 'almost':
      case 'roughly':
        return this.agoAt(i);
    }
    if (w.startsWith('mid-') || w.startsWith('early-') || w.startsWith('late-')) return this.prefixedAt(i);
    if (numberWordValue(w) !== undefined) return this.agoAt(i);
    return undefined;
  }

  /** "morning", "night" after yesterday/Monday belong to the mention. */
  private partOfDay(k: number): number {
    return PARTS_OF_DAY.has(word(this.tokens, k)) && sameLine(this.tokens, k) ? k + 1 : k;
  }

  private weekdayAt(i: number, weekday: number, abbreviation: boolean): RawDate | undefined {
    const tokens = this.tokens;
    // "Monday, December 16, 2024", "Tue 17 Dec 2024", "Monday 16 December"
    let k = i + 1;
    if (text(tokens, k) === ',' && sameLine(tokens, k)) k++;
    if (sameLine(tokens, k)) {
      const full = tokens[k]?.kind === 'number' ? this.dayFirstAt(k) : monthOfWord(text(tokens, k)) ? this.monthAt(k, monthOfWord(text(tokens, k))!.month, monthOfWord(text(tokens, k))!.abbreviation) : undefined;
      if (full && full.day !== undefined && (full.kind === 'absolute' || full.relative?.type === 'day-month')) {
        return { ...full, i, weekday };
      }
    }
    if (abbreviation) return undefined;
    const token = tokens[i]!;
    const prev = word(tokens, i - 1);
    if (WEEKDAY_NAME_PARTS.has(prev) && sameLine(tokens, i)) return undefined;
    // "GMTV's Sunday programme", "the Mail on Sunday", "the Sunday Times"
    const prevText = text(tokens, i - 1);
    if ((prevText === "'s" || prevText === '’s') && sameLine(tokens, i)) return undefined;
    // "the second Tuesday of each month": a rule, not a date
    if (word(tokens, i + 1) === 'of' && ['first', 'second', 'third', 'fourth', 'fifth', 'last', 'final'].includes(prev)) return undefined;
    if (prev === 'on' && word(tokens, i - 2) === 'mail') return undefined;
    const next = tokens[i + 1];
    if (next && sameLine(tokens, i + 1) && isCapitalised(next) && !monthOfWord(next.text) && !weekdayOfWord(next.text)) return undefined;
    if (WEEKDAY_NOT_DATE_AFTER.has(word(tokens, i + 1)) && sameLine(tokens, i + 1)) return undefined;
    // "Sunday congregations", "Friday prayers": a weekly habit, not a date
    if (WEEKLY_HABITS.has(word(tokens, i + 1)) && sameLine(tokens, i + 1)) return undefined;
    // all-capital runs are headings or names ("MONDAY NIGHT FOOTBALL"): only Title case counts
    if (token.text === token.text.toUpperCase()) return undefined;
    let mode: 'bare' | 'last' | 'next' | 'this' = 'bare';
    let start = i;
    if ((prev === 'last' || prev === 'next' || prev === 'this' || prev === 'past' || prev === 'coming') && sameLine(tokens, i)) {
      mode = prev === 'past' ? 'last' : prev === 'coming' ? 'next' : prev;
      start = i - 1;
      // "the last Friday of the month" is not "last Friday"
      if (word(tokens, i - 2) === 'the' && mode !== 'this') {
        if (prev !== 'past' && prev !== 'coming') return undefined;
        start = i - 2;
      }
    }
    return { i: start, j: this.partOfDay(i + 1), kind: 'relative', weekday, relative: { type: 'weekday', weekday, mode } };
  }

  /** A month name at i: "December 8, 2024", "Dec. 17", "March 2011", "December last year", "in January". */
  private monthAt(i: number, month: number, abbreviation: boolean): RawDate | undefined {
    const tokens = this.tokens;
    let k = i + 1;
    // month + a span of days: "October 1-2", "December 8-10, 2024"
    const span = sameLine(tokens, k) ? /^(\d{1,2})[-–](\d{1,2})$/.exec(text(tokens, k)) : null;
    if (span && +span[1]! >= 1 && +span[1]! < +span[2]! && +span[2]! <= 31) {
      let year: number | undefined;
      let end = k + 1;
      if (text(tokens, end) === ',' && sameLine(tokens, end) && sameLine(tokens, end + 1) && yearOfToken(tokens[end + 1]) !== undefined) {
        year = yearOfToken(tokens[end + 1]);
        end += 2;
      } else if (sameLine(tokens, end) && yearOfToken(tokens[end]) !== undefined) {
        year = yearOfToken(tokens[end]);
        end++;
      }
      const d1 = +span[1]!;
      const d2 = +span[2]!;
      if (!isValidDay(year ?? 2024, month, d2)) return undefined;
      const part = (day: number): RawDate => year !== undefined
        ? { i, j: end, kind: 'absolute', year, month, day }
        : { i, j: end, kind: 'absolute', month, day, relative: { type: 'day-month', month, day } };
      return { i, j: end, kind: 'range', from: part(d1), to: part(d2) };
    }
    // month + day (+ year)
    const day = sameLine(tokens, k) ? dayOfToken(tokens[k]) : undefined;
    if (day !== undefined && !unitFollows(tokens, k + 1)) {
      k++;
      let year: number | undefined;
      if (text(tokens, k) === ',' && sameLine(tokens, k) && sameLine(tokens, k + 1) && yearOfToken(tokens[k + 1]) !== undefined && !countNounFollows(tokens, k + 2)) {
        year = yearOfToken(tokens[k + 1]);
        k += 2;
      } else if (sameLine(tokens, k) && yearOfToken(tokens[k]) !== undefined && !countNounFollows(tokens, k + 1)) {
        year = yearOfToken(tokens[k]);
        k++;
      }
      if (year !== undefined) {
        if (!isValidDay(year, month, day)) return undefined;
        return { i, j: k, kind: 'absolute', year, month, day };
      }
      if (!isValidDay(2024, month, day)) return undefined; // a leap year admits 29 February
      // "May 5" where May is someone's name ("Theresa May 5 ...") is too rare to worry about; "March 8" is a day
      return { i, j: k, kind: 'absolute', month, day, relative: { type: 'day-month', month, day } };
    }
    // month + year: "March 2011", "March of 2011", "March, 2011"
    if (sameLine(tokens, k) && yearOfToken(tokens[k]) !== undefined && !countNounFollows(tokens, k + 1)) {
      return { i, j: k + 1, kind: 'month-year', year: yearOfToken(tokens[k])!, month };
    }
    if ((word(tokens, k) === 'of' || text(tokens, k) === ',') && sameLine(tokens, k) && sameLine(tokens, k + 1) && yearOfToken(tokens[k + 1]) !== undefined && !countNounFollows(tokens, k + 2)) {
      return { i, j: k + 2, kind: 'month-year', year: yearOfToken(tokens[k + 1])!, month };
    }
    if (abbreviation) return undefined;
    const token = tokens[i]!;
    // month + last/this/next year: "December last year", "December of last year"
    let m = k;
    if (word(tokens, m) === 'of' && sameLine(tokens, m)) m++;
    const yearWord = word(tokens, m);
    if ((yearWord === 'last' || yearWord === 'this' || yearWord === 'next') && word(tokens, m + 1) === 'year' && sameLine(tokens, m) && sameLine(tokens, m + 1)) {
      return { i, j: m + 2, kind: 'relative', month, relative: { type: 'month-name', month, mode: 'bare', yearOffset: yearWord === 'last' ? -1 : yearWord === 'next' ? 1 : 0 } };
    }
    // a month on its own: only after a word that makes it a time ("in January", "since May", "last March")
    const prev = word(tokens, i - 1);
    if (!sameLine(tokens, i) && i > 0) return undefined;
    const context = month === 5 ? STRICT_MONTH_CONTEXT : MONTH_CONTEXT;
    let ok = context.has(prev);
    if (prev === 'of' && OF_CONTEXT.has(word(tokens, i - 2))) ok = true;
    if ((prev === 'and' || prev === 'or' || prev === 'to') && monthOfWord(text(tokens, i - 2))) ok = true;
    if (!ok) return undefined;
    const nextText = text(tokens, i + 1);
    // "in May's government" (Theresa May), "in April Jones's case"
    if ((nextText === "'s" || nextText === '’s') && month === 5) return undefined;
    if (NAME_MONTHS.has(month) && sameLine(tokens, i + 1) && isCapitalised(tokens[i + 1]) && !monthOfWord(nextText)) return undefined;
    if (token.text === token.text.toUpperCase()) return undefined;
    let mode: 'bare' | 'last' | 'next' | 'this' = 'bare';
    let start = i;
    if (prev === 'last' || prev === 'next' || prev === 'this') {
      if (word(tokens, i - 2) === 'the') return undefined; // "the last March before the war"
      mode = prev;
      start = i - 1;
    }
    return { i: start, j: i + 1, kind: 'relative', month, relative: { type: 'month-name', month, mode } };
  }

  /** A number at i: a day before a month ("8 December"), a numeric date, a year, a decade, "two years ago". */
  private numberAt(i: number): RawDate | undefined {
    const tokens = this.tokens;
    const t = tokens[i]!.text;
    const dayFirst = this.dayFirstAt(i);
    if (dayFirst) return dayFirst;
    const numeric = numericDate(t);
    if (numeric) return { i, j: i + 1, ...numeric };
    // decades: "1990s", "the 2000s" ("1900s" could be a century: left alone)
    const decade = /^([12]\d{2})0s$/.exec(t);
    if (decade) {
      const first = +decade[1]! * 10;
      if (first % 100 === 0 && first !== 2000) return undefined;
      return { i, j: i + 1, kind: 'year', decade: first };
    }
    // "the 1990's"
    const year = yearOfToken(tokens[i]);
    if (year !== undefined && year % 10 === 0 && (text(tokens, i + 1) === "'s" || text(tokens, i + 1) === '’s') && ['the', 'early', 'late', 'mid'].includes(word(tokens, i - 1)) && sameLine(tokens, i + 1)) {
      if (year % 100 === 0 && year !== 2000) return undefined;
      return { i, j: i + 2, kind: 'year', decade: year };
    }
    // year ranges in one token: "2015-2017", "2015-16"
    const yearRange = /^([12]\d{3})[-‐‑](\d{2}|[12]\d{3})$/.exec(t);
    if (yearRange) {
      const from = +yearRange[1]!;
      let to = +yearRange[2]!;
      if (yearRange[2]!.length === 2) to = from - (from % 100) + to;
      if (from < 1000 || to <= from || to - from > 100 || to > 2199 || countNounFollows(tokens, i + 1)) return undefined;
      const prev = tokens[i - 1];
      if (prev && prev.kind === 'symbol') return undefined;
      return {
        i, j: i + 1, kind: 'range',
        from: { i, j: i + 1, kind: 'year', year: from },
        to: { i, j: i + 1, kind: 'year', year: to },
      };
    }
    if (year !== undefined) {
      if (yearInContext(tokens, i)) return { i, j: i + 1, kind: 'year', year };
      // a second year in a range ("2015 to 2017") is accepted by rangeAfter through isRangeEnd; on its own, only
      // when the next tokens make a range with it
      const c = text(tokens, i + 1);
      if (['-', '–', '—', 'to'].includes(c.toLowerCase()) && yearOfToken(tokens[i + 2]) !== undefined && yearOfToken(tokens[i + 2])! > year && sameLine(tokens, i + 1) && sameLine(tokens, i + 2) && !countNounFollows(tokens, i + 3)) {
        return { i, j: i + 1, kind: 'year', year };
      }
      return undefined;
    }
    return this.agoAt(i);
  }

  /** "8 December 2024", "8th December", "the 8th of December", "17 Dec". */
  private dayFirstAt(i: number): RawDate | undefined {
    const tokens = this.tokens;
    const day = dayOfToken(tokens[i]);
    if (day === undefined) return undefined;
    let k = i + 1;
    if (word(tokens, k) === 'of' && /\D$/.test(tokens[i]!.text) && sameLine(tokens, k)) k++;
    if (!sameLine(tokens, k)) return undefined;
    const month = monthOfWord(text(tokens, k));
    if (!month) return undefined;
    k++;
    let year: number | undefined;
    if (sameLine(tokens, k) && yearOfToken(tokens[k]) !== undefined && !countNounFollows(tokens, k + 1)) {
      year = yearOfToken(tokens[k]);
      k++;
    } else if (text(tokens, k) === ',' && sameLine(tokens, k) && sameLine(tokens, k + 1) && yearOfToken(tokens[k + 1]) !== undefined && !countNounFollows(tokens, k + 2)) {
      year = yearOfToken(tokens[k + 1]);
      k += 2;
    }
    const start = word(tokens, i - 1) === 'the' && /\D$/.test(tokens[i]!.text) ? i - 1 : i;
    if (year !== undefined) {
      if (!isValidDay(year, month.month, day)) return undefined;
      return { i: start, j: k, kind: 'absolute', year, month: month.month, day };
    }
    if (!isValidDay(2024, month.month, day)) return undefined;
    return { i: start, j: k, kind: 'absolute', month: month.month, day, relative: { type: 'day-month', month: month.month, day } };
  }

  /** last/this/next + week, month, year, weekend, a month name, a weekday. */
  private deicticAt(i: number, w: string): RawDate | undefined {
    const tokens = this.tokens;
    if (!sameLine(tokens, i + 1)) return undefined;
    const prev = word(tokens, i - 1);
    const next = word(tokens, i + 1);
    const offset = w === 'last' ? -1 : w === 'next' ? 1 : 0;
    // "the last week of the war", "the next year" (a period relative to something else)
    if (prev === 'the' || prev === 'a') return undefined;
    if (word(tokens, i + 2) === 'of' && sameLine(tokens, i + 2) && next !== 'year') return undefined;
    if (next === 'night' && w === 'last') return { i, j: i + 2, kind: 'relative', relative: { type: 'day', offset: -1 } };
    if (w === 'this' && (next === 'morning' || next === 'afternoon' || next === 'evening')) {
      return { i, j: i + 2, kind: 'relative', relative: { type: 'day', offset: 0 } };
    }
    if (next === 'week') return { i, j: i + 2, kind: 'relative', relative: { type: 'week', offset, part: 'whole' } };
    if (next === 'weekend') return { i, j: i + 2, kind: 'relative', relative: { type: 'weekend', offset } };
    if (next === 'month') return { i, j: i + 2, kind: 'relative', relative: { type: 'month', offset, part: 'whole' } };
    if (next === 'year') {
      if (word(tokens, i + 2) === 'of') return undefined; // "this year of all years"
      return { i, j: i + 2, kind: 'relative', relative: { type: 'year', offset, part: 'whole' } };
    }
    // last Friday, last March: the weekday or month matcher takes the modifier from the word before it
    const after = tokens[i + 1];
    if (after && (weekdayOfWord(after.text) || monthOfWord(after.text))) {
      const inner = this.simpleAt(i + 1);
      if (inner && inner.i === i) return inner;
    }
    return undefined;
  }

  /** earlier this week, later this month, early next year, late last year. */
  private partAt(i: number, w: string): RawDate | undefined {
    const tokens = this.tokens;
    const d = word(tokens, i + 1);
    if (!(d === 'this' || d === 'last' || d === 'next') || !sameLine(tokens, i + 1)) return undefined;
    const inner = this.deicticAt(i + 1, d);
    if (!inner || !inner.relative) return undefined;
    const r = inner.relative;
    if (r.type !== 'week' && r.type !== 'month' && r.type !== 'year') return undefined;
    // "earlier this week" is the part before the article's date; "early next year" is all of next year as far as
    // the text lets us say
    const part: Part = r.offset === 0 ? (w === 'earlier' || w === 'early' ? 'earlier' : 'later') : 'whole';
    return { ...inner, i, relative: { ...r, part } };
  }

  /** "the day before yesterday", "the past three years", "the past week". */
  private theAt(i: number): RawDate | undefined {
    const tokens = this.tokens;
    const w1 = word(tokens, i + 1);
    if (w1 === 'day' && sameLine(tokens, i + 3)) {
      if (word(tokens, i + 2) === 'before' && word(tokens, i + 3) === 'yesterday') return { i, j: i + 4, kind: 'relative', relative: { type: 'day', offset: -2 } };
      if (word(tokens, i + 2) === 'after' && word(tokens, i + 3) === 'tomorrow') return { i, j: i + 4, kind: 'relative', relative: { type: 'day', offset: 2 } };
      return undefined;
    }
    if ((w1 === 'past' || w1 === 'last') && sameLine(tokens, i + 2)) {
      let k = i + 2;
      let n = 1;
      const spelled = numberWordValue(word(tokens, k));
      if (spelled !== undefined && spelled >= 2) {
        n = spelled;
        k++;
      } else if (/^\d{1,3}$/.test(text(tokens, k))) {
        n = +text(tokens, k);
        k++;
      }
      const unit = agoUnit(word(tokens, k), n);
      if (!unit || unit === 'decade' || !sameLine(tokens, k)) return undefined;
      // "the past three years of the war" is about the war, not the article's date
      if (word(tokens, k + 1) === 'of' || word(tokens, k + 1) === 'before') return undefined;
      return { i, j: k + 1, kind: 'relative', relative: { type: 'past', unit, n } };
    }
    return undefined;
  }

  /** "two years ago", "a year ago", "a few months ago", "several weeks ago", "about two years ago". */
  private agoAt(i: number): RawDate | undefined {
    const tokens = this.tokens;
    let k = i;
    let hedged = false;
    const first = word(tokens, k);
    if (['about', 'around', 'some', 'nearly', 'almost', 'roughly'].includes(first)) {
      hedged = true;
      k++;
    }
    let min: number;
    let max: number;
    let vague = hedged;
    const w = word(tokens, k);
    if ((w === 'a' || w === 'an') && word(tokens, k + 1) === 'few') {
      min = 2;
      max = 4;
      vague = true;
      k += 2;
    } else if (w === 'a' && word(tokens, k + 1) === 'couple' && word(tokens, k + 2) === 'of') {
      min = 2;
      max = 2;
      vague = true;
      k += 3;
    } else if (w === 'several') {
      min = 3;
      max = 7;
      vague = true;
      k++;
    } else if (w === 'a' || w === 'an' || w === 'one') {
      min = max = 1;
      k++;
    } else if (numberWordValue(w) !== undefined) {
      min = max = numberWordValue(w)!;
      k++;
    } else if (tokens[k]?.kind === 'number' && /^\d{1,3}$/.test(tokens[k]!.text)) {
      min = max = +tokens[k]!.text;
      k++;
    } else {
      return undefined;
    }
    const unit = agoUnit(word(tokens, k), max);
    if (!unit || word(tokens, k + 1) !== 'ago' || !sameLine(tokens, k) || !sameLine(tokens, k + 1)) return undefined;
    if (min < 1 || max > 200) return undefined;
    return { i, j: k + 2, kind: 'relative', relative: { type: 'ago', unit, min, max, vague } };
  }

  /** "mid-2015", "mid-December", "early-2016", "late-March". */
  private prefixedAt(i: number): RawDate | undefined {
    const t = this.tokens[i]!.text;
    const rest = t.slice(t.indexOf('-') + 1);
    if (/^[12]\d{3}$/.test(rest)) return { i, j: i + 1, kind: 'year', year: +rest };
    const month = monthOfWord(rest);
    if (month && !month.abbreviation) {
      const yearToken = this.tokens[i + 1];
      const year = sameLine(this.tokens, i + 1) ? yearOfToken(yearToken) : undefined;
      if (year !== undefined) return { i, j: i + 2, kind: 'month-year', year, month: month.month };
      return { i, j: i + 1, kind: 'relative', month: month.month, relative: { type: 'month-name', month: month.month, mode: 'bare' } };
    }
    return undefined;
  }
}

/** Lower-case words a date can start with (anything capitalised is checked as a month or weekday). */
const DATE_STARTERS = new Set([
  'yesterday', 'tomorrow', 'today', 'tonight', 'last', 'this', 'next', 'earlier', 'later', 'early', 'late', 'the', 'a',
  'an', 'several', 'some', 'about', 'around', 'nearly', 'almost', 'roughly', 'from', 'between',
]);

/** A cheap first test, so most words never reach the matchers. */
function mayStartDate(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c >= 65 && c <= 90) return true; // months, weekdays, "Today", "Last", "The", "In"...
  if (DATE_STARTERS.has(text)) return true;
  if (text.startsWith('mid-') || text.startsWith('early-') || text.startsWith('late-')) return true;
  return numberWordValue(text) !== undefined;
}

function agoUnit(w: string, n: number): AgoUnit | undefined {
  const singular = n === 1;
  const table: Record<string, AgoUnit> = singular
    ? { day: 'day', week: 'week', month: 'month', year: 'year', decade: 'decade' }
    : { days: 'day', weeks: 'week', months: 'month', years: 'year', decades: 'decade' };
  return table[w];
}

/** Does a unit or percent follow (then the number before it is not a day: "May 5 percent")? */
function unitFollows(tokens: readonly Token[], k: number): boolean {
  const w = word(tokens, k);
  return w === 'percent' || w === 'per' || text(tokens, k) === '%' || w === 'km' || w === 'people' || w === 'years' || w === 'days' || w === 'months';
}

function isSentenceStart(tokens: readonly Token[], k: number): boolean {
  if (k === 0) return true;
  const prev = tokens[k - 1]!;
  return tokens[k]!.breakBefore > 0 || ['.', '!', '?', '"', '“', ':'].includes(prev.text);
}

/** Slash, dot and dash dates in one token: "12/09/2017", "17.12.2024", "2024-12-17", "2024-12-17T10". */
export function numericDate(t: string): Omit<RawDate, 'i' | 'j'> | undefined {
  let m = /^([12]\d{3})-(\d{2})-(\d{2})(?:T\d{1,2})?$/.exec(t) ?? /^([12]\d{3})\/(\d{2})\/(\d{2})$/.exec(t);
  if (m) {
    const year = +m[1]!;
    const month = +m[2]!;
    const day = +m[3]!;
    return isValidDay(year, month, day) ? { kind: 'numeric', year, month, day } : undefined;
  }
  m = /^(\d{1,2})([/.-])(\d{1,2})\2([12]\d{3})$/.exec(t);
  if (m) {
    const first = +m[1]!;
    const second = +m[3]!;
    const year = +m[4]!;
    if (!isValidDay(year, second, first) && !isValidDay(year, first, second)) return undefined;
    return { kind: 'numeric', numeric: { first, second, year, separator: m[2]! } };
  }
  return undefined;
}

/** Dates that can end a range: absolute dates, months, years (not relative ones like "last week"). */
function isRangeEnd(date: RawDate): boolean {
  if (date.kind === 'absolute' || date.kind === 'month-year' || date.kind === 'numeric') return true;
  if (date.kind === 'year' && date.decade === undefined) return true;
  return date.kind === 'relative' && date.relative?.type === 'month-name' && date.relative.mode === 'bare' && date.relative.yearOffset === undefined;
}

function grain(date: RawDate): 'day' | 'month' | 'year' {
  if (date.day !== undefined || date.kind === 'numeric') return 'day';
  if (date.month !== undefined) return 'month';
  return 'year';
}

/**
 * The start of a range completed from its end: "between March and May 2019" gives March the year 2019 (or 2018 when
 * March would come after the end). Undefined when the two ends do not make a range (a year and a day, a backwards
 * pair of years).
 */
function completeRangeStart(first: RawDate, second: RawDate): RawDate | undefined {
  const g1 = grain(first);
  const g2 = grain(second);
  if (g1 === 'year' || g2 === 'year') {
    if (g1 !== g2) return undefined;
    return first.year !== undefined && second.year !== undefined && second.year > first.year ? first : undefined;
  }
  if (first.year === undefined && first.kind !== 'numeric' && second.year !== undefined) {
    const sameYear = first.month! <= second.month!;
    const year = sameYear ? second.year : second.year - 1;
    if (first.day !== undefined) {
      if (!isValidDay(year, first.month!, first.day)) return undefined;
      return { i: first.i, j: first.j, kind: 'absolute', year, month: first.month!, day: first.day };
    }
    return { i: first.i, j: first.j, kind: 'month-year', year, month: first.month! };
  }
  return first;
}
