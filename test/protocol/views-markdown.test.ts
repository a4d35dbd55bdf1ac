// Markdown articles end to end: `date:` in YAML front matter is the article's date (relative dates resolve against it),
// and neither the front matter nor code (fenced, indented, inline) is analysed: no tokens, hovers, entities, dates or
// figures come from them, whether the file is open in the editor or only indexed from disk. "Set the article's date"
// edits the front matter.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Methods, type ArticleDateEdit, type EntitiesResult, type TimelineResult } from '../../server/src/protocol';
import { fileUri, LspSession, positionOf } from './harness';

const ARTICLE = [
  '---',
  'title: Peskov on Friday talks with Vladimir Putin',
  'date: 2024-12-17',
  'tags: [syria, 4,300 troops]',
  '---',
  '',
  '# Talks on Russian bases in Syria',
  '',
  'Kremlin spokesman Dmitry Peskov said on Monday that talks with the Syrian side go on.',
  '',
  '```text',
  'Sergei Shoigu said on Tuesday that 5,000 troops remain.',
  '```',
  '',
  '    Nikolai Patrushev said on Wednesday that 6,000 troops remain.',
  '',
  'The `Alexander Dvornikov on Thursday` note is inline code; Russia keeps some 4,300 military in Syria.',
  '',
].join('\n');

const NO_FRONT_MATTER = '# Bases\n\nDmitry Peskov said on Monday that talks go on.\n';
const FRONT_MATTER_WITHOUT_DATE = '---\ntitle: Bases\n---\n\nDmitry Peskov said on Monday that talks go on.\n';

/** Offsets of the lines that must never be analysed (front matter, fenced and indented code, inline code). */
function excludedRanges(text: string): { line: number; from: number; to: number }[] {
  const lines = text.split('\n');
  const ranges = [0, 1, 2, 3, 4, 10, 11, 12, 14].map((line) => ({ line, from: 0, to: lines[line]!.length }));
  const inline = lines[16]!.indexOf('`Alexander');
  ranges.push({ line: 16, from: inline, to: lines[16]!.indexOf('`', inline + 1) + 1 });
  return ranges;
}

describe('protocol: Markdown articles (front matter and code)', function () {
  let dir: string;
  let session: LspSession;
  let file: string;

  before(async function () {
    dir = mkdtempSync(path.join(os.tmpdir(), 'corroborate-markdown-'));
    file = path.join(dir, 'talks.md');
    writeFileSync(file, ARTICLE);
    writeFileSync(path.join(dir, 'bases.md'), NO_FRONT_MATTER);
    writeFileSync(path.join(dir, 'untitled-date.md'), FRONT_MATTER_WITHOUT_DATE);
    session = await LspSession.start({ workspaceFolder: dir });
    await session.waitFor(() => session.logs.some((line) => /indexed \d+ articles/.test(line)), 'the workspace to be indexed');
  });

  after(async function () {
    if (session) await session.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('indexes a closed Markdown file with its front-matter date, and nothing from front matter or code', async function () {
    const uri = fileUri(file);
    const timeline = await session.request<TimelineResult>(Methods.timeline, { uri });
    const article = timeline.articles[0];
    assert.equal(article?.date, '2024-12-17');
    assert.equal(article?.dateSource, 'front-matter');
    assert.deepEqual(
      timeline.items.map((item) => `${item.text}=${item.iso}@${item.range.start.line}`),
      ['on Monday=2024-12-16@8'],
    );
    const entities = await session.request<EntitiesResult>(Methods.entities, { uri });
    const names = entities.entities.map((e) => e.name);
    assert.ok(names.includes('Dmitry Peskov'), names.join(', '));
    for (const hidden of ['Vladimir Putin', 'Sergei Shoigu', 'Nikolai Patrushev', 'Alexander Dvornikov']) {
      assert.ok(!names.some((name) => name.includes(hidden.split(' ')[1]!)), `${hidden} (in front matter or code) was analysed: ${names.join(', ')}`);
    }
  });

  it('gives an open Markdown file no tokens or hovers inside front matter and code, and resolves "on Monday"', async function () {
    const uri = await session.open(file, ARTICLE, 'markdown');
    const tokens = await session.semanticTokens(uri);
    assert.ok(tokens.some((t) => t.text === 'Dmitry Peskov'), JSON.stringify(tokens.map((t) => t.text)));
    assert.ok(tokens.some((t) => t.text === 'some 4,300'), JSON.stringify(tokens.map((t) => t.text)));
    for (const range of excludedRanges(ARTICLE)) {
      const inside = tokens.filter((t) => t.line === range.line && t.character < range.to && t.character + t.length > range.from);
      assert.deepEqual(inside.map((t) => t.text), [], `tokens inside the excluded text of line ${range.line + 1}`);
    }
    for (const needle of ['Friday', 'Vladimir Putin', '4,300 troops', 'Sergei Shoigu', 'on Tuesday', '5,000', 'Nikolai Patrushev', 'on Wednesday', 'Alexander Dvornikov', 'on Thursday']) {
      const hover = await session.hover(uri, positionOf(ARTICLE, needle, 0, 1));
      assert.equal(hover, null, `a hover on "${needle}" (front matter or code): ${JSON.stringify(hover)}`);
    }
    const monday = await session.hoverText(uri, 'on Monday');
    assert.match(monday, /2024-12-16/, monday);
    await session.close(uri);
  });

  it('sets the date of a Markdown article in its front matter', async function () {
    const replace = await session.request<ArticleDateEdit | null>(Methods.articleDateEdit, { uri: fileUri(file), date: '2024-12-18' });
    assert.equal(replace?.previousSource, 'front-matter');
    assert.deepEqual(replace?.edits, [{ range: { start: { line: 2, character: 6 }, end: { line: 2, character: 16 } }, newText: '2024-12-18' }]);

    const added = await session.request<ArticleDateEdit | null>(Methods.articleDateEdit, { uri: fileUri(path.join(dir, 'untitled-date.md')), date: '2024-12-18' });
    assert.deepEqual(added?.edits, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: 'date: 2024-12-18\n' }]);

    const created = await session.request<ArticleDateEdit | null>(Methods.articleDateEdit, { uri: fileUri(path.join(dir, 'bases.md')), date: '2024-12-18' });
    assert.deepEqual(created?.edits, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '---\ndate: 2024-12-18\n---\n\n' }]);
  });
});
