// Numbers as written: digits with separators ("4,300", "3.5", "1.2m") and spelled-out numbers ("two", "a dozen",
// "twenty-five", "one hundred and twenty"). Each parse also records the written precision (see hedges.ts).
import type { Token } from './types';

export interface DigitNumber {
  /** The numeric value of the digits ("4,300" -> 4300, "3.5" -> 3.5). */
  readonly value: number;
  /** Length of the numeric part at the start of the token. */
  readonly length: number;
  /** Digits after the decimal point. */
  readonly decimals: number;
  /** Trailing zeros of the integer part when there are no decimals ("4,300" -> 2). */
  readonly trailingZeros: number;
  /** Whether the number has thousands separators. */
  readonly grouped: boolean;
  /** Whether the integer part starts with a superfluous 0 ("02", "007"): codes and phone numbers, not quantities. */
  readonly leadingZero: boolean;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * The number at the start of a token's text: `d{1,3}(,ddd)*` or plain digits, then an optional `.d+`. Returns
 * undefined when the separators are not a well-formed number ("1,1,1", "4,30", "1.2.3" read as the first part only
 * when a letter, not a digit group, follows). Linear in the token length.
 */
export function parseDigits(text: string): DigitNumber | undefined {
  let i = 0;
  const n = text.length;
  // -1 past the end (charCodeAt's NaN there made the compiled code bail out: a read out of bounds)
  const at = (k: number): number => (k < n ? text.charCodeAt(k) : -1);
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  if (i === 0) return undefined;
  const firstGroup = i;
  let grouped = false;
  while (at(i) === 44 /* , */) {
    let j = i + 1;
    while (j < n && isDigit(text.charCodeAt(j))) j++;
    if (j - i - 1 !== 3 || firstGroup > 3) return undefined; // "1,1,1" / "4,30" / "1234,567"
    grouped = true;
    i = j;
  }
  const integerPart = text.slice(0, i).replace(/,/g, '');
  let decimals = 0;
  if (at(i) === 46 /* . */ && isDigit(at(i + 1))) {
    let j = i + 1;
    while (j < n && isDigit(text.charCodeAt(j))) j++;
    decimals = j - i - 1;
    // "1.2.3", "17.12.2024": not one number
    if (at(j) === 46 && isDigit(at(j + 1))) return undefined;
    i = j;
  }
  // "12/09", "09:03": another separator glued to digits is a date, time or code, not a quantity
  const next = at(i);
  if ((next === 47 || next === 58 || next === 44 || next === 46) && isDigit(at(i + 1))) return undefined;
  if (integerPart.length > 15) return undefined; // identifiers, not quantities (and beyond double precision)
  const value = Number(text.slice(0, i).replace(/,/g, ''));
  if (!Number.isFinite(value)) return undefined;
  let trailingZeros = 0;
  if (decimals === 0) {
    for (let k = integerPart.length - 1; k > 0 && integerPart[k] === '0'; k--) trailingZeros++;
  }
  return {
    value,
    length: i,
    decimals,
    trailingZeros,
    grouped,
    leadingZero: integerPart.length > 1 && integerPart[0] === '0',
  };
}

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
/** Scale words after a number ("4.8 billion", "$450m", "£2bn"). */
export const SCALES: Record<string, number> = {
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
  m: 1e6, mn: 1e6, mln: 1e6, bn: 1e9, b: 1e9, tn: 1e12, trn: 1e12, k: 1e3,
};
/** Spelled scale words that can follow other spelled numbers. */
const SPELLED_SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60,
  seventieth: 70, eightieth: 80, ninetieth: 90, hundredth: 100,
};

const UNIT_MAP = new Map(Object.entries(UNITS));
const TENS_MAP = new Map(Object.entries(TENS));

/** Value of one number word, or of a hyphenated "twenty-five". Undefined for anything else. */
export function numberWordValue(word: string): number | undefined {
  // number words are 3 ("one") to 15 ("seventy-nine" and the like) letters long: most words fail here
  if (word.length < 3 || word.length > 15) return undefined;
  const lower = word.toLowerCase();
  const unit = UNIT_MAP.get(lower);
  if (unit !== undefined) return unit;
  const tens = TENS_MAP.get(lower);
  if (tens !== undefined) return tens;
  const hyphen = lower.indexOf('-');
  if (hyphen > 0) {
    const t = TENS_MAP.get(lower.slice(0, hyphen));
    const u = UNIT_MAP.get(lower.slice(hyphen + 1));
    if (t !== undefined && u !== undefined && u >= 1 && u <= 9) return t + u;
  }
  return undefined;
}

const ORDINAL_MAP = new Map(Object.entries(ORDINALS));
/** "5th", "22nd" (made once: this is tried on most words, and a literal here would be a new object each time). */
const DIGIT_ORDINAL = /^(\d{1,4})(st|nd|rd|th)$/;

