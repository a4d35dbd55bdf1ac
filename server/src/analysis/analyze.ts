// The analysis pipeline: text in, annotations out. Pure: no LSP, no VS Code, no file system, no clock.
import type { AnalysisOptions, ArticleAnalysis } from './types';
import { keepProse, maskMarkdown } from './markdown';
import { tokenize } from './tokenize';
import { splitSentences } from './sentences';
import { findArticleDate } from './dateline';
import { findDates } from './dates';
import { findFigures } from './figures';
import { findEntities } from './entities';
import { findClaims } from './claims';

export function analyze(text: string, options: AnalysisOptions = {}): ArticleAnalysis {
  // Markdown syntax, front matter and code are blanked out (same length, so offsets hold) rather than cut.
  const masked = options.markdown ? maskMarkdown(text) : { text, excluded: [] };
  const tokens = tokenize(masked.text);
  const sentences = splitSentences(tokens);
  const articleDate = findArticleDate(masked.text, tokens, sentences, options, masked.frontMatterDate);
  // a date, figure or name may not span masked markup (other than emphasis), and keeps the text as written
  const dates = keepProse(findDates(masked.text, tokens, sentences, articleDate, options), text, masked.excluded);
  const figures = keepProse(findFigures(masked.text, tokens, sentences, dates), text, masked.excluded);
  const entities = keepProse(findEntities(masked.text, tokens, sentences, dates, figures), text, masked.excluded);
  const claims = findClaims(masked.text, tokens, sentences, { articleDate, dates, figures, entities });
  return { text, tokens, sentences, articleDate, dates, figures, entities, claims, excluded: masked.excluded };
}
