// Date mentions, absolute and relative, resolved against the article's own date (never the machine clock).
// Recognition is in datescan.ts; this module turns each match into a DateValue and a plain-words explanation.
import type { AnalysisOptions, ArticleDate, DateMention, DateValue, Sentence, Token } from './types';
import {
  addMonths, civilFromDays, dayValue, daySpanValue, daysFromCivil, daysInMonth, daysOfDate, decadeValue, isValidDay,
  longDay, monthValue, mondayOf, MONTH_NAMES, plainDay, rangeValue, weekdayOf, weekdayOfWord, WEEKDAY_NAMES, yearValue,
} from './calendar';
import { DateScanner, type RawDate, type RelativeSpec } from './datescan';
import { tenseAround, type Tense } from './tense';

const scans = new WeakMap<readonly Token[], RawDate[]>();

/** Raw date matches of a token array, computed once (dateline.ts and findDates share them). */
export function scanDates(tokens: readonly Token[]): RawDate[] {
  let raw = scans.get(tokens);
  if (!raw) {
    raw = new DateScanner(tokens).scan();
    scans.set(tokens, raw);
  }
  return raw;
}

export const NO_ARTICLE_DATE =
  'this article gives no date of its own (no dateline, no “last modified” line, no front-matter date), so it is ' +
  'unresolved. Set `corroborate.dates.defaultArticleDate` or add a dateline (such as “December 17, 2024”) on one ' +
  'of the first lines to resolve it.';

const SOURCE_WORDS: Record<ArticleDate['source'], string> = {
  dateline: 'from its dateline',
  'last-modified': 'from its “last modified” line',
  'front-matter': 'from its front matter',
  setting: 'from the `corroborate.dates.defaultArticleDate` setting',
};

/** "Tuesday 17 December 2024, from its “last modified” line" */
export function describeArticleDate(articleDate: ArticleDate): string {
  return `${longDay(daysOfDate(articleDate.date))}, ${SOURCE_WORDS[articleDate.source]}`;
}

export type NumericReading = 'day-first' | 'month-first';

export interface NumericChoice {
  readonly order: NumericReading;
  readonly day: number;
  readonly month: number;
  readonly year: number;
  /** Why this order, in plain words. */
  readonly reason: string;
}

function readingDays(first: number, second: number, year: number, order: NumericReading): number | undefined {
  const [day, month] = order === 'day-first' ? [first, second] : [second, first];
  return isValidDay(year, month, day) ? daysFromCivil(year, month, day) : undefined;
}

export interface NumericEvidence {
  /** The user's setting. */
  readonly setting?: AnalysisOptions['numericDateOrder'];
  /** Weekdays that speak for a reading: next to the date, or (for a dateline) named for the article's own day. */
  readonly weekdays?: ReadonlySet<number>;
  readonly weekdayWhere?: string;
  /** The order of the article's other numeric dates, when something settled it. */
  readonly articleOrder?: { readonly order: NumericReading; readonly why: string };
  /** Days the date is probably near (the article's date, or the article's other dates). */
  readonly near?: { readonly days: number; readonly what: string };
}

/**
 * Day/month order of a slash or dash date such as 12/09/2017. In order: an impossible reading (13/02) decides; then
 * the setting when it is not `auto`; a dotted date is day first; a weekday that only one reading falls on; the order
 * the article's other numeric dates were read in; closeness to the article's date or its other dates; month first.
 */
