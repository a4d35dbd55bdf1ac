// Word clusters from unlabelled news text, our own method (no external tool): each frequent word gets a
// vector of positive pointwise mutual information with the words just left and right of it, reduced by a
// seeded random projection, L2-normalised, then grouped by k-means at three granularities (32, 128 and 512
// classes). A word's packed cluster id (10 bits per level) becomes a tagger feature, so a name never seen in
// the labelled data still shares a class with names that were ("Syromolotov" with other Russian surnames).
//   npx tsx scripts/ner/build-clusters.ts   (deterministic; writes scripts/ner/.build/clusters.json)
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './corpus';
import { unlabelledSentences } from './build-lexicon';
import { mulberry32 } from './perceptron';

const MIN_COUNT = 3;
const CONTEXTS = Number(process.env.NER_CLUSTER_CONTEXTS ?? 4000); // most frequent words used as contexts
const DIM = Number(process.env.NER_CLUSTER_DIM ?? 96);
/** Context positions: -1 and +1, and with NER_CLUSTER_WIDE=1 also -2 and +2. */
const OFFSETS = process.env.NER_CLUSTER_WIDE === '1' ? [-2, -1, 1, 2] : [-1, 1];
/** Weight of the capitalisation evidence (share of mid-sentence capitalised uses) appended to each vector. */
const CASE_WEIGHT = Number(process.env.NER_CLUSTER_CASE ?? 0);
const LEVELS = [32, 128, 512];
const ITERATIONS = 10;

