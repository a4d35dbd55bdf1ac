// Scoring and Viterbi decoding over BIO tags. Weights are a flat table: row = hashed feature, column = tag.
import { allowedTransition, TAG_COUNT } from './tags';

const T = TAG_COUNT;
export const NEG = -1e30;

/** Emission and transition weights of one stage. */
export interface WeightSet {
  /** (2^bits) x TAG_COUNT, indexed by the offsets the feature extractor writes. */
  readonly weights: Int8Array | Int16Array | Float32Array;
  /** (TAG_COUNT + 1) x TAG_COUNT: row p is the previous tag, row TAG_COUNT the sentence start; NEG where BIO forbids. */
  readonly transitions: Float64Array;
}

/** For each tag, the previous tags BIO allows: PREV_LIST[PREV_START[t] .. PREV_START[t + 1]). */
const PREV_START = new Int32Array(T + 1);
const PREV_LIST: number[] = [];
for (let t = 0; t < T; t++) {
  PREV_START[t] = PREV_LIST.length;
  for (let p = 0; p < T; p++) if (allowedTransition(p, t)) PREV_LIST.push(p);
}
PREV_START[T] = PREV_LIST.length;

/** A transition table with the BIO constraints applied (forbidden moves = NEG). */
export function constrainTransitions(transitions: Float64Array): Float64Array {
  for (let prev = -1; prev < T; prev++) {
    const row = (prev < 0 ? T : prev) * T;
    for (let next = 0; next < T; next++) if (!allowedTransition(prev, next)) transitions[row + next] = NEG;
  }
  return transitions;
}

/**
 * The one scoring loop: for tokens [from, to), the sums of the weight rows their slots [slotFrom, slotTo) point at.
 * A feature offset o (row x TAG_COUNT) reads `weights[(o << shift) + column ..]`: shift 0 for a table of one stage,
 * 1 for two stages interleaved (column 0 or TAG_COUNT). Sums start from `base` (rows by token) when given, and go to
 * `out` at row i - from (`outByToken`: row i).
 */
function sumRows(
  features: Int32Array,
  slots: number,
  slotFrom: number,
  slotTo: number,
  from: number,
  to: number,
  weights: ArrayLike<number>,
  shift: number,
  column: number,
  base: Float64Array | undefined,
  out: Float64Array,
  outByToken: boolean,
): void {
  for (let i = from; i < to; i++) {
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
    if (base) {
      const p = i * T;
      s0 = base[p]!, s1 = base[p + 1]!, s2 = base[p + 2]!, s3 = base[p + 3]!, s4 = base[p + 4]!;
      s5 = base[p + 5]!, s6 = base[p + 6]!, s7 = base[p + 7]!, s8 = base[p + 8]!;
    }
    const end = i * slots + slotTo;
    for (let k = i * slots + slotFrom; k < end; k++) {
      const o = features[k]!;
      if (o < 0) continue;
      const r = (o << shift) + column;
      s0 += weights[r]!;
      s1 += weights[r + 1]!;
      s2 += weights[r + 2]!;
      s3 += weights[r + 3]!;
      s4 += weights[r + 4]!;
      s5 += weights[r + 5]!;
      s6 += weights[r + 6]!;
      s7 += weights[r + 7]!;
      s8 += weights[r + 8]!;
    }
    const b = (outByToken ? i : i - from) * T;
    out[b] = s0;
    out[b + 1] = s1;
    out[b + 2] = s2;
    out[b + 3] = s3;
    out[b + 4] = s4;
    out[b + 5] = s5;
    out[b + 6] = s6;
    out[b + 7] = s7;
    out[b + 8] = s8;
  }
}

/** Emission scores of tokens [from, to) with one stage's table: scores[(i - from) * T + tag]. */
export function scoreTokens(
  features: Int32Array,
  slots: number,
  from: number,
  to: number,
  weights: ArrayLike<number>,
  scores: Float64Array,
): void {
  sumRows(features, slots, 0, slots, from, to, weights, 0, 0, undefined, scores, false);
}

/**
 * Best tag sequence for n tokens given emission scores (n x T) and transitions; writes tags[offset + i].
 * `work` must hold at least n * T numbers, `back` n * T.
 */
