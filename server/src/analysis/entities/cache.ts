// Incremental tagging: the tagger's work per sentence, kept between analyses of the same (or any) text, so that
// re-tagging a document after a small edit redoes only the sentences whose result can have changed. The tags and
// token information are exactly those of tagDocumentWithInfo (the unit tests compare them edit after edit).
//
// What a sentence's tags depend on (features.ts):
// - pass 1 (flags, lower-case hashes, sentence mode, clusters, gazetteer marks) reads the sentence's words only;
// - stage 1's features read the sentence's words and, per token, two things from the rest of the document: how the
//   headline or sentence-initial word is recased, and which casings its word has elsewhere (`documentContext`);
// - stage 2's features read stage 1's tags in the sentence and, per capitalised token, what stage 1 said about the
//   same word elsewhere (`labelContext`).
// So an entry is keyed by the sentence's words (joined, with their lengths kept to tell word lists apart); it keeps pass 1's values, stage 1's tags and stage 2's partial sums
// with the document context they were computed for, and stage 2's tags with the label context. The two
// document-wide statistics (casings, stage-1 labels) are kept for the last document and follow an edit: the sentences
// that left are taken out, the new ones put in. A sentence of the last document none of whose words' counts changed
// keeps its context codes as they are; any other sentence's codes are recomputed and compared, and only sentences
// whose words or codes differ are scored again. So the work of an edit grows with what it changed, not with the
// document's length.
import { allocateTokenInfo, CaseStats, documentContext, LabelStats, labelContext, prepareTokens, sentenceFeatures, SLOTS, STAGE1_SLOTS, stage2SentenceFeatures, type FeatureOptions, type TaggerDocument, type TokenInfo } from './features';
import type { NerModel } from './model';
import { GAZ_CATEGORIES } from './lexicon';
import { CHUNK_TOKENS, copyInfo, tagDocumentWithInfo } from './recognizer';
import { DecodeBuffers, decodeStage1Sentence, decodeStage2Sentence, type SharedWeights } from './tagger';
import { TAG_COUNT } from './tags';

interface SentenceEntry {
  /** Tokens in the sentence. */
  readonly n: number;
  /** The words' lengths: with the key (the words joined by U+0000), they give back the words exactly. */
  readonly lengths: Int32Array;
  /** Pass 1's values for the sentence alone, and the recasing and word forms of the last stage-1 run. */
  readonly info: TokenInfo;
  /** Document context codes stage 1 last ran with (valid1 false: never ran). */
  readonly context1: Uint8Array;
  valid1: boolean;
  readonly stage1: Int8Array;
  /** Stage 2's sums over the shared slots, n x TAG_COUNT. */
  readonly partial2: Float64Array;
  /** Label context codes stage 2 last ran with (valid2 false: not since stage 1 last ran). */
  readonly context2: Uint8Array;
  valid2: boolean;
  readonly stage2: Int8Array;
  /** The analysis that last used the entry. */
  used: number;
  /** How many times the statistics count the sentence (its occurrences in the last document). */
  counted: number;
  /** Its occurrences in the document being tagged (0 between documents). */
  occurrences: number;
  /** The analysis that last listed it among the sentences whose count changed. */
  listed: number;
}

/**
 * Default bound of a cache, in tokens of the sentences it keeps (beyond those of the latest document): about 330 bytes
 * a token, so about 4 MB: the document being edited and a few others.
 */
export const DEFAULT_CACHE_TOKENS = 12_000;

/**
 * Per-sentence tagger results, keyed by content (any document can use the cache; several documents share entries
 * for sentences they have in common). Bounded: after each document, the least recently used entries are dropped
 * until the entries hold at most `capacity` tokens, never those of the document just tagged. Owned by the caller
 * (one per thread); not safe to share between threads.
 */
export class TaggerCache {
  private readonly entries = new Map<string, SentenceEntry>();
  /** The sentences of the last document tagged, in order, and its casing and label statistics. */
  private previous: SentenceEntry[] = [];
  private caseStats = new CaseStats();
  private labels = new LabelStats();
  private model: NerModel | undefined;
  private generation = 0;
  private heldTokens = 0;
  private readonly buffers = new DecodeBuffers();
  private features = new Int32Array(0);
  private codes = new Uint8Array(0);
  /** Sentences scored again (stage 1, stage 2) and reused, in the last document: for tests and benchmarks. */
  readonly last = { stage1: 0, stage2: 0, reused: 0 };

