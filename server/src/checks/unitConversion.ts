// Unit conversion: a measure restated in other units ("27,000 square kilometers (10,425 square miles)", "75
// kilometres, or about 47 miles") that does not match beyond rounding. Each side may be off by half a unit of its
// last written place (plus its hedge), and a conversion factor may be rounded by 2%. Tons and gallons have two
// common definitions: either will do. Currencies are checked only against each other: when an article converts the
// same pair of currencies twice and the implied rates differ by more than half, the odd one is flagged.
import type { ArticleSummary, FigureSummary } from '../workspace/summary';
import type { Finding } from './types';
import { digitsWithin, formatNumber, roundingOf, writtenNumber } from './util';

/** Factors to a base unit per dimension (metres, square metres, kilograms, litres, metres per second). */
const FACTORS: Record<string, readonly number[]> = {
  km: [1000], m: [1], cm: [0.01], mm: [0.001], mi: [1609.344], nmi: [1852], ft: [0.3048], in: [0.0254], yd: [0.9144],
  km2: [1e6], mi2: [2589988.11], m2: [1], ft2: [0.09290304], ha: [1e4], acre: [4046.8564224],
  kg: [1], g: [0.001], mg: [1e-6], t: [1000], ton: [907.18474, 1016.0469088, 1000], lb: [0.45359237], oz: [0.028349523125],
  l: [1], ml: [0.001], gal: [3.785411784, 4.54609], bbl: [158.987294928], m3: [1000], ft3: [28.316846592], bcm: [1e12],
  'km/h': [1 / 3.6], mph: [0.44704], kn: [1852 / 3600], 'm/s': [1],
};

const UNIT_WORDS: Record<string, string> = {
  km: 'km', m: 'm', cm: 'cm', mm: 'mm', mi: 'miles', nmi: 'nautical miles', ft: 'feet', in: 'inches', yd: 'yards',
  km2: 'km²', mi2: 'square miles', m2: 'm²', ft2: 'square feet', ha: 'hectares', acre: 'acres', kg: 'kg', g: 'g',
  mg: 'mg', t: 'tonnes', ton: 'tons', lb: 'pounds', oz: 'ounces', l: 'litres', ml: 'ml', gal: 'gallons', bbl: 'barrels',
  m3: 'm³', ft3: 'cubic feet', bcm: 'bcm', 'km/h': 'km/h', mph: 'mph', kn: 'knots', 'm/s': 'm/s', C: '°C', F: '°F',
};

/** The interval a written side allows: its rounding, widened by its hedge ("about" 10%, "nearly" below). The
 *  converted side is taken as written (writers convert the number they wrote), the restated side as rounded. */
function sideInterval(figure: FigureSummary, restated: boolean): { low: number; high: number } {
  const r = restated ? roundingOf(figure) : 0;
  const v = figure.value;
  if (figure.range) return { low: figure.range.low - r, high: figure.range.high + r };
  switch (figure.hedgeKind) {
    case 'approximate':
      return { low: Math.min(figure.low, v - r), high: Math.max(figure.high, v + r) };
    case 'at-least':
      return { low: v - r, high: Infinity };
    case 'at-most':
      return { low: -Infinity, high: v + r };
    default:
      return { low: v - r, high: v + r };
  }
}

function toBase(value: number, unit: string, factor: number): number {
  if (unit === 'C') return value;
  if (unit === 'F') return ((value - 32) * 5) / 9;
  return value * factor;
}

function fromBase(value: number, unit: string, factor: number): number {
  if (unit === 'C') return value;
  if (unit === 'F') return (value * 9) / 5 + 32;
  return value / factor;
}

function factorsOf(unit: string): readonly number[] | undefined {
  if (unit === 'C' || unit === 'F') return [1];
  return FACTORS[unit];
}

const DIMENSION_OF: Record<string, string> = {};
for (const [dimension, units] of Object.entries({
  length: ['km', 'm', 'cm', 'mm', 'mi', 'nmi', 'ft', 'in', 'yd'],
  area: ['km2', 'mi2', 'm2', 'ft2', 'ha', 'acre'],
  mass: ['kg', 'g', 'mg', 't', 'ton', 'lb', 'oz'],
  volume: ['l', 'ml', 'gal', 'bbl', 'm3', 'ft3', 'bcm'],
  speed: ['km/h', 'mph', 'kn', 'm/s'],
  temperature: ['C', 'F'],
})) for (const unit of units) DIMENSION_OF[unit] = dimension;

/** The value in `toUnit` (one per definition of the units: tons and gallons have several), or undefined when the
 *  units measure different things. */
export function convert(value: number, fromUnit: string, toUnit: string): number[] | undefined {
  const fa = factorsOf(fromUnit);
  const fb = factorsOf(toUnit);
  if (!fa || !fb || DIMENSION_OF[fromUnit] !== DIMENSION_OF[toUnit]) return undefined;
  const out: number[] = [];
  for (const a of fa) for (const b of fb) out.push(fromBase(toBase(value, fromUnit, a), toUnit, b));
  return out;
}

