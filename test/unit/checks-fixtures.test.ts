// The fixture workspace test/fixtures/checks: every planted inconsistency is flagged by its check, at the text the
// manifest names; no consistent near-miss is flagged; nothing else is flagged. And the five seeds: no findings.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { RatedFinding } from '../../server/src/checks/index';
import { SEEDS_DIR } from '../helpers/seeds';
import { articlesIn, checkWorkspace, FIXTURES, type CheckWorkspace } from './checks-support';

interface Planted {
  readonly name: string;
  readonly check: string;
  readonly file: string;
  readonly at: string;
  readonly line?: number;
  readonly severity?: string;
}
interface NearMiss {
  readonly name: string;
  readonly file: string;
  readonly text: string;
}

const cases = JSON.parse(readFileSync(path.join(FIXTURES, 'cases.json'), 'utf8')) as { planted: Planted[]; nearMisses: NearMiss[] };

describe('checks: the fixture workspace (test/fixtures/checks)', function () {
  this.timeout(60_000);
  let ws: CheckWorkspace;
  let texts: Record<string, string>;
  const findingsOf = new Map<string, RatedFinding[]>();

  before(async function () {
    texts = articlesIn(FIXTURES);
    ws = await checkWorkspace(texts);
    for (const file of Object.keys(texts)) findingsOf.set(file, ws.findings(file));
  });

  it('has at least three planted cases of each kind and at least as many near-misses', function () {
    const kinds = ['cross-file-figure', 'within-file-figure', 'percent-sum', 'unit-conversion', 'date-arithmetic', 'list-count', 'weekday-date'];
    for (const kind of kinds) assert.ok(cases.planted.filter((p) => p.check === kind).length >= 3, `fewer than three planted ${kind} cases`);
    assert.ok(cases.nearMisses.length >= cases.planted.length, `${cases.nearMisses.length} near-misses for ${cases.planted.length} planted cases`);
  });

  /** Whether a finding is on the planted text (its span starts where the text does, on the given line if any). */
  const matches = (finding: RatedFinding, planted: Planted) => {
    const text = texts[planted.file]!;
    return finding.check === planted.check && text.slice(finding.at.start).startsWith(planted.at) && (planted.line === undefined || finding.at.line + 1 === planted.line);
  };

  for (const planted of cases.planted) {
    it(`flags ${planted.name}`, function () {
      const findings = findingsOf.get(planted.file) ?? [];
      const hit = findings.find((f) => matches(f, planted));
      assert.ok(hit, `no ${planted.check} finding at “${planted.at}” in ${planted.file}; found: ${JSON.stringify(findings.map((f) => `${f.check} @${f.text}: ${f.message}`), null, 1)}`);
      assert.equal(hit.severity, planted.severity ?? 'warning', hit.message);
      assert.ok(hit.message.length > 20, 'the message says what conflicts with what');
    });
  }

  for (const miss of cases.nearMisses) {
    it(`does not flag ${miss.name}`, function () {
      const text = texts[miss.file]!;
      const at = text.indexOf(miss.text);
      assert.ok(at >= 0, `“${miss.text}” is not in ${miss.file}`);
      const end = at + miss.text.length;
      const on = (findingsOf.get(miss.file) ?? []).filter((f) => f.at.start < end && f.at.end > at);
      assert.deepEqual(on.map((f) => `${f.check}: ${f.message}`), []);
    });
  }

  it('flags nothing beyond the planted cases', function () {
    const unexpected: string[] = [];
    for (const [file, findings] of findingsOf) {
      for (const finding of findings) {
        if (!cases.planted.some((p) => p.file === file && matches(finding, p))) unexpected.push(`${file}:${finding.at.line + 1} [${finding.check}] ${finding.message}`);
      }
    }
    assert.deepEqual(unexpected, []);
  });

  it('names the other article and its figure in a cross-file message, with that mention as related information', function () {
    const finding = findingsOf.get('syria-deployment.txt')!.find((f) => f.check === 'cross-file-figure')!;
    assert.equal(finding.message, 'Some 4,300 Russian military here; 5,000 Russian troops in kremlin-briefing.txt (2017-11-06)');
    assert.equal(finding.related.length, 1);
    assert.equal(finding.related[0]!.uri, ws.uri('kremlin-briefing.txt'));
    assert.equal(texts['kremlin-briefing.txt']!.slice(finding.related[0]!.at.start, finding.related[0]!.at.end), '5,000');
    assert.deepEqual(finding.facts, [{ uri: ws.uri('syria-deployment.txt'), figure: 'Some 4,300' }, { uri: ws.uri('kremlin-briefing.txt'), figure: '5,000' }]);
    assert.equal(finding.fixes[0]!.changes[0]!.newText, '5,000');
  });
});

describe('checks: the five seeds', function () {
  this.timeout(60_000);
  it('flag nothing (they are consistent; 004\'s 12/09/2017 ... on Tuesday is 12 September 2017)', async function () {
    const ws = await checkWorkspace(articlesIn(SEEDS_DIR));
    assert.deepEqual(ws.all(), []);
  });
});