/** Value of a spelled or digit ordinal ("seventh", "twenty-first", "5th", "22nd"). */
export function ordinalValue(word: string): number | undefined {
  if (word.length < 3 || word.length > 16) return undefined;
  const lower = word.toLowerCase();
  const direct = ORDINAL_MAP.get(lower);
  if (direct !== undefined) return direct;
  const hyphen = lower.indexOf('-');
  if (hyphen > 0) {
    const t = TENS_MAP.get(lower.slice(0, hyphen));
    const o = ORDINAL_MAP.get(lower.slice(hyphen + 1));
    if (t !== undefined && o !== undefined && o <= 9) return t + o;
  }
  // only digits start one: most words need not be matched
  const match = isDigit(lower.charCodeAt(0)) ? DIGIT_ORDINAL.exec(lower) : null;
  if (match) {
    const n = +match[1]!;
    const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
    return suffix === match[2] ? n : undefined;
  }
  return undefined;
}

export interface SpelledNumber {
  readonly value: number;
  /** One past the last token used. */
  readonly end: number;
  /** Half a unit of the last place written ("three hundred" -> 50; "twenty-five" -> 0). */
  readonly precisionUnit: number;
}

/**
 * A spelled-out number starting at token `i`: "two", "twenty-five", "twenty five", "one hundred and twenty",
 * "three thousand", "a hundred", "a million", "a dozen", "two dozen", "half a dozen". At most 12 tokens.
 */
export function parseSpelled(tokens: readonly Token[], i: number): SpelledNumber | undefined {
  const word = (k: number) => (k < tokens.length && tokens[k]!.kind === 'word' ? tokens[k]!.text.toLowerCase() : '');
  let k = i;
  // "half a dozen", "a dozen", "two dozen"
  if (word(k) === 'half' && word(k + 1) === 'a' && word(k + 2) === 'dozen') return { value: 6, end: k + 3, precisionUnit: 0 };
  if ((word(k) === 'a' || word(k) === 'one') && word(k + 1) === 'dozen') return { value: 12, end: k + 2, precisionUnit: 0 };
  let total = 0;
  let current = 0;
  let any = false;
  let lastPlace = 1; // place value of the last word, for the written precision
  let lastKind: 'none' | 'unit' | 'tens' | 'hundred' | 'scale' = 'none';
  // "a hundred", "a thousand", "a million"
  if (word(k) === 'a' && (word(k + 1) === 'hundred' || SPELLED_SCALES[word(k + 1)] !== undefined)) {
    current = 1;
    any = true;
    lastKind = 'unit';
    k++;
  }
  const limit = Math.min(tokens.length, i + 12);
  while (k < limit) {
    const w = word(k);
    if (!w) break;
    const v = numberWordValue(w);
    if (v !== undefined) {
      // "twenty five" and "one hundred twenty" are one number; "two three" and "twenty thirty" are not
      const ok =
        !any || lastKind === 'none' || lastKind === 'hundred' || lastKind === 'scale' ||
        (lastKind === 'tens' && v >= 1 && v <= 9 && !w.includes('-'));
      if (!ok) break;
      current += v;
      any = true;
      lastKind = v >= 20 && v % 10 === 0 && !w.includes('-') ? 'tens' : 'unit';
      lastPlace = 1;
      k++;
      continue;
    }
    if (w === 'hundred' && any && (lastKind === 'unit' || lastKind === 'tens') && current > 0 && current < 100) {
      current *= 100;
      lastKind = 'hundred';
      lastPlace = 100;
      k++;
      continue;
    }
    const scale = SPELLED_SCALES[w];
    if (scale !== undefined && any && lastKind !== 'scale' && current > 0) {
      total += current * scale;
      current = 0;
      lastKind = 'scale';
      lastPlace = scale;
      k++;
      continue;
    }
    // "one hundred and twenty", "two thousand and five"
    if (w === 'and' && (lastKind === 'hundred' || lastKind === 'scale') && numberWordValue(word(k + 1)) !== undefined) {
      lastKind = 'none';
      k++;
      continue;
    }
    if (w === 'dozen' && any && lastKind === 'unit' && current > 0 && current < 20 && total === 0) {
      current *= 12;
      lastPlace = 1;
      k++;
      break;
    }
    break;
  }
  if (!any) return undefined;
  // a dangling "and" is not part of the number
  if (k > i && word(k - 1) === 'and') k--;
  const value = total + current;
  return { value, end: k, precisionUnit: lastPlace > 1 ? lastPlace / 2 : 0 };
}

/** Vague counts: "dozens", "hundreds", "thousands", "tens of thousands"... with an honest interval (see hedges.ts). */
export const VAGUE_COUNTS: Record<string, { low: number; high: number }> = {
  dozens: { low: 24, high: 199 },
  hundreds: { low: 200, high: 1999 },
  thousands: { low: 2000, high: 19999 },
  millions: { low: 2e6, high: 19999999 },
  billions: { low: 2e9, high: 19999999999 },
};
