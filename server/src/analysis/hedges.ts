// Hedges and intervals: how a figure's wording turns its value into the interval the text allows.
//
// THE INTERVAL RULES (the one place they are defined; figures.ts only calls these functions):
//
// 1. Written precision. A figure is as precise as it is written. Its tolerance t is half a unit of the last place
//    written, capped at 5% of the value:
//      "4,300" -> last place 100 -> t = min(50, 215) = 50;      "300,000" -> t = min(50,000, 15,000) = 15,000
//      "3.5"   -> last place 0.1 -> t = 0.05;                   "4.8 billion" -> t = 0.05 billion
//      "2 billion" -> t = min(0.5 billion, 0.1 billion) = 0.1 billion
//    Integers below 100 written without a scale word ("85", "two", "twelve") are taken as exact: t = 0.
//    Spelled fractions ("half of", "two-thirds of") carry t = 2.5 percentage points.
// 2. No hedge (exact):                     [v - t, v + t]
// 3. Approximate ("some", "about", "around", "roughly", "approximately", "an estimated", "close to", "or so"):
//      w = max(t, 10% of v)                 [v - w, v + w]
//    Approximate from below ("nearly", "almost"):          [v - w, v + t]
//    Narrowly ("just under" / "just over", w' = max(t, 5% of v)):  [v - w', v + t] / [v - t, v + w']
// 4. At least ("at least", "more than", "over", "upwards of", "in excess of", "exceeded", "or more", "4,000-plus"):
//                                          [v, +Infinity]   (a threshold is exact: no rounding tolerance)
// 5. At most ("up to", "at most", "less than", "under", "fewer than", "below", "no more than", "as many as"):
//                                          [0, v]   (temperatures: [-Infinity, v])
// 6. Ranges ("10 to 20", "10-20", "between 10 and 20"): [low - t_low, high + t_high]; an approximate hedge widens each
//    end by 10% of that end.
// 7. Vague counts have an honest wide interval and no single value (Figure.vague): "dozens" 24..199,
//    "hundreds" 200..1,999, "thousands" 2,000..19,999, "tens of thousands" 20,000..199,999,
//    "hundreds of thousands" 200,000..1,999,999, "millions" 2 million..19,999,999.
import type { HedgeKind, Token } from './types';

/** Where an approximate hedge puts the true value relative to the written one. */
export type HedgeSide = 'both' | 'below' | 'above';

export interface HedgeSpec {
  readonly kind: Exclude<HedgeKind, 'exact'>;
  readonly side: HedgeSide;
  /** Relative width of an approximate hedge (10%, or 5% for "just under/over"). */
  readonly width: number;
}

const approx = (side: HedgeSide = 'both', width = 0.1): HedgeSpec => ({ kind: 'approximate', side, width });
const atLeast: HedgeSpec = { kind: 'at-least', side: 'above', width: 0 };
const atMost: HedgeSpec = { kind: 'at-most', side: 'below', width: 0 };

/** Hedges written before a figure, as lower-case token sequences. Longest match wins. */
const BEFORE: ReadonlyArray<readonly [readonly string[], HedgeSpec]> = [
  [['some'], approx()],
  [['about'], approx()],
  [['around'], approx()],
  [['roughly'], approx()],
  [['approximately'], approx()],
  [['approx.'], approx()],
  [['an', 'estimated'], approx()],
  [['estimated'], approx()],
  [['circa'], approx()],
  [['close', 'to'], approx()],
  [['in', 'the', 'region', 'of'], approx()],
  [['something', 'like'], approx()],
  [['nearly'], approx('below')],
  [['almost'], approx('below')],
  [['just', 'under'], approx('below', 0.05)],
  [['just', 'below'], approx('below', 0.05)],
  [['just', 'short', 'of'], approx('below', 0.05)],
  [['just', 'over'], approx('above', 0.05)],
  [['just', 'above'], approx('above', 0.05)],
  [['at', 'least'], atLeast],
  [['more', 'than'], atLeast],
  [['over'], atLeast],
  [['well', 'over'], atLeast],
  [['upwards', 'of'], atLeast],
  [['upward', 'of'], atLeast],
  [['in', 'excess', 'of'], atLeast],
  [['exceeding'], atLeast],
  [['exceeded'], atLeast],
  [['exceeds'], atLeast],
  [['exceed'], atLeast],
  [['above'], atLeast],
  [['greater', 'than'], atLeast],
  [['a', 'minimum', 'of'], atLeast],
  [['no', 'fewer', 'than'], atLeast],
  [['no', 'less', 'than'], atLeast],
  [['not', 'less', 'than'], atLeast],
  [['up', 'to'], atMost],
  [['at', 'most'], atMost],
  [['at', 'the', 'most'], atMost],
  [['less', 'than'], atMost],
  [['under'], atMost],
  [['fewer', 'than'], atMost],
  [['below'], atMost],
  [['no', 'more', 'than'], atMost],
  [['not', 'more', 'than'], atMost],
  [['a', 'maximum', 'of'], atMost],
  [['as', 'many', 'as'], atMost],
  [['as', 'much', 'as'], atMost],
  [['as', 'high', 'as'], atMost],
];