export function chooseNumericOrder(first: number, second: number, year: number, separator: string, evidence: NumericEvidence): NumericChoice {
  const dayFirst = readingDays(first, second, year, 'day-first');
  const monthFirst = readingDays(first, second, year, 'month-first');
  const make = (order: NumericReading, reason: string): NumericChoice => {
    const [day, month] = order === 'day-first' ? [first, second] : [second, first];
    return { order, day, month, year, reason };
  };
  if (dayFirst === undefined) return make('month-first', `read month first: there is no month ${second}`);
  if (monthFirst === undefined) return make('day-first', `read day first: there is no month ${first}`);
  if (first === second) return make('day-first', 'day and month are the same number, so the order does not matter');
  const both = `${plainDay(dayFirst)} or ${plainDay(monthFirst)}`;
  if (evidence.setting === 'day-first' || evidence.setting === 'month-first') {
    return make(evidence.setting, `read ${evidence.setting === 'day-first' ? 'day' : 'month'} first, as the \`corroborate.dates.numericOrder\` setting says (it could be ${both})`);
  }
  if (separator === '.') return make('day-first', `read day first: dates written with dots are day first (it could be ${both})`);
  const wdDay = weekdayOf(dayFirst);
  const wdMonth = weekdayOf(monthFirst);
  if (evidence.weekdays && evidence.weekdays.has(wdDay) !== evidence.weekdays.has(wdMonth)) {
    const order: NumericReading = evidence.weekdays.has(wdDay) ? 'day-first' : 'month-first';
    const [chosen, other] = order === 'day-first' ? [dayFirst, monthFirst] : [monthFirst, dayFirst];
    return make(order, `read ${order === 'day-first' ? 'day' : 'month'} first: ${evidence.weekdayWhere ?? 'the text'} names ${WEEKDAY_NAMES[weekdayOf(chosen)]}, and ${plainDay(chosen)} was a ${WEEKDAY_NAMES[weekdayOf(chosen)]} (${plainDay(other)} was a ${WEEKDAY_NAMES[weekdayOf(other)]})`);
  }
  if (evidence.articleOrder) {
    return make(evidence.articleOrder.order, `read ${evidence.articleOrder.order === 'day-first' ? 'day' : 'month'} first, like ${evidence.articleOrder.why} (it could be ${both})`);
  }
  if (evidence.near) {
    const dDay = Math.abs(dayFirst - evidence.near.days);
    const dMonth = Math.abs(monthFirst - evidence.near.days);
    if (dDay !== dMonth) {
      const order: NumericReading = dDay < dMonth ? 'day-first' : 'month-first';
      return make(order, `read ${order === 'day-first' ? 'day' : 'month'} first: that reading is nearer ${evidence.near.what} (it could be ${both})`);
    }
  }
  return make('month-first', `read month first, the default when nothing in the article decides (it could be ${both}; set \`corroborate.dates.numericOrder\` to change it)`);
}

/** Weekday words within three tokens of a numeric date ("Tuesday, 12/09/2017", "12/09/2017 (Tuesday)"). */
function adjacentWeekdays(tokens: readonly Token[], raw: RawDate): Set<number> {
  const found = new Set<number>();
  for (let k = Math.max(0, raw.i - 3); k < Math.min(tokens.length, raw.j + 3); k++) {
    if (k >= raw.i && k < raw.j) continue;
    if (tokens[k]!.kind !== 'word') continue;
    const w = weekdayOfWord(tokens[k]!.text);
    if (w) found.add(w.weekday);
  }
  return found;
}

/** Index of the sentence containing token k (sentences are sorted and cover every token). */
function sentenceOf(sentences: readonly Sentence[], k: number): Sentence | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (k < s.firstToken) hi = mid - 1;
    else if (k >= s.endToken) lo = mid + 1;
    else return s;
  }
  return undefined;
}

const tenseWords = (tense: Tense | undefined) =>
  tense === 'past' ? 'past tense' : tense === 'future' ? 'future tense' : 'no clear tense, so read as past';

interface Resolved {
  readonly value?: DateValue;
  readonly explanation: string;
  readonly approximate?: boolean;
}

class Resolver {
  private readonly articleDay?: number;
  private readonly articleYear: number = 0;
  private readonly articleMonth: number = 0;
  private readonly articleRef: string = '';
  private articleOrder?: { order: NumericReading; why: string };
  private nearDays?: { days: number; what: string };

