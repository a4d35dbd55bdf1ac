// Date arithmetic: durations, "N years after/ago", terms and ages against the dates they relate (the claims stage
// finds the relations; see DateArithmetic in analysis/types.ts). Time is counted in the figure's unit between the
// starts of the two dates' calendar units (2017 -> 2066 is 49 years; October 2016 -> July 2017 is 9 months), and a
// difference is flagged only beyond one unit plus the figure's own hedge, so inclusive and exclusive counting, and
// dates known only to the month or the year, never raise an alarm.
import * as civil from '../analysis/calendar';
import { civilFromDays } from '../analysis/calendar';
import type { DateValue } from '../analysis/types';
import type { ArticleSummary, ClaimSummary, DateSummary } from '../workspace/summary';
import type { Finding, RelatedPlace } from './types';
import { digitsWithin, formatNumber, plural, shortDate } from './util';

type Unit = 'year' | 'month' | 'week' | 'day' | 'decade';

/** Whole units from the start of `a` to the start of `b`, and how many units the dates' precision leaves open. */
function elapsed(a: DateValue, b: DateValue, unit: Unit): { value: number; slack: number } | undefined {
  const ca = civilFromDays(a.firstDay);
  const cb = civilFromDays(b.firstDay);
  const coarse = (v: DateValue) => (v.precision === 'decade' ? 'decade' : v.precision === 'week' ? 'day' : v.precision);
  const precisions = [coarse(a), coarse(b)];
  switch (unit) {
    case 'decade':
    case 'year': {
      const years = cb.year - ca.year;
      const value = unit === 'decade' ? years / 10 : years;
      return { value, slack: precisions.includes('decade') ? (unit === 'decade' ? 1 : 10) : 0 };
    }
    case 'month': {
      const months = cb.year * 12 + cb.month - (ca.year * 12 + ca.month);
      return { value: months, slack: precisions.includes('year') || precisions.includes('decade') ? 12 : 0 };
    }
    case 'week':
    case 'day': {
      if (precisions.some((p) => p !== 'day')) return undefined;
      const days = b.firstDay - a.firstDay;
      return { value: unit === 'week' ? days / 7 : days, slack: 0 };
    }
  }
}

function dateOf(summary: ArticleSummary, ref: number | undefined): { value: DateValue; summary?: DateSummary } | undefined {
  if (ref === undefined) return undefined;
  if (ref === -1) {
    const ad = summary.articleDate;
    if (!ad) return undefined;
    const { year, month, day } = ad.date;
    const { daysFromCivil } = civil;
    if (month === undefined) return { value: { iso: ad.iso, precision: 'year', firstDay: daysFromCivil(year, 1, 1), lastDay: daysFromCivil(year, 12, 31) } };
    const first = daysFromCivil(year, month, day ?? 1);
    return { value: { iso: ad.iso, precision: day === undefined ? 'month' : 'day', firstDay: first, lastDay: first } };
  }
  const date = summary.dates[ref];
  return date?.value ? { value: date.value, summary: date } : undefined;
}

const UNIT_NAMES: Record<Unit, [string, string]> = {
  year: ['year', 'years'], month: ['month', 'months'], week: ['week', 'weeks'], day: ['day', 'days'], decade: ['decade', 'decades'],
};

function amount(value: number, unit: Unit): string {
  const shown = Number.isInteger(value) ? formatNumber(value) : formatNumber(value, 1);
  return `${shown} ${value === 1 ? UNIT_NAMES[unit][0] : UNIT_NAMES[unit][1]}`;
}

function relatedDate(uri: string, summary: ArticleSummary, ref: number | undefined, role: string): RelatedPlace[] {
  if (ref === undefined || ref < 0) return [];
  const date = summary.dates[ref];
  return date ? [{ uri, at: date, message: `${role}: ${date.text}${date.value ? ` (${shortDate(date.value)})` : ''}` }] : [];
}

function describe(summary: ArticleSummary, ref: number | undefined): string {
  if (ref === -1) return `the article's date (${summary.articleDate?.iso ?? '?'})`;
  const date = ref === undefined ? undefined : summary.dates[ref];
  return date ? `“${date.text}”` : 'the date';
}

export function dateArithmeticFindings(uri: string, summary: ArticleSummary): Finding[] {
  const findings: Finding[] = [];
  for (const claim of summary.claims) {
    const arithmetic = claim.arithmetic;
    if (!arithmetic) continue;
    const finding = arithmetic.kind === 'ago' ? agoFinding(uri, summary, claim) : arithmetic.kind === 'age' ? ageFinding(uri, summary, claim) : durationFinding(uri, summary, claim);
    if (finding) findings.push(finding);
  }
  return findings;
}

