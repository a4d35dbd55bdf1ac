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
  const head = `**Date** · ${date.value.iso}${weekday ? ` (${weekday})` : ''}`;
  return `${head}\n\n${quote(date.text)}: ${date.explanation}`;
}

/** "some 4,300 -> about 4,300 people (hedge: some)" */
export function figureSummary(figure: Figure): string {
  const value = figure.range
    ? `${formatNumber(figure.range.low)} to ${formatNumber(figure.range.high)}`
    : formatNumber(figure.value);
  const qualifier: Record<Figure['hedgeKind'], string> = {
    approximate: 'about ',
    'at-least': 'at least ',
    'at-most': 'at most ',
    exact: '',
  };
  const unit = figure.kind === 'percent' ? '%' : figure.unit ? ` ${figure.unit}` : '';
  const counted = figure.counted ? ` ${figure.counted}` : '';
  const hedge = figure.hedge ? ` (hedge: ${figure.hedge})` : '';
  return `${qualifier[figure.hedgeKind]}${value}${unit}${counted}${hedge}`;
}

export function describeFigure(figure: Figure, analysis?: ArticleAnalysis): string {
  const lines = [`**Figure** · ${quote(figure.text)} → ${figureSummary(figure)}`, ''];
  const interval =
    figure.low === figure.high ? formatNumber(figure.low) : `${formatNumber(figure.low)} to ${formatNumber(figure.high)}`;
  lines.push(`Kind: ${figure.kind}${figure.unit ? ` · unit: ${figure.unit}` : ''} · value allowed by the text: ${interval}`);
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
