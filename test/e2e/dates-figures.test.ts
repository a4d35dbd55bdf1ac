// Dates and figures as a reporter sees them in VS Code: coloured as our token types (read back from the page through
// the test colours in the settings) and explained on hover.
import { strict as assert } from 'node:assert';
import { e2e } from './hooks';
import { poll } from './harness/poll';
import { report } from './harness/views';
import { seedName } from './seeds';

const ISO_DAY = /\b\d{4}-\d{2}-\d{2}\b/;

/** The hover text without the quoted words it echoes (“some 4,300”), so a value must come from the analysis. */
function withoutQuotes(text: string): string {
  return text.replace(/“[^”]*”|"[^"]*"/g, '');
}

describe('e2e: dates and figures in seed 003 (dated by its "last modified on December 17, 2024" line)', function () {
  before(async function () {
    await e2e().page.openFile(seedName('003'));
  });

  it('colours "on Monday" and "December 17, 2024" as dates', async function () {
    const page = e2e().page;
    const monday = await poll(() => page.tokenType('on Monday', { part: 'Monday' }), (type) => type === 'date', { timeout: 45_000 });
    assert.equal(monday, 'date', '"Monday" in "said on Monday" is not painted in the date colour');
    const dateline = await poll(() => page.tokenType('December 17, 2024', { part: 'December' }), (type) => type === 'date');
    assert.equal(dateline, 'date', '"December" in "December 17, 2024" is not painted in the date colour');
  });

  it('colours "two" in "two military bases" as a figure', async function () {
    const page = e2e().page;
    const two = await poll(() => page.tokenType('two military bases', { part: 'two' }), (type) => type === 'figure');
    assert.equal(two, 'figure', '"two" in "two military bases" is not painted in the figure colour');
  });

  it('resolves "on Monday" to 2024-12-16 on hover', async function () {
    const text = await e2e().page.hoverText('on Monday', { part: 'Monday', until: (shown) => /2024-12-16/.test(shown) });
    report('seed 003 "on Monday"', text);
    assert.match(text, /2024-12-16/, `hover shows: ${JSON.stringify(text)}`);
  });
});

describe('e2e: dates and figures in seed 000 (no date of its own)', function () {
  before(async function () {
    await e2e().page.openFile(seedName('000'));
  });

  it('says "Last Friday" is unresolved instead of guessing a day', async function () {
    const text = await e2e().page.hoverText('Last Friday', { part: 'Friday', until: (shown) => /unresolved/i.test(shown) });
    report('seed 000 "Last Friday"', text);
    assert.match(text, /unresolved/i, `hover shows: ${JSON.stringify(text)}`);
    assert.match(text, /no date|not dated|without a date/i, `the hover does not say the article gives no date: ${JSON.stringify(text)}`);
    assert.doesNotMatch(text, ISO_DAY, `the hover guesses a day: ${JSON.stringify(text)}`);
  });

  it('shows the value of the hedged figure "some 4,300"', async function () {
    const text = await e2e().page.hoverText('some 4,300', { part: '4,300', until: (shown) => /4,?300/.test(withoutQuotes(shown)) });
    report('seed 000 "some 4,300"', text);
    assert.match(withoutQuotes(text), /\b4,?300\b/, `no value 4,300 beyond the quoted text in the hover: ${JSON.stringify(text)}`);
    assert.match(text, /some|about|approx/i, `the hover does not mention the hedge: ${JSON.stringify(text)}`);
  });
});

describe('e2e: dates in seed 004 (numeric dateline "12/09/2017", a Tuesday only when read day first)', function () {
  before(async function () {
    await e2e().page.openFile(seedName('004'));
  });

  it('resolves "on Tuesday" to the dateline\'s day, 2017-09-12, on hover', async function () {
    const text = await e2e().page.hoverText('on Tuesday', { part: 'Tuesday', until: (shown) => /2017-09-12/.test(shown) });
    report('seed 004 "on Tuesday"', text);
    assert.match(text, /2017-09-12/, `hover shows: ${JSON.stringify(text)}`);
  });
});
