// Small helpers the check modules share: what a figure says in words, located sub-spans, written precision.
import { civilFromDays } from '../analysis/calendar';
import type { DateValue } from '../analysis/types';
import type { ArticleSummary, ClaimSummary, FigureSummary, Located } from '../workspace/summary';

/** The figure with what it counts, as written: "some 4,300 Russian military". */
export function phraseOf(figure: FigureSummary): string {
  return figure.counted ? `${figure.text} ${figure.counted}` : figure.text;
}

/** A claim's figure (claims of dates only have none). */
export function figureOf(summary: ArticleSummary, claim: ClaimSummary): FigureSummary | undefined {
  return claim.figure >= 0 ? summary.figures[claim.figure] : undefined;
}

/** "2017-11-06", "2017-11", "2017": a date value as short as it is precise. */
export function shortDate(value: DateValue): string {
  const a = civilFromDays(value.firstDay);
  const pad = (n: number) => String(n).padStart(2, '0');
  if (value.precision === 'day' && value.firstDay === value.lastDay) return `${a.year}-${pad(a.month)}-${pad(a.day)}`;
  if (value.precision === 'month') return `${a.year}-${pad(a.month)}`;
  if (value.precision === 'year') return String(a.year);
  return value.iso;
}

/** Whether two date values share a day. */
export function overlaps(a: DateValue, b: DateValue): boolean {
  return a.firstDay <= b.lastDay && b.firstDay <= a.lastDay;
}

/** A part of a located span, by offsets relative to its start; the whole span when it runs over several lines. */
export function within(at: Located, from: number, to: number): Located {
  if (at.endLine !== undefined) return at;
  return { start: at.start + from, end: at.start + to, line: at.line, character: at.character + from };
}

/** 1,234.5 -> "1,234.5"; integers without decimals; at most `digits` significant decimals. */
export function formatNumber(value: number, decimals = 0): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** The digits of the (first) number in a figure's text and their written precision: "10,425" -> half a unit = 0.5,
 *  "27,000" -> 500, "3.5" -> 0.05; spelled numbers ("seven") count as integers. */
export function writtenNumber(text: string): { digits: string; decimals: number; halfUnit: number; grouped: boolean } | undefined {
  const match = /\d[\d,]*(?:\.\d+)?/.exec(text);
  if (!match) return undefined;
  const digits = match[0];
  const [whole, fraction] = digits.split('.');
  const decimals = fraction?.length ?? 0;
  if (decimals > 0) return { digits, decimals, halfUnit: 0.5 / 10 ** decimals, grouped: digits.includes(',') };
  const plain = whole!.replace(/,/g, '');
  let zeros = 0;
  while (zeros < plain.length && plain.charCodeAt(plain.length - 1 - zeros) === 48) zeros++;
  const significantZeros = plain.length === zeros ? 0 : zeros;
  // "15 kilometers" for 10 miles: a number ending in 5 may be rounded to the nearest five
  if (significantZeros === 0 && plain.length >= 2 && plain.endsWith('5')) return { digits, decimals: 0, halfUnit: 2.5, grouped: digits.includes(',') };
  return { digits, decimals: 0, halfUnit: 0.5 * 10 ** significantZeros, grouped: digits.includes(',') };
}

/**
 * Half a unit of the last written place of a figure (0.5 for spelled or bare integers). With `trailingZeros`, a
 * round number is taken as rounded to its last non-zero place ("60 miles" may be anything from 55 to 65).
 */
export function roundingOf(figure: FigureSummary, trailingZeros = true): number {
  const written = writtenNumber(figure.text);
  if (!written) return 0.5;
  if (!trailingZeros && written.decimals === 0) return 0.5;
  // "4.8 billion": half a unit of the last place, scaled
  const scale = /\bbillion\b|bn\b/i.test(figure.text) ? 1e9 : /\bmillion\b|\dm\b|mn\b/i.test(figure.text) ? 1e6 : /\bthousand\b|\dk\b/i.test(figure.text) ? 1e3 : 1;
  return written.halfUnit * scale;
}

/** A count in words the way the text wrote the count it replaces ("two" -> "three", "Two" -> "Three", "2" -> "3"). */
export function countLike(original: string, value: number): string {
  const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
  if (/^\d/.test(original) || value > 20) return String(value);
  const word = words[value]!;
  return /^[A-Z]/.test(original) ? word[0]!.toUpperCase() + word.slice(1) : word;
}

export function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${count} ${count === 1 ? word : pluralWord}`;
}

/** The digits inside a figure's located text ("15" in "15 percent"), or the whole figure when it has none. */
export function digitsWithin(figure: Located & { readonly text: string }): Located {
  const match = /\d[\d,]*(?:\.\d+)?/.exec(figure.text);
  if (!match || figure.endLine !== undefined) return figure;
  return within(figure, match.index, match.index + match[0].length);
}
