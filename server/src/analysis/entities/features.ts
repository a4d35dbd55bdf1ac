// Feature extraction for the entity tagger. Every feature is a 32-bit hash of a template id and the
// characters or hashes it looks at, turned into an offset into the weight table. Characters are hashed as they
// are scanned (no per-token string building), per-token values live in typed arrays, and the output is one
// Int32Array with SLOTS offsets per token (-1 where a template does not apply).
//
// Document context: a name spelled the same way is usually typed the same way throughout an article, and
// headlines in capitals or Title Case hide which words are names. So the extractor first gathers, over the
// document (the article, or a window of neighbouring sentences where the corpus has no document breaks), how
// each word is cased in ordinary running text, and recases headline words from that ("SOCCER - JAPAN GET
// LUCKY WIN" reads as "soccer - Japan get lucky win"). A second stage (optional) adds what the first stage
// said about the same word elsewhere in the document.
import { combine, FNV_OFFSET, fmix, fnv, foldChar, lowerChar } from './hash';
import { CLUSTER_LEVELS, GAZ_CATEGORIES, GAZ_MAX_TOKENS, GAZ_PREFIX_BIT, GAZ_SEED, gazStep, type Lexicon } from './lexicon';
import { kindOfTag, TAG_COUNT } from './tags';

export interface TaggerDocument {
  readonly words: readonly string[];
  /** Sentence boundaries in token indices: where each sentence starts, then `words.length`. */
  readonly bounds: ArrayLike<number>;
}

export interface FeatureOptions {
  /** Sentences either side that stand for the document (for corpora without document breaks); default: all. */
  readonly window?: number;
  /** Recase sentence-initial words from document evidence, as headline words are. */
  readonly recaseInitial?: boolean;
  /** Feature groups switched off (for ablation while training). */
  readonly disabled?: ReadonlySet<FeatureGroup>;
}

export type FeatureGroup = 'affix' | 'shape' | 'window' | 'cluster' | 'gazetteer' | 'document' | 'recase' | 'bigram';

// Token flags.
export const F_INITCAP = 1;
export const F_ALLCAPS = 2;
export const F_LOWER = 4;
export const F_DIGIT = 8;
export const F_ALNUM = 16;
export const F_INITIAL = 32;
export const F_COMMON = 64;
export const F_CAPSMODE = 128;
export const F_TITLEMODE = 256;
export const F_MIXED = 512;
export const F_LETTER = 1024;

// Recasing decisions.
const KEEP = 0;
const LOWER = 1;
const TITLE = 2;

/** Slots per token: fixed so the scorer is a flat loop. */
const GAZ_SLOTS = 6;
const BASE_SLOTS = 34;
const STAGE2_SLOTS = 5;
export const SLOTS = BASE_SLOTS + GAZ_SLOTS + STAGE2_SLOTS;
/** The slots stage 1 fills; stage 2 reads them too, and adds its own after them. */
export const STAGE1_SLOTS = BASE_SLOTS + GAZ_SLOTS;

// Template ids (any distinct constants; part of the model format).
const enum T {
  Bias = 1, Word, Lower, Shape, ShortShapePos, Pre2, Pre3, Pre4, Suf1, Suf2, Suf3, Suf4,
  PrevLower, NextLower, Prev2Lower, Next2Lower, PrevShape, NextShape, PrevBigram, NextBigram, ShapeTrigram,
  Flags, Cluster0, Cluster1, Cluster2, PrevCluster, NextCluster, Doc, PrevLowerShape, ShapeNextLower,
  Gaz, GazPrev, GazNext, Stage1, Stage1Prev, Stage1Next, Agg, AggShare, OrigShape, PrevWord, NextWord,
}

const BOS = 0x5b4f53ad | 0;
const EOS = 0x454f53d1 | 0;
const NONE = 0x6e6f6e65 | 0;
const BIAS = fmix(0x62696173);

