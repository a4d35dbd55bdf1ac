// Runs the trained model over a document: stage 1, then (when the model has one) stage 2, which also sees
// what stage 1 said about the same words elsewhere in the document.
import { addStage2Features, allocateTokenInfo, extractFeatures, prepareTokens, SLOTS, STAGE1_SLOTS, type FeatureOptions, type TaggerDocument, type TokenInfo } from './features';
import { GAZ_CATEGORIES } from './lexicon';
import type { NerModel } from './model';
import { decodeDocument, decodeTwoStages } from './tagger';

export function tagDocument(model: NerModel, doc: TaggerDocument, options: FeatureOptions = {}): Int8Array {
  return tagDocumentWithInfo(model, doc, options).tags;
}

/** Documents longer than this are tagged in sentence-aligned chunks of about this size (bounded memory). */
export const CHUNK_TOKENS = 50_000;

/** Tags, and the per-token information the clean-up stage reuses (flags, gazetteer marks, recasing). */
export function tagDocumentWithInfo(model: NerModel, doc: TaggerDocument, options: FeatureOptions = {}): { tags: Int8Array; info: TokenInfo } {
  if (doc.words.length <= CHUNK_TOKENS) return tagWhole(model, doc, options);
  // A huge input (a 10 MB file): each chunk is its own document for the document-level evidence, and the
  // feature array never holds more than a chunk.
  const n = doc.words.length;
  const tags = new Int8Array(n);
  let merged: TokenInfo | undefined;
  const bounds = doc.bounds;
  let s0 = 0;
  while (s0 + 1 < bounds.length) {
    let s1 = s0 + 1;
    while (s1 + 1 < bounds.length && bounds[s1 + 1]! - bounds[s0]! <= CHUNK_TOKENS) s1++;
    const from = bounds[s0]!;
    const to = bounds[s1]!;
    const chunkBounds: number[] = [];
    for (let s = s0; s <= s1; s++) chunkBounds.push(bounds[s]! - from);
    const part = tagWhole(model, { words: doc.words.slice(from, to), bounds: chunkBounds }, options);
    tags.set(part.tags, from);
    merged ??= allocateTokenInfo(n);
    copyInfo(part.info, merged, from);
    s0 = s1;
  }
  return { tags, info: merged ?? allocateTokenInfo(0) };
}

export function copyInfo(from: TokenInfo, to: TokenInfo, at: number): void {
  to.lower.set(from.lower, at);
  to.flags.set(from.flags, at);
  to.recase.set(from.recase, at);
  to.word.set(from.word, at);
  to.shape.set(from.shape, at);
  to.shortShape.set(from.shortShape, at);
  to.origShape.set(from.origShape, at);
  to.affix.set(from.affix, at * 7);
  to.cluster.set(from.cluster, at);
  to.gaz.set(from.gaz, at * GAZ_CATEGORIES.length);
}

function tagWhole(model: NerModel, doc: TaggerDocument, options: FeatureOptions): { tags: Int8Array; info: TokenInfo } {
  const opts: FeatureOptions = { recaseInitial: model.header.recaseInitial, ...options };
  const info = prepareTokens(doc, model.lexicon);
  const features = extractFeatures(doc, model.lexicon, model.bits, opts, info);
  const weights = model.weights;
  if (weights.count === 1) {
    const tags = new Int8Array(doc.words.length);
    decodeDocument(features, SLOTS, doc.bounds, weights.stage, tags);
    return { tags, info };
  }
  const stage2 = decodeTwoStages(features, SLOTS, STAGE1_SLOTS, doc.bounds, weights.shared, (stage1) =>
    addStage2Features(features, doc, info, model.bits, stage1, opts),
  );
  return { tags: stage2, info };
}
