// corroborate entities: the clusters of a folder, as text and JSON, and its usage errors.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../server/src/cli/main';
import { SEEDS_DIR } from '../helpers/seeds';

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => ((stdout += String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += String(chunk)), true)) as typeof process.stderr.write;
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

describe('corroborate entities', function () {
  this.timeout(30000);

  it('lists the seeds\' entities as JSON, with spellings, counts and files', async function () {
    const { code, stdout } = await run(['entities', SEEDS_DIR, '--format', 'json']);
    assert.equal(code, 0);
    const result = JSON.parse(stdout) as { articles: number; entities: { name: string; type: string; mentions: number; articles: number; spellings: { text: string }[]; files: { file: string; line: number }[] }[] };
    assert.equal(result.articles, 5);
    const base = result.entities.find((e) => e.spellings.some((s) => s.text === 'Khmeimim'))!;
    assert.ok(base, 'the Hmeimim cluster');
    assert.equal(base.type, 'place');
    assert.deepEqual(base.spellings.map((s) => s.text).sort(), ['Hemeimeem', 'Hmeimim', 'Khmeimim']);
    assert.ok(base.articles >= 4 && base.files.every((f) => f.line >= 1));
    const syria = result.entities.find((e) => e.name === 'Syria')!;
    assert.equal(syria.articles, 5);
    assert.ok(result.entities[0]!.mentions >= result.entities[result.entities.length - 1]!.mentions, 'most mentioned first');
  });

  it('lists them as text, one entity a line', async function () {
    const { code, stdout, stderr } = await run(['entities', SEEDS_DIR, '--min-mentions', '5']);
    assert.equal(code, 0);
    assert.match(stdout, /^Mikhail Bogdanov \[person\] 8 mentions in 3 articles: Bogdanov ×5, Mikhail Bogdanov ×3$/m);
    assert.match(stdout, /^Hayat Tahrir al-Sham \[organization\] \d+ mentions in 3 articles: .*HTS ×\d+/m);
    assert.ok(stdout.split('\n').filter(Boolean).every((line) => / \d+ mentions? in \d+ articles?: /.test(line)));
    assert.match(stderr, /entities in 5 articles/);
  });

  it('reads .corroborate.json in the folder, and reports its problems', async function () {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'corroborate-cli-'));
    try {
      writeFileSync(path.join(dir, 'a.txt'), 'Russian jets flew from Hmeimim in Syria, near Jableh.\n');
      writeFileSync(path.join(dir, '.corroborate.json'), '{"aliases": [["Hmeimim", "Jableh"]], "bogus": 1}');
      const { code, stdout, stderr } = await run(['entities', dir, '--format', 'json']);
      assert.equal(code, 0);
      const entities = (JSON.parse(stdout) as { entities: { spellings: { text: string }[] }[] }).entities;
      const base = entities.find((e) => e.spellings.some((s) => s.text === 'Jableh'));
      assert.ok(base && base.spellings.some((s) => s.text === 'Hmeimim'), JSON.stringify(entities));
      assert.match(stderr, /unknown setting "bogus"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails with exit code 2 on a missing folder or a bad option', async function () {
    assert.equal((await run(['entities', path.join(os.tmpdir(), 'no-such-folder-corroborate')])).code, 2);
    assert.equal((await run(['entities'])).code, 2);
    assert.equal((await run(['entities', SEEDS_DIR, '--format', 'xml'])).code, 2);
    assert.equal((await run(['entities', SEEDS_DIR, '--min-mentions', 'zero'])).code, 2);
  });
});