/** Per-token values computed once per document. */
export interface TokenInfo {
  readonly n: number;
  readonly lower: Int32Array;
  readonly flags: Int32Array;
  /** Recasing decision per token (0 keep, 1 lower, 2 title). */
  readonly recase: Uint8Array;
  readonly word: Int32Array;
  readonly shape: Int32Array;
  readonly shortShape: Int32Array;
  readonly origShape: Int32Array;
  readonly affix: Int32Array; // 7 per token: pre2 pre3 pre4 suf1 suf2 suf3 suf4
  readonly cluster: Int32Array;
  /** Gazetteer position code per token and category: 0 none, 1 single, 2 begin, 3 inside, 4 last. */
  readonly gaz: Uint8Array;
}

function isUpper(c: number): boolean {
  return c < 128 ? c >= 65 && c <= 90 : isUpperBeyondAscii(c);
}

function isLowerLetter(c: number): boolean {
  return c < 128 ? c >= 97 && c <= 122 : isLowerBeyondAscii(c);
}

// The rare non-ASCII cases in functions of their own, so the ASCII tests above stay small enough to be inlined
// into the per-character loops.
function isUpperBeyondAscii(c: number): boolean {
  const s = String.fromCharCode(c);
  return s !== s.toLowerCase() && s === s.toUpperCase();
}

function isLowerBeyondAscii(c: number): boolean {
  const s = String.fromCharCode(c);
  return s !== s.toUpperCase() && s === s.toLowerCase();
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isLetter(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return isUpper(c) || isLowerLetter(c) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x370 && c <= 0x1fff);
}

/** Pass 1: lower-case hash and flags of one word. */
function scanWord(w: string): { lower: number; flags: number } {
  let h = FNV_OFFSET;
  let upper = 0;
  let lower = 0;
  let digits = 0;
  let innerUpper = false;
  for (let i = 0; i < w.length; i++) {
    const c = foldChar(w.charCodeAt(i));
    if (isUpper(c)) {
      upper++;
      if (i > 0) innerUpper = true;
    } else if (isLowerLetter(c)) lower++;
    else if (isDigit(c)) digits++;
    h = fnv(h, lowerChar(c));
  }
  const first = foldChar(w.charCodeAt(0));
  let flags = 0;
  if (isUpper(first)) flags |= F_INITCAP;
  else if (isLowerLetter(first)) flags |= F_LOWER;
  if (upper + lower > 0) flags |= F_LETTER;
  if (upper >= 1 && lower === 0 && (upper >= 2 || w.length === 1)) flags |= F_ALLCAPS;
  if (digits > 0) flags |= F_DIGIT;
  if (upper + lower + digits > 0) flags |= F_ALNUM;
  if (innerUpper && lower > 0) flags |= F_MIXED;
  return { lower: fmix(h), flags };
}

const SHORT_FUNCTION_WORDS = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'as', 'vs', 'v', 'de', 'la', 'el', 'al']);

/** Class of a character for word shapes. */
function shapeClass(c: number): number {
  if (isUpper(c)) return 88; // X
  if (isLowerLetter(c)) return 120; // x
  if (isDigit(c)) return 100; // d
  return c;
}

/** Pass 2: word, shape and affix hashes of one word, as recased. */
function scanForms(w: string, recase: number, out: TokenInfo, i: number): void {
  let word = FNV_OFFSET;
  let shape = FNV_OFFSET;
  let short = FNV_OFFSET;
  let orig = FNV_OFFSET;
  let low = FNV_OFFSET;
  let prevClass = -1;
  let run = 0;
  let prevOrigClass = -1;
  let origRun = 0;
  const len = w.length;
  const a = i * 7;
  for (let j = 0; j < len; j++) {
    const raw = foldChar(w.charCodeAt(j));
    const lc = lowerChar(raw);
    let c = raw;
    if (recase === LOWER || (recase === TITLE && j > 0)) c = lc;
    else if (recase === TITLE && j === 0) c = String.fromCharCode(raw).toUpperCase().charCodeAt(0);
    word = fnv(word, c);
    low = fnv(low, lc);
    if (j === 1) out.affix[a] = fmix(low); // pre2 (filled again below if the word is shorter)
    else if (j === 2) out.affix[a + 1] = fmix(low);
    else if (j === 3) out.affix[a + 2] = fmix(low);
    const cls = shapeClass(c);
    if (cls === prevClass) run++;
    else run = 1;
    if (run <= 3) shape = fnv(shape, cls);
    if (run === 1) short = fnv(short, cls);
    prevClass = cls;
    const ocls = shapeClass(raw);
    if (ocls === prevOrigClass) origRun++;
    else origRun = 1;
    if (origRun === 1) orig = fnv(orig, ocls);
    prevOrigClass = ocls;
  }
  const whole = fmix(low);
  if (len < 2) out.affix[a] = whole;
  if (len < 3) out.affix[a + 1] = whole;
  if (len < 4) out.affix[a + 2] = whole;
  let suf = FNV_OFFSET ^ 0x5f;
  for (let k = 0; k < 4; k++) {
    const j = len - 1 - k;
    if (j >= 0) suf = fnv(suf, lowerChar(foldChar(w.charCodeAt(j))));
    out.affix[a + 3 + k] = fmix(suf);
  }
  out.word[i] = fmix(word);
  out.shape[i] = fmix(shape);
  out.shortShape[i] = fmix(short);
  out.origShape[i] = fmix(orig);
}

