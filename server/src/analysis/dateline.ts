// The article's own date. In order of trust:
//   1. `date:` in Markdown front matter (maskMarkdown parses it);
//   2. a dateline in the first lines: a line that is mostly a date ("December 17, 2024", "12/09/2017 09:03 by admin",
//      "Published: Tuesday, 17 December 2024 10:30 GMT", "MOSCOW, Dec 17 (Reuters) - ...");
//   3. a "last modified on ..." / "published on ..." line anywhere ("This post was last modified on December 17, 2024 1:03 pm");
//   4. the `corroborate.dates.defaultArticleDate` setting.
// A date inside an ordinary sentence ("In March 2011, ...") is never a dateline: every other word on the line must be
// a label ("Published", "Updated"), a time, a time zone, a weekday, a byline ("by admin") or a place and agency.
import type { AnalysisOptions, ArticleDate, CalendarDate, Sentence, Token } from './types';
import { daysFromCivil, isoDay, parseIsoDay, weekdayOf, weekdayOfWord } from './calendar';
import type { RawDate } from './datescan';
import { chooseNumericOrder, scanDates } from './dates';

/** How many lines from the top may hold a dateline, and how many body-length lines end the search. */
const DATELINE_LINES = 12;
const BODY_LINE_TOKENS = 40;
const MAX_BODY_LINES = 3;

const LABELS = new Set([
  'published', 'updated', 'posted', 'first', 'last', 'modified', 'on', 'at', 'date', 'dated', 'created', 'edited',
  'revised', 'originally', 'uploaded', 'released', 'issued', 'time', 'am', 'pm', 'a.m.', 'p.m.', 'and', 'update',
  'publication', 'pub', 'this', 'post', 'article', 'story', 'page', 'was', 'has', 'been', 'it', 'entry', 'content',
  'report', 'the', 'of', 'local', 'news', 'version',
]);
/** Words that make a line a publication line when it is not in the first lines. */
const PUBLICATION_WORDS = new Set(['modified', 'updated', 'published', 'posted']);
const TIME_ZONES = new Set([
  'GMT', 'UTC', 'BST', 'CET', 'CEST', 'EET', 'EEST', 'WET', 'IST', 'MSK', 'EST', 'EDT', 'CST', 'CDT', 'MST', 'MDT',
  'PST', 'PDT', 'ET', 'CT', 'MT', 'PT', 'AEST', 'AEDT', 'JST', 'KST', 'HKT', 'SGT', 'WIB', 'SAST', 'AST', 'GST', 'PKT',
  'Z',
]);
const PUNCTUATION_OK = new Set([',', '.', ':', '|', '-', '–', '—', '(', ')', '/', '•', '·', '[', ']', '@', '…']);

function isTimeToken(token: Token): boolean {
  return token.kind === 'number' && (/^\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:am|pm)?$/i.test(token.text) || /^\d{1,2}(?:am|pm)$/i.test(token.text));
}

function isCapitalWord(token: Token | undefined): boolean {
  return !!token && token.kind === 'word' && /^[A-Z]/.test(token.text);
}

interface Line {
  readonly first: number;
  readonly end: number;
}

/** Lines as token ranges, in order; stops after `maxLines` when given. */
function linesOf(tokens: readonly Token[], maxLines = Infinity): Line[] {
  const lines: Line[] = [];
  let first = 0;
  for (let k = 1; k <= tokens.length; k++) {
    if (k === tokens.length || tokens[k]!.breakBefore > 0) {
      lines.push({ first, end: k });
      first = k;
      if (lines.length >= maxLines) break;
    }
  }
  return lines;
}

/**
 * Whether the tokens of `line` other than the date are all dateline furniture. `anywhere` (a line further down)
 * additionally requires a publication word ("modified", "published", ...).
 */