  constructor(readonly capacity = DEFAULT_CACHE_TOKENS) {}

  /** Sentences held. */
  get size(): number {
    return this.entries.size;
  }

  /** Tokens in the sentences held. */
  get tokens(): number {
    return this.heldTokens;
  }

  clear(): void {
    this.entries.clear();
    this.heldTokens = 0;
    this.previous = [];
    this.caseStats = new CaseStats();
    this.labels = new LabelStats();
  }

  /** Same tags and token information as tagDocumentWithInfo(model, doc), reusing what the cache holds. */
  tag(model: NerModel, doc: TaggerDocument): { tags: Int8Array; info: TokenInfo } {
    // one-stage models and huge documents (tagged in chunks) take the ordinary path
    const weights = model.weights;
    if (weights.count !== 2 || doc.words.length > CHUNK_TOKENS) return tagDocumentWithInfo(model, doc);
    if (this.model !== model) {
      this.clear();
      this.model = model;
    }
    try {
      return this.tagWithCache(model, weights.shared, doc);
    } catch (error) {
      // the statistics may be half updated: start again from nothing next time
      this.clear();
      throw error;
    }
  }

  private tagWithCache(model: NerModel, weights: SharedWeights, doc: TaggerDocument): { tags: Int8Array; info: TokenInfo } {
    const generation = ++this.generation;
    const options: FeatureOptions = { recaseInitial: model.header.recaseInitial };
    const { words, bounds } = doc;
    const count = bounds.length - 1;
    const entries: SentenceEntry[] = [];
    const starts: number[] = [];
    const last = this.last;
    last.stage1 = last.stage2 = last.reused = 0;

    let longest = 0;
    for (let s = 0; s < count; s++) {
      const from = bounds[s]!;
      const to = bounds[s + 1]!;
      if (to <= from) continue;
      const entry = this.entry(model, words, from, to, generation);
      entry.occurrences++;
      entries.push(entry);
      starts.push(from);
      longest = Math.max(longest, entry.n);
    }
    if (this.codes.length < longest) this.codes = new Uint8Array(Math.max(longest, 256));
    if (this.features.length < longest * SLOTS) this.features = new Int32Array(Math.max(longest, 256) * SLOTS);
    const codes = this.codes;
    const features = this.features;

    // The statistics describe the previous document: they follow the sentences that left it or came (or now occur
    // more or fewer times). A word whose counts did not change reads the same from them as before.
    const changed: SentenceEntry[] = [];
    for (const entry of this.previous) if (entry.occurrences !== entry.counted && entry.listed !== generation) (entry.listed = generation), changed.push(entry);
    for (const entry of entries) if (entry.occurrences !== entry.counted && entry.listed !== generation) (entry.listed = generation), changed.push(entry);
    const caseStats = this.caseStats;
    const caseBefore = new KeySnapshot(caseCounts(caseStats));
    for (const entry of changed) {
      const by = entry.occurrences - entry.counted;
      for (let i = 0; i < entry.n; i++) {
        caseBefore.keep(entry.info.lower[i]!);
        caseStats.update(entry.info, i, by);
      }
    }
    const caseChanged = caseBefore.changedKeys();

    // stage 1 where a sentence's words or document context changed
    const labels = this.labels;
    const labelsBefore = new KeySnapshot(labelCounts(labels));
    for (let k = 0; k < entries.length; k++) {
      const entry = entries[k]!;
      const n = entry.n;
      // in the previous document, and none of its words' counts changed: its context codes are those it has
      if (entry.counted > 0 && entry.valid1 && !mentionsAny(entry, caseChanged)) continue;
      documentContext(entry.info, caseStats, 0, n, options, codes, 0);
      if (entry.valid1 && sameCodes(entry.context1, codes)) continue;
      // its stage-1 tags change: so does what the label statistics hold of them
      if (entry.counted > 0) countLabels(labels, labelsBefore, entry, -entry.counted);
      features.fill(-1, 0, n * SLOTS);
      const from = starts[k]!;
      sentenceFeatures(words.slice(from, from + n), entry.info, 0, n, model.bits, features, caseStats, options);
      decodeStage1Sentence(features, SLOTS, STAGE1_SLOTS, 0, n, weights, entry.stage1, entry.partial2, this.buffers);
      if (entry.counted > 0) countLabels(labels, labelsBefore, entry, entry.counted);
      entry.context1.set(codes.subarray(0, n));
      entry.valid1 = true;
      entry.valid2 = false;
      last.stage1++;
    }

    // stage 2 where stage 1's tags or what stage 1 said about the sentence's words elsewhere changed
    for (const entry of changed) countLabels(labels, labelsBefore, entry, entry.occurrences - entry.counted);
    const labelsChanged = labelsBefore.changedKeys();
    const shift = 32 - model.bits;
    for (const entry of entries) {
      const n = entry.n;
      if (entry.counted > 0 && entry.valid2 && !mentionsAny(entry, labelsChanged)) {
        last.reused++;
        continue;
      }
      labelContext(entry.info, entry.stage1, labels, 0, n, codes, 0);
      if (entry.valid2 && sameCodes(entry.context2, codes)) {
        last.reused++;
        continue;
      }
      stage2SentenceFeatures(features, entry.info, shift, entry.stage1, 0, n, labels);
      decodeStage2Sentence(features, SLOTS, STAGE1_SLOTS, 0, n, weights, entry.partial2, entry.stage2, this.buffers);
      entry.context2.set(codes.subarray(0, n));
      entry.valid2 = true;
      last.stage2++;
    }

    // the statistics now describe this document
    for (const entry of changed) entry.counted = entry.occurrences;
    for (const entry of entries) entry.occurrences = 0;
    this.previous = entries;

    // the document's tags and token information, sentence by sentence
    const tags = new Int8Array(words.length);
    const info = allocateTokenInfo(words.length);
    for (let k = 0; k < entries.length; k++) {
      const entry = entries[k]!;
      tags.set(entry.stage2, starts[k]!);
      copyInfo(entry.info, info, starts[k]!);
    }
    this.evict(generation);
    return { tags, info };
  }