/** Counts of how a word is cased in ordinary running text, over the current document window. */
export class CaseStats {
  readonly lower = new Map<number, number>();
  readonly cap = new Map<number, number>();
  readonly caps = new Map<number, number>();

  private bump(map: Map<number, number>, key: number, by: number): void {
    const v = (map.get(key) ?? 0) + by;
    if (v === 0) map.delete(key);
    else map.set(key, v);
  }

  /** Adds (by = 1) or removes (by = -1) one token's evidence. */
  update(info: TokenInfo, i: number, by: number): void {
    const f = info.flags[i]!;
    if ((f & (F_CAPSMODE | F_TITLEMODE)) !== 0 || (f & F_LETTER) === 0) return;
    const key = info.lower[i]!;
    if (f & F_LOWER) this.bump(this.lower, key, by);
    else if ((f & F_INITIAL) === 0) {
      if (f & F_ALLCAPS) this.bump(this.caps, key, by);
      else if (f & F_INITCAP) this.bump(this.cap, key, by);
    }
  }

  /** Counts excluding the token's own evidence, left in `nLower`, `nCap`, `nCaps` (no allocation). */
  nLower = 0;
  nCap = 0;
  nCaps = 0;
  count(info: TokenInfo, i: number): void {
    const key = info.lower[i]!;
    let lower = this.lower.get(key) ?? 0;
    let cap = this.cap.get(key) ?? 0;
    let caps = this.caps.get(key) ?? 0;
    const f = info.flags[i]!;
    if ((f & (F_CAPSMODE | F_TITLEMODE)) === 0 && (f & F_LETTER) !== 0) {
      if (f & F_LOWER) lower--;
      else if ((f & F_INITIAL) === 0) {
        if (f & F_ALLCAPS) caps--;
        else if (f & F_INITCAP) cap--;
      }
    }
    this.nLower = lower;
    this.nCap = cap;
    this.nCaps = caps;
  }
}

/** What stage 1 said about each capitalised word over the document window: counts per kind (0-3) and O (4). */
export class LabelStats {
  readonly counts = new Map<number, Int32Array>();

  update(info: TokenInfo, stage1: ArrayLike<number>, i: number, by: number): void {
    const f = info.flags[i]!;
    if ((f & (F_INITCAP | F_ALLCAPS)) === 0 || (f & F_LETTER) === 0) return;
    const key = info.lower[i]!;
    let c = this.counts.get(key);
    if (!c) {
      c = new Int32Array(5);
      this.counts.set(key, c);
    }
    const k = kindOfTag(stage1[i]!);
    c[k < 0 ? 4 : k]! += by;
  }
}