  constructor(
    private readonly tokens: readonly Token[],
    private readonly sentences: readonly Sentence[],
    private readonly articleDate: ArticleDate | undefined,
    private readonly options: AnalysisOptions,
    raw: readonly RawDate[],
  ) {
    if (articleDate) {
      this.articleDay = daysOfDate(articleDate.date);
      this.articleYear = articleDate.date.year;
      this.articleMonth = articleDate.date.month ?? 1;
      this.articleRef = `the article's date (${describeArticleDate(articleDate)})`;
      this.nearDays = { days: this.articleDay, what: `the article's date (${plainDay(this.articleDay)})` };
      if (articleDate.numericOrder) {
        this.articleOrder = { order: articleDate.numericOrder, why: 'the article\'s dateline' };
      }
    }
    if (!this.articleOrder) {
      // another numeric date in the article whose order is certain (13/02/2017 can only be day first)
      for (const r of raw) {
        if (!r.numeric) continue;
        const { first, second, year } = r.numeric;
        const df = isValidDay(year, second, first);
        const mf = isValidDay(year, first, second);
        if (df !== mf) {
          this.articleOrder = { order: df ? 'day-first' : 'month-first', why: `${this.tokens[r.i]!.text} elsewhere in the article, which can only be read that way` };
          break;
        }
      }
    }
    if (!this.nearDays) {
      // the middle of the article's other fully written dates
      const days: number[] = [];
      for (const r of raw) if (r.kind === 'absolute' && r.year !== undefined && r.day !== undefined) days.push(daysFromCivil(r.year, r.month!, r.day));
      if (days.length > 0) {
        days.sort((a, b) => a - b);
        this.nearDays = { days: days[days.length >> 1]!, what: 'the other dates in the article' };
      }
    }
  }

  resolve(r: RawDate): Resolved {
    switch (r.kind) {
      case 'numeric':
        return this.numeric(r);
      case 'range':
        return this.range(r);
      case 'year':
        if (r.decade !== undefined) return { value: decadeValue(r.decade), explanation: `A decade: ${r.decade} to ${r.decade + 9}.` };
        return { value: yearValue(r.year!), explanation: `A year: ${r.year}.` };
      case 'month-year':
        return { value: monthValue(r.year!, r.month!), explanation: `A month: ${MONTH_NAMES[r.month! - 1]} ${r.year}.` };
      case 'absolute':
        return this.absolute(r);
      case 'relative':
        return this.relative(r, r.relative!);
    }
  }

  private isDateline(r: RawDate): boolean {
    const span = this.articleDate?.span;
    return !!span && this.articleDate!.source !== 'front-matter' && this.articleDate!.source !== 'setting' &&
      this.tokens[r.i]!.start < span.end && this.tokens[r.j - 1]!.end > span.start;
  }

  private weekdayNote(r: RawDate, days: number): string {
    if (r.weekday === undefined) return '';
    const actual = weekdayOf(days);
    return actual === r.weekday
      ? ''
      : ` The text says ${WEEKDAY_NAMES[r.weekday]}, but ${plainDay(days)} was a ${WEEKDAY_NAMES[actual]}.`;
  }

