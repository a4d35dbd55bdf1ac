// Date mentions, absolute and relative, resolved against the article's own date.
import type { AnalysisOptions, ArticleDate, DateMention, Sentence, Token } from './types';

export function findDates(
  _text: string,
  _tokens: readonly Token[],
  _sentences: readonly Sentence[],
  _articleDate: ArticleDate | undefined,
  _options: AnalysisOptions,
): DateMention[] {
  return [];
}