function sentenceModes(info: TokenInfo, lexicon: Lexicon, from: number, to: number, words: readonly string[]): number {
  let letterWords = 0;
  let capsWords = 0;
  let content = 0;
  let contentCap = 0;
  let contentLower = 0;
  let functionCap = 0;
  let first = true;
  for (let i = from; i < to; i++) {
    const f = info.flags[i]!;
    if ((f & F_ALNUM) !== 0) {
      if (first) info.flags[i] = f | F_INITIAL;
      first = false;
    }
    if ((f & F_LETTER) === 0) continue;
    const w = words[i]!;
    if (w.length >= 2 || (f & F_ALLCAPS) === 0) letterWords++;
    if ((f & F_ALLCAPS) !== 0 && w.length >= 2) capsWords++;
    if (!SHORT_FUNCTION_WORDS.has(w.toLowerCase())) {
      content++;
      if (f & F_INITCAP) contentCap++;
      else contentLower++;
    } else if ((f & F_INITCAP) !== 0 && (info.flags[i]! & F_INITIAL) === 0 && w.length >= 2) functionCap++;
  }
  void lexicon;
  if (letterWords >= 2 && capsWords >= 2 && capsWords / letterWords >= 0.8) return F_CAPSMODE;
  // Title Case headlines capitalise their small words too ("Plans To Keep Bases In Syria"); lists of names
  // (sports results, line-ups) do not, and are left alone.
  if (content >= 3 && contentLower === 0 && contentCap === content && functionCap > 0) return F_TITLEMODE;
  return 0;
}

/** Per-token arrays for n tokens, all zero. */
export function allocateTokenInfo(n: number): TokenInfo {
  return {
    n,
    lower: new Int32Array(n),
    flags: new Int32Array(n),
    recase: new Uint8Array(n),
    word: new Int32Array(n),
    shape: new Int32Array(n),
    shortShape: new Int32Array(n),
    origShape: new Int32Array(n),
    affix: new Int32Array(n * 7),
    cluster: new Int32Array(n),
    gaz: new Uint8Array(n * GAZ_CATEGORIES.length),
  };
}

/** Pass 1 over a document: flags, lower-case hashes, sentence modes, clusters and gazetteer matches. */
export function prepareTokens(doc: TaggerDocument, lexicon: Lexicon, into?: TokenInfo): TokenInfo {
  const n = doc.words.length;
  // `into`: arrays of n zeros to fill (the tagger cache packs an entry's arrays into one buffer)
  const info = into ?? allocateTokenInfo(n);
  for (let i = 0; i < n; i++) {
    const s = scanWord(doc.words[i]!);
    info.lower[i] = s.lower;
    let f = s.flags;
    if (lexicon.common.get(s.lower, 0) === 1) f |= F_COMMON;
    info.flags[i] = f;
    info.cluster[i] = lexicon.clusters.get(s.lower, -1);
  }
  const bounds = doc.bounds;
  for (let s = 0; s + 1 < bounds.length; s++) {
    const from = bounds[s]!;
    const to = bounds[s + 1]!;
    const mode = sentenceModes(info, lexicon, from, to, doc.words);
    if (mode !== 0) for (let i = from; i < to; i++) info.flags[i]! |= mode;
    matchGazetteer(info, lexicon, from, to);
  }
  return info;
}

const C = GAZ_CATEGORIES.length;

/** Marks, per token and category, the longest gazetteer entry covering it. */
function matchGazetteer(info: TokenInfo, lexicon: Lexicon, from: number, to: number): void {
  const table = lexicon.gazetteer;
  if (table.size === 0) return;
  for (let i = from; i < to; i++) {
    const f = info.flags[i]!;
    if ((f & F_ALNUM) === 0) continue;
    let h = GAZ_SEED;
    const limit = Math.min(to, i + GAZ_MAX_TOKENS);
    for (let j = i; j < limit; j++) {
      h = gazStep(h, info.lower[j]!);
      const v = table.get(h, 0);
      if (v === 0) break;
      const cats = v & ~GAZ_PREFIX_BIT;
      if (cats !== 0) {
        const len = j - i + 1;
        for (let c = 0; c < C; c++) {
          if ((cats & (1 << c)) === 0) continue;
          for (let k = i; k <= j; k++) {
            const code = len === 1 ? 1 : k === i ? 2 : k === j ? 4 : 3;
            // a longer match wins: only overwrite a single-token mark or nothing
            const at = k * C + c;
            if (info.gaz[at] === 0 || len > 1) info.gaz[at] = code;
          }
        }
      }
      if ((v & GAZ_PREFIX_BIT) === 0) break;
    }
  }
}

