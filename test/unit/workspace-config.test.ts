// .corroborate.json: what is accepted, what is reported (with positions), and that the schema agrees with the parser.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { ROOT } from '../helpers/seeds';
import { DEFAULT_CONFIG, parseConfig } from '../../server/src/workspace/config';

const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'corroborate.schema.json'), 'utf8'));
const validate = addFormats(new Ajv({ allErrors: true, strict: false })).compile(schema);

describe('.corroborate.json', function () {
  it('reads alias groups as lists, the first name canonical', function () {
    const { config, problems } = parseConfig('{"aliases": [["Islamic State", "Daesh"], ["Hmeimim", "Jableh"]]}');
    assert.deepEqual(problems, []);
    assert.deepEqual(config.aliases, [
      { canonical: 'Islamic State', names: ['Islamic State', 'Daesh'] },
      { canonical: 'Hmeimim', names: ['Hmeimim', 'Jableh'] },
    ]);
  });

  it('reads alias groups as an object from the name to show to its other names', function () {
    const { config, problems } = parseConfig('{"aliases": {"Islamic State": ["Daesh", "ISIS"], "Hmeimim": "Jableh"}}');
    assert.deepEqual(problems, []);
    assert.deepEqual(config.aliases.map((g) => g.names), [['Islamic State', 'Daesh', 'ISIS'], ['Hmeimim', 'Jableh']]);
  });

  it('reads distinct groups and the default-alias switch', function () {
    const { config, problems } = parseConfig('{"distinct": [["Bashar al-Assad", "Hafez al-Assad"]], "defaultAliases": false}');
    assert.deepEqual(problems, []);
    assert.deepEqual(config.distinct, [['Bashar al-Assad', 'Hafez al-Assad']]);
    assert.equal(config.defaultAliases, false);
  });

  it('keeps the defaults for an empty file', function () {
    assert.deepEqual(parseConfig(''), { config: DEFAULT_CONFIG, problems: [] });
  });

  it('keeps the defaults for invalid JSON, and says where it broke', function () {
    const text = '{"aliases": [["Daesh", "Islamic State"]';
    const { config, problems } = parseConfig(text);
    assert.deepEqual(config, DEFAULT_CONFIG);
    assert.ok(problems.length > 0);
    assert.match(problems[0]!.message, /not valid JSON.*defaults stay in force/);
    assert.ok(problems[0]!.start >= 0 && problems[0]!.start <= text.length);
  });

  it('keeps the defaults when the file is not an object', function () {
    const { config, problems } = parseConfig('[["Daesh", "Islamic State"]]');
    assert.deepEqual(config, DEFAULT_CONFIG);
    assert.match(problems[0]!.message, /must hold an object/);
  });

  it('drops malformed entries one by one, keeping the rest, each reported at its place', function () {
    const text = '{"aliases": [["Daesh", "Islamic State"], ["Lonely"], "Jableh", ["Hmeimim", 42]], "defaultAliases": "yes"}';
    const { config, problems } = parseConfig(text);
    assert.deepEqual(config.aliases.map((g) => g.names), [['Daesh', 'Islamic State']]);
    assert.equal(config.defaultAliases, true);
    const messages = problems.map((p) => [text.slice(p.start, p.end), p.message]);
    assert.ok(messages.some(([at, m]) => at === '["Lonely"]' && /at least two names/.test(m)), JSON.stringify(messages));
    assert.ok(messages.some(([at, m]) => at === '"Jableh"' && /list of names/.test(m)));
    assert.ok(messages.some(([at]) => at === '42'));
    assert.ok(messages.some(([at, m]) => at === '"yes"' && /true or false/.test(m)));
  });

  it('warns about unknown settings and about names both aliased and distinct', function () {
    const text = '{"alias": [], "aliases": [["A", "B"]], "distinct": [["A", "B"]]}';
    const { config, problems } = parseConfig(text);
    assert.ok(problems.some((p) => p.severity === 'warning' && /unknown setting "alias"/.test(p.message)));
    assert.ok(problems.some((p) => p.severity === 'warning' && /both as aliases and as distinct/.test(p.message)));
    assert.deepEqual(config.distinct, [['A', 'B']]);
  });

  describe('the JSON schema agrees with the parser', function () {
    const valid = [
      '{}',
      '{"$schema": "./schemas/corroborate.schema.json"}',
      '{"aliases": [["Islamic State", "Daesh"]]}',
      '{"aliases": {"Islamic State": ["Daesh"], "Hmeimim": "Jableh"}}',
      '{"distinct": [["Bashar al-Assad", "Hafez al-Assad"]], "defaultAliases": false}',
    ];
    const invalid = [
      '{"aliases": [["Lonely"]]}',
      '{"aliases": ["Daesh"]}',
      '{"aliases": {"Islamic State": []}}',
      '{"distinct": [["A"]]}',
      '{"defaultAliases": "yes"}',
      '{"alias": []}',
      '[]',
    ];
    for (const text of valid) {
      it(`accepts ${text}`, function () {
        assert.ok(validate(JSON.parse(text)), JSON.stringify(validate.errors));
        assert.deepEqual(parseConfig(text).problems, []);
      });
    }
    for (const text of invalid) {
      it(`rejects ${text}`, function () {
        assert.ok(!validate(JSON.parse(text)));
        assert.ok(parseConfig(text).problems.length > 0);
      });
    }
  });
});
