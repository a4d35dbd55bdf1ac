// Plain-words descriptions of annotations, as Markdown: the hover text and the CLI's explanations.
import type { ArticleAnalysis, DateMention, EntityMention, Figure } from '../analysis/types';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return value > 0 ? '∞' : value < 0 ? '-∞' : 'NaN';
  return numberFormat.format(value);
}

/** Weekday of an ISO day (YYYY-MM-DD), from the proleptic Gregorian calendar. */
function weekdayOfIso(iso: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return undefined;
  const day = new Date(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!)).getUTCDay();
  return WEEKDAYS[day];
}

function quote(text: string): string {
  return `“${text.replace(/\s+/g, ' ')}”`;
}

export function describeDate(date: DateMention): string {
  if (!date.value) {
    return `**Date** · unresolved\n\n${quote(date.text)}: ${date.explanation}`;
  }
  const weekday = date.value.precision === 'day' ? weekdayOfIso(date.value.iso) : undefined;
  const approximate = date.approximate ? ' (approximate)' : '';
  const head = `**Date** · ${date.value.iso}${weekday ? ` (${weekday})` : ''}${approximate}`;
  return `${head}\n\n${quote(date.text)}: ${date.explanation}`;
}

/** 4.8e9 -> "4.8 billion", 450e6 -> "450 million", 300000 -> "300,000". */
function compactNumber(value: number): string {
  const abs = Math.abs(value);
  for (const [scale, name] of [[1e12, 'trillion'], [1e9, 'billion'], [1e6, 'million']] as const) {
    if (abs >= scale) {
      const scaled = value / scale;
      if (Math.abs(scaled - Math.round(scaled * 1000) / 1000) < 1e-9) return `${formatNumber(Math.round(scaled * 1000) / 1000)} ${name}`;
    }
  }
  return formatNumber(value);
}

const UNIT_NAMES: Record<string, [string, string]> = {
  km2: ['km²', 'km²'], mi2: ['square mile', 'square miles'], m2: ['m²', 'm²'], ft2: ['square foot', 'square feet'],
  ha: ['hectare', 'hectares'], acre: ['acre', 'acres'], km: ['km', 'km'], m: ['metre', 'metres'], cm: ['cm', 'cm'],
  mm: ['mm', 'mm'], mi: ['mile', 'miles'], nmi: ['nautical mile', 'nautical miles'], ft: ['foot', 'feet'],
  in: ['inch', 'inches'], yd: ['yard', 'yards'], kg: ['kg', 'kg'], g: ['gram', 'grams'], mg: ['mg', 'mg'],
  t: ['tonne', 'tonnes'], ton: ['ton', 'tons'], lb: ['pound', 'pounds'], oz: ['ounce', 'ounces'], l: ['litre', 'litres'],
  ml: ['ml', 'ml'], gal: ['gallon', 'gallons'], bbl: ['barrel', 'barrels'], m3: ['m³', 'm³'], ft3: ['cubic foot', 'cubic feet'],
  bcm: ['billion m³', 'billion m³'], 'km/h': ['km/h', 'km/h'], mph: ['mph', 'mph'], kn: ['knot', 'knots'], 'm/s': ['m/s', 'm/s'],
  C: ['°C', '°C'], F: ['°F', '°F'], year: ['year', 'years'], month: ['month', 'months'], week: ['week', 'weeks'],
  day: ['day', 'days'], hour: ['hour', 'hours'], minute: ['minute', 'minutes'], second: ['second', 'seconds'],
  decade: ['decade', 'decades'], century: ['century', 'centuries'], 'percentage-point': ['percentage point', 'percentage points'],
};