/** How to recase token i (a headline word, or a sentence-initial one with `recaseInitial`) from the document's evidence. */
function recaseDecision(info: TokenInfo, stats: CaseStats, i: number, recaseInitial: boolean): number {
  const f = info.flags[i]!;
  if ((f & F_LETTER) === 0) return KEEP;
  const headline = (f & (F_CAPSMODE | F_TITLEMODE)) !== 0;
  const initial = (f & F_INITIAL) !== 0 && (f & F_INITCAP) !== 0;
  if (!headline && !(recaseInitial && initial)) return KEEP;
  stats.count(info, i);
  const lower = stats.nLower;
  const cap = stats.nCap;
  const caps = stats.nCaps;
  if (caps > 0 && caps >= cap && caps >= lower && (f & F_ALLCAPS) !== 0) return KEEP;
  if (cap > lower) return (f & F_ALLCAPS) !== 0 ? TITLE : KEEP;
  if (lower > 0) return LOWER;
  if ((f & F_COMMON) !== 0) return LOWER;
  return KEEP;
}

/** Decides how to recase each word of a headline (capitals or Title Case) from the document's evidence. */
function recaseSentence(info: TokenInfo, stats: CaseStats, from: number, to: number, recaseInitial: boolean): void {
  for (let i = from; i < to; i++) info.recase[i] = recaseDecision(info, stats, i, recaseInitial);
}

/** The casings of a letter token's word elsewhere in the document that its Doc feature reads (bits 1, 2, 4). */
function documentCasings(stats: CaseStats, info: TokenInfo, i: number): number {
  stats.count(info, i);
  return (stats.nLower > 0 ? 1 : 0) | (stats.nCap > 0 ? 2 : 0) | (stats.nCaps > 0 ? 4 : 0);
}

/**
 * Everything the stage-1 features of tokens [from, to) read from outside their sentence, one code per token
 * (written to out[at + i - from]): its recasing decision and the casings of its word elsewhere in the document.
 * Stage-1 features of a sentence are a function of its words and these codes (see TaggerCache).
 */
export function documentContext(info: TokenInfo, stats: CaseStats, from: number, to: number, options: FeatureOptions, out: Uint8Array, at: number): void {
  const recaseOn = !options.disabled?.has('recase');
  const documentOn = !options.disabled?.has('document');
  const recaseInitial = options.recaseInitial ?? false;
  for (let i = from; i < to; i++) {
    let code = recaseOn ? recaseDecision(info, stats, i, recaseInitial) : 0;
    if (documentOn && (info.flags[i]! & F_LETTER) !== 0) code |= documentCasings(stats, info, i) << 2;
    out[at + i - from] = code;
  }
}

/** Stage-1 features of the tokens of one sentence [from, to), given the document's casing statistics. */
export function sentenceFeatures(
  words: readonly string[],
  info: TokenInfo,
  from: number,
  to: number,
  bits: number,
  out: Int32Array,
  caseStats: CaseStats,
  options: FeatureOptions,
): void {
  if (!options.disabled?.has('recase')) recaseSentence(info, caseStats, from, to, options.recaseInitial ?? false);
  for (let i = from; i < to; i++) scanForms(words[i]!, info.recase[i]!, info, i);
  for (let i = from; i < to; i++) tokenFeatures(info, i, from, to, bits, out, caseStats, options.disabled);
}

/**
 * Extracts the features of a whole document: SLOTS weight offsets per token (-1 = none). The second-stage
 * slots stay empty; `addStage2Features` fills them in place once stage 1 has tagged the document.
 */
export function extractFeatures(
  doc: TaggerDocument,
  lexicon: Lexicon,
  bits: number,
  options: FeatureOptions = {},
  prepared?: TokenInfo,
): Int32Array {
  const info = prepared ?? prepareTokens(doc, lexicon);
  const n = info.n;
  const out = new Int32Array(n * SLOTS).fill(-1);
  const bounds = doc.bounds;
  const sentences = bounds.length - 1;
  const window = options.window ?? Number.MAX_SAFE_INTEGER;
  const caseStats = new CaseStats();
  // Sliding window [lo, hi] of sentences in the statistics.
  let lo = 0;
  let hi = -1;
  for (let s = 0; s < sentences; s++) {
    const wantLo = Math.max(0, s - window);
    const wantHi = Math.min(sentences - 1, s + Math.min(window, sentences));
    while (hi < wantHi) {
      hi++;
      for (let i = bounds[hi]!; i < bounds[hi + 1]!; i++) caseStats.update(info, i, 1);
    }
    while (lo < wantLo) {
      for (let i = bounds[lo]!; i < bounds[lo + 1]!; i++) caseStats.update(info, i, -1);
      lo++;
    }
    sentenceFeatures(doc.words, info, bounds[s]!, bounds[s + 1]!, bits, out, caseStats, options);
  }
  return out;
}