  private absolute(r: RawDate): Resolved {
    const datelineNote = this.isDateline(r) ? ' This is the article\'s own date.' : '';
    if (r.year !== undefined) {
      const days = daysFromCivil(r.year, r.month!, r.day!);
      return { value: dayValue(days), explanation: `A calendar date written in full: ${longDay(days)}.${this.weekdayNote(r, days)}${datelineNote}` };
    }
    const spec = r.relative as Extract<RelativeSpec, { type: 'day-month' }>;
    const name = `${spec.day} ${MONTH_NAMES[spec.month - 1]}`;
    if (this.articleDay === undefined) {
      return { explanation: `${name}, with no year: the year would come from the article's own date, but ${NO_ARTICLE_DATE}` };
    }
    const ad = this.articleDay;
    const tense = this.tense(r);
    const candidates: number[] = [];
    for (const y of [this.articleYear - 1, this.articleYear, this.articleYear + 1]) {
      if (isValidDay(y, spec.month, spec.day)) candidates.push(daysFromCivil(y, spec.month, spec.day));
    }
    let chosen: number | undefined;
    if (tense === 'future') chosen = candidates.find((d) => d >= ad);
    else if (tense === 'past') chosen = [...candidates].reverse().find((d) => d <= ad);
    if (chosen === undefined) {
      chosen = candidates.reduce((best, d) => (Math.abs(d - ad) < Math.abs(best - ad) || (Math.abs(d - ad) === Math.abs(best - ad) && d < best) ? d : best), candidates[0]!);
    }
    const rule = tense === 'future' ? `the first ${name} on or after` : tense === 'past' ? `the last ${name} on or before` : `the ${name} nearest`;
    return {
      value: dayValue(chosen),
      explanation: `${name}, with no year: ${rule} ${this.articleRef} (${tense ? tenseWords(tense) : 'no clear tense'}): ${longDay(chosen)}.${this.weekdayNote(r, chosen)}`,
    };
  }

  private numeric(r: RawDate): Resolved {
    if (!r.numeric) {
      const days = daysFromCivil(r.year!, r.month!, r.day!);
      const note = this.isDateline(r) ? ' This is the article\'s own date.' : '';
      return { value: dayValue(days), explanation: `A date written year-month-day: ${longDay(days)}.${note}` };
    }
    const { first, second, year, separator } = r.numeric;
    if (this.isDateline(r) && this.articleDate) {
      const days = daysOfDate(this.articleDate.date);
      const how = this.articleDate.explanation ? ` ${capitalise(this.articleDate.explanation)}.` : '';
      return { value: dayValue(days), explanation: `The article's own date (its dateline): ${longDay(days)}.${how}` };
    }
    const weekdays = adjacentWeekdays(this.tokens, r);
    const choice = chooseNumericOrder(first, second, year, separator, {
      setting: this.options.numericDateOrder,
      weekdays,
      weekdayWhere: 'the text beside it',
      articleOrder: this.articleOrder,
      near: this.nearDays,
    });
    const days = daysFromCivil(choice.year, choice.month, choice.day);
    return { value: dayValue(days), explanation: `${this.tokens[r.i]!.text} ${choice.reason}: ${longDay(days)}.` };
  }

  private range(r: RawDate): Resolved {
    const from = this.resolve(r.from!);
    const to = this.resolve(r.to!);
    if (!from.value || !to.value) {
      return { explanation: `A range whose ends cannot be placed: ${from.value ? to.explanation : from.explanation}` };
    }
    if (to.value.lastDay < from.value.firstDay) return { explanation: 'A range that ends before it starts; left unresolved.' };
    const value = rangeValue(from.value, to.value);
    return { value, explanation: `A range: from ${describeValue(from.value)} to ${describeValue(to.value)}.` };
  }

  private tense(r: RawDate): Tense | undefined {
    return tenseAround(this.tokens, sentenceOf(this.sentences, r.i), r.i, r.j);
  }

  private relative(r: RawDate, spec: RelativeSpec): Resolved {
    const rule = this.ruleOf(r, spec);
    if (this.articleDay === undefined) {
      return { explanation: `${capitalise(rule.text)}; ${NO_ARTICLE_DATE}`, approximate: rule.approximate };
    }
    const value = rule.value!;
    return {
      value,
      explanation: `${capitalise(rule.text)}${rule.tense ? ` (${rule.tense})` : ''}: ${describeValue(value)}. Article's date: ${describeArticleDate(this.articleDate!)}.`,
      approximate: rule.approximate,
    };
  }

