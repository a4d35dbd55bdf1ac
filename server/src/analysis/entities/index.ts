// Named entities: people, organisations, places and groups, from the trained sequence tagger.
import type { DateMention, EntityMention, Figure, Sentence, Token } from '../types';

export function findEntities(
  _text: string,
  _tokens: readonly Token[],
  _sentences: readonly Sentence[],
  _dates: readonly DateMention[],
  _figures: readonly Figure[],
): EntityMention[] {
  return [];
}
