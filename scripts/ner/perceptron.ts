// Training of the tagger's weights: a structured perceptron (Collins 2002) over whole sentences, decoded with
// the same Viterbi as at run time, with weight averaging done lazily (Daume's trick: keep sum of c * update).
// Deterministic: the sentence order of each epoch comes from a seeded generator.
import { constrainTransitions, DecodeBuffers, scoreTokens, viterbi } from '../../server/src/analysis/entities/tagger';
import { TAG_COUNT } from '../../server/src/analysis/entities/tags';

const T = TAG_COUNT;

export interface TrainingSet {
  /** SLOTS weight offsets per token. */
  readonly features: Int32Array;
  readonly gold: Int8Array;
  readonly bounds: ArrayLike<number>;
  /** Sentence indices to train on (default all). */
  readonly sentences?: readonly number[];
}

export interface TrainedWeights {
  readonly weights: Float32Array;
  /** (T + 1) x T, unconstrained (constraints are applied when decoding). */
  readonly transitions: Float64Array;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TrainOptions {
  readonly bits: number;
  readonly slots: number;
  readonly epochs: number;
  readonly seed: number;
  readonly log?: (message: string) => void;
}

export function trainPerceptron(sets: readonly TrainingSet[], options: TrainOptions): TrainedWeights {
  const { bits, slots, epochs } = options;
  const w = new Float32Array((1 << bits) * T);
  const u = new Float64Array((1 << bits) * T);
  const tr = new Float64Array((T + 1) * T);
  const utr = new Float64Array((T + 1) * T);
  const decodeTr = new Float64Array((T + 1) * T);
  const order: Array<[number, number]> = [];
  sets.forEach((set, k) => {
    const count = set.bounds.length - 1;
    const chosen = set.sentences ?? Array.from({ length: count }, (_, s) => s);
    for (const s of chosen) order.push([k, s]);
  });
  const random = mulberry32(options.seed);
  const buffers = new DecodeBuffers();
  let pred = new Int8Array(256);
  let c = 1;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const x = order[i]!;
      order[i] = order[j]!;
      order[j] = x;
    }
    let mistakes = 0;
    let tokens = 0;
    for (const [k, s] of order) {
      const set = sets[k]!;
      const from = set.bounds[s]!;
      const to = set.bounds[s + 1]!;
      const n = to - from;
      if (n === 0) continue;
      tokens += n;
      buffers.ensure(n);
      if (pred.length < n) pred = new Int8Array(n * 2);
      decodeTr.set(tr);
      constrainTransitions(decodeTr);
      scoreTokens(set.features, slots, from, to, w, buffers.scores);
      viterbi(buffers.scores, n, decodeTr, pred, 0, buffers.work, buffers.back);
      let wrong = false;
      for (let i = 0; i < n; i++) {
        const g = set.gold[from + i]!;
        const p = pred[i]!;
        if (g === p) continue;
        wrong = true;
        mistakes++;
        const end = (from + i + 1) * slots;
        for (let q = (from + i) * slots; q < end; q++) {
          const o = set.features[q]!;
          if (o < 0) continue;
          w[o + g]! += 1;
          u[o + g]! += c;
          w[o + p]! -= 1;
          u[o + p]! -= c;
        }
      }
      if (wrong) {
        for (let i = 0; i < n; i++) {
          const gPrev = i === 0 ? T : set.gold[from + i - 1]!;
          const pPrev = i === 0 ? T : pred[i - 1]!;
          const g = set.gold[from + i]!;
          const p = pred[i]!;
          if (gPrev === pPrev && g === p) continue;
          tr[gPrev * T + g]! += 1;
          utr[gPrev * T + g]! += c;
          tr[pPrev * T + p]! -= 1;
          utr[pPrev * T + p]! -= c;
        }
      }
      c++;
    }
    options.log?.(`epoch ${epoch + 1}: ${mistakes} token errors in ${tokens} tokens`);
  }
  const avg = new Float32Array(w.length);
  for (let i = 0; i < w.length; i++) avg[i] = w[i]! - u[i]! / c;
  const avgTr = new Float64Array(tr.length);
  for (let i = 0; i < tr.length; i++) avgTr[i] = tr[i]! - utr[i]! / c;
  return { weights: avg, transitions: avgTr };
}