/**
 * Writes the second-stage slots into `features` (from extractFeatures on the same document): stage 1's tags
 * around the token, and what stage 1 said about the same word elsewhere in the document window.
 */
export function addStage2Features(
  features: Int32Array,
  doc: TaggerDocument,
  info: TokenInfo,
  bits: number,
  stage1: ArrayLike<number>,
  options: FeatureOptions = {},
): void {
  const bounds = doc.bounds;
  const sentences = bounds.length - 1;
  const window = options.window ?? Number.MAX_SAFE_INTEGER;
  const labels = new LabelStats();
  const shift = 32 - bits;
  let lo = 0;
  let hi = -1;
  for (let s = 0; s < sentences; s++) {
    const wantLo = Math.max(0, s - window);
    const wantHi = Math.min(sentences - 1, s + Math.min(window, sentences));
    while (hi < wantHi) {
      hi++;
      for (let i = bounds[hi]!; i < bounds[hi + 1]!; i++) labels.update(info, stage1, i, 1);
    }
    while (lo < wantLo) {
      for (let i = bounds[lo]!; i < bounds[lo + 1]!; i++) labels.update(info, stage1, i, -1);
      lo++;
    }
    stage2SentenceFeatures(features, info, shift, stage1, bounds[s]!, bounds[s + 1]!, labels);
  }
}

/** Stage 2's own slots for the tokens of one sentence [from, to): stage 1's tags around each, and `labels`. */
export function stage2SentenceFeatures(
  features: Int32Array,
  info: TokenInfo,
  shift: number,
  stage1: ArrayLike<number>,
  from: number,
  to: number,
  labels: LabelStats,
): void {
  for (let i = from; i < to; i++) {
    let k = i * SLOTS + STAGE1_SLOTS;
    const end = (i + 1) * SLOTS;
    for (let q = k; q < end; q++) features[q] = -1;
    const f = info.flags[i]!;
    const t = stage1[i]!;
    const pt = i > from ? stage1[i - 1]! : 15;
    const nt = i + 1 < to ? stage1[i + 1]! : 15;
    features[k++] = (combine(T.Stage1, t) >>> shift) * TAG_COUNT;
    features[k++] = (combine(T.Stage1Prev, pt * 16 + t) >>> shift) * TAG_COUNT;
    features[k++] = (combine(T.Stage1Next, t * 16 + nt) >>> shift) * TAG_COUNT;
    const evidence = labelEvidence(info, stage1, labels, i);
    if (evidence < 0) continue;
    if (evidence > 0) {
      const best = (evidence - 1) >> 2;
      const share = (evidence - 1) & 3;
      const where = ((f & F_INITIAL) !== 0 ? 1 : 0) + ((f & (F_CAPSMODE | F_TITLEMODE)) !== 0 ? 2 : 0);
      features[k++] = (combine(T.Agg, best * 4 + where) >>> shift) * TAG_COUNT;
      features[k++] = (combine(T.AggShare, best * 4 + share) >>> shift) * TAG_COUNT;
    } else features[k++] = (combine(T.Agg, NONE) >>> shift) * TAG_COUNT;
  }
}

/**
 * What stage 1 said about token i's word elsewhere in the document, as its stage-2 features read it: -1 when the
 * token is no capitalised word (no such feature), 0 when nothing was said, else 1 + best kind * 4 + share (how
 * much of the evidence agrees: 2 all, 1 a majority, 0 less).
 */
