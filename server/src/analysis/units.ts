// Units and currencies written around a number: "square kilometers", "km/h", "per cent", "dollars", "$", "US$".
// Canonical unit names are short and stable (checks compare them): km, m, mi, km2, mi2, ha, kg, t, lb, l, bbl, km/h,
// mph, C, F, year, month, percent, USD, GBP, EUR ...
import type { FigureDimension, Token } from './types';

export interface UnitSpec {
  readonly dimension: FigureDimension;
  readonly unit: string;
}

const u = (dimension: FigureDimension, unit: string): UnitSpec => ({ dimension, unit });

/** Units written after a number, as lower-case token sequences. Longest match wins. */
const AFTER: Array<[string[], UnitSpec]> = [];
function add(spec: UnitSpec, ...forms: string[]) {
  for (const form of forms) AFTER.push([form.split(' '), spec]);
}

// percentages
add(u('percent', 'percent'), 'percent', 'per cent', 'pct', '%', 'pc', 'per-cent');
add(u('percent', 'percentage-point'), 'percentage points', 'percentage point', 'points', 'point');
// length
add(u('length', 'km'), 'km', 'kms', 'kilometres', 'kilometers', 'kilometre', 'kilometer');
add(u('length', 'm'), 'metres', 'meters', 'metre', 'meter');
add(u('length', 'cm'), 'cm', 'centimetres', 'centimeters', 'centimetre', 'centimeter');
add(u('length', 'mm'), 'mm', 'millimetres', 'millimeters', 'millimetre', 'millimeter');
add(u('length', 'mi'), 'miles', 'mile');
add(u('length', 'nmi'), 'nautical miles', 'nautical mile');
add(u('length', 'ft'), 'feet', 'foot', 'ft');
add(u('length', 'in'), 'inches', 'inch');
add(u('length', 'yd'), 'yards', 'yard');
// area
add(u('area', 'km2'), 'square kilometres', 'square kilometers', 'square kilometre', 'square kilometer', 'sq km', 'sq. km', 'sq km.', 'km2', 'km ²', 'sqkm', 'square km');
add(u('area', 'mi2'), 'square miles', 'square mile', 'sq miles', 'sq mi', 'sq. miles', 'sq. mi');
add(u('area', 'm2'), 'square metres', 'square meters', 'square metre', 'square meter', 'sq m', 'm2', 'm ²');
add(u('area', 'ft2'), 'square feet', 'square foot', 'sq ft', 'sq. ft');
add(u('area', 'ha'), 'hectares', 'hectare', 'ha');
add(u('area', 'acre'), 'acres', 'acre');
// mass
add(u('mass', 'kg'), 'kg', 'kgs', 'kilograms', 'kilogrammes', 'kilogram', 'kilogramme', 'kilos', 'kilo');
add(u('mass', 'g'), 'grams', 'grammes', 'gram', 'gramme');
add(u('mass', 'mg'), 'mg', 'milligrams', 'milligram');
add(u('mass', 't'), 'tonnes', 'tonne', 'metric tons', 'metric ton', 'metric tonnes');
add(u('mass', 'ton'), 'tons', 'ton');
add(u('mass', 'lb'), 'lb', 'lbs', 'pounds', 'pound');
add(u('mass', 'oz'), 'oz', 'ounces', 'ounce');
// volume
add(u('volume', 'l'), 'litres', 'liters', 'litre', 'liter');
add(u('volume', 'ml'), 'ml', 'millilitres', 'milliliters');
add(u('volume', 'gal'), 'gallons', 'gallon');
add(u('volume', 'bbl'), 'barrels', 'barrel', 'bbl');
add(u('volume', 'm3'), 'cubic metres', 'cubic meters', 'cubic metre', 'cubic meter', 'm3');
add(u('volume', 'ft3'), 'cubic feet');
add(u('volume', 'bcm'), 'bcm', 'billion cubic metres', 'billion cubic meters');
// speed
add(u('speed', 'km/h'), 'km/h', 'km / h', 'kph', 'kmh', 'kilometres per hour', 'kilometers per hour', 'km per hour', 'kilometres an hour', 'kilometers an hour');
add(u('speed', 'mph'), 'mph', 'miles per hour', 'miles an hour');
add(u('speed', 'kn'), 'knots', 'knot');
add(u('speed', 'm/s'), 'm/s', 'm / s', 'metres per second', 'meters per second');
// temperature
add(u('temperature', 'C'), 'degrees celsius', 'degrees centigrade', 'degrees c', '° c', '°c', 'c', 'celsius');
add(u('temperature', 'F'), 'degrees fahrenheit', 'degrees f', '° f', '°f', 'fahrenheit');
// durations
add(u('duration', 'year'), 'years', 'year', 'yrs', 'yr');
add(u('duration', 'month'), 'months', 'month');
add(u('duration', 'week'), 'weeks', 'week');
add(u('duration', 'day'), 'days', 'day');
add(u('duration', 'hour'), 'hours', 'hour', 'hrs', 'hr');
add(u('duration', 'minute'), 'minutes', 'minute', 'mins');
add(u('duration', 'second'), 'seconds', 'second', 'secs');
add(u('duration', 'decade'), 'decades', 'decade');
add(u('duration', 'century'), 'centuries', 'century');
// money written after the number
add(u('money', 'USD'), 'dollars', 'dollar', 'us dollars', 'u.s. dollars', 'american dollars', 'usd');
add(u('money', 'EUR'), 'euros', 'euro', 'eur');
add(u('money', 'GBP'), 'pounds sterling', 'sterling', 'gbp');
add(u('money', 'RUB'), 'rubles', 'roubles', 'ruble', 'rouble', 'rub');
add(u('money', 'JPY'), 'yen', 'jpy');
add(u('money', 'CNY'), 'yuan', 'renminbi', 'cny', 'rmb');
add(u('money', 'INR'), 'rupees', 'rupee', 'inr');
add(u('money', 'CHF'), 'swiss francs', 'chf');
add(u('money', 'TRY'), 'lira', 'liras', 'turkish lira');
add(u('money', 'SAR'), 'riyals', 'riyal', 'saudi riyals');
add(u('money', 'AED'), 'dirhams', 'dirham');
add(u('money', 'ILS'), 'shekels', 'shekel');
add(u('money', 'SYP'), 'syrian pounds');
add(u('money', 'EGP'), 'egyptian pounds');
add(u('money', 'CAD'), 'canadian dollars');
add(u('money', 'AUD'), 'australian dollars');
add(u('money', 'HKD'), 'hong kong dollars');
add(u('money', 'KRW'), 'won', 'krw');
add(u('money', 'UAH'), 'hryvnias', 'hryvnia');
add(u('money', 'IDR'), 'rupiah', 'rupiahs');
add(u('money', 'PKR'), 'pakistani rupees');
add(u('money', 'NGN'), 'naira');
add(u('money', 'BRL'), 'reais', 'reals');
add(u('money', 'ZAR'), 'rand');
add(u('money', 'IRR'), 'rials', 'rial');
// magnitudes
add(u('magnitude', 'magnitude'), 'magnitude', 'on the richter scale');