function main(): void {
  const t0 = Date.now();
  const log = (m: string): void => void process.stderr.write(`${m} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
  const sentences: string[][] = [];
  const rawSentences: string[][] = [];
  const counts = new Map<string, number>();
  for (const s of unlabelledSentences()) {
    const lower = s.map((w) => (/^\d[\d,.:/]*$/.test(w) ? '<num>' : w.toLowerCase()));
    sentences.push(lower);
    rawSentences.push(s);
    for (const w of lower) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const vocab = [...counts.entries()].filter(([, n]) => n >= MIN_COUNT).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const index = new Map(vocab.map(([w], i) => [w, i]));
  const V = vocab.length;
  const C = Math.min(CONTEXTS, V);
  log(`${sentences.length} sentences, ${V} words with count >= ${MIN_COUNT}`);

  // Co-occurrence counts with the C most frequent words, one block of C columns per context position.
  const B = OFFSETS.length;
  const cooc: Array<Map<number, number>> = Array.from({ length: V }, () => new Map());
  const colTotals = new Float64Array(B * C);
  const capital = new Float64Array(V);
  const midSentence = new Float64Array(V);
  let total = 0;
  sentences.forEach((s, si) => {
    const raw = rawSentences[si]!;
    for (let i = 0; i < s.length; i++) {
      const w = index.get(s[i]!);
      if (w === undefined) continue;
      if (i > 0 && /^\p{L}/u.test(raw[i]!)) {
        midSentence[w]! += 1;
        if (/^\p{Lu}/u.test(raw[i]!)) capital[w]! += 1;
      }
      OFFSETS.forEach((off, b) => {
        const j = i + off;
        const ctx = j >= 0 && j < s.length ? index.get(s[j]!) : C - 1; // sentence edge shares the rarest context slot
        if (ctx === undefined || ctx >= C) return;
        const col = b * C + ctx;
        cooc[w]!.set(col, (cooc[w]!.get(col) ?? 0) + 1);
        colTotals[col]! += 1;
        total++;
      });
    }
  });
  // PPMI rows projected onto DIM seeded Gaussian directions.
  const random = mulberry32(20240601);
  const gauss = (): number => {
    const u = Math.max(random(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  const projection = new Float32Array(B * C * DIM);
  for (let i = 0; i < projection.length; i++) projection[i] = gauss();
  const vectors = new Float32Array(V * DIM);
  for (let w = 0; w < V; w++) {
    let rowTotal = 0;
    for (const n of cooc[w]!.values()) rowTotal += n;
    const v = vectors.subarray(w * DIM, (w + 1) * DIM);
    for (const [col, n] of cooc[w]!) {
      const pmi = Math.log((n * total) / (rowTotal * Math.pow(colTotals[col]!, 0.75) * Math.pow(total, 0.25)));
      if (pmi <= 0) continue;
      const p = projection.subarray(col * DIM, (col + 1) * DIM);
      for (let d = 0; d < DIM; d++) v[d]! += pmi * p[d]!;
    }
    let norm = 0;
    for (let d = 0; d < DIM; d++) norm += v[d]! * v[d]!;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < DIM; d++) v[d]! /= norm;
    if (CASE_WEIGHT > 0 && midSentence[w]! > 0) {
      // the last two dimensions carry how often the word is capitalised inside sentences
      const share = capital[w]! / midSentence[w]!;
      v[DIM - 2] = CASE_WEIGHT * share;
      v[DIM - 1] = CASE_WEIGHT * (1 - share);
      let n2 = 0;
      for (let d = 0; d < DIM; d++) n2 += v[d]! * v[d]!;
      n2 = Math.sqrt(n2) || 1;
      for (let d = 0; d < DIM; d++) v[d]! /= n2;
    }
  }
  log('vectors');

  const assignments = LEVELS.map((k) => {
    const a = kmeans(vectors, V, k, random);
    log(`k-means ${k}`);
    return a;
  });
  const out: Record<string, number> = {};
  for (let w = 0; w < V; w++) {
    const word = vocab[w]![0];
    if (word === '<num>') continue;
    let packed = 0;
    assignments.forEach((a, level) => (packed |= a[w]! << (10 * level)));
    out[word] = packed;
  }
  const dir = path.join(ROOT, 'scripts', 'ner', '.build');
  mkdirSync(dir, { recursive: true });
  writeFileSync(process.env.NER_CLUSTER_OUT ?? path.join(dir, 'clusters.json'), JSON.stringify(out));
  // Show a few classes so a person can judge them.
  const fine = assignments[assignments.length - 1]!;
  const probe = ['syria', 'putin', 'reuters', 'monday', 'ministry', 'london'];
  for (const p of probe) {
    const w = index.get(p);
    if (w === undefined) continue;
    const members = [];
    for (let x = 0; x < V && members.length < 12; x++) if (fine[x] === fine[w]) members.push(vocab[x]![0]);
    log(`${p}: ${members.join(' ')}`);
  }
}

/** Spherical k-means (cosine), seeded with k-means++ over the most frequent words. */
function kmeans(vectors: Float32Array, V: number, k: number, random: () => number): Int32Array {
  const D = DIM;
  const centroids = new Float32Array(k * D);
  // Deterministic k-means++ seeding on the 20,000 most frequent words.
  const pool = Math.min(V, 20000);
  const dist = new Float64Array(pool).fill(Infinity);
  let chosen = 0;
  centroids.set(vectors.subarray(0, D), 0);
  for (let c = 1; c < k; c++) {
    let sum = 0;
    const prev = centroids.subarray((c - 1) * D, c * D);
    for (let w = 0; w < pool; w++) {
      let dot = 0;
      for (let d = 0; d < D; d++) dot += vectors[w * D + d]! * prev[d]!;
      const dd = Math.max(0, 2 - 2 * dot);
      if (dd < dist[w]!) dist[w] = dd;
      sum += dist[w]!;
    }
    let r = random() * sum;
    chosen = 0;
    for (let w = 0; w < pool; w++) {
      r -= dist[w]!;
      if (r <= 0) {
        chosen = w;
        break;
      }
    }
    centroids.set(vectors.subarray(chosen * D, (chosen + 1) * D), c * D);
  }
  const assign = new Int32Array(V);
  for (let iter = 0; iter < ITERATIONS; iter++) {
    for (let w = 0; w < V; w++) {
      let best = -Infinity;
      let arg = 0;
      const o = w * D;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        const co = c * D;
        for (let d = 0; d < D; d++) dot += vectors[o + d]! * centroids[co + d]!;
        if (dot > best) {
          best = dot;
          arg = c;
        }
      }
      assign[w] = arg;
    }
    centroids.fill(0);
    for (let w = 0; w < V; w++) {
      const co = assign[w]! * D;
      for (let d = 0; d < D; d++) centroids[co + d]! += vectors[w * D + d]!;
    }
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < D; d++) norm += centroids[c * D + d]! ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < D; d++) centroids[c * D + d]! /= norm;
    }
  }
  return assign;
}

main();