  /** The entry of the sentence words[from, to), created (pass 1) when there is none; marked as the latest used. */
  private entry(model: NerModel, words: readonly string[], from: number, to: number, generation: number): SentenceEntry {
    const key = words.slice(from, to).join('\u0000');
    let entry = this.entries.get(key);
    if (entry && !sameLengths(entry.lengths, words, from)) {
      // other words that join to the same key (a word holding U+0000): this sentence takes the entry's place
      this.entries.delete(key);
      this.heldTokens -= entry.n;
      entry = undefined;
    }
    if (entry) {
      if (entry.used !== generation) {
        // to the end of the map's order: the map iterates least recently used first
        this.entries.delete(key);
        this.entries.set(key, entry);
      }
    } else {
      const n = to - from;
      const sentence = words.slice(from, to);
      const arrays = packedArrays(n);
      for (let i = 0; i < n; i++) arrays.lengths[i] = sentence[i]!.length;
      entry = {
        n,
        lengths: arrays.lengths,
        info: prepareTokens({ words: sentence, bounds: [0, n] }, model.lexicon, arrays.info),
        context1: arrays.context1,
        valid1: false,
        stage1: arrays.stage1,
        partial2: arrays.partial2,
        context2: arrays.context2,
        valid2: false,
        stage2: arrays.stage2,
        used: generation,
        counted: 0,
        occurrences: 0,
        listed: 0,
      };
      this.entries.set(key, entry);
      this.heldTokens += n;
    }
    entry.used = generation;
    return entry;
  }

  private evict(generation: number): void {
    if (this.heldTokens <= this.capacity) return;
    for (const [key, entry] of this.entries) {
      // entries of the latest document are last in the order, and kept
      if (this.heldTokens <= this.capacity || entry.used === generation) break;
      this.entries.delete(key);
      this.heldTokens -= entry.n;
    }
  }
}