const SLACK = 0.02;

/** Whether some reading of the two sides agrees, allowing rounding on each side and 2% on the factor. */
function agrees(original: FigureSummary, restated: FigureSummary): boolean {
  const a = sideInterval(original, false);
  const b = sideInterval(restated, true);
  const lows = convert(a.low, original.unit!, restated.unit!);
  const highs = convert(a.high, original.unit!, restated.unit!);
  if (!lows || !highs) return true;
  for (let i = 0; i < lows.length; i++) {
    let lo = Math.min(lows[i]!, highs[i]!);
    let hi = Math.max(lows[i]!, highs[i]!);
    const spread = restated.unit === 'C' || restated.unit === 'F' ? 1 : 0;
    lo = lo - Math.abs(lo) * SLACK - spread;
    hi = hi + Math.abs(hi) * SLACK + spread;
    if (lo <= b.high && b.low <= hi) return true;
  }
  return false;
}

/** The restated value as the text would write it: the same number of decimals, or rounded like the original. */
function written(value: number, like: FigureSummary): string {
  const w = writtenNumber(like.text);
  const decimals = w?.decimals ?? 0;
  if (decimals > 0) return formatNumber(value, decimals);
  const magnitude = Math.abs(value) >= 1000 ? 10 : 1;
  const rounded = Math.round(value / magnitude) * magnitude;
  return w?.grouped || rounded >= 10000 ? formatNumber(rounded) : String(rounded);
}

export function unitConversionFindings(uri: string, summary: ArticleSummary): Finding[] {
  const findings: Finding[] = [];
  const money: { original: FigureSummary; restated: FigureSummary; rate: number; pair: string }[] = [];
  summary.figures.forEach((restated) => {
    if (restated.conversionOf === undefined) return;
    const original = summary.figures[restated.conversionOf];
    if (!original || !original.unit || !restated.unit || original.unit === restated.unit) return;
    if (restated.kind === 'money') {
      if (original.value > 0 && restated.value > 0 && !original.range && !restated.range) {
        money.push({ original, restated, rate: restated.value / original.value, pair: `${original.unit}>${restated.unit}` });
      }
      return;
    }
    if (agrees(original, restated)) return;
    const expected = convert(original.value, original.unit, restated.unit)?.[0];
    if (expected === undefined) return;
    const shown = written(expected, restated);
    findings.push({
      check: 'unit-conversion',
      uri,
      at: restated,
      text: restated.text,
      message: `${original.text} is about ${shown} ${UNIT_WORDS[restated.unit] ?? restated.unit}, not ${restated.text}`,
      related: [{ uri, at: original, message: `the figure it converts: ${original.text}` }],
      fixes: /million|billion|thousand|bn\b|\dm\b|\dk\b/i.test(restated.text) ? [] : [{ title: `Use ${shown} (${original.text} converted)`, preferred: true, changes: [{ uri, at: digitsWithin(restated), newText: shown }] }],
    });
  });
  // currencies: the same pair converted at rates that differ grossly
  const byPair = new Map<string, typeof money>();
  for (const m of money) byPair.set(m.pair, [...(byPair.get(m.pair) ?? []), m]);
  for (const conversions of byPair.values()) {
    if (conversions.length < 2) continue;
    const rates = conversions.map((c) => c.rate).sort((a, b) => a - b);
    const median = rates[rates.length >> 1]!;
    for (const c of conversions) {
      const ratio = c.rate / median;
      if (ratio < 1.5 && ratio > 1 / 1.5) continue;
      const others = conversions.filter((o) => o !== c && o.rate / median < 1.5 && o.rate / median > 1 / 1.5);
      if (others.length === 0) continue;
      const factor = ratio > 1 ? ratio : 1 / ratio;
      const scale = [1e3, 1e6, 1e9].find((s) => factor > s / 1.5 && factor < s * 1.5);
      const how = scale
        ? `off by a factor of about ${scale === 1e3 ? 'a thousand' : scale === 1e6 ? 'a million' : 'a billion'} (a missing or wrong “m”, “bn” or “thousand”?)`
        : `a rate ${formatNumber(factor, 1)} times ${ratio > 1 ? 'higher' : 'lower'} than`;
      const others_ = others.map((o) => `${o.original.text} = ${o.restated.text}`).join('; ');
      findings.push({
        check: 'unit-conversion',
        uri,
        at: c.restated,
        text: c.restated.text,
        message: scale
          ? `${c.original.text} (${c.restated.text}) is ${how} against the article's other conversion${others.length === 1 ? '' : 's'} (${others_})`
          : `${c.original.text} (${c.restated.text}) is ${how} the article's other conversion${others.length === 1 ? '' : 's'} (${others_})`,
        related: others.map((o) => ({ uri, at: o.restated, message: `${o.original.text} = ${o.restated.text}` })),
        fixes: [],
      });
    }
  }
  return findings;
}
