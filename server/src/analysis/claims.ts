// Claims: what each figure states, about what, when, and on whose authority. Filled in by the consistency work.
import type { ArticleDate, Claim, DateMention, EntityMention, Figure, Sentence, Token } from './types';

export interface ClaimInputs {
  readonly articleDate?: ArticleDate;
  readonly dates: readonly DateMention[];
  readonly figures: readonly Figure[];
  readonly entities: readonly EntityMention[];
}

export function findClaims(
  _text: string,
  _tokens: readonly Token[],
  _sentences: readonly Sentence[],
  _inputs: ClaimInputs,
): Claim[] {
  return [];
}
