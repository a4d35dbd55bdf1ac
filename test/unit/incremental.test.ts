// Incremental re-analysis (AnalysisCache): after every edit, an analysis that reuses the cache must equal a cold
// analysis of the same text, exactly. Seeded random edits of the seed articles and of BBC articles: characters
// inserted, deleted and replaced, sentences split and merged, headlines and datelines changed, words recased (which
// changes the casing evidence other sentences' features read), text pasted from another article. And the cache stays
// within its bound, and re-tags only what an edit touched.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AnalysisCache, analyze } from '../../server/src/analysis/analyze';
import type { AnalysisOptions } from '../../server/src/analysis/types';
import { WorkerPool } from '../../server/src/workspace/analysisPool';
import { Random } from '../helpers/random';
import { readSeed, SHARED_DIR } from '../helpers/seeds';

const SEEDS = ['000', '001', '002', '003', '004'].map(readSeed);

const PIECES = [
  ' ', '\n', '\n\n', '. ', ', ', ' Russia', ' Islamic State', ' ISLAMIC STATE', ' Hmeimim', ' al-Assad', ' (HTS)', ' U.S.',
  ' some 4,300', ' 12/09/2017', ' on Monday', ' last Friday', ' 5%', ' two bases:', ' Mr. Smith', ' "', '’s', ' the',
];

function upperWordAt(text: string, at: number, upper: (word: string) => string): string {
  const start = text.slice(0, at).search(/\S+$/);
  const from = start < 0 ? at : start;
  const match = /^\S+/.exec(text.slice(from));
  if (!match) return text;
  return text.slice(0, from) + upper(match[0]) + text.slice(from + match[0].length);
}

/** One random edit of `text`. */
function edit(random: Random, text: string, donors: readonly string[]): string {
  const at = random.int(text.length + 1);
  const letter = String.fromCharCode((random.next() < 0.2 ? 65 : 97) + random.int(26));
  switch (random.int(11)) {
    case 0: // insert a letter
      return text.slice(0, at) + letter + text.slice(at);
    case 1: // delete a few characters
      return text.slice(0, at) + text.slice(at + 1 + random.int(3));
    case 2: // replace a character
      return text.slice(0, at) + letter + text.slice(at + 1);
    case 3: // split a sentence
      return text.slice(0, at) + '. ' + letter.toUpperCase() + text.slice(at);
    case 4: {
      // merge two sentences (or paragraphs): drop the next full stop or line break
      const next = text.slice(at).search(/[.\n]/);
      return next < 0 ? text : text.slice(0, at + next) + text.slice(at + next + 1);
    }
    case 5: {
      // the headline or dateline: a character of the first 200 replaced by a letter, digit or separator
      const near = random.int(Math.min(200, text.length + 1));
      const c = random.pick(['A', 'x', 'Q', '1', '2', '9', ' ', ',', '-', '/', '.', '\n']);
      return text.slice(0, near) + c + text.slice(near + 1);
    }
    case 6: // a word in capitals, or lower case (the casing evidence of the document changes)
      return upperWordAt(text, at, random.next() < 0.5 ? (w) => w.toUpperCase() : (w) => w.toLowerCase());
    case 7: // the first line in capitals, or in Title Case
      return random.next() < 0.5
        ? text.replace(/^[^\n]*/, (line) => line.toUpperCase())
        : text.replace(/^[^\n]*/, (line) => line.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase()));
    case 8: // a name, figure or date
      return text.slice(0, at) + random.pick(PIECES) + text.slice(at);
    case 9: {
      // a passage pasted from another article
      const donor = random.pick(donors);
      const from = random.int(donor.length);
      return text.slice(0, at) + donor.slice(from, from + 20 + random.int(300)) + text.slice(at);
    }
    default: // cut a passage
      return text.slice(0, at) + text.slice(at + random.int(400));
  }
}