function labelEvidence(info: TokenInfo, stage1: ArrayLike<number>, labels: LabelStats, i: number): number {
  const f = info.flags[i]!;
  if ((f & (F_INITCAP | F_ALLCAPS)) === 0 || (f & F_LETTER) === 0) return -1;
  const counts = labels.counts.get(info.lower[i]!);
  let total = 0;
  let best = -1;
  let bestCount = 0;
  const own = kindOfTag(stage1[i]!);
  if (counts) {
    for (let kind = 0; kind < 5; kind++) {
      const c = counts[kind]! - (kind === (own < 0 ? 4 : own) ? 1 : 0);
      total += c;
      if (c > bestCount) {
        bestCount = c;
        best = kind;
      }
    }
  }
  if (best < 0) return 0;
  const share = bestCount === total ? 2 : bestCount * 2 > total ? 1 : 0;
  return 1 + best * 4 + share;
}

/**
 * Everything the stage-2 features of tokens [from, to) read from outside their sentence, one code per token
 * (written to out[at + i - from]): what stage 1 said about the same word elsewhere (see labelEvidence).
 */
export function labelContext(info: TokenInfo, stage1: ArrayLike<number>, labels: LabelStats, from: number, to: number, out: Uint8Array, at: number): void {
  for (let i = from; i < to; i++) out[at + i - from] = labelEvidence(info, stage1, labels, i) + 1;
}

