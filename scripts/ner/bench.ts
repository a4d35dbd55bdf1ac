// Measurements of the committed entity model: quality on CoNLL-2003 (test = eng.testb, dev = eng.testa),
// speed, load time, size and memory. `npm run eval:ner` prints benchNer()'s JSON; `npm run bench` can call it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { recognise, type CleanUpStep } from '../../server/src/analysis/entities';
import { decodeModel, type NerModel } from '../../server/src/analysis/entities/model';
import { MODEL_FILE_NAME } from '../../server/src/analysis/entities/model-file';
import { tagDocument } from '../../server/src/analysis/entities/recognizer';
import { splitSentences } from '../../server/src/analysis/sentences';
import { tokenize } from '../../server/src/analysis/tokenize';
import type { Sentence, Token } from '../../server/src/analysis/types';
import { CORPORA, haveCorpora, loadCorpus, ROOT, type LabelledCorpus } from './corpus';
import { score, type Scores } from './evaluate';

/** CoNLL-2003 has no document breaks in our copy: each sentence's "document" is 20 sentences either side. */
export const EVAL_WINDOW = 20;

const gc = (globalThis as { gc?: () => void }).gc;

function memory(): { rss: number; heap: number; external: number } {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed, external: m.external + m.arrayBuffers };
}

/**
 * Best of `runs`: wall-clock ms, and CPU ms of this process (user + system). On a shared machine the CPU time
 * is the fairer single-thread figure: wall time also counts the time other processes held the core.
 */
function best<T>(runs: number, f: () => T): { ms: number; cpuMs: number; result: T } {
  let ms = Infinity;
  let cpuMs = Infinity;
  let result!: T;
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    result = f();
    ms = Math.min(ms, Number(process.hrtime.bigint() - t0) / 1e6);
    const c = process.cpuUsage(c0);
    cpuMs = Math.min(cpuMs, (c.user + c.system) / 1000);
  }
  return { ms, cpuMs, result };
}

function table(s: Scores): Record<string, unknown> {
  const row = (p: Scores['PER']): Record<string, number> => ({ precision: p.precision, recall: p.recall, f1: p.f1, gold: p.gold, predicted: p.predicted });
  return { PER: row(s.PER), ORG: row(s.ORG), LOC: row(s.LOC), MISC_as_group: row(s.MISC), 'PER+LOC+ORG': row(s.perLocOrg), all4: row(s.all) };
}

function bbcTexts(): string[] {
  const texts: string[] = [];
  for (const topic of ['business', 'entertainment', 'politics', 'sport', 'tech']) {
    const dir = path.join(CORPORA, 'bbc', topic);
    for (const file of readdirSync(dir).sort()) texts.push(readFileSync(path.join(dir, file), 'utf8'));
  }
  return texts;
}

/**
 * CoNLL test through the editor's whole path (tagger + clean-up rules of findEntities), in pseudo-articles of 40
 * sentences (our copy has no document breaks): shows what the rules cost or buy on the benchmark.
 */
function throughFindEntities(model: NerModel, c: LabelledCorpus, skip: ReadonlySet<CleanUpStep> = new Set()): Scores {
  const predicted = new Int8Array(c.words.length);
  const CHUNK = 40;
  for (let s0 = 0; s0 + 1 < c.bounds.length; s0 += CHUNK) {
    const s1 = Math.min(c.bounds.length - 1, s0 + CHUNK);
    const from = c.bounds[s0]!;
    const to = c.bounds[s1]!;
    let text = '';
    const tokens: Token[] = [];
    const sentences: Sentence[] = [];
    for (let s = s0; s < s1; s++) {
      const first = tokens.length;
      for (let i = c.bounds[s]!; i < c.bounds[s + 1]!; i++) {
        const w = c.words[i]!;
        if (text) text += tokens.length === first ? '\n' : ' ';
        const start = text.length;
        text += w;
        const kind = /^\p{L}/u.test(w) ? 'word' : /^\d/.test(w) ? 'number' : 'punct';
        tokens.push({ start, end: text.length, text: w, kind, breakBefore: tokens.length === first && first > 0 ? 1 : 0, spaceBefore: first > 0 || i > c.bounds[s]! });
      }
      sentences.push({ start: tokens[first]!.start, end: tokens[tokens.length - 1]!.end, firstToken: first, endToken: tokens.length });
    }
    const byStart = new Map(tokens.map((t, k) => [t.start, k]));
    const byEnd = new Map(tokens.map((t, k) => [t.end, k]));
    for (const e of recognise(model, text, tokens, sentences, [], [], skip)) {
      const a = byStart.get(e.start);
      const b = byEnd.get(e.end);
      if (a === undefined || b === undefined) continue;
      const kind = ['person', 'organization', 'place', 'group'].indexOf(e.type);
      for (let k = a; k <= b; k++) predicted[from + k] = k === a ? 1 + 2 * kind : 2 + 2 * kind;
    }
    void to;
  }
  return score(c.tags, predicted, c.bounds);
}

