// The tag set: BIO over four CoNLL types. MISC becomes the editor's `group` type.
import type { EntityType } from '../types';

export const ENTITY_KINDS = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** Tag index: 0 = O, then B-X = 1 + 2k, I-X = 2 + 2k for kind k. */
export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export const TAG_COUNT = TAGS.length;
export const O = 0;

export function tagIndex(tag: string): number {
  const i = (TAGS as readonly string[]).indexOf(tag);
  if (i < 0) throw new Error(`unknown tag ${tag}`);
  return i;
}

/** Kind index 0..3 of a tag, or -1 for O. */
export function kindOfTag(tag: number): number {
  return tag === 0 ? -1 : (tag - 1) >> 1;
}

export function isBegin(tag: number): boolean {
  return tag !== 0 && (tag & 1) === 1;
}

/** Whether `next` may follow `prev` in BIO (an I-X continues a B-X or I-X). `prev` -1 = sentence start. */
export function allowedTransition(prev: number, next: number): boolean {
  if (next === 0 || (next & 1) === 1) return true;
  return prev > 0 && kindOfTag(prev) === kindOfTag(next);
}

export const KIND_TO_TYPE: Readonly<Record<EntityKind, EntityType>> = {
  PER: 'person',
  ORG: 'organization',
  LOC: 'place',
  MISC: 'group',
};

export interface TagSpan {
  /** Token indices, end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly kind: number;
}

/** Entity spans of a tag sequence (a stray I-X starts a span, as conlleval reads it). */
export function spansOfTags(tags: ArrayLike<number>, from = 0, to = tags.length): TagSpan[] {
  const spans: TagSpan[] = [];
  let start = -1;
  let kind = -1;
  for (let i = from; i <= to; i++) {
    const tag = i < to ? tags[i]! : 0;
    const k = kindOfTag(tag);
    const continues = tag !== 0 && !isBegin(tag) && k === kind && start >= 0;
    if (start >= 0 && !continues) {
      spans.push({ start, end: i, kind });
      start = -1;
      kind = -1;
    }
    if (tag !== 0 && !continues) {
      start = i;
      kind = k;
    }
  }
  return spans;
}
