// The article's own date: front matter, a dateline in the first lines, or a "last modified" line.
import type { AnalysisOptions, ArticleDate, Sentence, Token } from './types';

export function findArticleDate(
  _text: string,
  _tokens: readonly Token[],
  _sentences: readonly Sentence[],
  _options: AnalysisOptions,
  frontMatterDate?: ArticleDate,
): ArticleDate | undefined {
  return frontMatterDate;
}
