// The analysis pipeline: text in, annotations out. Pure: no LSP, no VS Code, no file system, no clock.
import type { AnalysisOptions, ArticleAnalysis } from './types';
import { keepProse, maskMarkdown } from './markdown';
import { tokenize } from './tokenize';
import { splitSentences } from './sentences';
import { findArticleDate } from './dateline';
import { findDates } from './dates';
import { findFigures } from './figures';
import { findEntities, TaggerCache } from './entities';
import { findClaims } from './claims';

/**
 * What an analysis keeps for the next one, so that re-analysing a text after a small edit is quick: the entity
 * tagger's results per sentence, keyed by content. The result is always exactly that of an analysis without it.
 * Owned by the caller (one per thread), bounded in size, usable for any text.
 */
export class AnalysisCache {
  readonly entities: TaggerCache;

  constructor(options: { capacityTokens?: number } = {}) {
    this.entities = new TaggerCache(options.capacityTokens);
  }
}

export function analyze(text: string, options: AnalysisOptions = {}, cache?: AnalysisCache): ArticleAnalysis {
  // Markdown syntax, front matter and code are blanked out (same length, so offsets hold) rather than cut.
  const masked = options.markdown ? maskMarkdown(text) : { text, excluded: [] };
  const tokens = tokenize(masked.text);
  const sentences = splitSentences(tokens);
  const articleDate = findArticleDate(masked.text, tokens, sentences, options, masked.frontMatterDate);
  // a date, figure or name may not span masked markup (other than emphasis), and keeps the text as written
  const dates = keepProse(findDates(masked.text, tokens, sentences, articleDate, options), text, masked.excluded);
  const figures = keepProse(findFigures(masked.text, tokens, sentences, dates), text, masked.excluded);
  const entities = keepProse(findEntities(masked.text, tokens, sentences, dates, figures, cache?.entities), text, masked.excluded);
  const claims = findClaims(masked.text, tokens, sentences, { articleDate, dates, figures, entities });
  return { text, tokens, sentences, articleDate, dates, figures, entities, claims, excluded: masked.excluded };
}
