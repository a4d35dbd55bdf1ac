// The compact binary codec of summaries (worker replies, the persisted index): exact round trips of real summaries and
// of awkward values, and corrupt input refused with a PlainFormatError, never a hang, a crash of another kind, or a
// polluted prototype.
import { strict as assert } from 'node:assert';
import { analyze } from '../../server/src/analysis/analyze';
import { decodePlain, encodePlain, PlainFormatError, PlainReader, PlainWriter } from '../../server/src/workspace/plainCodec';
import { summarize } from '../../server/src/workspace/summary';
import { readSeed } from '../helpers/seeds';
import { Random } from '../helpers/random';

describe('robustness: the summary codec', function () {
  it('round-trips the summaries of the seeds exactly', function () {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const summary = summarize(analyze(readSeed(prefix)));
      assert.deepStrictEqual(decodePlain(encodePlain(summary)), summary, prefix);
    }
  });

  it('round-trips awkward values: numbers of every kind, undefined fields, empty and non-ASCII strings, lone surrogates', function () {
    const value = {
      ints: [0, 1, 127, 128, 300, 2 ** 31, 2 ** 32 + 5, Number.MAX_SAFE_INTEGER, -1, -(2 ** 40)],
      floats: [0.5, -0.25, 4.8e9, 1e-300, Number.MIN_VALUE, Infinity, -Infinity],
      negativeZero: -0,
      notANumber: NaN,
      strings: ['', ' ', 'Hmeimim', 'Khmeimim', 'Déir ez-Zór', '£4,300', '😀 🇸🇾', 'שלום עולם', '\ud83d', 'a\udc00b', 'x'.repeat(70000)],
      missing: undefined,
      flags: [true, false, null],
      nested: { deeper: { deepest: [[], {}, [[1]]] } },
    };
    const back = decodePlain(encodePlain(value)) as typeof value;
    assert.deepStrictEqual(back, value);
    assert.ok(Object.is(back.negativeZero, -0));
    assert.ok(Number.isNaN(back.notANumber));
    assert.ok('missing' in back);
  });

  it('writes each string and each object shape once per stream', function () {
    const writer = new PlainWriter();
    const mention = (i: number) => ({ start: i, end: i + 7, text: 'Hmeimim', type: 'place', line: 0, character: i });
    for (let i = 0; i < 1000; i++) writer.write(mention(i));
    const bytes = writer.finish();
    assert.ok(bytes.length < 1000 * 20, `${bytes.length} bytes for 1,000 mentions`);
    const reader = new PlainReader(bytes);
    let count = 0;
    while (!reader.done) {
      assert.deepStrictEqual(reader.next(), mention(count));
      count++;
    }
    assert.equal(count, 1000);
  });

  it('writes an object and an array a part at a time as the same bytes as in one write', function () {
    const value = { configKey: 'aliases:on', groups: [['place|hmeimim', 'place|khmeimim'], [], ['group|isis']] };
    const whole = new PlainWriter();
    whole.write(value);
    const parts = new PlainWriter();
    parts.beginObject(['configKey', 'groups']);
    parts.write(value.configKey);
    parts.beginArray(value.groups.length);
    for (const group of value.groups) parts.write(group);
    assert.deepStrictEqual(parts.finish(), whole.finish());
    assert.deepStrictEqual(decodePlain(parts.finish()), value);
  });

  it('shares strings through an intern pool', function () {
    const pool = new Map<string, string>();
    const a = decodePlain(encodePlain({ name: 'Islamic State of Iraq and the Levant' }), pool) as { name: string };
    const b = decodePlain(encodePlain({ name: 'Islamic State of Iraq and the Levant' }), pool) as { name: string };
    assert.equal(pool.get(a.name), b.name);
    assert.equal(pool.size, 2); // the key and the value
  });

  it('never lets a key named __proto__ change the prototype', function () {
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "ok": 1}') as Record<string, unknown>;
    const back = decodePlain(encodePlain(hostile)) as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(back), Object.prototype);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.deepEqual(Object.keys(back).sort(), ['__proto__', 'ok']);
  });

  it('refuses what is not plain data', function () {
    assert.throws(() => encodePlain({ f: () => 1 }), TypeError);
    assert.throws(() => encodePlain(new Uint8Array(3)), TypeError);
  });

  it('refuses corrupt streams with a PlainFormatError: truncations, flipped bytes, garbage (3,000 seeded cases)', function () {
    const good = encodePlain(summarize(analyze(readSeed('003'))));
    const rng = new Random(6006);
    const next = () => rng.next();
    let refused = 0;
    for (let i = 0; i < 3000; i++) {
      let bytes: Uint8Array;
      const kind = i % 3;
      if (kind === 0) bytes = good.subarray(0, Math.floor(next() * good.length));
      else if (kind === 1) {
        bytes = good.slice();
        for (let k = 0; k < 1 + Math.floor(next() * 4); k++) bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256);
      } else {
        bytes = new Uint8Array(Math.floor(next() * 200));
        for (let k = 0; k < bytes.length; k++) bytes[k] = Math.floor(next() * 256);
      }
      try {
        decodePlain(bytes);
      } catch (error) {
        assert.ok(error instanceof PlainFormatError, `case ${i}: ${String(error)}`);
        refused++;
      }
    }
    assert.ok(refused > 2000, `${refused} of 3000 refused`);
  });
});
