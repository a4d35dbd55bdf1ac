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

/** Emission scores of tokens [from, to): scores[(i - from) * T + tag]. */
export function scoreTokens(
  features: Int32Array,
  slots: number,
  from: number,
  to: number,
  weights: ArrayLike<number>,
  scores: Float64Array,
): void {
  for (let i = from; i < to; i++) {
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
    const end = (i + 1) * slots;
    for (let k = i * slots; k < end; k++) {
      const o = features[k]!;
      if (o < 0) continue;
      s0 += weights[o]!;
      s1 += weights[o + 1]!;
      s2 += weights[o + 2]!;
      s3 += weights[o + 3]!;
      s4 += weights[o + 4]!;
      s5 += weights[o + 5]!;
      s6 += weights[o + 6]!;
      s7 += weights[o + 7]!;
      s8 += weights[o + 8]!;
    }
    const b = (i - from) * T;
    scores[b] = s0;
    scores[b + 1] = s1;
    scores[b + 2] = s2;
    scores[b + 3] = s3;
    scores[b + 4] = s4;
    scores[b + 5] = s5;
    scores[b + 6] = s6;
    scores[b + 7] = s7;
    scores[b + 8] = s8;
  }
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
 * stage 2's: see model.ts). Both stages read the same stage-1 slots, so one pass over a token's features sums both
 * stages' scores for them while each row is in the cache; stage 2 then adds only its own slots. The sums are the
 * ones separate passes would make (integer weights: exact in any order).
 */
export interface SharedWeights {
  /** (2^bits) x 2 x TAG_COUNT. */
  readonly table: Int8Array;
  readonly transitions1: Float64Array;
  readonly transitions2: Float64Array;
}

/**
 * Stage-1 scores of tokens [from, to) into `scores1` (sentence-local rows) and stage 2's partial scores from the same
 * slots into `partial2` (rows indexed by token). Feature offsets are row x TAG_COUNT, so a row starts at 2 x offset.
 */
function scoreShared(
  features: Int32Array,
  slots: number,
  sharedSlots: number,
  from: number,
  to: number,
  table: Int8Array,
  scores1: Float64Array,
  partial2: Float64Array,
): void {
  for (let i = from; i < to; i++) {
    const begin = i * slots;
    const end = begin + sharedSlots;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
    for (let k = begin; k < end; k++) {
      const o = features[k]!;
      if (o < 0) continue;
      const r = o + o;
      s0 += table[r]!;
      s1 += table[r + 1]!;
      s2 += table[r + 2]!;
      s3 += table[r + 3]!;
      s4 += table[r + 4]!;
      s5 += table[r + 5]!;
      s6 += table[r + 6]!;
      s7 += table[r + 7]!;
      s8 += table[r + 8]!;
    }
    let b = (i - from) * T;
    scores1[b] = s0;
    scores1[b + 1] = s1;
    scores1[b + 2] = s2;
    scores1[b + 3] = s3;
    scores1[b + 4] = s4;
    scores1[b + 5] = s5;
    scores1[b + 6] = s6;
    scores1[b + 7] = s7;
    scores1[b + 8] = s8;
    // the same rows again: in the cache now
    s0 = s1 = s2 = s3 = s4 = s5 = s6 = s7 = s8 = 0;
    for (let k = begin; k < end; k++) {
      const o = features[k]!;
      if (o < 0) continue;
      const r = o + o + T;
      s0 += table[r]!;
      s1 += table[r + 1]!;
      s2 += table[r + 2]!;
      s3 += table[r + 3]!;
      s4 += table[r + 4]!;
      s5 += table[r + 5]!;
      s6 += table[r + 6]!;
      s7 += table[r + 7]!;
      s8 += table[r + 8]!;
    }
    b = i * T;
    partial2[b] = s0;
    partial2[b + 1] = s1;
    partial2[b + 2] = s2;
    partial2[b + 3] = s3;
    partial2[b + 4] = s4;
    partial2[b + 5] = s5;
    partial2[b + 6] = s6;
    partial2[b + 7] = s7;
    partial2[b + 8] = s8;
  }
}

/** Stage 2's scores of tokens [from, to): its partial scores plus its own slots [sharedSlots, slots). */
function scoreStage2(
  features: Int32Array,
  slots: number,
  sharedSlots: number,
  from: number,
  to: number,
  table: Int8Array,
  partial2: Float64Array,
  scores: Float64Array,
): void {
  for (let i = from; i < to; i++) {
    const p = i * T;
    let s0 = partial2[p]!, s1 = partial2[p + 1]!, s2 = partial2[p + 2]!, s3 = partial2[p + 3]!, s4 = partial2[p + 4]!;
    let s5 = partial2[p + 5]!, s6 = partial2[p + 6]!, s7 = partial2[p + 7]!, s8 = partial2[p + 8]!;
    const end = (i + 1) * slots;
    for (let k = i * slots + sharedSlots; k < end; k++) {
      const o = features[k]!;
      if (o < 0) continue;
      const r = o + o + T;
      s0 += table[r]!;
      s1 += table[r + 1]!;
      s2 += table[r + 2]!;
      s3 += table[r + 3]!;
      s4 += table[r + 4]!;
      s5 += table[r + 5]!;
      s6 += table[r + 6]!;
      s7 += table[r + 7]!;
      s8 += table[r + 8]!;
    }
    const b = (i - from) * T;
    scores[b] = s0;
    scores[b + 1] = s1;
    scores[b + 2] = s2;
    scores[b + 3] = s3;
    scores[b + 4] = s4;
    scores[b + 5] = s5;
    scores[b + 6] = s6;
    scores[b + 7] = s7;
    scores[b + 8] = s8;
  }
}

/**
 * Tags a document with two stages that share a table: stage 1 over every sentence (summing stage 2's scores for
 * the shared slots on the way), then `addStage2` fills stage 2's own slots from stage 1's tags, then stage 2.
 */
export function decodeTwoStages(
  features: Int32Array,
  slots: number,
  sharedSlots: number,
  bounds: ArrayLike<number>,
  weights: SharedWeights,
  addStage2: (stage1: Int8Array) => void,
  buffers = new DecodeBuffers(),
): { stage1: Int8Array; stage2: Int8Array } {
  const n = features.length / slots;
  const stage1 = new Int8Array(n);
  const stage2 = new Int8Array(n);
  const partial2 = new Float64Array(n * T);
  for (let s = 0; s + 1 < bounds.length; s++) {
    const from = bounds[s]!;
    const to = bounds[s + 1]!;
    if (to === from) continue;
    buffers.ensure(to - from);
    scoreShared(features, slots, sharedSlots, from, to, weights.table, buffers.scores, partial2);
    viterbi(buffers.scores, to - from, weights.transitions1, stage1, from, buffers.work, buffers.back);
  }
  addStage2(stage1);
  for (let s = 0; s + 1 < bounds.length; s++) {
    const from = bounds[s]!;
    const to = bounds[s + 1]!;
    if (to === from) continue;
    buffers.ensure(to - from);
    scoreStage2(features, slots, sharedSlots, from, to, weights.table, partial2, buffers.scores);
    viterbi(buffers.scores, to - from, weights.transitions2, stage2, from, buffers.work, buffers.back);
  }
  return { stage1, stage2 };
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