AFTER.sort((a, b) => b[0].length - a[0].length);

/** Units that are only units when written right after a digit number ("5 km", not "five c"). */
const DIGITS_ONLY = new Set(['c', 'pc', 'ha', 'ft', 'mm', 'cm', 'km', 'kg', 'mg', 'g', 'oz', 'lb', 'lbs', 'ml', 'bbl', 'm3', 'm2', 'km2', 'kms', 'kgs', 'hrs', 'hr', 'yrs', 'yr', 'mins', 'secs', 'mph', 'kph', 'kmh', 'sqkm', 'point', 'points', 'won', 'rub', 'eur', 'usd', 'gbp', 'jpy', 'cny', 'inr', 'chf', 'krw', 'rmb', 'pct']);

export interface UnitMatch extends UnitSpec {
  /** One past the last token of the unit. */
  readonly end: number;
}

const lowerText = (token: Token | undefined) => (token ? token.text.toLowerCase() : '');

/** The unit written at token k (after a number), if any. `digits` says whether the number was written in digits. */
export function unitAt(tokens: readonly Token[], k: number, digits: boolean): UnitMatch | undefined {
  if (k >= tokens.length || tokens[k]!.breakBefore > 0) return undefined;
  const first = lowerText(tokens[k]);
  for (const [words, spec] of AFTER) {
    if (words[0] !== first) continue;
    let ok = true;
    for (let m = 1; m < words.length && ok; m++) {
      const token = tokens[k + m];
      ok = !!token && token.breakBefore === 0 && lowerText(token) === words[m];
    }
    if (!ok) continue;
    if (words.length === 1 && DIGITS_ONLY.has(words[0]!) && !digits) continue;
    // a lone "c" is Celsius only right after a degree sign or "degrees": handled by the '° c' and 'degrees c' forms
    if (words.length === 1 && (words[0] === 'c' || words[0] === 'point' || words[0] === 'points' || words[0] === 'won')) continue;
    return { ...spec, end: k + words.length };
  }
  return undefined;
}

