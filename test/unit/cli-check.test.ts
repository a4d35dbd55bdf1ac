// corroborate check: the text format (file:line:col: severity [check] message), JSON, SARIF 2.1.0 (valid against the
// official schema as shipped in @microsoft/jest-sarif, MIT, and as GitHub code scanning reads it), --fail-on and the
// exit codes 0/1/2. Runs the command in process, capturing stdout and stderr. (The schema's "language" pattern is not
// valid as a Unicode regular expression, hence unicodeRegExp: false.)
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { main } from '../../server/src/cli/main';
import { SEEDS_DIR } from '../helpers/seeds';
import { FIXTURES } from './checks-support';

const SARIF_SCHEMA = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
const validate = addFormats(new Ajv({ allErrors: true, strict: false, unicodeRegExp: false })).compile(SARIF_SCHEMA);

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => ((stdout += chunk.toString()), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += chunk.toString()), true)) as typeof process.stderr.write;
  try {
    const code = await main(['check', ...args]);
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

describe('cli: corroborate check', function () {
  this.timeout(60_000);
  let dir: string;
  let cwd: string;

  before(function () {
    cwd = process.cwd();
    dir = mkdtempSync(path.join(os.tmpdir(), 'corroborate-cli-check-'));
    cpSync(FIXTURES, path.join(dir, 'news'), { recursive: true });
    rmSync(path.join(dir, 'news', 'cases.json'));
    process.chdir(dir);
  });

  after(function () {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints one file:line:col: severity [check] message line per finding and exits 1 on warnings', async function () {
    const { code, stdout, stderr } = await run('news');
    assert.equal(code, 1);
    const lines = stdout.trim().split('\n');
    assert.ok(lines.length >= 30, stdout);
    for (const line of lines) assert.match(line, /^news\/[\w-]+\.txt:\d+:\d+: (error|warning|information|hint) \[[a-z-]+\] \S/);
    assert.ok(lines.includes('news/syria-deployment.txt:5:1: warning [cross-file-figure] Some 4,300 Russian military here; 5,000 Russian troops in kremlin-briefing.txt (2017-11-06)'), stdout);
    assert.match(stderr, /problems .* in \d+ of 11 articles/);
  });

  it('exits 0 for consistent articles (the seeds) and with --fail-on never; --fail-on error ignores warnings', async function () {
    assert.equal((await run(SEEDS_DIR)).code, 0);
    assert.equal((await run('news', '--fail-on', 'never')).code, 0);
    assert.equal((await run('news', '--fail-on=error')).code, 0);
  });

  it('checks single files, named relative to their folder', async function () {
    const { code, stdout } = await run('news/weekdays.txt', 'news/shares-and-sums.txt');
    assert.equal(code, 1);
    assert.deepEqual([...new Set(stdout.trim().split('\n').map((line) => line.split(':')[0]))].sort(), ['news/shares-and-sums.txt', 'news/weekdays.txt']);
  });

  it('exits 2 with a clear message for a missing path or a bad option', async function () {
    const missing = await run('no-such-folder');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no-such-folder: no such file or folder/);
    const bad = await run('news', '--format', 'xml');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--format must be one of text, json, sarif/);
    assert.equal((await run('news', '--fail-on', 'sometimes')).code, 2);
  });

  it('writes JSON with positions, related mentions and fixes', async function () {
    const { stdout } = await run('news', '--format', 'json');
    const report = JSON.parse(stdout) as { articles: number; findings: { file: string; line: number; column: number; check: string; related: { file: string }[]; fixes: { changes: { newText: string }[] }[] }[] };
    assert.equal(report.articles, 11);
    const conflict = report.findings.find((f) => f.file === 'news/syria-deployment.txt' && f.check === 'cross-file-figure')!;
    assert.deepEqual([conflict.line, conflict.column], [5, 1]);
    assert.equal(conflict.related[0]!.file, 'news/kremlin-briefing.txt');
    assert.equal(conflict.fixes[0]!.changes[0]!.newText, '5,000');
  });

  it('writes SARIF 2.1.0 that the official schema accepts, in the shape GitHub code scanning reads', async function () {
    const { stdout, code } = await run('news', '--format', 'sarif');
    assert.equal(code, 1);
    const log = JSON.parse(stdout);
    assert.ok(validate(JSON.parse(stdout)), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    assert.equal(log.version, '2.1.0');
    const run0 = log.runs[0];
    assert.equal(run0.tool.driver.name, 'Corroborate');
    const ruleIds = run0.tool.driver.rules.map((r: { id: string }) => r.id);
    assert.equal(run0.results.length >= 30, true);
    for (const result of run0.results) {
      assert.ok(ruleIds.includes(result.ruleId));
      assert.equal(run0.tool.driver.rules[result.ruleIndex].id, result.ruleId);
      assert.ok(result.message.text.length > 0);
      const location = result.locations[0].physicalLocation;
      assert.match(location.artifactLocation.uri, /^news\/[\w-]+\.txt$/, 'a path relative to the checkout');
      assert.ok(location.region.startLine >= 1 && location.region.startColumn >= 1);
      assert.ok(result.partialFingerprints['corroborate/v1']);
    }
    const conflict = run0.results.find((r: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.ruleId === 'cross-file-figure' && r.locations[0]!.physicalLocation.artifactLocation.uri === 'news/syria-deployment.txt');
    assert.equal(conflict.relatedLocations[0].physicalLocation.artifactLocation.uri, 'news/kremlin-briefing.txt');
  });

  it('the schema check is not vacuous: a broken log is rejected', function () {
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: {} }, results: [{ level: 'loud' }] }] }), false);
  });

  it('honours .corroborate.json in the folder (files off)', async function () {
    writeFileSync(path.join(dir, 'news', '.corroborate.json'), JSON.stringify({ off: ['*.txt'] }));
    try {
      const { code, stdout } = await run('news');
      assert.equal(code, 0);
      assert.equal(stdout, '');
    } finally {
      rmSync(path.join(dir, 'news', '.corroborate.json'));
    }
  });
});