/** Edits `start` `count` times, checking the cached analysis against a cold one after each edit. */
function checkEdits(random: Random, start: string, count: number, donors: readonly string[], cache: AnalysisCache, options: AnalysisOptions = {}): void {
  let text = start;
  assert.deepStrictEqual(analyze(text, options, cache), analyze(text, options));
  for (let i = 0; i < count; i++) {
    text = edit(random, text, donors);
    // a cut may leave little: start again from the article
    if (text.length < 200) text = start;
    const incremental = analyze(text, options, cache);
    const cold = analyze(text, options);
    assert.deepStrictEqual(incremental, cold, `edit ${i}: the incremental analysis differs from a cold one`);
  }
}

describe('incremental analysis', function () {
  this.timeout(180_000);

  it('equals a cold analysis after each of 400 random edits of the seed articles', function () {
    const random = new Random(6);
    const cache = new AnalysisCache();
    SEEDS.forEach((seed, k) => checkEdits(random, seed, 80, SEEDS, cache, k === 4 ? { markdown: true } : {}));
  });

  it('equals a cold analysis with settings that change the dates (day-first numerals, a default article date)', function () {
    const random = new Random(7);
    const cache = new AnalysisCache();
    checkEdits(random, SEEDS[1]!, 30, SEEDS, cache, { numericDateOrder: 'day-first', defaultArticleDate: '2019-05-01' });
    // the same cache, other settings: still exact
    checkEdits(random, SEEDS[1]!, 10, SEEDS, cache, { numericDateOrder: 'month-first' });
  });

  it('equals a cold analysis after random edits of BBC articles', function () {
    if (!SHARED_DIR) {
      console.log('    (skipped: ../shared is absent, so the BBC corpus cannot be read in place)');
      this.skip();
    }
    const root = path.join(SHARED_DIR!, 'corpora', 'bbc');
    const articles = readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((entry) =>
        readdirSync(path.join(root, entry.name))
          .filter((name) => name.endsWith('.txt'))
          .sort()
          .filter((_, i) => i % 97 === 5)
          .slice(0, 2)
          .map((name) => readFileSync(path.join(root, entry.name, name), 'utf8')),
      );
    assert.ok(articles.length >= 8, `BBC articles found: ${articles.length}`);
    const random = new Random(8);
    const cache = new AnalysisCache();
    for (const article of articles) checkEdits(random, article, 25, articles, cache);
  });

  it('equals a cold analysis after edits of a long document, and of one too long to cache (tagged in chunks)', function () {
    const random = new Random(10);
    const cache = new AnalysisCache();
    // about 13,000 tokens: what a worker analyses with its cache
    checkEdits(random, Array.from({ length: 5 }, () => SEEDS.join('\n\n')).join('\n\n'), 8, SEEDS, cache);
    // more than CHUNK_TOKENS (50,000): analysed without the cache, and the cache still serves the next document
    const huge = Array.from({ length: 20 }, () => SEEDS.join('\n\n')).join('\n\n');
    assert.ok(analyze(huge).tokens.length > 50_000);
    checkEdits(random, huge, 2, SEEDS, cache);
    checkEdits(random, SEEDS[0]!, 10, SEEDS, cache);
  });

  it('re-tags only the sentences an edit touched, and those whose document evidence changed', function () {
    const cache = new AnalysisCache();
    const text = SEEDS[2]!;
    analyze(text, {}, cache);
    const sentences = analyze(text).sentences.length;
    // the same text again: nothing is scored again
    analyze(text, {}, cache);
    assert.equal(cache.entities.last.stage1, 0);
    assert.equal(cache.entities.last.stage2, 0);
    // one letter of an ordinary word replaced: that sentence only
    const at = text.indexOf(' the ', 400) + 2;
    const edited = text.slice(0, at) + 'x' + text.slice(at + 1);
    assert.deepStrictEqual(analyze(edited, {}, cache), analyze(edited));
    assert.equal(cache.entities.last.stage1, 1);
    assert.ok(cache.entities.last.reused > sentences / 2, `sentences reused: ${cache.entities.last.reused} of ${sentences}`);
  });

  it('scores a headline again when the casing of its words elsewhere changes', function () {
    const cache = new AnalysisCache();
    const before = 'APPLE SHARES RISE IN LONDON\n\nShares of Apple rose on Monday. Markets were calm. Analysts in London said the apple harvest was poor.\n';
    // "apple" in lower case elsewhere decides how the headline's APPLE is recased; remove it
    const after = before.replace('the apple harvest', 'the pear harvest');
    assert.deepStrictEqual(analyze(before, {}, cache), analyze(before));
    assert.deepStrictEqual(analyze(after, {}, cache), analyze(after));
    // the edited sentence, the headline (APPLE is recased otherwise) and "Shares of Apple" (its word is no longer seen
    // in lower case elsewhere): not "Markets were calm."
    assert.equal(cache.entities.last.stage1, 3);
  });

  it('stays within its bound, keeping the latest document whole', function () {
    const capacity = 1_500;
    const cache = new AnalysisCache({ capacityTokens: capacity });
    const random = new Random(9);
    let text = SEEDS[0]!;
    let most = 0;
    for (let i = 0; i < 200; i++) {
      // now and then another article, else an edit of the current one
      text = i % 25 === 0 ? random.pick(SEEDS) : edit(random, text, SEEDS);
      const analysis = analyze(text, {}, cache);
      assert.ok(cache.entities.tokens <= Math.max(capacity, analysis.tokens.length), `held ${cache.entities.tokens} tokens after edit ${i}`);
      most = Math.max(most, cache.entities.tokens);
      if (i % 20 === 0) assert.deepStrictEqual(analysis, analyze(text));
    }
    // the bound was reached (entries were dropped), and an article larger than the bound is held whole
    assert.ok(most > capacity * 0.9, `most held: ${most}`);
    const big = SEEDS.join('\n\n');
    const tokens = analyze(big, {}, cache).tokens.length;
    assert.ok(tokens > capacity, `tokens: ${tokens}`);
    assert.ok(cache.entities.tokens <= tokens);
    analyze(big, {}, cache);
    assert.equal(cache.entities.last.stage1, 0, 'the large article is held whole');
    // a short one pushes most of it out
    analyze(SEEDS[3]!, {}, cache);
    assert.ok(cache.entities.tokens <= capacity);
  });
});