/** Units glued to the digits or joined by a hyphen: "5km", "100mph", "85pc", "10-year", "100-metre", "5.6-magnitude". */
export function gluedUnit(suffix: string): UnitSpec | undefined {
  const s = suffix.toLowerCase();
  // "a three-point play", "3-point range": points of a game, not percentage points
  if (s === 'point' || s === 'points' || s === 'c') return undefined;
  for (const [words, spec] of AFTER) {
    if (words.length !== 1) continue;
    if (words[0] === s) return spec;
  }
  // singular forms used as compound adjectives: "10-year", "nine-month", "100-metre", "5-mile"
  const singular: Record<string, UnitSpec> = {
    year: u('duration', 'year'), month: u('duration', 'month'), week: u('duration', 'week'), day: u('duration', 'day'),
    hour: u('duration', 'hour'), minute: u('duration', 'minute'), second: u('duration', 'second'),
    decade: u('duration', 'decade'), century: u('duration', 'century'),
  };
  return singular[s];
}

/** Currency signs and codes written before a number ("$", "£", "US$", "€", "Rs", "USD"). */
const SIGNS: Record<string, string> = {
  $: 'USD', '£': 'GBP', '€': 'EUR', '¥': 'JPY', '₹': 'INR', '₽': 'RUB', '₩': 'KRW', '₺': 'TRY', '₪': 'ILS', '₴': 'UAH',
};
const SIGN_PREFIXES: Record<string, string> = { US: 'USD', 'U.S.': 'USD', A: 'AUD', AU: 'AUD', C: 'CAD', CA: 'CAD', HK: 'HKD', NZ: 'NZD', S: 'SGD', R: 'BRL', NT: 'TWD', Z: 'ZWL' };
const CODES = new Set(['USD', 'EUR', 'GBP', 'JPY', 'RUB', 'CNY', 'INR', 'CHF', 'CAD', 'AUD', 'TRY', 'SAR', 'AED', 'ILS', 'SYP', 'EGP', 'HKD', 'KRW', 'UAH', 'IRR', 'BRL', 'ZAR', 'NZD', 'SGD', 'SEK', 'NOK', 'DKK', 'PLN', 'MXN']);

export interface CurrencyMatch {
  readonly unit: string;
  /** First token of the currency. */
  readonly start: number;
}

/** The currency written just before the number at token k: "$450m", "US$3 billion", "£2bn", "EUR 3m", "Rs 500". */
export function currencyBefore(tokens: readonly Token[], k: number): CurrencyMatch | undefined {
  const prev = tokens[k - 1];
  if (!prev || tokens[k]!.breakBefore > 0) return undefined;
  const sign = SIGNS[prev.text];
  if (sign) {
    if (prev.text === '$') {
      const before = tokens[k - 2];
      if (before && !prev.spaceBefore && before.kind === 'word' && SIGN_PREFIXES[before.text]) {
        return { unit: SIGN_PREFIXES[before.text]!, start: k - 2 };
      }
    }
    return { unit: sign, start: k - 1 };
  }
  if (prev.kind === 'word' && CODES.has(prev.text)) return { unit: prev.text, start: k - 1 };
  if (prev.kind === 'word' && (prev.text === 'Rs' || prev.text === 'Rs.')) return { unit: 'INR', start: k - 1 };
  return undefined;
}
