// Dev-set experiments: train on some corpora, score on others. Not shipped; `npm run train` is the real thing.
//   npx tsx scripts/ner/experiment.ts --train conll-train --eval conll-dev [--bits 20] [--epochs 12]
//        [--window 20] [--disable cluster,gazetteer] [--stage2] [--lexicon server/models/...]
import { addStage2Features, extractFeatures, prepareTokens, SLOTS, type FeatureGroup, type FeatureOptions } from '../../server/src/analysis/entities/features';
import { Lexicon } from '../../server/src/analysis/entities/lexicon';
import { constrainTransitions, decodeDocument } from '../../server/src/analysis/entities/tagger';
import { loadCorpus, type LabelledCorpus } from './corpus';
import { score } from './evaluate';
import { trainPerceptron, type TrainedWeights } from './perceptron';
import { loadLexiconForTraining } from './lexicon-file';

function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const bits = Number(arg('bits', '20'));
const epochs = Number(arg('epochs', '12'));
const window = Number(arg('window', '20'));
const stage2 = process.argv.includes('--stage2');
const disabled = new Set((arg('disable', '') ?? '').split(',').filter(Boolean) as FeatureGroup[]);
const options: FeatureOptions = { window, disabled, recaseInitial: process.argv.includes('--recase-initial') };
const lexicon: Lexicon = process.argv.includes('--no-lexicon') ? Lexicon.empty() : loadLexiconForTraining();

const trainNames = (arg('train', 'conll-train') ?? '').split(',');
const evalNames = (arg('eval', 'conll-dev') ?? '').split(',');
const train = trainNames.map(loadCorpus);
const evals = evalNames.map(loadCorpus);

function decode(corpus: LabelledCorpus, set: TrainedWeights, stage1?: Int8Array): Int8Array {
  const features = extractFeatures(corpus, lexicon, bits, options);
  if (stage1) addStage2Features(features, corpus, prepareTokens(corpus, lexicon), bits, stage1, options);
  const tags = new Int8Array(corpus.words.length);
  decodeDocument(features, SLOTS, corpus.bounds, { weights: set.weights, transitions: constrainTransitions(set.transitions.slice()) }, tags);
  return tags;
}

const t0 = Date.now();
const trainFeatures = train.map((c) => extractFeatures(c, lexicon, bits, options));
const sets = train.map((c, k) => ({ features: trainFeatures[k]!, gold: c.tags, bounds: c.bounds }));
const log = (m: string): void => void process.stderr.write(`${m}\n`);
const stage1 = trainPerceptron(sets, { bits, slots: SLOTS, epochs, seed: 1, log });
const results: Record<string, unknown> = { bits, epochs, window, disabled: [...disabled], stage2, trainSeconds: 0 };
for (const c of evals) results[`${c.name}:stage1`] = summary(score(c.tags, decode(c, stage1), c.bounds));

if (stage2) {
  // Jackknifed stage-1 tags for the training data, so stage 2 learns from realistic first-pass mistakes.
  const folds = 5;
  const jack = train.map((c) => new Int8Array(c.words.length));
  for (let fold = 0; fold < folds; fold++) {
    const foldSets = train.map((c, k) => {
      const n = c.bounds.length - 1;
      const sentences = [];
      for (let s = 0; s < n; s++) if (Math.floor((s * folds) / n) !== fold) sentences.push(s);
      return { features: trainFeatures[k]!, gold: c.tags, bounds: c.bounds, sentences };
    });
    const model = trainPerceptron(foldSets, { bits, slots: SLOTS, epochs, seed: 1 + fold });
    train.forEach((c, k) => {
      const tags = decode(c, model);
      const n = c.bounds.length - 1;
      for (let s = 0; s < n; s++) {
        if (Math.floor((s * folds) / n) !== fold) continue;
        for (let i = c.bounds[s]!; i < c.bounds[s + 1]!; i++) jack[k]![i] = tags[i]!;
      }
    });
    log(`fold ${fold + 1} done`);
  }
  const sets2 = train.map((c, k) => {
    const f2 = trainFeatures[k]!.slice();
    addStage2Features(f2, c, prepareTokens(c, lexicon), bits, jack[k]!, options);
    return { features: f2, gold: c.tags, bounds: c.bounds };
  });
  const model2 = trainPerceptron(sets2, { bits, slots: SLOTS, epochs, seed: 7, log });
  for (const c of evals) results[`${c.name}:stage2`] = summary(score(c.tags, decode(c, model2, decode(c, stage1)), c.bounds));
}
results.trainSeconds = (Date.now() - t0) / 1000;
console.log(JSON.stringify(results, null, 1));

function summary(s: ReturnType<typeof score>): Record<string, number> {
  return { PER: s.PER.f1, ORG: s.ORG.f1, LOC: s.LOC.f1, MISC: s.MISC.f1, plo: s.perLocOrg.f1, ploP: s.perLocOrg.precision, ploR: s.perLocOrg.recall, all: s.all.f1 };
}
