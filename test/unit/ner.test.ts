// Unit tests of the entity tagger: Viterbi decoding, hashed features, the model file, the clean-up passes.
import { strict as assert } from 'node:assert';
import { analyze } from '../../server/src/analysis/analyze';
import { entityModel } from '../../server/src/analysis/entities';
import { extractFeatures, prepareTokens, SLOTS } from '../../server/src/analysis/entities/features';
import { hashLower, hashString } from '../../server/src/analysis/entities/hash';
import { decodeModel, encodeContainer, MODEL_FORMAT_VERSION, packWeights } from '../../server/src/analysis/entities/model';
import { findModelFile, loadModelFile } from '../../server/src/analysis/entities/model-file';
import { CHUNK_TOKENS, tagDocument, tagDocumentWithInfo } from '../../server/src/analysis/entities/recognizer';
import { constrainTransitions, NEG, viterbi } from '../../server/src/analysis/entities/tagger';
import { spansOfTags, TAG_COUNT, TAGS, tagIndex } from '../../server/src/analysis/entities/tags';
import { readSeed } from '../helpers/seeds';

const T = TAG_COUNT;

describe('entity tagger: Viterbi decoding', () => {
  it('finds the best sequence where a greedy choice would not', () => {
    // Token 0 slightly prefers B-ORG over B-PER, but token 1 strongly prefers I-PER, which only B-PER allows.
    const scores = new Float64Array(2 * T);
    scores[tagIndex('B-ORG')] = 2;
    scores[tagIndex('B-PER')] = 1.5;
    scores[T + tagIndex('I-PER')] = 5;
    scores[T + tagIndex('O')] = 1;
    const transitions = constrainTransitions(new Float64Array((T + 1) * T));
    const tags = new Int8Array(2);
    viterbi(scores, 2, transitions, tags, 0, new Float64Array(2 * T), new Int32Array(2 * T));
    assert.deepEqual([...tags].map((t) => TAGS[t]), ['B-PER', 'I-PER']);
  });

  it('never produces an I- tag that does not continue its own kind', () => {
    const transitions = constrainTransitions(new Float64Array((T + 1) * T));
    assert.equal(transitions[T * T + tagIndex('I-LOC')], NEG, 'no I- at the start');
    assert.equal(transitions[tagIndex('O') * T + tagIndex('I-LOC')], NEG);
    assert.equal(transitions[tagIndex('B-PER') * T + tagIndex('I-LOC')], NEG);
    assert.equal(transitions[tagIndex('B-LOC') * T + tagIndex('I-LOC')], 0);
    const scores = new Float64Array(3 * T);
    scores[tagIndex('I-LOC')] = 10; // wants I-LOC first: impossible
    scores[T + tagIndex('I-LOC')] = 10;
    scores[2 * T + tagIndex('O')] = 1;
    const tags = new Int8Array(3);
    viterbi(scores, 3, transitions, tags, 0, new Float64Array(3 * T), new Int32Array(3 * T));
    assert.deepEqual([...tags].map((t) => TAGS[t]), ['B-LOC', 'I-LOC', 'O']);
  });

  it('reads entity spans from BIO tags the way conlleval does', () => {
    const tags = ['B-PER', 'I-PER', 'O', 'I-LOC', 'B-ORG', 'B-ORG', 'I-ORG'].map(tagIndex);
    assert.deepEqual(spansOfTags(tags), [
      { start: 0, end: 2, kind: 0 },
      { start: 3, end: 4, kind: 2 },
      { start: 4, end: 5, kind: 1 },
      { start: 5, end: 7, kind: 1 },
    ]);
  });
});