  /** What a relative date means (in words) and, when the article has a date, its value. */
  private ruleOf(r: RawDate, spec: RelativeSpec): { text: string; value?: DateValue; tense?: string; approximate?: boolean } {
    const ad = this.articleDay;
    const has = ad !== undefined;
    const Y = this.articleYear;
    const M = this.articleMonth;
    switch (spec.type) {
      case 'day': {
        const words: Record<string, string> = { '-2': 'two days before', '-1': 'the day before', '0': 'the same day as', '1': 'the day after', '2': 'two days after' };
        return { text: `${words[String(spec.offset)]} the article's date`, value: has ? dayValue(ad + spec.offset) : undefined };
      }
      case 'weekday': {
        const name = WEEKDAY_NAMES[spec.weekday]!;
        const wd = has ? weekdayOf(ad) : 0;
        if (spec.mode === 'last') {
          const back = (wd - spec.weekday + 7) % 7 || 7;
          return { text: `the last ${name} before the article's date`, value: has ? dayValue(ad - back) : undefined };
        }
        if (spec.mode === 'next') {
          const ahead = (spec.weekday - wd + 7) % 7 || 7;
          return { text: `the first ${name} after the article's date`, value: has ? dayValue(ad + ahead) : undefined };
        }
        if (spec.mode === 'this') {
          return { text: `the ${name} of the article's week (Monday to Sunday)`, value: has ? dayValue(mondayOf(ad) + ((spec.weekday + 6) % 7)) : undefined };
        }
        let tense = this.tense(r);
        // "passage by Friday", "until Monday": a deadline looks ahead unless the tense says otherwise
        const before = r.i > 0 ? this.tokens[r.i - 1]!.text.toLowerCase() : '';
        if (!tense && (before === 'by' || before === 'until' || before === 'till')) tense = 'future';
        if (tense === 'future') {
          const ahead = (spec.weekday - wd + 7) % 7 || 7;
          return { text: `the first ${name} after the article's date`, tense: tenseWords(tense), value: has ? dayValue(ad + ahead) : undefined };
        }
        const back = (wd - spec.weekday + 7) % 7;
        return { text: `the ${name} on or before the article's date`, tense: tenseWords(tense), value: has ? dayValue(ad - back) : undefined };
      }
      case 'week': {
        const label = spec.offset === -1 ? 'the week before the article\'s week' : spec.offset === 1 ? 'the week after the article\'s week' : 'the article\'s week';
        if (!has) return { text: `${spec.part === 'earlier' ? 'earlier in ' : spec.part === 'later' ? 'later in ' : ''}${label} (Monday to Sunday)` };
        const monday = mondayOf(ad) + 7 * spec.offset;
        let first = monday;
        let last = monday + 6;
        if (spec.part === 'earlier') last = Math.max(monday, ad - 1);
        if (spec.part === 'later') first = Math.min(ad + 1, last);
        const text = spec.part === 'earlier' ? `the days of the article's week before its date` : spec.part === 'later' ? `the days of the article's week after its date` : `${label} (Monday to Sunday)`;
        return { text, value: daySpanValue(first, last, 'week') };
      }
      case 'weekend': {
        const label = spec.offset === -1 ? 'the last weekend before the article\'s date' : spec.offset === 1 ? 'the weekend after the article\'s week' : 'the weekend of the article\'s week';
        if (!has) return { text: label };
        let sunday: number;
        if (spec.offset === -1) sunday = ad - ((weekdayOf(ad) + 7) % 7 || 7);
        else sunday = mondayOf(ad) + 6 + (spec.offset === 1 ? 7 : 0);
        return { text: label, value: daySpanValue(sunday - 1, sunday, 'week') };
      }
      case 'month': {
        const label = spec.offset === -1 ? 'the month before the article\'s month' : spec.offset === 1 ? 'the month after the article\'s month' : 'the article\'s month';
        if (!has) return { text: spec.part === 'whole' ? label : `${spec.part} in the article's month` };
        const { year, month } = addMonths(Y, M, spec.offset);
        if (spec.part === 'whole') return { text: label, value: monthValue(year, month) };
        const start = daysFromCivil(year, month, 1);
        const end = start + daysInMonth(year, month) - 1;
        return spec.part === 'earlier'
          ? { text: 'the days of the article\'s month before its date', value: daySpanValue(start, Math.max(start, ad - 1), 'month') }
          : { text: 'the days of the article\'s month after its date', value: daySpanValue(Math.min(ad + 1, end), end, 'month') };
      }
      case 'year': {
        const label = spec.offset === -1 ? 'the year before the article\'s year' : spec.offset === 1 ? 'the year after the article\'s year' : 'the article\'s year';
        if (!has) return { text: spec.part === 'whole' ? label : `${spec.part} in the article's year` };
        const year = Y + spec.offset;
        if (spec.part === 'whole') return { text: label, value: yearValue(year) };
        const start = daysFromCivil(year, 1, 1);
        const end = daysFromCivil(year, 12, 31);
        return spec.part === 'earlier'
          ? { text: 'the days of the article\'s year before its date', value: daySpanValue(start, Math.max(start, ad - 1), 'year') }
          : { text: 'the days of the article\'s year after its date', value: daySpanValue(Math.min(ad + 1, end), end, 'year') };
      }
      case 'month-name': {
        const name = MONTH_NAMES[spec.month - 1]!;
        if (spec.yearOffset !== undefined) {
          const which = spec.yearOffset === -1 ? 'the year before the article\'s year' : spec.yearOffset === 1 ? 'the year after the article\'s year' : 'the article\'s year';
          return { text: `${name} of ${which}`, value: has ? monthValue(Y + spec.yearOffset, spec.month) : undefined };
        }
        if (spec.mode === 'last') {
          return { text: `the last ${name} before the article's month`, value: has ? monthValue(spec.month < M ? Y : Y - 1, spec.month) : undefined };
        }
        if (spec.mode === 'next') {
          return { text: `the first ${name} after the article's month`, value: has ? monthValue(spec.month > M ? Y : Y + 1, spec.month) : undefined };
        }
        if (spec.mode === 'this') return { text: `${name} of the article's year`, value: has ? monthValue(Y, spec.month) : undefined };
        const tense = this.tense(r);
        if (tense === 'future') {
          return { text: `the first ${name} on or after the article's month`, tense: tenseWords(tense), value: has ? monthValue(spec.month >= M ? Y : Y + 1, spec.month) : undefined };
        }
        if (tense === 'past') {
          return { text: `the last ${name} on or before the article's month`, tense: tenseWords(tense), value: has ? monthValue(spec.month <= M ? Y : Y - 1, spec.month) : undefined };
        }
        // no tense: the nearest such month (ties go to the past)
        const back = (M - spec.month + 12) % 12;
        const year = back <= 6 ? (spec.month <= M ? Y : Y - 1) : Y + (spec.month > M ? 0 : 1);
        return { text: `the ${name} nearest the article's month`, tense: 'no clear tense', value: has ? monthValue(year, spec.month) : undefined };
      }
      case 'day-month':
        return { text: 'a day without a year' };
      case 'ago':
        return this.ago(spec);
      case 'past': {
        const unitWords = spec.n === 1 ? spec.unit : `${spec.n} ${spec.unit}s`;
        const text = `the ${unitWords} up to the article's date`;
        if (!has) return { text };
        const start = spec.unit === 'day' ? ad - spec.n
          : spec.unit === 'week' ? ad - 7 * spec.n
          : spec.unit === 'month' ? shiftMonths(ad, -spec.n)
          : shiftMonths(ad, -12 * spec.n);
        const precision = spec.unit === 'day' ? 'day' : spec.unit === 'week' ? 'week' : spec.unit === 'month' ? 'month' : 'year';
        return { text, value: daySpanValue(start, ad, precision) };
      }
    }
  }