function unitWords(unit: string, plural: boolean): string {
  const names = UNIT_NAMES[unit];
  return names ? names[plural ? 1 : 0] : unit;
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${formatNumber(n)}${suffix}`;
}

/** The quantity with its unit: "4,300", "85%", "27,000 km²", "450 million USD", "3 years", "7th year". */
function quantity(figure: Figure, low: number, high?: number): string {
  const number = high === undefined ? compactNumber(low) : `${compactNumber(low)} to ${compactNumber(high)}`;
  const plural = (high ?? low) !== 1;
  switch (figure.kind) {
    case 'percent':
      return figure.unit === 'percentage-point' ? `${number} ${unitWords(figure.unit, plural)}` : `${number}%`;
    case 'money':
      return `${number} ${figure.unit ?? ''}`.trimEnd();
    case 'ordinal':
      return high === undefined ? `${ordinal(low)} ${unitWords(figure.unit ?? '', false)}`.trimEnd() : number;
    case 'age':
      return `${number} ${unitWords(figure.unit ?? 'year', plural)} old`;
    case 'magnitude':
      return `magnitude ${number}`;
    case 'count':
      return number;
    default:
      return figure.unit ? `${number} ${unitWords(figure.unit, plural)}` : number;
  }
}

/** What the figure counts, joined to the quantity: "4,300 Russian military", "85% of territory", "49 years (deal)". */
function withCounted(figure: Figure, text: string): string {
  if (!figure.counted) return text;
  if (figure.kind === 'count') return `${text} ${figure.counted}`;
  if (figure.kind === 'percent') return `${text} of ${figure.counted}`;
  return `${text} (${figure.counted})`;
}

/** "some 4,300" -> "about 4,300 Russian military (hedge: some)" */
export function figureSummary(figure: Figure): string {
  if (figure.vague) {
    return withCounted(figure, `${quantity(figure, figure.low, figure.high)}`) + ` (vague: ${quote(figure.text)})`;
  }
  const qualifier: Record<Figure['hedgeKind'], string> = {
    approximate: 'about ',
    'at-least': 'at least ',
    'at-most': 'at most ',
    exact: '',
  };
  const amount = figure.range ? quantity(figure, figure.range.low, figure.range.high) : quantity(figure, figure.value);
  const hedge = figure.hedge ? ` (hedge: ${figure.hedge})` : '';
  return `${qualifier[figure.hedgeKind]}${withCounted(figure, amount)}${hedge}`;
}

/** The interval in words: "3,870 to 4,730", "35 or more", "up to 20". */
function intervalWords(figure: Figure): string {
  const f = (n: number) => compactNumber(n);
  if (figure.high === Infinity) return `${f(figure.low)} or more`;
  if (figure.hedgeKind === 'at-most' && (figure.low === 0 || figure.low === -Infinity)) return `up to ${f(figure.high)}`;
  if (figure.low === figure.high) return `exactly ${f(figure.low)}`;
  return `${f(figure.low)} to ${f(figure.high)}`;
}

/** Why the interval is what it is, in one line. */
function intervalReason(figure: Figure): string {
  if (figure.vague) return `${quote(figure.text)} is vague, so only a wide range is honest`;
  if (figure.hedgeKind === 'approximate') return `${quote(figure.hedge ?? '')} allows about 10% either way${figure.hedge === 'nearly' || figure.hedge === 'almost' ? ' (below the figure)' : ''}, or the rounding of the figure if that is wider`;
  if (figure.hedgeKind === 'at-least') return `${quote(figure.hedge ?? '')} sets a floor`;
  if (figure.hedgeKind === 'at-most') return `${quote(figure.hedge ?? '')} sets a ceiling`;
  if (figure.range) return 'a range, each end as precise as it is written';
  if (figure.low !== figure.high) return 'as precise as it is written: half its last written place either way, at most 5%';
  return 'written exactly';
}

export function describeFigure(figure: Figure, analysis?: ArticleAnalysis): string {
  const lines = [`**Figure** · ${quote(figure.text)} → ${figureSummary(figure)}`, ''];
  lines.push(`Kind: ${figure.kind}${figure.unit ? ` · unit: ${figure.unit}` : ''}${figure.counted ? ` · counts: ${figure.counted}` : ''}`, '');
  lines.push(`Value allowed by the text: ${intervalWords(figure)} (${intervalReason(figure)}).`);
  if (figure.conversionOf !== undefined && analysis) {
    const original = analysis.figures[figure.conversionOf];
    if (original) lines.push('', `Restates ${quote(original.text)} in other units.`);
  }
  return lines.join('\n');
}

const TYPE_NAMES: Record<EntityMention['type'], string> = {
  person: 'Person',
  organization: 'Organisation',
  place: 'Place',
  group: 'Group (nationality, people or other)',
};

export function entityTypeName(type: EntityMention['type']): string {
  return TYPE_NAMES[type];
}

export function describeEntity(entity: EntityMention, analysis: ArticleAnalysis): string {
  const key = entity.text.toLowerCase();
  const mentions = analysis.entities.filter((e) => e.text.toLowerCase() === key).length;
  const lines = [`**${TYPE_NAMES[entity.type]}** · ${entity.text}`, ''];
  if (entity.title) lines.push(`Title or role: ${entity.title}`, '');
  lines.push(`${mentions} mention${mentions === 1 ? '' : 's'} in this article`);
  return lines.join('\n');
}