/** Hedges written after a figure ("300 or so", "5,000 or more"). */
const AFTER: ReadonlyArray<readonly [readonly string[], HedgeSpec]> = [
  [['or', 'so'], approx()],
  [['or', 'more'], atLeast],
  [['or', 'less'], atMost],
  [['or', 'fewer'], atMost],
];

/** Glued suffixes: "4,000-plus", "300-odd". */
export const GLUED_HEDGES: Readonly<Record<string, HedgeSpec>> = { plus: atLeast, odd: approx() };

export interface FoundHedge {
  /** The hedge as written, lower-cased words joined by spaces ("more than"). */
  readonly text: string;
  readonly spec: HedgeSpec;
  /** Token index where the hedge starts (before) or one past its end (after). */
  readonly index: number;
}

const lower = (token: Token | undefined) => (token && token.kind === 'word' ? token.text.toLowerCase() : '');

/** The hedge ending just before token `i` (and starting at or after `min`), longest first. */
export function hedgeBefore(tokens: readonly Token[], i: number, min: number): FoundHedge | undefined {
  let best: FoundHedge | undefined;
  for (const [words, spec] of BEFORE) {
    const start = i - words.length;
    if (start < min || (best && words.length <= best.text.split(' ').length)) continue;
    let ok = true;
    for (let k = 0; k < words.length && ok; k++) ok = lower(tokens[start + k]) === words[k];
    // a hedge word glued to the previous line's text does not count across a paragraph break
    if (ok && tokens[i]!.breakBefore === 2) ok = false;
    if (ok) best = { text: words.join(' '), spec, index: start };
  }
  return best;
}

/** The hedge starting at token `j` (just after a figure), if any. */
export function hedgeAfter(tokens: readonly Token[], j: number): FoundHedge | undefined {
  for (const [words, spec] of AFTER) {
    let ok = true;
    for (let k = 0; k < words.length && ok; k++) ok = lower(tokens[j + k]) === words[k];
    // "5,000 or more people" is a hedge; "5,000 or more of them" too; "two or more" also
    if (ok) return { text: words.join(' '), spec, index: j + words.length };
  }
  return undefined;
}

/**
 * Rule 1: tolerance from the written precision. `halfUnit` is half a unit of the last place written (0 for exact
 * small integers); the result is capped at 5% of the value.
 */
export function writtenTolerance(value: number, halfUnit: number): number {
  return Math.min(halfUnit, Math.abs(value) * 0.05);
}

/** Half a unit of the last written place of a digit number ("4,300" -> 50, "3.5" -> 0.05, "85" -> 0). */
export function halfUnitOfDigits(value: number, decimals: number, trailingZeros: number, scale: number): number {
  if (decimals > 0) return (0.5 * scale) / 10 ** decimals;
  if (scale === 1 && value < 100) return 0;
  return 0.5 * scale * 10 ** trailingZeros;
}

export interface Interval {
  readonly low: number;
  readonly high: number;
}

/** Rules 2-5: the interval of a single value with tolerance t under a hedge (or none). */
export function intervalOf(value: number, t: number, hedge: HedgeSpec | undefined, signed = false): Interval {
  const floor = signed ? -Infinity : 0;
  if (!hedge) return { low: value - t, high: value + t };
  switch (hedge.kind) {
    case 'approximate': {
      const w = Math.max(t, Math.abs(value) * hedge.width);
      if (hedge.side === 'below') return { low: value - w, high: value + t };
      if (hedge.side === 'above') return { low: value - t, high: value + w };
      return { low: value - w, high: value + w };
    }
    case 'at-least':
      return { low: value, high: Infinity };
    case 'at-most':
      return { low: Math.min(floor, value), high: value };
  }
}

/** Rule 6: the interval of a range, each end with its own tolerance. */
export function intervalOfRange(low: number, high: number, tLow: number, tHigh: number, hedge: HedgeSpec | undefined): Interval {
  if (hedge?.kind === 'approximate') {
    return { low: low - Math.max(tLow, Math.abs(low) * hedge.width), high: high + Math.max(tHigh, Math.abs(high) * hedge.width) };
  }
  if (hedge?.kind === 'at-least') return { low, high: Infinity };
  if (hedge?.kind === 'at-most') return { low: 0, high };
  return { low: low - tLow, high: high + tHigh };
}
