// The assertions of test/e2e/dates-figures.test.ts, through the VS Code API of a desktop VS Code.
import { strict as assert } from 'node:assert';
import { activateExtension, hoverText, openSeed, semanticTokens } from './vscode';

const ISO_DAY = /\b\d{4}-\d{2}-\d{2}\b/;

describe('electron: dates and figures in seed 003 (dated by its "last modified on December 17, 2024" line)', function () {
  before(async function () {
    await activateExtension();
  });

  it('gives "on Monday" and "December 17, 2024" the date token type, "two" in "two military bases" the figure type', async function () {
    const document = await openSeed('003');
    const tokens = await semanticTokens(document);
    const typeOf = (text: string) => tokens.find((token) => token.text.includes(text))?.type;
    assert.equal(typeOf('Monday'), 'date', JSON.stringify(tokens.map((t) => [t.text, t.type])));
    assert.equal(typeOf('December 17, 2024'), 'date');
    const two = tokens.find((token) => token.range.start.line === document.positionAt(document.getText().indexOf('two military bases')).line && /^two\b/.test(token.text));
    assert.equal(two?.type, 'figure', JSON.stringify(tokens.map((t) => [t.text, t.type])));
  });

  it('resolves "on Monday" to 2024-12-16 on hover', async function () {
    const document = await openSeed('003');
    assert.match(await hoverText(document, 'on Monday', 'Monday'), /2024-12-16/);
  });
});

describe('electron: dates and figures in seed 000 (no date of its own)', function () {
  it('says "Last Friday" is unresolved instead of guessing a day', async function () {
    const document = await openSeed('000');
    const text = await hoverText(document, 'Last Friday', 'Friday');
    assert.match(text, /unresolved/i);
    assert.match(text, /no date|not dated|without a date/i);
    assert.doesNotMatch(text, ISO_DAY);
  });

  it('shows the value of the hedged figure "some 4,300"', async function () {
    const document = await openSeed('000');
    const text = await hoverText(document, 'some 4,300', '4,300');
    assert.match(text.replace(/“[^”]*”|"[^"]*"/g, ''), /\b4,?300\b/, text);
    assert.match(text, /some|about|approx/i);
  });
});

describe('electron: dates in seed 004 (numeric dateline "12/09/2017")', function () {
  it('resolves "on Tuesday" to the dateline\'s day, 2017-09-12, on hover', async function () {
    const document = await openSeed('004');
    assert.match(await hoverText(document, 'on Tuesday', 'Tuesday'), /2017-09-12/);
  });
});
