// The bundled server over stdio: initialize, capabilities, semantic tokens and hover on the seeds, shutdown.
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { LspSession, positionOf } from './harness';
import { SEEDS_DIR, seedPath } from '../helpers/seeds';
import { SERVER_JS } from './harness';

describe('protocol: the bundled server over stdio', function () {
  let session: LspSession;

  before(async function () {
    assert.ok(existsSync(SERVER_JS), `${SERVER_JS} is missing: run "node esbuild.mjs" first`);
    session = await LspSession.start({ workspaceFolder: SEEDS_DIR });
  });

  after(async function () {
    if (session) await session.stop();
  });

  it('initializes with our capabilities and legend', function () {
    const capabilities = session.initializeResult.capabilities;
    assert.equal(session.initializeResult.serverInfo?.name, 'corroborate');
    assert.ok(capabilities.hoverProvider);
    assert.deepEqual(session.legend.tokenTypes.slice(0, 6), ['person', 'organization', 'place', 'group', 'date', 'figure']);
  });

  it('highlights dates and figures in a seed as our token types', async function () {
    const uri = await session.open(seedPath('003'));
    const tokens = await session.semanticTokens(uri);
    const dates = tokens.filter((t) => t.type === 'date').map((t) => t.text);
    const figures = tokens.filter((t) => t.type === 'figure').map((t) => t.text);
    assert.ok(dates.some((text) => /Monday/.test(text)), `no "Monday" date token in ${JSON.stringify(dates)}`);
    assert.ok(dates.some((text) => /December 17, 2024/.test(text)), `no "December 17, 2024" date token in ${JSON.stringify(dates)}`);
    assert.ok(figures.some((text) => /two/.test(text)), `no "two" figure token in ${JSON.stringify(figures)}`);
    // every token lies inside its line and carries text
    for (const token of tokens) assert.ok(token.length > 0 && token.text.length === token.length, JSON.stringify(token));
  });

  it('types people, organisations and places in a seed', async function () {
    const uri = await session.open(seedPath('003'));
    const tokens = await session.semanticTokens(uri);
    const typed = (type: string) => tokens.filter((t) => t.type === type).map((t) => t.text);
    assert.ok(typed('person').includes('Dmitry Peskov'), `people: ${JSON.stringify(typed('person'))}`);
    assert.ok(typed('person').includes('Mikhail Bogdanov'), `people: ${JSON.stringify(typed('person'))}`);
    assert.ok(typed('organization').includes('Hayat Tahrir al-Sham'), `organisations: ${JSON.stringify(typed('organization'))}`);
    assert.ok(typed('place').includes('Damascus'), `places: ${JSON.stringify(typed('place'))}`);
    assert.ok(typed('place').includes('Tartus'), `places: ${JSON.stringify(typed('place'))}`);
    // a title is not part of the name
    assert.ok(!tokens.some((t) => /spokesman|Minister/.test(t.text)), 'a title or role is highlighted as a name');
  });

  it('shows an entity\'s type, its title and its mentions on hover', async function () {
    const uri = await session.open(seedPath('003'));
    const text = await session.hoverText(uri, 'Dmitry Peskov');
    assert.match(text, /Person/);
    assert.match(text, /Dmitry Peskov/);
    assert.match(text, /spokesman/i);
  });

  it('resolves "on Monday" against the article date from its "last modified" line', async function () {
    const uri = await session.open(seedPath('003'));
    const text = await session.hoverText(uri, 'on Monday');
    assert.match(text, /2024-12-16/);
  });

  it('says a relative date is unresolved when the article gives no date of its own', async function () {
    const uri = await session.open(seedPath('000'));
    const text = await session.hoverText(uri, 'Last Friday');
    assert.match(text, /unresolved/i);
    assert.match(text, /no date of its own/i);
    assert.doesNotMatch(text, /\d{4}-\d{2}-\d{2}/);
  });

  it('shows a figure\'s value, hedge and what it counts', async function () {
    const uri = await session.open(seedPath('000'));
    const text = await session.hoverText(uri, 'some 4,300');
    assert.match(text, /4,300/);
    assert.match(text, /hedge: some/);
    assert.match(text, /Russian military/);
  });

  it('answers hover and tokens for a range request and for positions outside any annotation', async function () {
    const uri = await session.open(seedPath('003'));
    const empty = await session.hover(uri, positionOf(session.textOf(uri), 'spokesman'));
    assert.equal(empty, null);
    const range = await session.request<{ data: number[] }>('textDocument/semanticTokens/range', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 6, character: 0 } },
    });
    assert.ok(Array.isArray(range.data));
  });

  it('keeps serving after malformed settings, using the defaults', async function () {
    await session.setSettings({ files: { maxSizeKB: 'huge' }, dates: { numericOrder: 42 } });
    const uri = await session.open(seedPath('003'));
    const text = await session.hoverText(uri, 'on Monday');
    assert.match(text, /2024-12-16/);
    await session.setSettings({});
  });

  it('shuts down cleanly', async function () {
    const code = await session.stop();
    assert.equal(code, 0);
  });
});
