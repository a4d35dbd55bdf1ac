// `npm run train`: builds the lexicon (word clusters, gazetteers, common words), trains both stages of the
// entity tagger on the chosen corpora from ../shared/corpora, quantises the weights to int8 and writes
// server/models/ner-model.bin. Deterministic: fixed seeds, fixed corpus order, no clock in the output.
//   npm run train [-- --train conll-train,conll-dev] [--skip-lexicon] [--epochs 12] [--bits 20] [--out file]
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { addStage2Features, extractFeatures, prepareTokens, SLOTS, type FeatureOptions } from '../../server/src/analysis/entities/features';
import type { Lexicon } from '../../server/src/analysis/entities/lexicon';
import { decodeLexiconArrays, encodeContainer, lexiconSections, MODEL_FORMAT_VERSION, packWeights } from '../../server/src/analysis/entities/model';
import { constrainTransitions, decodeDocument } from '../../server/src/analysis/entities/tagger';
import { TAGS } from '../../server/src/analysis/entities/tags';
import { haveCorpora, loadCorpus, ROOT, type LabelledCorpus } from './corpus';
import { LEXICON_BUILD, loadLexiconForTraining } from './lexicon-file';
import { trainPerceptron, type TrainedWeights } from './perceptron';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
}

/** The shipped model's training data (see server/models/README.md for why). */
export const DEFAULT_TRAINING = 'conll-train,conll-dev,wikigold';
/** Window of neighbouring sentences standing in for a document in corpora without document breaks. */
export const TRAIN_WINDOW = 20;
const FOLDS = 5;

const log = (m: string): void => void process.stderr.write(`${m}\n`);

export interface TrainConfig {
  readonly corpora: readonly string[];
  readonly epochs: number;
  readonly bits: number;
  readonly seed: number;
  readonly stage2: boolean;
  readonly options: FeatureOptions;
}

export interface TrainedModel {
  readonly stages: TrainedWeights[];
  readonly config: TrainConfig;
}

function decodeWith(corpus: LabelledCorpus, features: Int32Array, w: TrainedWeights): Int8Array {
  const tags = new Int8Array(corpus.words.length);
  decodeDocument(features, SLOTS, corpus.bounds, { weights: w.weights, transitions: constrainTransitions(w.transitions.slice()) }, tags);
  return tags;
}

/** Trains stage 1, then stage 2 on jackknifed stage-1 tags (so it learns from realistic first-pass output). */
export function trainModel(lexicon: Lexicon, config: TrainConfig): TrainedModel {
  const corpora = config.corpora.map(loadCorpus);
  const { bits, epochs, seed, options } = config;
  const features = corpora.map((c) => extractFeatures(c, lexicon, bits, options));
  const sets = corpora.map((c, k) => ({ features: features[k]!, gold: c.tags, bounds: c.bounds }));
  const stage1 = trainPerceptron(sets, { bits, slots: SLOTS, epochs, seed, log });
  if (!config.stage2) return { stages: [stage1], config };
  const jack = corpora.map((c) => new Int8Array(c.words.length));
  const inFold = (s: number, n: number, fold: number): boolean => Math.floor((s * FOLDS) / n) === fold;
  for (let fold = 0; fold < FOLDS; fold++) {
    const foldSets = corpora.map((c, k) => {
      const n = c.bounds.length - 1;
      const sentences: number[] = [];
      for (let s = 0; s < n; s++) if (!inFold(s, n, fold)) sentences.push(s);
      return { features: features[k]!, gold: c.tags, bounds: c.bounds, sentences };
    });
    const model = trainPerceptron(foldSets, { bits, slots: SLOTS, epochs, seed: seed + 1 + fold });
    corpora.forEach((c, k) => {
      const tags = decodeWith(c, features[k]!, model);
      const n = c.bounds.length - 1;
      for (let s = 0; s < n; s++) {
        if (!inFold(s, n, fold)) continue;
        for (let i = c.bounds[s]!; i < c.bounds[s + 1]!; i++) jack[k]![i] = tags[i]!;
      }
    });
    log(`jackknife fold ${fold + 1}/${FOLDS}`);
  }
  const sets2 = corpora.map((c, k) => {
    const f2 = features[k]!.slice();
    addStage2Features(f2, c, prepareTokens(c, lexicon), bits, jack[k]!, options);
    return { features: f2, gold: c.tags, bounds: c.bounds };
  });
  const stage2 = trainPerceptron(sets2, { bits, slots: SLOTS, epochs, seed: seed + 100, log });
  return { stages: [stage1, stage2], config };
}