  private ago(spec: Extract<RelativeSpec, { type: 'ago' }>): { text: string; value?: DateValue; approximate?: boolean } {
    const ad = this.articleDay;
    let { min, max } = spec;
    if (spec.vague && min === max) {
      const spread = Math.max(1, Math.ceil(min * 0.25));
      min = Math.max(1, min - spread);
      max = max + spread;
    }
    const unitName = (n: number) => (n === 1 ? spec.unit : `${spec.unit}s`);
    const amount = min === max ? `${min} ${unitName(min)}` : `${min} to ${max} ${spec.unit}s`;
    const text = `${amount} before the article's date${spec.vague ? ' (approximate: the text is vague)' : ''}`;
    if (ad === undefined) return { text, approximate: spec.vague };
    const Y = this.articleYear;
    const M = this.articleMonth;
    let value: DateValue;
    switch (spec.unit) {
      case 'day':
        value = daySpanValue(ad - max, ad - min, 'day');
        break;
      case 'week': {
        const first = mondayOf(ad - 7 * max);
        value = daySpanValue(first, mondayOf(ad - 7 * min) + 6, 'week');
        break;
      }
      case 'month': {
        const a = addMonths(Y, M, -max);
        const b = addMonths(Y, M, -min);
        value = min === max ? monthValue(a.year, a.month) : rangeValue(monthValue(a.year, a.month), monthValue(b.year, b.month));
        break;
      }
      case 'year':
        value = min === max ? yearValue(Y - min) : rangeValue(yearValue(Y - max), yearValue(Y - min));
        break;
      case 'decade':
        value = min === max ? yearValue(Y - 10 * min) : rangeValue(yearValue(Y - 10 * max), yearValue(Y - 10 * min));
        return { text: `${amount} before the article's date (approximate: a decade is a round figure)`, value, approximate: true };
    }
    return { text, value, approximate: spec.vague };
  }
}

