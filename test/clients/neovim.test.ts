// Another LSP client than VS Code: Neovim (headless, through ../shared/tools/lsp-probe) starts
// `node dist/server.js --stdio`, opens a seed, asks for hovers and semantic tokens, and decodes the tokens with the
// legend the server announced.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SEEDS_DIR, SHARED_DIR, seedPath } from '../helpers/seeds';
import { runProbe, type ProbeRun } from './probe';

const ISO_DAY = /\b\d{4}-\d{2}-\d{2}\b/;

function hoverOf(run: ProbeRun, spec: string): string {
  const hover = run.report.hover.find((entry) => entry.spec === `text:${spec}` || entry.spec === spec);
  assert.ok(hover, `no hover entry for ${spec} in ${JSON.stringify(run.report.hover)}`);
  assert.equal(hover.status, 'ok', `hover ${spec}: ${JSON.stringify(hover)}`);
  return hover.rendered ?? '';
}

describe('clients: Neovim (lsp-probe) with node dist/server.js --stdio', function () {
  let workspace: string;
  let seed003: ProbeRun;
  let seed000: ProbeRun;

  before(async function () {
    if (!SHARED_DIR) {
      console.warn('    SKIPPED: ../shared is absent beside the checkout, so ../shared/tools/lsp-probe cannot run.');
      this.skip();
    }
    const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    assert.equal(nvim.status, 0, 'Neovim is not installed: apt-get install -y neovim (.ci/run does)');
    // Neovim reads a copy of the seeds, never the repository's own files.
    workspace = mkdtempSync(path.join(os.tmpdir(), 'corroborate-nvim-'));
    cpSync(SEEDS_DIR, path.join(workspace, 'seeds'), { recursive: true });
    const copy = (prefix: string) => path.join(workspace, 'seeds', path.basename(seedPath(prefix)));
    [seed003, seed000] = await Promise.all([
      runProbe(copy('003'), ['on Monday', 'two military bases'], path.join(workspace, 'seeds')),
      runProbe(copy('000'), ['Last Friday', 'some 4,300'], path.join(workspace, 'seeds')),
    ]);
  });

  after(function () {
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  it('initializes the server and gets our semantic token legend', function () {
    for (const run of [seed003, seed000]) {
      assert.equal(run.exitCode, 0, `lsp-probe exit ${run.exitCode}: ${JSON.stringify(run.report.problems)}\n${run.report.server_stderr_tail ?? ''}`);
      assert.ok(run.report.ok, JSON.stringify(run.report.problems));
      assert.equal(run.report.client.name, 'Neovim');
      assert.equal(run.report.server.info?.name, 'corroborate');
      const legend = run.report.server.capabilities?.semanticTokensProvider?.legend;
      assert.ok(legend?.tokenTypes.includes('date') && legend.tokenTypes.includes('figure'), JSON.stringify(legend));
    }
  });

  it('decodes date and figure tokens in seed 003 with the legend', function () {
    const tokens = seed003.report.semantic_tokens;
    assert.equal(tokens.status, 'ok', JSON.stringify(tokens));
    assert.deepEqual(tokens.decode_problems ?? [], []);
    const dates = tokens.tokens.filter((token) => token.type === 'date').map((token) => token.text);
    const figures = tokens.tokens.filter((token) => token.type === 'figure').map((token) => token.text);
    assert.ok(dates.includes('on Monday') || dates.includes('Monday'), `date tokens: ${JSON.stringify(dates)}`);
    assert.ok(dates.some((text) => text.includes('December 17, 2024')), `date tokens: ${JSON.stringify(dates)}`);
    assert.ok(figures.some((text) => /^two\b/.test(text)), `figure tokens: ${JSON.stringify(figures)}`);
  });

  it('hovers "on Monday" in seed 003 with 2024-12-16', function () {
    assert.match(hoverOf(seed003, 'on Monday'), /2024-12-16/);
  });

  it('hovers "two" in "two military bases" in seed 003 with the value 2', function () {
    const text = hoverOf(seed003, 'two military bases').replace(/“[^”]*”/g, '');
    assert.match(text, /\b2\b/, text);
  });

  it('hovers "Last Friday" in seed 000 as unresolved, without guessing a day', function () {
    const text = hoverOf(seed000, 'Last Friday');
    assert.match(text, /unresolved/i);
    assert.doesNotMatch(text, ISO_DAY);
  });

  it('hovers "some 4,300" in seed 000 with its value', function () {
    const text = hoverOf(seed000, 'some 4,300').replace(/“[^”]*”/g, '');
    assert.match(text, /\b4,?300\b/, text);
  });
});