/** A stand-in worker that takes a moment per task and answers with its thread's id. */
const THREAD_WORKER = `
const { parentPort, threadId } = require('node:worker_threads');
parentPort.postMessage({ ready: true });
parentPort.on('message', ({ id }) => {
  const until = Date.now() + 30;
  while (Date.now() < until) {}
  parentPort.postMessage({ id, reply: { kind: 'error', message: String(threadId) } });
});
`;

describe('incremental analysis: each document goes to the same worker', function () {
  this.timeout(30_000);

  it('sends each open document to the worker that analysed it last, when that worker has room', async function () {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'corroborate-affinity-'));
    const script = path.join(dir, 'worker.js');
    writeFileSync(script, THREAD_WORKER);
    const pool = new WorkerPool({ script, size: 2, idleMs: 0 });
    try {
      const run = async (document: string) => {
        const reply = await pool.run({ kind: 'text', text: document, options: {}, document }, 'high');
        assert.equal(reply.kind, 'error');
        return reply.kind === 'error' ? reply.message : '';
      };
      // three documents at once: two share the first worker (two tasks in flight each), the third has the other
      const [a, b, c] = await Promise.all([run('a'), run('b'), run('c')]);
      assert.equal(a, b);
      assert.notEqual(a, c);
      // in another order (without affinity, c would now go to the first worker and b to the second)
      for (let round = 0; round < 3; round++) {
        const [c2, a2, b2] = await Promise.all([run('c'), run('a'), run('b')]);
        assert.deepEqual([a2, b2, c2], [a, b, c]);
      }
    } finally {
      await pool.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
