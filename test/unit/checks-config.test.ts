// .corroborate.json for the consistency checks: "ignore", "notSameFact" and "off" are read leniently (each malformed
// entry reported at its place, the rest kept), and the JSON schema agrees with the parser.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parseConfig } from '../../server/src/workspace/config';
import { ROOT } from '../helpers/seeds';

const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'corroborate.schema.json'), 'utf8'));
const validate = addFormats(new Ajv({ allErrors: true, strict: false })).compile(schema);

describe('.corroborate.json: consistency-check sections', function () {
  it('reads dismissed findings, figures that are not the same fact, and files where checks are off', function () {
    const { config, problems } = parseConfig(JSON.stringify({
      ignore: [{ check: 'percent-sum', file: 'a.txt', text: '15 percent' }, { file: 'drafts/*.txt' }],
      notSameFact: [[{ file: 'a.txt', figure: 'some 4,300' }, { file: 'b.txt', figure: '5,000' }]],
      off: ['drafts/**', { files: 'b.txt', checks: ['list-count'] }],
    }));
    assert.deepEqual(problems, []);
    assert.deepEqual(config.ignore, [{ check: 'percent-sum', file: 'a.txt', text: '15 percent' }, { file: 'drafts/*.txt' }]);
    assert.deepEqual(config.notSameFact, [[{ file: 'a.txt', figure: 'some 4,300' }, { file: 'b.txt', figure: '5,000' }]]);
    assert.deepEqual(config.off, [{ files: 'drafts/**' }, { files: 'b.txt', checks: ['list-count'] }]);
  });

  it('reports malformed entries where they are and keeps the others', function () {
    const text = JSON.stringify({
      ignore: [{ check: 'no-such-check', file: 'a.txt' }, { text: 'x' }, { file: 'ok.txt' }],
      notSameFact: [[{ file: 'a.txt' }, { file: 'b.txt', figure: '5' }], 'x'],
      off: [{ checks: ['percent-sum'] }, { files: 'c.txt', checks: ['bogus'] }, 'd.txt'],
    });
    const { config, problems } = parseConfig(text);
    assert.deepEqual(config.ignore, [{ file: 'ok.txt' }]);
    assert.deepEqual(config.notSameFact, []);
    assert.deepEqual(config.off, [{ files: 'd.txt' }]);
    assert.equal(problems.length, 6);
    for (const problem of problems) assert.ok(problem.start >= 0 && problem.end <= text.length && problem.end > problem.start);
  });

  describe('the JSON schema agrees with the parser', function () {
    const good = [
      { ignore: [{ check: 'percent-sum', file: 'a.txt', text: '15 percent' }] },
      { notSameFact: [[{ file: 'a.txt', figure: 'some 4,300' }, { file: 'b.txt', figure: '5,000' }]] },
      { off: ['drafts/**', { files: 'b.txt', checks: ['list-count', 'weekday-date'] }] },
    ];
    const bad = [
      { ignore: [{ check: 'nope', file: 'a.txt' }] },
      { ignore: [{ text: 'no file' }] },
      { notSameFact: [[{ file: 'a.txt', figure: '1' }]] },
      { off: [{ files: 'a.txt', checks: ['bogus'] }] },
    ];
    for (const value of good) {
      it(`accepts ${JSON.stringify(value)}`, function () {
        assert.ok(validate(value), JSON.stringify(validate.errors));
        assert.deepEqual(parseConfig(JSON.stringify(value)).problems, []);
      });
    }
    for (const value of bad) {
      it(`rejects ${JSON.stringify(value)}`, function () {
        assert.equal(validate(value), false);
        assert.ok(parseConfig(JSON.stringify(value)).problems.length > 0);
      });
    }
  });
});