function durationFinding(uri: string, summary: ArticleSummary, claim: ClaimSummary): Finding | undefined {
  const figure = summary.figures[claim.figure];
  const arithmetic = claim.arithmetic!;
  if (!figure || !figure.unit) return undefined;
  const unit = figure.unit as Unit;
  if (!UNIT_NAMES[unit]) return undefined;
  let from: DateValue | undefined;
  let to: DateValue | undefined;
  if (arithmetic.kind === 'span') {
    const range = dateOf(summary, arithmetic.from)?.value;
    if (!range) return undefined;
    from = range;
    // the range's last unit: "from 2015 to 2017" ends in 2017
    const end = civilFromDays(range.lastDay);
    const endDay = range.precision === 'year' || range.precision === 'decade' ? civil.daysFromCivil(end.year, 1, 1) : range.precision === 'month' ? civil.daysFromCivil(end.year, end.month, 1) : range.lastDay;
    to = { iso: range.iso, precision: range.precision === 'decade' ? 'year' : range.precision, firstDay: endDay, lastDay: endDay };
  } else {
    from = dateOf(summary, arithmetic.from)?.value;
    to = dateOf(summary, arithmetic.to)?.value;
  }
  if (!from || !to) return undefined;
  const measured = elapsed(from, to, unit);
  if (!measured) return undefined;
  const tolerance = 1 + measured.slack;
  const low = Number.isFinite(figure.low) ? figure.low : figure.value;
  const high = Number.isFinite(figure.high) ? figure.high : Infinity;
  if (measured.value >= low - tolerance && measured.value <= high + tolerance) return undefined;
  const related = [...relatedDate(uri, summary, arithmetic.from, arithmetic.kind === 'after' ? 'the earlier date' : 'the start'), ...relatedDate(uri, summary, arithmetic.to, arithmetic.kind === 'after' ? 'the later date' : 'the end')];
  const span = amount(measured.value, unit);
  const fromText = describe(summary, arithmetic.from);
  const toText = describe(summary, arithmetic.to);
  const account =
    arithmetic.kind === 'span' ? `${fromText} spans ${span}`
    : arithmetic.kind === 'after' ? `${fromText} and ${toText} are ${span} apart`
    : `from ${fromText} to ${toText} is ${span}`;
  const plainDigits = figure.endLine === undefined && /^\D*\d+[-\s]/.test(figure.text) && Number.isInteger(measured.value) && measured.value > 0;
  return {
    check: 'date-arithmetic',
    uri,
    at: figure,
    text: figure.text,
    message: `“${figure.text}” does not fit the dates: ${account}`,
    related,
    fixes: plainDigits ? [{ title: `Use ${measured.value} (from the dates)`, preferred: true, changes: [{ uri, at: digitsWithin(figure), newText: String(measured.value) }] }] : [],
  };
}

function ageFinding(uri: string, summary: ArticleSummary, claim: ClaimSummary): Finding | undefined {
  const figure = summary.figures[claim.figure];
  const arithmetic = claim.arithmetic!;
  if (!figure || figure.unit !== 'year') return undefined;
  const born = dateOf(summary, arithmetic.from)?.value;
  const at = dateOf(summary, arithmetic.to)?.value;
  if (!born || !at) return undefined;
  const years = civilFromDays(at.firstDay).year - civilFromDays(born.firstDay).year;
  // someone born in 1979 is 44 or 45 in 2024, depending on the birthday
  if (figure.value >= years - 1 && figure.value <= years) return undefined;
  return {
    check: 'date-arithmetic',
    uri,
    at: figure,
    text: figure.text,
    message: `“${figure.text}” does not fit the birth date: born ${describe(summary, arithmetic.from)}, ${years - 1} or ${years} at ${describe(summary, arithmetic.to)}`,
    related: [...relatedDate(uri, summary, arithmetic.from, 'the birth date'), ...relatedDate(uri, summary, arithmetic.to, 'the date of the age')],
    fixes: [],
  };
}

function agoFinding(uri: string, summary: ArticleSummary, claim: ClaimSummary): Finding | undefined {
  if (claim.date === undefined) return undefined;
  const ago = summary.dates[claim.date];
  const explicit = dateOf(summary, claim.arithmetic!.to)?.value;
  if (!ago?.value || !explicit) return undefined;
  const unit: Unit = ago.value.precision === 'year' ? 'year' : ago.value.precision === 'month' ? 'month' : ago.value.precision === 'week' ? 'week' : 'day';
  const measured = elapsed(ago.value, explicit, unit);
  if (!measured) return undefined;
  // the "ago" date's own span counts: "two years ago" is all of that year
  const spanUnits = unit === 'day' ? ago.value.lastDay - ago.value.firstDay : 0;
  if (measured.value >= -1 - measured.slack && measured.value <= 1 + spanUnits + measured.slack) return undefined;
  const off = Math.abs(measured.value);
  return {
    check: 'date-arithmetic',
    uri,
    at: ago,
    text: ago.text,
    message: `“${ago.text}” is ${shortDate(ago.value)} from the article's date (${summary.articleDate?.iso ?? '?'}), ${plural(off, UNIT_NAMES[unit][0], UNIT_NAMES[unit][1])} from “${summary.dates[claim.arithmetic!.to!]?.text ?? ''}”`,
    related: relatedDate(uri, summary, claim.arithmetic!.to, 'the date it should match'),
    fixes: [],
  };
}