export async function benchNer(): Promise<Record<string, unknown>> {
  const flag = process.argv.indexOf('--model');
  const file = flag >= 0 ? path.resolve(process.argv[flag + 1]!) : path.join(ROOT, 'server', 'models', MODEL_FILE_NAME);
  const before = memory();
  const t0 = process.hrtime.bigint();
  const bytes = readFileSync(file);
  const model: NerModel = decodeModel(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const after = memory();
  const out: Record<string, unknown> = {
    model: {
      file: path.basename(file),
      bytes: statSync(file).size,
      gzipBytes: gzipSync(bytes, { level: 9 }).length,
      trainedOn: model.header.trainedOn,
      stages: model.weights.count,
      hashBits: model.bits,
      notes: model.header.notes,
    },
    loadMs: Math.round(loadMs * 10) / 10,
    memoryGrowthMB: {
      rss: Math.round(((after.rss - before.rss) / 1048576) * 10) / 10,
      heapPlusBuffers: Math.round(((after.heap + after.external - before.heap - before.external) / 1048576) * 10) / 10,
    },
  };
  if (!haveCorpora()) {
    out.skipped = '../shared/corpora is not here: no quality or speed figures';
    return out;
  }
  const evaluate = (c: LabelledCorpus): { scores: Scores; ms: number; cpuMs: number } => {
    const { ms, cpuMs, result } = best(3, () => tagDocument(model, c, { window: EVAL_WINDOW }));
    return { scores: score(c.tags, result, c.bounds), ms, cpuMs };
  };
  const test = loadCorpus('conll-test');
  const dev = loadCorpus('conll-dev');
  const t = evaluate(test);
  const d = evaluate(dev);
  out.conllTest = table(t.scores);
  out.conllDev = table(d.scores);
  out.conllTestThroughFindEntities = table(throughFindEntities(model, test));
  if (process.argv.includes('--clean-up-ablation')) {
    const steps: CleanUpStep[] = ['split', 'titles', 'filter', 'lexicon', 'acronyms', 'consistency'];
    out.cleanUpAblation = Object.fromEntries(
      steps.map((step) => {
        const s = throughFindEntities(model, test, new Set([step]));
        return [`without ${step}`, { 'PER+LOC+ORG': s.perLocOrg.f1, ORG: s.ORG.f1, LOC: s.LOC.f1, MISC: s.MISC.f1 }];
      }),
    );
  }
  // Speed on CoNLL's own tokens: features + both stages + Viterbi.
  const perSecond = (tokens: number, ms: number): number => Math.round(tokens / (ms / 1000));
  out.tokensPerSecond = {
    conllTestTagging: perSecond(test.words.length, t.ms),
    conllTestTaggingPerCpuSecond: perSecond(test.words.length, t.cpuMs),
  };
  // Speed on BBC articles, from raw text: our tokenizer + sentence splitter + features + decoding, one article at a time.
  const texts = bbcTexts();
  let tokenCount = 0;
  const bbc = best(3, () => {
    tokenCount = 0;
    for (const text of texts) {
      const tokens = tokenize(text);
      const sentences = splitSentences(tokens);
      const words = tokens.map((x) => x.text);
      const bounds = [0, ...sentences.slice(1).map((s) => s.firstToken), tokens.length];
      tagDocument(model, { words, bounds });
      tokenCount += tokens.length;
    }
  });
  const full = best(1, () => {
    for (const text of texts) {
      const tokens = tokenize(text);
      recognise(model, text, tokens, splitSentences(tokens), [], []);
    }
  });
  Object.assign(out.tokensPerSecond as Record<string, number>, {
    bbcTokenizeAndTag: perSecond(tokenCount, bbc.ms),
    bbcTokenizeAndTagPerCpuSecond: perSecond(tokenCount, bbc.cpuMs),
    bbcFindEntities: perSecond(tokenCount, full.ms),
    bbcFindEntitiesPerCpuSecond: perSecond(tokenCount, full.cpuMs),
  });
  out.loadAverage = (await import('node:os')).loadavg().map((x) => Math.round(x * 100) / 100);
  out.bbc = { articles: texts.length, tokens: tokenCount };
  return out;
}

if (require.main === module) {
  benchNer().then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
