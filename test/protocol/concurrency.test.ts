// Concurrency through the real server: 1,000 random incremental edits end in exactly what a cold analysis of the final
// text gives (tokens, hovers, diagnostics); files deleted, renamed and changed on disk while the workspace is being
// indexed end up as they are on disk; settings changed at run time take effect; cancelled requests are answered as
// cancelled, and the server carries on.
import { strict as assert } from 'node:assert';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CancellationTokenSource, FileChangeType, type DocumentDiagnosticReport, type Hover, type SymbolInformation } from 'vscode-languageserver/node';
import { SEEDS_DIR } from '../helpers/seeds';
import { Random } from '../helpers/random';
import { decodeSemanticTokens, fileUri, LspSession, positionOf, SERVER_JS } from './harness';

const SYRIA = 'Russia keeps its forces in Syria\n\nNovember 6, 2017\n\nSome 4,300 Russian military are deployed in Syria, the defence ministry said.\n';
const KREMLIN = 'Kremlin briefing on Syria\n\nNovember 6, 2017\n\nThe Kremlin said 5,000 Russian troops are stationed in Syria.\n';

function seedsWorkspace(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'corroborate-concurrency-'));
  cpSync(SEEDS_DIR, dir, { recursive: true });
  writeFileSync(path.join(dir, 'syria-deployment.txt'), SYRIA);
  writeFileSync(path.join(dir, 'kremlin-briefing.txt'), KREMLIN);
  return dir;
}

async function indexed(session: LspSession, count = 1, timeoutMs = 60_000): Promise<void> {
  await session.waitFor(() => session.logs.filter((line) => /indexed \d+ articles/.test(line)).length >= count, 'the workspace to be indexed', timeoutMs);
}

/** (line, character) of an offset, counting lines as LSP does. */
function positionAt(text: string, offset: number): { line: number; character: number } {
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1]!.length };
}

interface Observed {
  tokens: string[];
  hovers: string[];
  diagnostics: string[];
}

/** Tokens, the hover at every token, and the document's diagnostics, with the workspace folder's path taken out. */
async function observe(session: LspSession, uri: string, text: string, dir: string): Promise<Observed> {
  const data = await session.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
  const tokens = decodeSemanticTokens(data.data, session.legend, text);
  const hovers: string[] = [];
  for (const token of tokens) {
    const hover = await session.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: token.line, character: token.character } });
    const value = hover ? (typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : JSON.stringify(hover.contents)) : 'null';
    hovers.push(`${token.line}:${token.character} ${value}`);
  }
  const report = await session.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
  const items = report.kind === 'full' ? report.items : [];
  const strip = (s: string) => s.split(fileUri(dir)).join('WS').split(dir).join('WS');
  return {
    tokens: tokens.map((t) => `${t.line}:${t.character}:${t.length}:${t.type}:${t.modifiers.join('+')}:${t.text}`),
    hovers: hovers.map(strip),
    diagnostics: items.map((d) => strip(JSON.stringify({ range: d.range, code: d.code, message: d.message, severity: d.severity, related: d.relatedInformation }))),
  };
}