function tokenFeatures(
  info: TokenInfo,
  i: number,
  from: number,
  to: number,
  bits: number,
  out: Int32Array,
  caseStats: CaseStats,
  disabled: ReadonlySet<FeatureGroup> | undefined,
): void {
  const shift = 32 - bits;
  const base = i * SLOTS;
  let k = base;
  const f = info.flags[i]!;
  const rf = info.recase[i] === LOWER ? (f & ~(F_INITCAP | F_ALLCAPS)) | F_LOWER : f;
  const lower = info.lower[i]!;
  const hasPrev = i > from;
  const hasNext = i + 1 < to;
  const prevLower = hasPrev ? info.lower[i - 1]! : BOS;
  const nextLower = hasNext ? info.lower[i + 1]! : EOS;
  const prevShape = hasPrev ? info.shortShape[i - 1]! : BOS;
  const nextShape = hasNext ? info.shortShape[i + 1]! : EOS;
  const shortShape = info.shortShape[i]!;

  out[k++] = (BIAS >>> shift) * TAG_COUNT;
  out[k++] = (combine(T.Word, info.word[i]!) >>> shift) * TAG_COUNT;
  out[k++] = (combine(T.Lower, lower) >>> shift) * TAG_COUNT;
  const flagBits = (rf & (F_INITCAP | F_ALLCAPS | F_LOWER | F_DIGIT | F_ALNUM | F_INITIAL | F_COMMON | F_CAPSMODE | F_TITLEMODE | F_MIXED));
  out[k++] = (combine(T.Flags, flagBits) >>> shift) * TAG_COUNT;
  if (!disabled?.has('shape')) {
    out[k++] = (combine(T.Shape, info.shape[i]!) >>> shift) * TAG_COUNT;
    out[k++] = (combine(combine(T.ShortShapePos, shortShape), f & F_INITIAL) >>> shift) * TAG_COUNT;
    out[k++] = (combine(T.OrigShape, info.origShape[i]! ^ (f & (F_CAPSMODE | F_TITLEMODE))) >>> shift) * TAG_COUNT;
  }
  if (!disabled?.has('affix')) {
    const a = i * 7;
    out[k++] = (combine(T.Pre2, info.affix[a]!) >>> shift) * TAG_COUNT;
    out[k++] = (combine(T.Pre3, info.affix[a + 1]!) >>> shift) * TAG_COUNT;
    out[k++] = (combine(T.Pre4, info.affix[a + 2]!) >>> shift) * TAG_COUNT;
    out[k++] = (combine(T.Suf1, info.affix[a + 3]!) >>> shift) * TAG_COUNT;
    out[k++] = (combine(T.Suf2, info.affix[a + 4]!) >>> shift) * TAG_COUNT;
    out[k++] = (combine(T.Suf3, info.affix[a + 5]!) >>> shift) * TAG_COUNT;
    out[k++] = (combine(T.Suf4, info.affix[a + 6]!) >>> shift) * TAG_COUNT;
  }
  if (!disabled?.has('window')) {
    out[k++] = (combine(T.PrevLower, prevLower) >>> shift) * TAG_COUNT;
    out[k++] = (combine(T.NextLower, nextLower) >>> shift) * TAG_COUNT;
    out[k++] = (combine(T.Prev2Lower, i - 2 >= from ? info.lower[i - 2]! : BOS) >>> shift) * TAG_COUNT;
    out[k++] = (combine(T.Next2Lower, i + 2 < to ? info.lower[i + 2]! : EOS) >>> shift) * TAG_COUNT;
    out[k++] = (combine(T.PrevShape, prevShape) >>> shift) * TAG_COUNT;
    out[k++] = (combine(T.NextShape, nextShape) >>> shift) * TAG_COUNT;
    out[k++] = (combine(T.PrevWord, hasPrev ? info.word[i - 1]! : BOS) >>> shift) * TAG_COUNT;
    out[k++] = (combine(T.NextWord, hasNext ? info.word[i + 1]! : EOS) >>> shift) * TAG_COUNT;
  }
  if (!disabled?.has('bigram')) {
    out[k++] = (combine(combine(T.PrevBigram, prevLower), lower) >>> shift) * TAG_COUNT;
    out[k++] = (combine(combine(T.NextBigram, lower), nextLower) >>> shift) * TAG_COUNT;
    out[k++] = (combine(combine(combine(T.ShapeTrigram, prevShape), shortShape), nextShape) >>> shift) * TAG_COUNT;
    out[k++] = (combine(combine(T.PrevLowerShape, prevLower), shortShape) >>> shift) * TAG_COUNT;
    out[k++] = (combine(combine(T.ShapeNextLower, shortShape), nextLower) >>> shift) * TAG_COUNT;
  }
  if (!disabled?.has('cluster')) {
    const c = info.cluster[i]!;
    if (c >= 0) {
      for (let level = 0; level < CLUSTER_LEVELS; level++) out[k++] = (combine(T.Cluster0 + level, (c >>> (10 * level)) & 1023) >>> shift) * TAG_COUNT;
    } else out[k++] = (combine(T.Cluster0, NONE) >>> shift) * TAG_COUNT;
    const pc = hasPrev ? info.cluster[i - 1]! : -2;
    const nc = hasNext ? info.cluster[i + 1]! : -2;
    out[k++] = (combine(T.PrevCluster, pc < 0 ? pc : (pc >>> 10) & 1023) >>> shift) * TAG_COUNT;
    out[k++] = (combine(T.NextCluster, nc < 0 ? nc : (nc >>> 10) & 1023) >>> shift) * TAG_COUNT;
  }
  if (!disabled?.has('document') && (f & F_LETTER) !== 0) {
    const d = documentCasings(caseStats, info, i) | ((f & F_INITIAL) !== 0 ? 8 : 0) |
      ((f & F_INITCAP) !== 0 ? 16 : 0) | ((f & F_ALLCAPS) !== 0 ? 32 : 0) | ((f & F_CAPSMODE) !== 0 ? 64 : 0) |
      ((f & F_TITLEMODE) !== 0 ? 128 : 0);
    out[k++] = (combine(T.Doc, d) >>> shift) * TAG_COUNT;
  }
  // Gazetteer slots.
  k = base + BASE_SLOTS;
  if (!disabled?.has('gazetteer')) {
    const g = i * C;
    const capBit = (f & (F_INITCAP | F_ALLCAPS)) !== 0 ? 8 : 0;
    let used = 0;
    for (let c = 0; c < C && used < GAZ_SLOTS - 2; c++) {
      const code = info.gaz[g + c]!;
      if (code === 0) continue;
      out[k++] = (combine(T.Gaz, c * 16 + code + capBit) >>> shift) * TAG_COUNT;
      used++;
    }
    // Neighbours' strongest cues: is the previous token a title, the next an organisation word?
    let prevBits = 0;
    let nextBits = 0;
    for (let c = 0; c < C; c++) {
      if (hasPrev && info.gaz[(i - 1) * C + c] !== 0) prevBits |= 1 << c;
      if (hasNext && info.gaz[(i + 1) * C + c] !== 0) nextBits |= 1 << c;
    }
    out[k++] = (combine(T.GazPrev, prevBits) >>> shift) * TAG_COUNT;
    out[k++] = (combine(T.GazNext, nextBits) >>> shift) * TAG_COUNT;
  }
}