function isDatelineLine(tokens: readonly Token[], line: Line, date: RawDate, anywhere: boolean, others: readonly RawDate[]): false | 'plain' | 'agency' {
  let sawPublicationWord = false;
  let k = line.first;
  // "MOSCOW, Dec 17 (Reuters) -": a place in capitals (and maybe a country) before the date
  if (k < date.i && /^[A-Z][A-Z.'-]+$/.test(tokens[k]!.text) && tokens[k]!.text.length >= 3) {
    let m = k;
    while (m < date.i && m - k < 6 && (isCapitalWord(tokens[m]) || tokens[m]!.text === ',')) m++;
    if (m === date.i) k = m;
  }
  let bylineWords = 0;
  for (; k < line.end; k++) {
    if (k >= date.i && k < date.j) continue;
    // "PUBLISHED: 22:07 GMT, 7 July 2012 | UPDATED: 22:07 GMT, 7 July 2012": another date on the line is fine
    const other = others.find((o) => o !== date && k >= o.i && k < o.j && (o.kind === 'absolute' || o.kind === 'numeric'));
    if (other) {
      k = other.j - 1;
      continue;
    }
    const token = tokens[k]!;
    // after the date: "(Reuters) -" and then the story itself
    if (k === date.j && token.text === '(') {
      let m = k + 1;
      while (m < line.end && m - k <= 4 && isCapitalWord(tokens[m])) m++;
      if (m > k + 1 && tokens[m]?.text === ')' && ['-', '–', '—'].includes(tokens[m + 1]?.text ?? '')) return !anywhere || sawPublicationWord ? 'agency' : false;
    }
    if (bylineWords > 0 && token.kind === 'word') {
      bylineWords--;
      continue;
    }
    if (token.kind === 'punct' || token.kind === 'symbol') {
      if (!PUNCTUATION_OK.has(token.text)) return false;
      if (token.text === '|') bylineWords = 0;
      continue;
    }
    if (token.kind === 'number') {
      if (isTimeToken(token)) continue;
      // "1:03 pm" is one token plus a word; "10 am"
      if (/^\d{1,2}$/.test(token.text) && /^(am|pm|a\.m\.|p\.m\.)$/i.test(tokens[k + 1]?.text ?? '')) continue;
      return false;
    }
    if (token.kind !== 'word') return false;
    const lower = token.text.toLowerCase();
    if (lower === 'by' || lower === 'from') {
      // a byline: up to five words of a name ("by admin", "By Jane Doe")
      bylineWords = 5;
      continue;
    }
    if (PUBLICATION_WORDS.has(lower)) sawPublicationWord = true;
    if (LABELS.has(lower)) continue;
    if (TIME_ZONES.has(token.text)) continue;
    if (weekdayOfWord(token.text)) continue;
    return false;
  }
  return !anywhere || sawPublicationWord ? 'plain' : false;
}

/** Weekdays the article names for its own day ("Russia's military on Tuesday said"): bare weekday mentions. */
function namedWeekdays(raw: readonly RawDate[], except: RawDate): Set<number> {
  const set = new Set<number>();
  for (const r of raw) {
    if (r === except) continue;
    if (r.relative?.type === 'weekday' && r.relative.mode === 'bare') set.add(r.relative.weekday);
  }
  return set;
}

/** The middle of the article's other fully written dates, for the closeness evidence. */
function otherDatesMiddle(raw: readonly RawDate[], except: RawDate): number | undefined {
  const days: number[] = [];
  for (const r of raw) {
    if (r === except) continue;
    if (r.kind === 'absolute' && r.year !== undefined && r.day !== undefined) days.push(daysFromCivil(r.year, r.month!, r.day));
  }
  if (days.length === 0) return undefined;
  days.sort((a, b) => a - b);
  return days[days.length >> 1];
}

/**
 * The latest year the article writes out (for a dateline that gives none, "Dec 17 (Reuters)"), leaving out years
 * that are targets or deadlines ("by 2030", "until 2066").
 */
function latestWrittenYear(tokens: readonly Token[], raw: readonly RawDate[]): number | undefined {
  let best: number | undefined;
  for (const r of raw) {
    if (r.year === undefined || !(r.kind === 'absolute' || r.kind === 'month-year' || r.kind === 'year')) continue;
    const before = r.i > 0 ? tokens[r.i - 1]!.text.toLowerCase() : '';
    if (['by', 'until', 'till', 'before', 'through'].includes(before)) continue;
    best = Math.max(best ?? r.year, r.year);
  }
  return best;
}

function articleDateFrom(
  text: string,
  tokens: readonly Token[],
  raw: readonly RawDate[],
  r: RawDate,
  source: ArticleDate['source'],
  options: AnalysisOptions,
  form: 'plain' | 'agency',
): ArticleDate | undefined {
  // "on December 17, 2024": the preposition is part of the mention, not of the date
  const first = tokens[r.i]!.text.toLowerCase() === 'on' ? r.i + 1 : r.i;
  const span = { start: tokens[first]!.start, end: tokens[r.j - 1]!.end };
  const base = { source, span, text: text.slice(span.start, span.end) };
  if (r.kind === 'numeric' && r.numeric) {
    const { first, second, year, separator } = r.numeric;
    const middle = otherDatesMiddle(raw, r);
    const weekdays = namedWeekdays(raw, r);
    const choice = chooseNumericOrder(first, second, year, separator, {
      setting: options.numericDateOrder,
      weekdays,
      weekdayWhere: 'the article',
      ...(middle !== undefined ? { near: { days: middle, what: 'the other dates in the article' } } : {}),
    });
    const date: CalendarDate = { year: choice.year, month: choice.month, day: choice.day };
    return { ...base, date, iso: isoDay(date.year, date.month!, date.day!), explanation: `${tokens[r.i]!.text} ${choice.reason}`, numericOrder: choice.order };
  }
  if ((r.kind === 'numeric' || r.kind === 'absolute') && r.day !== undefined && r.month !== undefined) {
    let year = r.year;
    let explanation: string | undefined;
    if (year === undefined) {
      // A dateline without a year ("MOSCOW, Dec 17 (Reuters) -", "Tuesday, 1 March") takes the latest year the article
      // writes out, but only in the agency form, or when the weekday it names falls on that date in that year.
      year = latestWrittenYear(tokens, raw);
      if (year === undefined) return undefined;
      if (r.weekday !== undefined) {
        if (weekdayOf(daysFromCivil(year, r.month, r.day)) !== r.weekday) return undefined;
      } else if (form !== 'agency') {
        return undefined;
      }
      explanation = `the dateline gives no year; ${year} is the latest year the article writes out`;
    }
    const date: CalendarDate = { year, month: r.month, day: r.day };
    return { ...base, date, iso: isoDay(year, r.month, r.day), ...(explanation ? { explanation } : {}) };
  }
  return undefined;
}

/** A dateline candidate: a date precise to the day. */
function dayPrecise(r: RawDate): boolean {
  return (r.kind === 'numeric') || (r.kind === 'absolute' && r.day !== undefined);
}

export function findArticleDate(
  text: string,
  tokens: readonly Token[],
  _sentences: readonly Sentence[],
  options: AnalysisOptions,
  frontMatterDate?: ArticleDate,
): ArticleDate | undefined {
  if (frontMatterDate) return frontMatterDate;
  const raw = scanDates(tokens);

  // 2. a dateline in the first lines
  let bodyLines = 0;
  let r = 0;
  for (const line of linesOf(tokens, DATELINE_LINES)) {
    if (line.end - line.first > BODY_LINE_TOKENS && ++bodyLines >= MAX_BODY_LINES) break;
    while (r < raw.length && raw[r]!.i < line.first) r++;
    for (let q = r; q < raw.length && raw[q]!.i < line.end; q++) {
      const candidate = raw[q]!;
      if (!dayPrecise(candidate) || candidate.j > line.end) continue;
      const form = isDatelineLine(tokens, line, candidate, false, raw.slice(r, r + 8));
      if (form) {
        const found = articleDateFrom(text, tokens, raw, candidate, 'dateline', options, form);
        if (found) return found;
      }
    }
  }

  // 3. a "last modified" / "published on" line anywhere
  const lines = linesOf(tokens);
  r = 0;
  for (const line of lines) {
    while (r < raw.length && raw[r]!.i < line.first) r++;
    if (line.end - line.first > BODY_LINE_TOKENS) continue;
    for (let q = r; q < raw.length && raw[q]!.i < line.end; q++) {
      const candidate = raw[q]!;
      if (!dayPrecise(candidate) || candidate.j > line.end) continue;
      const form = isDatelineLine(tokens, line, candidate, true, raw.slice(r, r + 8));
      if (form) {
        const found = articleDateFrom(text, tokens, raw, candidate, 'last-modified', options, form);
        if (found) return found;
      }
    }
  }

  // 4. the setting
  if (options.defaultArticleDate) {
    const date = parseIsoDay(options.defaultArticleDate.trim());
    if (date) return { date, iso: isoDay(date.year, date.month!, date.day!), source: 'setting' };
  }
  return undefined;
}
