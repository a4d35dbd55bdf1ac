// Hostile input through the real server: empty and blank files, a 10 MB article (skipped with one message under the
// default size limit, indexed when the limit is raised), a 200,000-character line, binary data, invalid UTF-8, a
// UTF-8 BOM, CRLF and lone CR line ends, emoji and other astral characters (positions in UTF-16), right-to-left text,
// and pathological numerals. Each gives a result (or a clear message), the positions the server reports are where an
// editor has the text, and the planted conflict between two ordinary articles is reported all along.
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic, DocumentDiagnosticReport, Hover, Location } from 'vscode-languageserver/node';
import { fileUri, LspSession, positionOf, SERVER_JS } from './harness';

const SYRIA = 'Russia keeps its forces in Syria\n\nNovember 6, 2017\n\nSome 4,300 Russian military are deployed in Syria, the defence ministry said.\n';
const KREMLIN = 'Kremlin briefing on Syria\n\nNovember 6, 2017\n\nThe Kremlin said 5,000 Russian troops are stationed in Syria.\n';
/** A sentence the tagger reads Hmeimim and Latakia in. */
const BASE = 'Russian warplanes took off from the Hmeimim air base in Latakia province, the defence ministry in Moscow said.';

const utf8 = (text: string) => Buffer.from(text, 'utf8');

/** The files, as bytes on disk, and the text an editor shows for each (BOM dropped, invalid UTF-8 as Windows-1252). */
const FILES: Record<string, { bytes: Buffer; text?: string }> = {
  'syria-deployment.txt': { bytes: utf8(SYRIA) },
  'kremlin-briefing.txt': { bytes: utf8(KREMLIN) },
  'hub.txt': { bytes: utf8(`Hub\n\n${BASE}\n`) },
  'empty.txt': { bytes: Buffer.alloc(0) },
  'blank.txt': { bytes: utf8(' \t\n\n   \n\u00a0\n') },
  'long-line.txt': { bytes: utf8(`${BASE} `.repeat(Math.ceil(200_000 / (BASE.length + 1))).slice(0, 200_000)) },
  'binary.txt': { bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]) },
  'invalid-utf8.txt': { bytes: Buffer.concat([utf8('Caf'), Buffer.from([0xe9]), utf8(` menu. ${BASE}\n`)]), text: `Café menu. ${BASE}\n` },
  'bom.txt': { bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(`Bom headline\n\n${BASE}\n`)]), text: `Bom headline\n\n${BASE}\n` },
  'crlf.txt': { bytes: utf8(`Crlf headline\r\n\r\nFirst line.\r\n${BASE}\r\n`) },
  'lone-cr.txt': { bytes: utf8(`Cr headline\r\rFirst line.\r${BASE}\r`) },
  'emoji.txt': { bytes: utf8(`Emoji 😀 headline 🇸🇾\n\n👍🏽 𝐀 ${BASE.replace('Hmeimim', '🛩️ Hmeimim')}\n`) },
  'rtl.txt': { bytes: utf8(`قاعدة حميميم الجوية\n\nשלום. ${BASE} مرحبا\n`) },
  'ones.txt': { bytes: utf8(`${'1,'.repeat(50_000)}1 bases.`) },
  'brackets.txt': { bytes: utf8(`${'('.repeat(500)}${BASE}${')'.repeat(500)}`) },
  'digits.txt': { bytes: utf8(`The number is ${'1234567890'.repeat(1000)} exactly, said Latakia.`) },
};
const BIG = 'big.txt';
const TEXT_FILES = Object.keys(FILES).filter((name) => name !== 'binary.txt');

function textOf(name: string): string {
  const file = FILES[name]!;
  return file.text ?? file.bytes.toString('utf8');
}

function workspace(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'corroborate-robust-'));
  for (const [name, { bytes }] of Object.entries(FILES)) writeFileSync(path.join(dir, name), bytes);
  // 10 MB of article text (the default size limit is 5 MB)
  const paragraph = `${SYRIA}\n${BASE}\n\n`;
  writeFileSync(path.join(dir, BIG), paragraph.repeat(Math.ceil((10 * 1024 * 1024) / paragraph.length)).slice(0, 10 * 1024 * 1024));
  return dir;
}

/** Messages shown to the user (window/showMessage notifications and window/showMessageRequest requests). */
function shown(session: LspSession): { type: number; message: string }[] {
  const requests = session.requestsFromServer.filter((request) => request.method === 'window/showMessageRequest').map((request) => request.params as { type: number; message: string });
  return [...session.messages, ...requests];
}

async function conflictIn(session: LspSession, uri: string): Promise<Diagnostic | undefined> {
  const report = await session.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
  return report.kind === 'full' ? report.items.find((item) => item.code === 'cross-file-figure') : undefined;
}

