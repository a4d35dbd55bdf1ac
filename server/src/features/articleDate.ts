// "Set the article's date": the edit that gives an article the date its relative dates resolve against. An article
// with a dateline (or a "last modified" line, or `date:` in front matter) gets that date rewritten in the same style;
// one without gets a dateline on its first line (a `date:` in front matter for Markdown). Every edit is checked by
// reading the article's date back from the edited text: a style we cannot write falls back to one we can.
// Pure: text in, edits out. The client applies the edit as a change the user sees (and can undo); nothing is saved.
import { daysFromCivil, isoDay, MONTH_NAMES as MONTHS, parseIsoDay, WEEKDAY_NAMES as WEEKDAYS, weekdayOf } from '../analysis/calendar';
import { findArticleDate } from '../analysis/dateline';
import { LineIndex } from '../analysis/lines';
import { maskMarkdown } from '../analysis/markdown';
import { splitSentences } from '../analysis/sentences';
import { tokenize } from '../analysis/tokenize';
import type { AnalysisOptions, ArticleDate, CalendarDate } from '../analysis/types';
import type { ArticleDateEdit, TextEdit } from '../protocol';

/** The article's own date as the analysis reads it (without the costly stages). */
export function readArticleDate(text: string, options: AnalysisOptions): ArticleDate | undefined {
  const masked = options.markdown ? maskMarkdown(text) : { text, frontMatterDate: undefined };
  const tokens = tokenize(masked.text);
  return findArticleDate(masked.text, tokens, splitSentences(tokens), options, masked.frontMatterDate);
}

/** "December 16, 2024" */
export function longDate(date: Required<CalendarDate>): string {
  return `${MONTHS[date.month - 1]} ${date.day}, ${date.year}`;
}

/** The new date written in the style of the old one ("12/09/2017" -> "16/12/2024" when read day first). */
export function inStyleOf(old: ArticleDate, date: Required<CalendarDate>): string {
  const text = (old.text ?? '').trim();
  const iso = isoDay(date.year, date.month, date.day);
  if (old.source === 'front-matter' || /^\d{4}-\d{2}-\d{2}$/.test(text)) return iso;
  const numeric = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})$/.exec(text);
  if (numeric) {
    const separator = numeric[2]!;
    const year = numeric[4]!.length === 2 ? String(date.year % 100).padStart(2, '0') : String(date.year);
    const pad = (n: number) => (numeric[1]!.length === 2 || numeric[3]!.length === 2 ? String(n).padStart(2, '0') : String(n));
    const [first, second] = old.numericOrder === 'day-first' ? [date.day, date.month] : [date.month, date.day];
    return `${pad(first)}${separator}${pad(second)}${separator}${year}`;
  }
  const weekday = /^(Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day,?\s/i.test(text) ? `${WEEKDAYS[weekdayOf(daysFromCivil(date.year, date.month, date.day))]}, ` : '';
  const body = text.replace(/^(Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day,?\s+/i, '');
  if (/^\d/.test(body)) return `${weekday}${date.day} ${MONTHS[date.month - 1]} ${date.year}`;
  return `${weekday}${longDate(date)}`;
}

export interface ArticleDateInput {
  /** The article's text as the editor has it. */
  readonly text: string;
  readonly options: AnalysisOptions;
  /** YYYY-MM-DD */
  readonly date: string;
}

function eolOf(text: string): string {
  return /\r\n/.test(text) ? '\r\n' : '\n';
}

function apply(text: string, start: number, end: number, newText: string): string {
  return text.slice(0, start) + newText + text.slice(end);
}

/** Candidate edits, best first: rewrite the existing date, else add one. */
function candidates(text: string, options: AnalysisOptions, current: ArticleDate | undefined, date: Required<CalendarDate>): { start: number; end: number; newText: string; description: string }[] {
  const iso = isoDay(date.year, date.month, date.day);
  const eol = eolOf(text);
  const out: { start: number; end: number; newText: string; description: string }[] = [];
  if (current?.span && current.source !== 'setting') {
    const old = text.slice(current.span.start, current.span.end);
    const where = current.source === 'front-matter' ? '`date:` in the front matter' : current.source === 'dateline' ? 'the dateline' : 'the “last modified” line';
    for (const newText of [inStyleOf(current, date), longDate(date), iso]) {
      out.push({ ...current.span, newText, description: `Changes ${where} from “${old}” to “${newText}”.` });
    }
  }
  if (options.markdown) {
    const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const firstLineEnd = text.search(/\r?\n/);
    const opener = firstLineEnd >= 0 ? text.slice(bom, firstLineEnd).trimEnd() : '';
    if (opener === '---' && maskMarkdown(text).frontMatterDate === undefined && /\r?\n(---|\.\.\.)\s*(\r?\n|$)/.test(text.slice(firstLineEnd))) {
      const at = firstLineEnd + (text[firstLineEnd] === '\r' ? 2 : 1);
      out.push({ start: at, end: at, newText: `date: ${iso}${eol}`, description: `Adds \`date: ${iso}\` to the front matter.` });
    } else if (opener !== '---' && opener !== '+++') {
      out.push({ start: bom, end: bom, newText: `---${eol}date: ${iso}${eol}---${eol}${eol}`, description: `Adds front matter with \`date: ${iso}\` at the top.` });
    }
  }
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  out.push({ start: bom, end: bom, newText: `${longDate(date)}${eol}${eol}`, description: `Adds the dateline “${longDate(date)}” as the first line.` });
  return out;
}

/** The edit that makes `date` the article's date, or undefined when the date is not a valid YYYY-MM-DD. */
export function articleDateEdit({ text, options, date }: ArticleDateInput): ArticleDateEdit | undefined {
  const wanted = parseIsoDay(date.trim());
  if (!wanted || wanted.month === undefined || wanted.day === undefined) return undefined;
  const day = { year: wanted.year, month: wanted.month, day: wanted.day };
  const iso = isoDay(day.year, day.month, day.day);
  // the setting is not in the text: the article still needs a date of its own
  const current = readArticleDate(text, { ...options, defaultArticleDate: undefined });
  const lines = new LineIndex(text);
  const previous = current ? { previous: current.iso, previousSource: current.source } : {};
  if (current?.iso === iso) return { edits: [], description: `The article's date is already ${iso}.`, ...previous };
  for (const candidate of candidates(text, options, current, day)) {
    const edited = apply(text, candidate.start, candidate.end, candidate.newText);
    if (readArticleDate(edited, { ...options, defaultArticleDate: undefined })?.iso !== iso) continue;
    const edit: TextEdit = { range: { start: lines.position(candidate.start), end: lines.position(candidate.end) }, newText: candidate.newText };
    return { edits: [edit], description: candidate.description, ...previous };
  }
  return { edits: [], description: `Corroborate could not write a date the analysis reads back as ${iso}.`, ...previous };
}
