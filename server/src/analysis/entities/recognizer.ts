// Runs the trained model over a document: stage 1, then (when the model has one) stage 2, which also sees
// what stage 1 said about the same words elsewhere in the document.
import { addStage2Features, extractFeatures, prepareTokens, SLOTS, type FeatureOptions, type TaggerDocument, type TokenInfo } from './features';
import type { NerModel } from './model';
import { DecodeBuffers, decodeDocument } from './tagger';

export function tagDocument(model: NerModel, doc: TaggerDocument, options: FeatureOptions = {}): Int8Array {
  return tagDocumentWithInfo(model, doc, options).tags;
}

/** Tags, and the per-token information the clean-up stage reuses (flags, gazetteer marks). */
export function tagDocumentWithInfo(model: NerModel, doc: TaggerDocument, options: FeatureOptions = {}): { tags: Int8Array; info: TokenInfo } {
  const opts: FeatureOptions = { recaseInitial: model.header.recaseInitial, ...options };
  const info = prepareTokens(doc, model.lexicon);
  const buffers = new DecodeBuffers();
  const tags = new Int8Array(doc.words.length);
  const features = extractFeatures(doc, model.lexicon, model.bits, opts, info);
  decodeDocument(features, SLOTS, doc.bounds, model.stages[0]!, tags, buffers);
  if (model.stages.length < 2) return { tags, info };
  addStage2Features(features, doc, info, model.bits, tags, opts);
  const stage2 = new Int8Array(doc.words.length);
  decodeDocument(features, SLOTS, doc.bounds, model.stages[1]!, stage2, buffers);
  return { tags: stage2, info };
}