/** The same day of the month, `delta` months away (clamped to the month's length). */
function shiftMonths(days: number, delta: number): number {
  const { year, month, day } = civilFromDays(days);
  const target = addMonths(year, month, delta);
  return daysFromCivil(target.year, target.month, Math.min(day, daysInMonth(target.year, target.month)));
}

/** A value in words: "Monday 16 December 2024", "December 2024", "2024", "Monday 9 to Sunday 15 December 2024". */
export function describeValue(value: DateValue): string {
  if (value.firstDay === value.lastDay) return longDay(value.firstDay);
  const a = civilFromDays(value.firstDay);
  const b = civilFromDays(value.lastDay);
  if (!value.iso.includes('/')) {
    if (value.precision === 'month') return `${MONTH_NAMES[a.month - 1]} ${a.year}`;
    if (value.precision === 'year') return String(a.year);
  }
  if (value.precision === 'decade' && a.month === 1 && a.day === 1 && b.month === 12 && b.day === 31) return `${a.year} to ${b.year}`;
  const wholeMonths = a.day === 1 && b.day === daysInMonth(b.year, b.month);
  const wholeYears = wholeMonths && a.month === 1 && b.month === 12;
  if (wholeYears) return `${a.year} to ${b.year}`;
  if (wholeMonths) return `${MONTH_NAMES[a.month - 1]} ${a.year} to ${MONTH_NAMES[b.month - 1]} ${b.year}`;
  return `${longDay(value.firstDay)} to ${longDay(value.lastDay)}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function findDates(
  text: string,
  tokens: readonly Token[],
  sentences: readonly Sentence[],
  articleDate: ArticleDate | undefined,
  options: AnalysisOptions,
): DateMention[] {
  const raw = scanDates(tokens);
  const resolver = new Resolver(tokens, sentences, articleDate, options, raw);
  const mentions: DateMention[] = [];
  for (const r of raw) {
    const start = tokens[r.i]!.start;
    const end = tokens[r.j - 1]!.end;
    const resolved = resolver.resolve(r);
    const mention: DateMention = {
      start,
      end,
      text: text.slice(start, end),
      kind: r.kind,
      explanation: resolved.explanation,
      ...(resolved.value ? { value: resolved.value } : {}),
      ...(r.weekday !== undefined ? { weekday: r.weekday } : {}),
      ...(resolved.approximate ? { approximate: true } : {}),
    };
    mentions.push(mention);
  }
  return mentions;
}