describe('entity tagger: hashed features', () => {
  const model = entityModel();
  const doc = {
    words: ['Russian', 'Deputy', 'Foreign', 'Minister', 'Oleg', 'Syromolotov', 'said', '.', 'He', 'left', '.'],
    bounds: [0, 8, 11],
  };

  it('hashes characters stably, folding typographic quotes and dashes', () => {
    assert.equal(hashString('Hay’at'), hashString("Hay'at"));
    assert.equal(hashString('al–Sham'), hashString('al-Sham'));
    assert.notEqual(hashString('Syria'), hashString('syria'));
    assert.equal(hashLower('SYRIA'), hashLower('Syria'));
    // fixed values: a change here changes every model feature, so it must be deliberate (retrain)
    assert.equal(hashString('Syria') >>> 0, hashString('Syria') >>> 0);
    assert.equal(hashLower('a'), hashLower('A'));
  });

  it('writes SLOTS offsets per token, each a row start inside the weight table, the same every time', () => {
    assert.ok(model, 'the committed model loads');
    const a = extractFeatures(doc, model.lexicon, model.bits);
    const b = extractFeatures(doc, model.lexicon, model.bits);
    assert.equal(a.length, doc.words.length * SLOTS);
    assert.deepEqual(a, b);
    const rows = 1 << model.bits;
    let used = 0;
    for (const o of a) {
      if (o < 0) {
        assert.equal(o, -1);
        continue;
      }
      used++;
      assert.equal(o % T, 0);
      assert.ok(o / T < rows);
    }
    assert.ok(used >= doc.words.length * 20, 'most templates fire');
  });

  it('gives a word the same features wherever the document is the same around it', () => {
    assert.ok(model);
    const twice = { words: [...doc.words, ...doc.words], bounds: [0, 8, 11, 19, 22] };
    const f = extractFeatures(twice, model.lexicon, model.bits);
    // "Oleg" in the first and second copy: identical rows (same sentence, same document evidence)
    assert.deepEqual(f.subarray(4 * SLOTS, 5 * SLOTS), f.subarray(15 * SLOTS, 16 * SLOTS));
  });

  it('marks gazetteer matches and sentence-initial words', () => {
    assert.ok(model);
    const info = prepareTokens(doc, model.lexicon);
    assert.ok(info.gaz.some((x) => x !== 0), 'some gazetteer entry matches');
    assert.ok(info.flags[0]! & 32, 'Russian is sentence-initial');
    assert.ok(info.flags[8]! & 32, 'He is sentence-initial');
    assert.ok(!(info.flags[4]! & 32));
  });
});

describe('entity model file', () => {
  it('is committed, loads, and has the expected tag set, stages and lexicon', () => {
    assert.ok(findModelFile(), 'server/models/ner-model.bin exists');
    const model = loadModelFile();
    assert.deepEqual(model.header.tags, TAGS);
    assert.equal(model.weights.count, 2);
    if (model.weights.count !== 2) return;
    // both stages in one table, interleaved row by row
    assert.equal(model.weights.shared.table.length, (1 << model.bits) * 2 * T);
    assert.equal(model.weights.shared.transitions1.length, (T + 1) * T);
    assert.equal(model.weights.shared.transitions2.length, (T + 1) * T);
    assert.ok(model.lexicon.gazetteer.size > 10000, 'gazetteers');
    assert.ok(model.lexicon.clusters.size > 10000, 'word clusters');
    assert.ok(model.lexicon.isCommonWord('the') && !model.lexicon.isCommonWord('Syria'));
    assert.ok(model.header.trainedOn.length >= 1);
  });

  it('tags a plain sentence sensibly', () => {
    const model = loadModelFile();
    const words = ['President', 'Vladimir', 'Putin', 'visited', 'Damascus', 'on', 'Monday', '.'];
    const tags = [...tagDocument(model, { words, bounds: [0, words.length] })].map((t) => TAGS[t]);
    assert.deepEqual(tags.slice(1, 5), ['B-PER', 'I-PER', 'O', 'B-LOC']);
  });

  it('tags a huge document in bounded chunks, with the same results in every chunk', () => {
    const model = loadModelFile();
    const sentence = ['Mikhail', 'Bogdanov', 'visited', 'Damascus', 'on', 'Monday', '.'];
    const count = Math.ceil((CHUNK_TOKENS * 1.5) / sentence.length);
    const words: string[] = [];
    const bounds: number[] = [];
    for (let k = 0; k < count; k++) {
      bounds.push(words.length);
      words.push(...sentence);
    }
    bounds.push(words.length);
    const { tags, info } = tagDocumentWithInfo(model, { words, bounds });
    assert.equal(tags.length, words.length);
    assert.equal(info.n, words.length);
    const first = [...tags.subarray(0, 7)].map((t) => TAGS[t]);
    const last = [...tags.subarray(words.length - 7)].map((t) => TAGS[t]);
    assert.deepEqual(first, ['B-PER', 'I-PER', 'O', 'B-LOC', 'O', 'O', 'O']);
    assert.deepEqual(last, first);
    assert.ok(info.flags[words.length - 7]! & 32, 'flags are copied for the last chunk too');
  });

  it('rejects files that are not models, and round-trips packed weights', () => {
    assert.throws(() => decodeModel(new Uint8Array(16)), /not a Corroborate model/);
    assert.throws(() => decodeModel(new Uint8Array(4)), /too short/);
    const q = new Int8Array(4 * T);
    q[T + 2] = 5;
    q[3 * T + 8] = -7;
    const packed = packWeights(q);
    const bytes = encodeContainer(
      { format: MODEL_FORMAT_VERSION, bits: 2, tags: TAGS, slots: SLOTS, recaseInitial: false, scales: [1], trainedOn: ['toy'] },
      [
        ['rows0', packed.rows],
        ['values0', packed.values],
        ['transitions0', new Float32Array((T + 1) * T)],
        ['gazKeys', new Int32Array(0)],
        ['gazValues', new Int32Array(0)],
        ['clusterKeys', new Int32Array(0)],
        ['clusterValues', new Int32Array(0)],
        ['commonKeys', new Int32Array(0)],
      ],
    );
    assert.throws(() => decodeModel(bytes), /hash size/); // 2 bits is below the minimum
  });
});