/** int8 weights: the scale maps the 99.99th percentile of |w| to 127 (the rare larger weights are clipped). */
export function quantise(w: Float32Array): { q: Int8Array; scale: number } {
  const sample: number[] = [];
  const step = Math.max(1, Math.floor(w.length / 2_000_000));
  for (let i = 0; i < w.length; i += step) if (w[i] !== 0) sample.push(Math.abs(w[i]!));
  sample.sort((a, b) => a - b);
  const top = sample.length ? sample[Math.min(sample.length - 1, Math.floor(sample.length * 0.9999))]! : 1;
  const scale = top / 127 || 1;
  const q = new Int8Array(w.length);
  for (let i = 0; i < w.length; i++) q[i] = Math.max(-127, Math.min(127, Math.round(w[i]! / scale)));
  return { q, scale };
}

export function encodeModel(trained: TrainedModel): Uint8Array {
  const lexiconBytes = decodeLexiconArrays(new Uint8Array(readFileSync(LEXICON_BUILD)));
  const scales: number[] = [];
  const sections: Array<[string, Int32Array | Int8Array | Uint8Array | Float32Array]> = [];
  trained.stages.forEach((stage, s) => {
    const { q, scale } = quantise(stage.weights);
    scales.push(scale);
    const packed = packWeights(q);
    sections.push([`rows${s}`, packed.rows], [`values${s}`, packed.values]);
    sections.push([`transitions${s}`, Float32Array.from(stage.transitions, (x) => x / scale)]);
  });
  sections.push(...lexiconSections(lexiconBytes));
  return encodeContainer(
    {
      format: MODEL_FORMAT_VERSION,
      bits: trained.config.bits,
      tags: TAGS,
      slots: SLOTS,
      recaseInitial: trained.config.options.recaseInitial ?? false,
      scales,
      trainedOn: trained.config.corpora,
      notes: `structured perceptron, ${trained.config.epochs} epochs, seed ${trained.config.seed}, document window ${TRAIN_WINDOW} sentences`,
    },
    sections,
  );
}

function main(): void {
  if (!haveCorpora()) {
    log('../shared/corpora is not here: nothing to train on');
    process.exit(1);
  }
  if (!process.argv.includes('--skip-lexicon') || !existsSync(LEXICON_BUILD)) {
    const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
    execFileSync(tsx, [path.join(ROOT, 'scripts', 'ner', 'build-clusters.ts')], { stdio: 'inherit' });
    execFileSync(tsx, [path.join(ROOT, 'scripts', 'ner', 'build-lexicon.ts')], { stdio: 'inherit' });
  }
  const lexicon = loadLexiconForTraining();
  const config: TrainConfig = {
    corpora: arg('train', DEFAULT_TRAINING).split(','),
    epochs: Number(arg('epochs', '10')),
    bits: Number(arg('bits', '18')),
    seed: Number(arg('seed', '1')),
    stage2: !process.argv.includes('--no-stage2'),
    options: { window: TRAIN_WINDOW, recaseInitial: process.argv.includes('--recase-initial') },
  };
  const trained = trainModel(lexicon, config);
  const bytes = encodeModel(trained);
  const out = arg('out', path.join(ROOT, 'server', 'models', 'ner-model.bin'));
  writeFileSync(out, bytes);
  console.log(JSON.stringify({ out: path.relative(ROOT, out), bytes: bytes.length, trainedOn: config.corpora, epochs: config.epochs, bits: config.bits }));
}

if (require.main === module) main();