export function viterbi(
  scores: Float64Array,
  n: number,
  transitions: Float64Array,
  tags: Int8Array | Uint8Array | Int32Array,
  offset: number,
  work: Float64Array,
  back: Int32Array,
): void {
  if (n === 0) return;
  const start = T * T;
  for (let t = 0; t < T; t++) work[t] = scores[t]! + transitions[start + t]!;
  for (let i = 1; i < n; i++) {
    const prevRow = (i - 1) * T;
    const row = i * T;
    for (let t = 0; t < T; t++) {
      let best = NEG * 2;
      let arg = 0;
      // only the previous tags BIO allows (an I-X follows only B-X or I-X)
      const end = PREV_START[t + 1]!;
      for (let q = PREV_START[t]!; q < end; q++) {
        const p = PREV_LIST[q]!;
        const v = work[prevRow + p]! + transitions[p * T + t]!;
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      work[row + t] = best + scores[row + t]!;
      back[row + t] = arg;
    }
  }
  let best = NEG * 2;
  let arg = 0;
  const last = (n - 1) * T;
  for (let t = 0; t < T; t++) {
    if (work[last + t]! > best) {
      best = work[last + t]!;
      arg = t;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    tags[offset + i] = arg;
    arg = back[i * T + arg]!;
  }
}

/**
 * Two stages whose weights share one table, interleaved row by row (stage 1's TAG_COUNT weights of a feature, then
 * stage 2's: see model.ts). Both stages read the same stage-1 slots, so stage 2's sums over them are made right after
 * stage 1's, sentence by sentence, while the rows are in the cache; stage 2 then adds only its own slots. The sums are the
 * ones separate passes would make (integer weights: exact in any order).
 */
export interface SharedWeights {
  /** (2^bits) x 2 x TAG_COUNT. */
  readonly table: Int8Array;
  readonly transitions1: Float64Array;
  readonly transitions2: Float64Array;
}

/**
 * Tags a document with two stages that share a table: stage 1 over every sentence (summing stage 2's scores for
 * the shared slots on the way), then `addStage2` fills stage 2's own slots from stage 1's tags, then stage 2, whose tags it returns.
 */
export function decodeTwoStages(
  features: Int32Array,
  slots: number,
  sharedSlots: number,
  bounds: ArrayLike<number>,
  weights: SharedWeights,
  addStage2: (stage1: Int8Array) => void,
): Int8Array {
  const n = features.length / slots;
  const buffers = new DecodeBuffers();
  const stage1 = new Int8Array(n);
  const stage2 = new Int8Array(n);
  const partial2 = new Float64Array(n * T);
  for (let s = 0; s + 1 < bounds.length; s++) {
    const from = bounds[s]!;
    const to = bounds[s + 1]!;
    if (to === from) continue;
    decodeStage1Sentence(features, slots, sharedSlots, from, to, weights, stage1, partial2, buffers);
  }
  addStage2(stage1);
  for (let s = 0; s + 1 < bounds.length; s++) {
    const from = bounds[s]!;
    const to = bounds[s + 1]!;
    if (to === from) continue;
    decodeStage2Sentence(features, slots, sharedSlots, from, to, weights, partial2, stage2, buffers);
  }
  return stage2;
}

/**
 * Stage 1 of tokens [from, to) (one sentence, not empty) with a shared table: tags to stage1[from ..), and stage 2's
 * sums over the shared slots to partial2 (rows by token), made while the sentence's rows are in the cache.
 */
export function decodeStage1Sentence(
  features: Int32Array,
  slots: number,
  sharedSlots: number,
  from: number,
  to: number,
  weights: SharedWeights,
  stage1: Int8Array,
  partial2: Float64Array,
  buffers: DecodeBuffers,
): void {
  buffers.ensure(to - from);
  sumRows(features, slots, 0, sharedSlots, from, to, weights.table, 1, 0, undefined, buffers.scores, false);
  sumRows(features, slots, 0, sharedSlots, from, to, weights.table, 1, T, undefined, partial2, true);
  viterbi(buffers.scores, to - from, weights.transitions1, stage1, from, buffers.work, buffers.back);
}

/** Stage 2 of tokens [from, to) (one sentence, not empty): partial2's sums plus stage 2's own slots; tags to stage2[from ..). */
export function decodeStage2Sentence(
  features: Int32Array,
  slots: number,
  sharedSlots: number,
  from: number,
  to: number,
  weights: SharedWeights,
  partial2: Float64Array,
  stage2: Int8Array,
  buffers: DecodeBuffers,
): void {
  buffers.ensure(to - from);
  sumRows(features, slots, sharedSlots, slots, from, to, weights.table, 1, T, partial2, buffers.scores, false);
  viterbi(buffers.scores, to - from, weights.transitions2, stage2, from, buffers.work, buffers.back);
}

/** Reusable buffers for decoding sentences of up to `capacity` tokens (grown on demand). */
export class DecodeBuffers {
  scores = new Float64Array(0);
  work = new Float64Array(0);
  back = new Int32Array(0);

  ensure(n: number): void {
    if (this.scores.length >= n * T) return;
    const size = Math.max(n * T, 256 * T);
    this.scores = new Float64Array(size);
    this.work = new Float64Array(size);
    this.back = new Int32Array(size);
  }
}

/** Tags every sentence of a document with one weight set. */
export function decodeDocument(
  features: Int32Array,
  slots: number,
  bounds: ArrayLike<number>,
  set: WeightSet,
  tags: Int8Array,
  buffers = new DecodeBuffers(),
): void {
  for (let s = 0; s + 1 < bounds.length; s++) {
    const from = bounds[s]!;
    const to = bounds[s + 1]!;
    const n = to - from;
    if (n === 0) continue;
    buffers.ensure(n);
    scoreTokens(features, slots, from, to, set.weights, buffers.scores);
    viterbi(buffers.scores, n, set.transitions, tags, from, buffers.work, buffers.back);
  }
}