describe('protocol: robustness to hostile input', function () {
  this.timeout(300_000);
  let dir: string;
  let session: LspSession;

  before(async function () {
    assert.ok(existsSync(SERVER_JS), `${SERVER_JS} is missing: run "node esbuild.mjs" first`);
    dir = workspace();
    session = await LspSession.start({ workspaceFolder: dir });
    await session.waitFor(() => session.logs.some((line) => /indexed \d+ articles/.test(line)), 'the workspace to be indexed', 120_000);
  });

  after(async function () {
    await session?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('indexes every text file, skips the binary one and the one above the size limit, and says so', function () {
    const indexed = session.logs.find((line) => /indexed \d+ articles/.test(line))!;
    assert.match(indexed, new RegExp(`indexed ${TEXT_FILES.length} articles`));
    assert.ok(session.logs.some((line) => /skipped: binary\.txt holds binary data: not indexed/.test(line)), session.logs.join('\n'));
    assert.ok(session.logs.some((line) => /invalid-utf8\.txt: not valid UTF-8; read as Windows-1252/.test(line)), session.logs.join('\n'));
    const tooLarge = shown(session).filter((message) => /larger than corroborate\.files\.maxSizeKB/.test(message.message));
    assert.equal(tooLarge.length, 1, JSON.stringify(shown(session)));
    assert.equal(tooLarge[0]!.type, 3); // information
    assert.match(tooLarge[0]!.message, /big\.txt/);
  });

  it('reports the planted conflict between the ordinary articles', async function () {
    const conflict = await conflictIn(session, fileUri(path.join(dir, 'syria-deployment.txt')));
    assert.ok(conflict, 'a cross-file conflict in syria-deployment.txt');
    assert.match(typeof conflict.message === 'string' ? conflict.message : '', /4,300.*5,000/);
  });

  it('answers tokens, hovers, symbols and diagnostics on every hostile file opened in the editor', async function () {
    for (const name of TEXT_FILES) {
      const uri = await session.open(path.join(dir, name), textOf(name));
      const tokens = await session.semanticTokens(uri);
      for (const token of tokens) assert.ok(token.text.length > 0 && token.length === token.text.length, `${name}: token ${JSON.stringify(token)} inside its line`);
      const text = textOf(name);
      for (const probe of [0, Math.floor(text.length / 2), text.length]) {
        const before = text.slice(0, probe).split(/\r\n|\r|\n/);
        await session.hover(uri, { line: before.length - 1, character: before[before.length - 1]!.length });
      }
      await session.request('textDocument/documentSymbol', { textDocument: { uri } });
      const report = await session.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
      assert.equal(report.kind, 'full', name);
      await session.close(uri);
    }
    assert.equal(session.exited, false);
    assert.doesNotMatch(session.stderr, /uncaught|unhandled/i);
  });

  it('places names by UTF-16 position after emoji, flags and mathematical letters', async function () {
    const text = textOf('emoji.txt');
    const uri = await session.open(path.join(dir, 'emoji.txt'), text);
    const tokens = await session.semanticTokens(uri);
    const hmeimim = tokens.find((token) => token.text === 'Hmeimim');
    assert.ok(hmeimim, JSON.stringify(tokens));
    assert.deepEqual({ line: hmeimim.line, character: hmeimim.character }, positionOf(text, 'Hmeimim'));
    const hover = await session.hover(uri, positionOf(text, 'Hmeimim', 0, 3));
    assert.ok(hover?.range, 'a hover with a range');
    assert.deepEqual(hover!.range!.start, positionOf(text, 'Hmeimim'));
    await session.close(uri);
  });

  it('gives positions in closed files as an editor sees them: BOM dropped, CRLF and lone CR as line ends, astral characters as two units', async function () {
    const hub = await session.open(path.join(dir, 'hub.txt'));
    const locations = await session.request<Location[]>('textDocument/references', {
      textDocument: { uri: hub },
      position: positionOf(session.textOf(hub), 'Hmeimim'),
      context: { includeDeclaration: true },
    });
    for (const name of ['bom.txt', 'crlf.txt', 'lone-cr.txt', 'emoji.txt', 'rtl.txt', 'invalid-utf8.txt']) {
      const inFile = locations.filter((location) => location.uri === fileUri(path.join(dir, name)));
      assert.ok(inFile.length > 0, `Hmeimim in ${name}: ${JSON.stringify(locations.map((l) => l.uri))}`);
      assert.deepEqual(inFile[0]!.range.start, positionOf(textOf(name), 'Hmeimim'), name);
      assert.equal(inFile[0]!.range.end.character - inFile[0]!.range.start.character, 'Hmeimim'.length, name);
    }
    await session.close(hub);
  });

  it('indexes the 10 MB article in bounded time once the limit is raised, answering requests meanwhile', async function () {
    const before = session.logs.filter((line) => /indexed \d+ articles/.test(line)).length;
    await session.setSettings({ files: { maxSizeKB: 20_480 } });
    // while the big file is analysed on a worker, the other articles' diagnostics are still answered
    const conflict = await conflictIn(session, fileUri(path.join(dir, 'syria-deployment.txt')));
    assert.ok(conflict);
    await session.waitFor(() => session.logs.filter((line) => /indexed \d+ articles/.test(line)).length > before, 'the re-index with the raised limit', 240_000);
    const last = session.logs.filter((line) => /indexed \d+ articles/.test(line)).pop()!;
    assert.match(last, new RegExp(`indexed ${TEXT_FILES.length + 1} articles`));
    // its names are in the workspace: Hmeimim's references now include big.txt
    const hub = await session.open(path.join(dir, 'hub.txt'));
    const locations = await session.request<Location[]>('textDocument/references', {
      textDocument: { uri: hub },
      position: positionOf(session.textOf(hub), 'Hmeimim'),
      context: { includeDeclaration: true },
    });
    assert.ok(locations.some((location) => location.uri === fileUri(path.join(dir, BIG))), 'a reference in big.txt');
    const hover = await session.request<Hover | null>('textDocument/hover', { textDocument: { uri: hub }, position: positionOf(session.textOf(hub), 'Hmeimim') });
    assert.ok(hover);
    assert.ok((await conflictIn(session, fileUri(path.join(dir, 'syria-deployment.txt')))) !== undefined);
    // no second message about the size: the file is no longer skipped
    assert.equal(shown(session).filter((message) => /larger than corroborate\.files\.maxSizeKB/.test(message.message)).length, 1);
    await session.close(hub);
  });
});
