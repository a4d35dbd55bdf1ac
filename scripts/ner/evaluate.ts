// Strict entity-level precision, recall and F1 (conlleval's definition: a predicted span counts only when
// its boundaries and type both match a gold span).
import { ENTITY_KINDS, spansOfTags } from '../../server/src/analysis/entities/tags';

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  predicted: number;
  correct: number;
}

function prf(correct: number, predicted: number, gold: number): Prf {
  const precision = predicted ? correct / predicted : 0;
  const recall = gold ? correct / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const round = (x: number): number => Math.round(x * 10000) / 100;
  return { precision: round(precision), recall: round(recall), f1: round(f1), gold, predicted, correct };
}

export interface Scores {
  PER: Prf;
  ORG: Prf;
  LOC: Prf;
  MISC: Prf;
  /** PER, ORG and LOC together: the bar. */
  perLocOrg: Prf;
  /** All four types. */
  all: Prf;
}

export function score(gold: ArrayLike<number>, predicted: ArrayLike<number>, bounds: ArrayLike<number>): Scores {
  const correct = [0, 0, 0, 0];
  const nGold = [0, 0, 0, 0];
  const nPred = [0, 0, 0, 0];
  for (let s = 0; s + 1 < bounds.length; s++) {
    const g = spansOfTags(gold, bounds[s], bounds[s + 1]);
    const p = spansOfTags(predicted, bounds[s], bounds[s + 1]);
    const key = (x: { start: number; end: number; kind: number }): string => `${x.start}:${x.end}:${x.kind}`;
    const goldKeys = new Set(g.map(key));
    for (const x of g) nGold[x.kind]!++;
    for (const x of p) {
      nPred[x.kind]!++;
      if (goldKeys.has(key(x))) correct[x.kind]!++;
    }
  }
  const sum = (a: number[], ks: number[]): number => ks.reduce((t, k) => t + a[k]!, 0);
  const three = [0, 1, 2];
  const four = [0, 1, 2, 3];
  const out = {} as Scores;
  ENTITY_KINDS.forEach((kind, k) => {
    out[kind] = prf(correct[k]!, nPred[k]!, nGold[k]!);
  });
  out.perLocOrg = prf(sum(correct, three), sum(nPred, three), sum(nGold, three));
  out.all = prf(sum(correct, four), sum(nPred, four), sum(nGold, four));
  return out;
}
