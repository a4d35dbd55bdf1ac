// Where things go on the timeline's time axis: the span to show, the ticks (years, months or days, as many as fit),
// and the x position of a day. Pure arithmetic on days since 1970-01-01 (UTC), shared with the unit tests.

export interface Span {
  readonly first: number;
  readonly last: number;
}

export interface Tick {
  readonly day: number;
  readonly label: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MS_PER_DAY = 86_400_000;

function civil(day: number): { year: number; month: number; date: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth(), date: d.getUTCDate() };
}

function dayOf(year: number, month: number, date = 1): number {
  return Math.round(Date.UTC(year, month, date) / MS_PER_DAY);
}

/** The span to draw for items from `first` to `last` (inclusive days): padded by 3% (at least a week) each side. */
export function paddedSpan(first: number, last: number): Span {
  const pad = Math.max(7, Math.round((last - first + 1) * 0.03));
  return { first: first - pad, last: last + 1 + pad };
}

/** x of the start of `day` on an axis `width` pixels wide showing `span`. */
export function xOf(day: number, span: Span, width: number): number {
  const length = Math.max(1, span.last - span.first);
  return ((day - span.first) / length) * width;
}

/** Ticks at round dates, at least `spacing` pixels apart: years (1, 2, 5, 10, ... apart), months (1, 3, 6) or days. */
export function ticks(span: Span, width: number, spacing = 80): Tick[] {
  const perDay = width / Math.max(1, span.last - span.first);
  const from = civil(span.first);
  const to = civil(span.last);
  const out: Tick[] = [];
  const inSpan = (day: number) => day >= span.first && day <= span.last;
  const perYear = perDay * 365.25;
  if (perYear < spacing * 2) {
    const step = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].find((s) => s * perYear >= spacing) ?? 1000;
    for (let year = Math.ceil(from.year / step) * step; year <= to.year; year += step) {
      const day = dayOf(year, 0);
      if (inSpan(day)) out.push({ day, label: String(year) });
    }
    return out;
  }
  const perMonth = perDay * 30.44;
  if (perDay * 7 < spacing) {
    const step = [1, 3, 6].find((s) => s * perMonth >= spacing) ?? 6;
    for (let year = from.year; year <= to.year; year++) {
      for (let month = 0; month < 12; month += step) {
        const day = dayOf(year, month);
        if (inSpan(day)) out.push({ day, label: month === 0 ? String(year) : `${MONTHS[month]} ${year}` });
      }
    }
    return out;
  }
  const step = [1, 2, 7].find((s) => s * perDay >= spacing) ?? 7;
  for (let day = span.first; day <= span.last; day += step) {
    const c = civil(day);
    out.push({ day, label: `${c.date} ${MONTHS[c.month]}${out.length === 0 || c.date <= step ? ` ${c.year}` : ''}` });
  }
  return out;
}

/** "Monday 16 December 2024", "December 2024", "2014", "1990–1999": a value in words for the tooltip. */
export function describeSpan(first: number, last: number, precision: string): string {
  const a = civil(first);
  const long = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  if (precision === 'day' && first === last) return `${weekdays[new Date(first * MS_PER_DAY).getUTCDay()]} ${a.date} ${long[a.month]} ${a.year}`;
  if (precision === 'month') return `${long[a.month]} ${a.year}`;
  if (precision === 'year' && civil(last).year === a.year) return String(a.year);
  const b = civil(last);
  const day = (c: { year: number; month: number; date: number }) => `${c.date} ${long[c.month]} ${c.year}`;
  return precision === 'year' || precision === 'decade' ? `${a.year}–${b.year}` : `${day(a)} – ${day(b)}`;
}