describe('protocol: concurrency', function () {
  this.timeout(240_000);

  before(function () {
    assert.ok(existsSync(SERVER_JS), `${SERVER_JS} is missing: run "node esbuild.mjs" first`);
  });

  it('ends 1,000 random incremental edits with what a cold analysis of the final text gives', async function () {
    const dir = seedsWorkspace();
    const session = await LspSession.start({ workspaceFolder: dir });
    let cold: LspSession | undefined;
    const coldDir = mkdtempSync(path.join(os.tmpdir(), 'corroborate-concurrency-cold-'));
    try {
      await indexed(session);
      const file = path.join(dir, 'syria-deployment.txt');
      const uri = await session.open(file);
      let text = session.textOf(uri);
      const rng = new Random(1000);
      const snippets = ['Hmeimim', ' Khmeimim air base', ' 5,000 troops', ' on Monday', '\n', '\r\n', ' 😀 ', ' Latakia', ' Tartus', ' 12/09/2017', ' some 4,300', 'the', ' ', 'ز', '.'];
      for (let version = 2; version <= 1001; version++) {
        const at = rng.int(text.length + 1);
        // never split a surrogate pair or a CRLF (an editor does not)
        const safe = (offset: number) => {
          let o = Math.min(offset, text.length);
          while (o > 0 && o < text.length && ((text.charCodeAt(o) & 0xfc00) === 0xdc00 || (text[o - 1] === '\r' && text[o] === '\n'))) o--;
          return o;
        };
        const start = safe(at);
        const end = safe(Math.min(text.length, start + (rng.next() < 0.5 ? 0 : rng.int(12))));
        const insert = rng.next() < 0.7 ? snippets[rng.int(snippets.length)]! : '';
        const range = { start: positionAt(text, start), end: positionAt(text, end) };
        text = text.slice(0, start) + insert + text.slice(end);
        if (text.length > 6000) text = text.slice(0, 6000); // keep it an article (applied as a second edit below)
        await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: insert }] });
        if (text.length === 6000) await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
        // requests in the middle of the edits, some waited for, some not
        if (version % 97 === 0) await session.request('textDocument/semanticTokens/full', { textDocument: { uri } });
        else if (version % 31 === 0) void session.request('textDocument/hover', { textDocument: { uri }, position: range.start }).catch(() => undefined);
      }
      // one last incremental edit puts a dated conflicting figure on top, so there are diagnostics to compare too
      await session.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 1002 },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: SYRIA + '\n' }],
      });
      text = SYRIA + '\n' + text;
      const afterEdits = await observe(session, uri, text, dir);
      assert.ok(afterEdits.tokens.length > 5, `tokens after the edits: ${afterEdits.tokens.length}`);
      assert.ok(afterEdits.hovers.filter((hover) => !hover.endsWith(' null')).length > 5, 'hovers after the edits');
      assert.ok(afterEdits.diagnostics.some((d) => d.includes('cross-file-figure')), JSON.stringify(afterEdits.diagnostics));

      // the same workspace, the final text on disk, a fresh server
      cpSync(dir, coldDir, { recursive: true });
      writeFileSync(path.join(coldDir, 'syria-deployment.txt'), text);
      cold = await LspSession.start({ workspaceFolder: coldDir });
      await indexed(cold);
      const coldUri = await cold.open(path.join(coldDir, 'syria-deployment.txt'), text);
      const fromCold = await observe(cold, coldUri, text, coldDir);
      assert.deepEqual(afterEdits.tokens, fromCold.tokens);
      assert.deepEqual(afterEdits.hovers, fromCold.hovers);
      assert.deepEqual(afterEdits.diagnostics, fromCold.diagnostics);
      assert.equal(session.exited, false);
    } finally {
      await session.stop();
      await cold?.stop();
      rmSync(dir, { recursive: true, force: true });
      rmSync(coldDir, { recursive: true, force: true });
    }
  });

  it('follows files deleted, renamed and changed on disk while the workspace is being indexed', async function () {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'corroborate-concurrency-fs-'));
    // enough articles that indexing is still under way when the changes come
    const seeds = ['000', '001', '002', '003', '004'].map((prefix) => readFileSync(path.join(SEEDS_DIR, require('node:fs').readdirSync(SEEDS_DIR).find((n: string) => n.startsWith(prefix))), 'utf8'));
    for (let i = 0; i < 400; i++) writeFileSync(path.join(dir, `filler-${i}.txt`), seeds[i % seeds.length]!);
    const person = (name: string) => `Statement\n\nRussian Deputy Foreign Minister ${name} told reporters in Moscow on Monday that the talks would continue. ${name} said Moscow was ready.\n`;
    writeFileSync(path.join(dir, 'gone.txt'), person('Oleg Vasnetsov'));
    writeFileSync(path.join(dir, 'moved.txt'), person('Pavel Tretyakov'));
    writeFileSync(path.join(dir, 'changed.txt'), person('Ivan Shishkin'));
    const session = await LspSession.start({ workspaceFolder: dir });
    try {
      await session.waitFor(() => session.progress.some((p) => p.value.kind === 'report' || p.value.kind === 'begin'), 'indexing to start', 30_000);
      unlinkSync(path.join(dir, 'gone.txt'));
      renameSync(path.join(dir, 'moved.txt'), path.join(dir, 'moved-renamed.txt'));
      writeFileSync(path.join(dir, 'changed.txt'), person('Arkhip Kuindzhi'));
      const stillIndexing = !session.logs.some((line) => /indexed \d+ articles/.test(line));
      await session.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [
          { uri: fileUri(path.join(dir, 'gone.txt')), type: FileChangeType.Deleted },
          { uri: fileUri(path.join(dir, 'moved.txt')), type: FileChangeType.Deleted },
          { uri: fileUri(path.join(dir, 'moved-renamed.txt')), type: FileChangeType.Created },
          { uri: fileUri(path.join(dir, 'changed.txt')), type: FileChangeType.Changed },
        ],
      });
      assert.ok(stillIndexing, 'the changes were made while the workspace was being indexed');
      await indexed(session, 1, 120_000);
      const symbols = async (query: string) => {
        const found = await session.request<SymbolInformation[]>('workspace/symbol', { query });
        return found.flatMap((symbol) => ('location' in symbol && 'range' in symbol.location ? [`${symbol.name} @ ${path.basename(new URL(symbol.location.uri).pathname)}`] : [`${symbol.name}`]));
      };
      await session.waitFor(async () => (await symbols('Kuindzhi')).length > 0, 'the changed file to be indexed again', 60_000);
      assert.deepEqual(await symbols('Vasnetsov'), [], 'the deleted file’s name is gone');
      assert.deepEqual(await symbols('Shishkin'), [], 'the changed file’s old name is gone');
      assert.ok((await symbols('Kuindzhi')).some((s) => /Arkhip Kuindzhi @ changed\.txt/.test(s)), String(await symbols('Kuindzhi')));
      assert.ok((await symbols('Tretyakov')).some((s) => /Pavel Tretyakov @ moved-renamed\.txt/.test(s)), String(await symbols('Tretyakov')));
      assert.ok(!(await symbols('Tretyakov')).some((s) => /@ moved\.txt/.test(s)));
    } finally {
      await session.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('applies settings changed at run time: the date order re-analyses the workspace, a check turned off goes quiet', async function () {
    const dir = seedsWorkspace();
    writeFileSync(path.join(dir, 'numeric.txt'), 'Numeric dates\n\nThe meeting on 03/04/2021 was short.\n');
    const session = await LspSession.start({ workspaceFolder: dir, settings: { dates: { numericOrder: 'month-first' } } });
    try {
      await indexed(session);
      const uri = await session.open(path.join(dir, 'numeric.txt'));
      const hoverText = async () => {
        const hover = await session.hover(uri, positionOf(session.textOf(uri), '03/04/2021', 0, 2));
        return hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
      };
      assert.match(await hoverText(), /2021-03-04/);
      const syria = fileUri(path.join(dir, 'syria-deployment.txt'));
      const codes = async () => {
        const report = await session.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: syria } });
        return report.kind === 'full' ? report.items.map((d) => d.code) : [];
      };
      assert.ok((await codes()).includes('cross-file-figure'));
      await session.setSettings({ dates: { numericOrder: 'day-first' } });
      await indexed(session, 2);
      assert.match(await hoverText(), /2021-04-03/);
      const reindex = session.logs.filter((line) => /indexed \d+ articles/.test(line))[1]!;
      assert.match(reindex, /\((\d+) analysed/);
      assert.ok(Number(/\((\d+) analysed/.exec(reindex)![1]) >= 7, reindex); // every closed article again
      await session.setSettings({ dates: { numericOrder: 'day-first' }, checks: { crossFileFigure: 'off' } });
      await session.waitFor(async () => !(await codes()).includes('cross-file-figure'), 'the check to be turned off');
      await session.setSettings({ dates: { numericOrder: 'day-first' } });
      await session.waitFor(async () => (await codes()).includes('cross-file-figure'), 'the check to be back');
    } finally {
      await session.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers a cancelled request as cancelled, at once, and keeps answering the others', async function () {
    const dir = seedsWorkspace();
    // long enough that its analysis (on a worker) takes well over a second: the cancellations come while it runs
    const long = Array.from({ length: 12_000 }, (_, i) => `${i % 7 === 0 ? '\n' : ''}${SYRIA}`).join('');
    const session = await LspSession.start({ workspaceFolder: dir, settings: { files: { maxSizeKB: 20_480 } } });
    try {
      await indexed(session);
      const uri = await session.open(path.join(dir, 'long.txt'), long);
      const cancelSoon = (source: CancellationTokenSource) => setTimeout(() => source.cancel(), 50);
      const tokensSource = new CancellationTokenSource();
      const tokens = session.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } }, tokensSource.token);
      cancelSoon(tokensSource);
      const hoverSource = new CancellationTokenSource();
      const hover = session.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(long, 'Syria') }, hoverSource.token);
      cancelSoon(hoverSource);
      // a request that were not cancelled would wait for the analysis and answer with data, not this error
      await assert.rejects(tokens, (error: { code?: number }) => error.code === -32800);
      await assert.rejects(hover, (error: { code?: number }) => error.code === -32800);
      // meanwhile other documents are served, and the same requests, not cancelled, get their answers
      const syria = await session.open(path.join(dir, 'syria-deployment.txt'));
      assert.ok((await session.semanticTokens(syria)).some((token) => token.text === 'Syria'));
      const answered = await session.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
      assert.ok(answered.data.length > 0);
      assert.ok(await session.hover(uri, positionOf(long, 'Syria')));
      assert.equal(session.exited, false);
    } finally {
      await session.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