/** Whether words[from ..] have the lengths an entry recorded (with the same key, they are then the same words). */
function sameLengths(lengths: Int32Array, words: readonly string[], from: number): boolean {
  for (let i = 0; i < lengths.length; i++) if (words[from + i]!.length !== lengths[i]) return false;
  return true;
}

function sameCodes(stored: Uint8Array, codes: Uint8Array): boolean {
  for (let i = 0; i < stored.length; i++) if (stored[i] !== codes[i]) return false;
  return true;
}

/** Whether any token of the sentence has one of `keys` as its lower-case hash. */
function mentionsAny(entry: SentenceEntry, keys: ReadonlySet<number>): boolean {
  if (keys.size === 0) return false;
  const lower = entry.info.lower;
  for (let i = 0; i < entry.n; i++) if (keys.has(lower[i]!)) return true;
  return false;
}

/** Adds (by > 0) or removes (by < 0) a sentence's stage-1 tags to or from the label statistics, `by` times. */
function countLabels(labels: LabelStats, before: KeySnapshot, entry: SentenceEntry, by: number): void {
  if (by === 0) return;
  for (let i = 0; i < entry.n; i++) {
    before.keep(entry.info.lower[i]!);
    labels.update(entry.info, entry.stage1, i, by);
  }
}

/** Counts per word (a document statistic) kept for the words about to change, to tell afterwards which did. */
class KeySnapshot {
  private readonly kept = new Map<number, readonly number[]>();
  constructor(private readonly read: (key: number) => readonly number[]) {}

  keep(key: number): void {
    if (!this.kept.has(key)) this.kept.set(key, this.read(key));
  }

  changedKeys(): Set<number> {
    const out = new Set<number>();
    for (const [key, before] of this.kept) {
      const now = this.read(key);
      if (now.some((count, k) => count !== before[k])) out.add(key);
    }
    return out;
  }
}

/** A word's casing counts elsewhere in the document (lower case, capitalised, all capitals). */
function caseCounts(stats: CaseStats): (key: number) => readonly number[] {
  return (key) => [stats.lower.get(key) ?? 0, stats.cap.get(key) ?? 0, stats.caps.get(key) ?? 0];
}

/** A word's counts of each label stage 1 gave it. */
function labelCounts(labels: LabelStats): (key: number) => readonly number[] {
  return (key) => {
    const c = labels.counts.get(key);
    return c ? [c[0]!, c[1]!, c[2]!, c[3]!, c[4]!] : [0, 0, 0, 0, 0];
  };
}

/**
 * An entry's arrays, all in one buffer (one allocation instead of seventeen: a sentence's arrays are small, and each
 * buffer of its own costs more than its contents). Float64 first, then 32-bit, then bytes, so each view is aligned.
 */
function packedArrays(n: number) {
  const C = GAZ_CATEGORIES.length;
  const buffer = new ArrayBuffer(n * (TAG_COUNT * 8 + 15 * 4 + C + 5));
  let at = 0;
  const f64 = (length: number) => {
    const view = new Float64Array(buffer, at, length);
    at += length * 8;
    return view;
  };
  const i32 = (length: number) => {
    const view = new Int32Array(buffer, at, length);
    at += length * 4;
    return view;
  };
  const u8 = (length: number) => {
    const view = new Uint8Array(buffer, at, length);
    at += length;
    return view;
  };
  const partial2 = f64(n * TAG_COUNT);
  const info: TokenInfo = {
    n,
    lower: i32(n),
    flags: i32(n),
    word: i32(n),
    shape: i32(n),
    shortShape: i32(n),
    origShape: i32(n),
    affix: i32(n * 7),
    cluster: i32(n),
    recase: u8(n),
    gaz: u8(n * C),
  };
  const lengths = i32(n);
  const stage1 = new Int8Array(buffer, at, n);
  at += n;
  const stage2 = new Int8Array(buffer, at, n);
  at += n;
  return { partial2, info, lengths, stage1, stage2, context1: u8(n), context2: u8(n) };
}