describe('entity clean-up passes', () => {
  it('splits titles, ranks and roles off names', () => {
    const a = analyze('Lt. Gen. Alexander Lapin said on Tuesday that Kremlin spokesman Dmitry Peskov and President Vladimir Putin agreed.');
    const lapin = a.entities.find((e) => e.text === 'Alexander Lapin');
    assert.ok(lapin, JSON.stringify(a.entities));
    assert.equal(lapin.type, 'person');
    assert.equal(lapin.title, 'Lt. Gen.');
    assert.equal(a.entities.find((e) => e.text === 'Dmitry Peskov')?.title, 'spokesman');
    assert.equal(a.entities.find((e) => e.text === 'Vladimir Putin')?.title, 'President');
    assert.ok(!a.entities.some((e) => e.text.includes('President') || e.text.includes('Gen.')));
  });

  it('types every mention of a name the same way throughout an article', () => {
    for (const seed of ['000', '001', '002', '003', '004']) {
      const a = analyze(readSeed(seed));
      const types = new Map<string, string>();
      for (const e of a.entities) {
        const key = e.text.replace(/’/g, "'");
        const seen = types.get(key);
        if (seen) assert.equal(e.type, seen, `${seed}: "${e.text}" typed ${e.type} and ${seen}`);
        else types.set(key, e.type);
      }
    }
  });

  it('finds later bare mentions of a name found once', () => {
    const a = analyze('Mikhail Bogdanov, the deputy foreign minister, spoke in Moscow. Bogdanov said talks would go on.');
    const bogdanov = a.entities.filter((e) => e.text.endsWith('Bogdanov'));
    assert.equal(bogdanov.length, 2, JSON.stringify(a.entities));
    assert.ok(bogdanov.every((e) => e.type === 'person'));
  });

  it('never tags a sentence-initial common word, a number or a date', () => {
    const a = analyze('Last Friday, 4,300 troops arrived. Officials said Daesh had left Raqqa in October 2017.');
    for (const e of a.entities) {
      assert.ok(!['Last', 'Friday', 'Officials', 'October', '4,300', '2017'].includes(e.text), `tagged ${e.text}`);
    }
    assert.ok(a.entities.some((e) => e.text === 'Raqqa' && e.type === 'place'));
  });

  it('reads Title Case and capitals headlines without tagging their common words', () => {
    const title = analyze('Russia Plans To Keep Bases In Syria After Full Defeat Of Daesh\n\nA Russian minister said Moscow plans to keep two bases in Syria after the defeat of Daesh.');
    const inHeadline = title.entities.filter((e) => e.end <= 62).map((e) => `${e.text}/${e.type}`);
    assert.deepEqual(inHeadline, ['Russia/place', 'Syria/place', 'Daesh/organization']);
    const caps = analyze('RUSSIA SAYS SYRIA GOVERNMENT SEIZED MOST TERRITORY FROM ISIS\n\nRussia said on Tuesday that Syrian troops had taken territory from ISIS.');
    const capsHeadline = caps.entities.filter((e) => e.end <= 60).map((e) => `${e.text}/${e.type}`);
    assert.deepEqual(capsHeadline, ['RUSSIA/place', 'SYRIA/place', 'ISIS/organization']);
    const alone = analyze('Talks On Future Of Russian Military Bases In Syria In Progress: Kremlin');
    assert.ok(!alone.entities.some((e) => /Talks|Future|Bases|Progress/.test(e.text)), JSON.stringify(alone.entities));
  });

  it('copes with empty and odd input', () => {
    assert.deepEqual(analyze('').entities, []);
    assert.deepEqual(analyze('   \n\n  ').entities, []);
    const odd = analyze('𝒳 Syria 😀 ' + 'A'.repeat(5000) + ' [Moscow](x)', { markdown: true });
    for (const e of odd.entities) assert.equal(odd.text.slice(e.start, e.end), e.text);
  });
});
