// Figures: counts, amounts, percentages, measures, durations; hedges turn values into intervals.
import type { DateMention, Figure, Sentence, Token } from './types';

export function findFigures(
  _text: string,
  _tokens: readonly Token[],
  _sentences: readonly Sentence[],
  _dates: readonly DateMention[],
): Figure[] {
  return [];
}
