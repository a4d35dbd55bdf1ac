// Calendar arithmetic on whole days (days since 1970-01-01, proleptic Gregorian, no time zones), month and weekday
// names, and the DateValue builders every date mention uses. Pure integer arithmetic: no Date object, no clock.
import type { CalendarDate, DatePrecision, DateValue } from './types';

/** Days since 1970-01-01 of a civil date (month 1-12). Howard Hinnant's days_from_civil. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number (inverse of daysFromCivil). */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 0 = Sunday ... 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekdayOf(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

export function isValidDay(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Adds whole months to (year, month): (2024, 12) + 1 = (2025, 1). */
export function addMonths(year: number, month: number, delta: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12 + 12) % 12 + 1 };
}

/** Monday of the ISO week (Monday to Sunday) that contains `days`. */
export function mondayOf(days: number): number {
  return days - ((weekdayOf(days) + 6) % 7);
}

export function daysOfDate(date: CalendarDate): number {
  return daysFromCivil(date.year, date.month ?? 1, date.day ?? 1);
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function isoYear(year: number): string {
  return year < 0 ? `-${pad(-year, 4)}` : pad(year, 4);
}
export function isoMonth(year: number, month: number): string {
  return `${isoYear(year)}-${pad(month, 2)}`;
}
export function isoDay(year: number, month: number, day: number): string {
  return `${isoMonth(year, month)}-${pad(day, 2)}`;
}
export function isoOfDays(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return isoDay(year, month, day);
}

export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
];
export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "Tuesday 17 December 2024" */
export function longDay(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${WEEKDAY_NAMES[weekdayOf(days)]} ${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/** "17 December 2024" (no weekday) */
export function plainDay(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/** Full month names, and their abbreviations (which count only next to a day or a year). Lower-case keys. */
const MONTHS = new Map<string, { month: number; abbreviation: boolean }>();
MONTH_NAMES.forEach((name, i) => MONTHS.set(name.toLowerCase(), { month: i + 1, abbreviation: false }));
for (const [abbr, month] of [
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9], ['sept', 9],
  ['oct', 10], ['nov', 11], ['dec', 12],
] as const) {
  MONTHS.set(abbr, { month, abbreviation: true });
}

/**
 * The month a capitalised word names: "December", "Dec.", "Dec", "DECEMBER". Lower-case words ("may", "march") are
 * never months. Abbreviations are flagged so callers can demand a day or year beside them.
 */
export function monthOfWord(word: string): { month: number; abbreviation: boolean } | undefined {
  const first = word.charCodeAt(0);
  if (!(first >= 65 && first <= 90)) return undefined;
  const bare = word.endsWith('.') ? word.slice(0, -1) : word;
  if (bare.length < 3 || bare.length > 9) return undefined;
  const hit = MONTHS.get(bare.toLowerCase());
  if (!hit) return undefined;
  // "Dec." is an abbreviation; "May." is "May" at a sentence end.
  if (word.endsWith('.') && !hit.abbreviation) return undefined;
  // Mixed case other than Title or UPPER ("DeCember") is not a month.
  if (bare !== bare.toUpperCase() && bare.slice(1) !== bare.slice(1).toLowerCase()) return undefined;
  return hit;
}

const WEEKDAYS = new Map<string, { weekday: number; abbreviation: boolean }>();
WEEKDAY_NAMES.forEach((name, i) => WEEKDAYS.set(name.toLowerCase(), { weekday: i, abbreviation: false }));
for (const [abbr, weekday] of [
  ['sun', 0], ['mon', 1], ['tue', 2], ['tues', 2], ['wed', 3], ['thu', 4], ['thur', 4], ['thurs', 4], ['fri', 5], ['sat', 6],
] as const) {
  WEEKDAYS.set(abbr, { weekday, abbreviation: true });
}

/** The weekday a capitalised word names ("Monday", "Tue", "Thurs."). Abbreviations are flagged. */
export function weekdayOfWord(word: string): { weekday: number; abbreviation: boolean } | undefined {
  const first = word.charCodeAt(0);
  if (!(first >= 65 && first <= 90)) return undefined;
  const bare = word.endsWith('.') ? word.slice(0, -1) : word;
  if (bare.length < 3 || bare.length > 9) return undefined;
  const hit = WEEKDAYS.get(bare.toLowerCase());
  if (!hit) return undefined;
  if (word.endsWith('.') && !hit.abbreviation) return undefined;
  if (bare !== bare.toUpperCase() && bare.slice(1) !== bare.slice(1).toLowerCase()) return undefined;
  return hit;
}

// ---- DateValue builders -------------------------------------------------------------------------------------------

export function dayValue(days: number): DateValue {
  return { iso: isoOfDays(days), precision: 'day', firstDay: days, lastDay: days };
}

export function monthValue(year: number, month: number): DateValue {
  const firstDay = daysFromCivil(year, month, 1);
  return { iso: isoMonth(year, month), precision: 'month', firstDay, lastDay: firstDay + daysInMonth(year, month) - 1 };
}

export function yearValue(year: number): DateValue {
  return { iso: isoYear(year), precision: 'year', firstDay: daysFromCivil(year, 1, 1), lastDay: daysFromCivil(year, 12, 31) };
}

/** A decade ("the 1990s"): iso "1990/1999". */
export function decadeValue(firstYear: number): DateValue {
  return {
    iso: `${isoYear(firstYear)}/${isoYear(firstYear + 9)}`,
    precision: 'decade',
    firstDay: daysFromCivil(firstYear, 1, 1),
    lastDay: daysFromCivil(firstYear + 9, 12, 31),
  };
}

/** A span of days written as a week or part of one ("last week", "later this week"): iso "first/last" days. */
export function daySpanValue(firstDay: number, lastDay: number, precision: DatePrecision): DateValue {
  const iso = firstDay === lastDay ? isoOfDays(firstDay) : `${isoOfDays(firstDay)}/${isoOfDays(lastDay)}`;
  return { iso, precision, firstDay, lastDay };
}

const PRECISION_ORDER: readonly DatePrecision[] = ['day', 'week', 'month', 'year', 'decade'];

/** A range from one value to another: iso "first/last", each end as precise as written; precision the coarser end. */
export function rangeValue(from: DateValue, to: DateValue): DateValue {
  const precision =
    PRECISION_ORDER.indexOf(from.precision) >= PRECISION_ORDER.indexOf(to.precision) ? from.precision : to.precision;
  const end = (value: DateValue, which: 'first' | 'last') =>
    value.iso.includes('/') ? value.iso.split('/')[which === 'first' ? 0 : 1]! : value.iso;
  return { iso: `${end(from, 'first')}/${end(to, 'last')}`, precision, firstDay: from.firstDay, lastDay: to.lastDay };
}

/** Parses YYYY-MM-DD (a real calendar day) into a CalendarDate. */
export function parseIsoDay(text: string): CalendarDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const year = +match[1]!;
  const month = +match[2]!;
  const day = +match[3]!;
  return isValidDay(year, month, day) ? { year, month, day } : undefined;
}
