// Each palette command of ours in a real VS Code: show the mentions of the entity under the cursor, re-index, set the
// article's date (an edit the user sees, then reverted), open (create) .corroborate.json, export a fact sheet (as an
// untitled document, and saved to a file). Every change to the workspace is undone at the end of its test.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import * as path from 'node:path';
import { e2e } from './hooks';
import { poll } from './harness/poll';
import { answerInput, editorLines, peekRows, pickItem, statusArticles, waitForStatus } from './harness/views';
import { seedName } from './seeds';

const SEED_000 = seedName('000');
const SEED_003 = seedName('003');

/** The hover at a position of the active editor, shown from the keyboard (the text there may differ from the disk's),
 *  asked again until it matches `wanted` or 30 s have passed; the last text seen. */
async function hoverAt(line: number, column: number, wanted: RegExp): Promise<string> {
  const page = e2e().page;
  await page.goTo(line, column);
  let text = '';
  for (let attempt = 0; attempt < 10 && !wanted.test(text); attempt++) {
    await page.runCommand('Show or Focus Hover');
    text = await poll(() => page.visibleHoverText(), (shown) => wanted.test(shown), { timeout: 3000 });
  }
  return text;
}

describe('e2e: commands', function () {
  it('Show Mentions of the Entity Under the Cursor: every spelling, in every article', async function () {
    const page = e2e().page;
    await page.openFile(SEED_003);
    // the first scenario of the session: let the workspace be indexed first
    await waitForStatus(page, (text) => /5 articles · /.test(text));
    const { line, column } = page.positionOf('Khmeimim Air Base', { part: 'Khmeimim' });
    await page.goTo(line, column + 2);
    await page.runCommand('Corroborate: Show Mentions of the Entity Under the Cursor');
    const rows = await poll(() => peekRows(page), (r) => r.filter((row) => /\.txt/.test(row)).length >= 5, { timeout: 30_000 });
    // one row per article ("2 symbols in 002_0652c80a75994f52.txt, full path ..."), then its mentions
    const files = rows.filter((row) => /^\d+ symbols? in \d{3}_[0-9a-f]+\.txt/.test(row));
    assert.equal(files.length, 5, `the peek does not list the five articles: ${JSON.stringify(rows)}`);
    await page.screenshot('command-show-mentions');
    await page.page.keyboard.press('Escape');
  });

  it('Re-index Workspace: the server reads every article again', async function () {
    const page = e2e().page;
    const indexed = () => (e2e().outputChannelText().match(/indexed \d+ articles/g) ?? []).length;
    const before = indexed();
    await page.runCommand('Corroborate: Re-index Workspace');
    const after = await poll(async () => indexed(), (n) => n > before, { timeout: 30_000 });
    assert.ok(after > before, 'no new "indexed N articles" line in the output channel');
    await waitForStatus(page, (text) => text.includes('5 articles'));
  });

  it('Set Article Date…: adds a dateline the user sees, and "Last Friday" resolves against it', async function () {
    const page = e2e().page;
    await page.openFile(SEED_000);
    const friday = page.positionOf('Last Friday', { part: 'Friday' });
    const before = await hoverAt(friday.line, friday.column, /unresolved/i);
    assert.match(before, /unresolved/i);
    try {
      await page.runCommand('Corroborate: Set Article Date…');
      await answerInput(page, '2017-11-06');
      const lines = await poll(() => editorLines(page, 3), (l) => l[0] === 'November 6, 2017', { timeout: 15_000 });
      assert.equal(lines[0], 'November 6, 2017', `first lines: ${JSON.stringify(lines)}`);
      const dirty = await page.page.locator('.editor-group-container.active .tab.active.dirty').count();
      assert.equal(dirty, 1, 'the edit was saved: it should stay an unsaved change the user can undo');
      await page.screenshot('command-set-article-date');
      // the dateline and a blank line went in above: "Last Friday" is two lines further down than on disk
      const after = await hoverAt(friday.line + 2, friday.column, /2017-11-03/);
      assert.match(after, /2017-11-03/, after);
      await page.screenshot('command-set-article-date-resolved');
    } finally {
      await page.page.keyboard.press('Escape');
      await page.runCommand('File: Revert File');
    }
    await poll(() => editorLines(page, 1), (l) => l[0] !== 'November 6, 2017', { timeout: 10_000 });
    assert.equal(await page.page.locator('.editor-group-container.active .tab.active.dirty').count(), 0, 'the edit was not reverted');
    assert.ok(!readFileSync(path.join(e2e().workspaceDir, SEED_000), 'utf8').includes('November 6, 2017'), 'the article on disk was changed');
  });

  it('Open Workspace Configuration: creates .corroborate.json from a template and opens it', async function () {
    const page = e2e().page;
    const file = path.join(e2e().workspaceDir, '.corroborate.json');
    assert.ok(!existsSync(file));
    try {
      await page.runCommand('Corroborate: Open Workspace Configuration (.corroborate.json)');
      const tab = await poll(() => page.activeTabLabel(), (label) => label.includes('.corroborate.json'), { timeout: 15_000 });
      assert.ok(tab.includes('.corroborate.json'), tab);
      const config = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      assert.deepEqual(Object.keys(config), ['aliases', 'distinct', 'defaultAliases', 'ignore', 'notSameFact', 'off']);
      await page.screenshot('command-open-config');
      await page.runCommand('View: Close Editor');
    } finally {
      if (existsSync(file)) unlinkSync(file);
    }
  });

  it('Export Fact Sheet…: the article’s entities, dates and figures as an untitled Markdown document', async function () {
    const page = e2e().page;
    await page.openFile(SEED_003);
    await page.runCommand('Corroborate: Export Fact Sheet…');
    await pickItem(page, /^This article/);
    await pickItem(page, /^Open as an untitled document/);
    const tab = await poll(() => page.activeTabLabel(), (label) => /Untitled|Fact sheet/.test(label), { timeout: 15_000 });
    assert.match(tab, /Fact sheet: 003/, `the untitled sheet is not named after its title: ${tab}`);
    const lines = await poll(() => editorLines(page, 40), (l) => l.some((line) => line.startsWith('# Fact sheet:')), { timeout: 15_000 });
    assert.ok(lines.includes(`# Fact sheet: ${SEED_003}`), JSON.stringify(lines));
    assert.ok(lines.some((line) => line.startsWith('Article date: **2024-12-17**')), JSON.stringify(lines));
    assert.ok(lines.some((line) => line.startsWith('| Hmeimim | place | Khmeimim Air Base |')), JSON.stringify(lines));
    await page.screenshot('command-export-fact-sheet');
    // the sheet is not an article: the workspace still counts five
    await waitForStatus(page, (text) => text.includes('5 articles'));
    await page.runCommand('View: Revert and Close Editor');
  });

  it('Export Fact Sheet…: saved where the user chooses, and kept out of the index', async function () {
    const page = e2e().page;
    await page.openFile(SEED_003);
    const articles = await statusArticles(page);
    await page.runCommand('Corroborate: Export Fact Sheet…');
    await pickItem(page, /^The whole workspace/);
    await pickItem(page, /^Save as/);
    // code-server's save dialog is a quick input holding the suggested path: accept it
    const input = page.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    const suggested = await poll(() => input.inputValue(), (value) => value.endsWith('fact-sheet.md'), { timeout: 10_000 });
    assert.equal(suggested, path.join(e2e().workspaceDir, 'fact-sheet.md'));
    await page.page.keyboard.press('Enter');
    const file = path.join(e2e().workspaceDir, 'fact-sheet.md');
    try {
      await poll(async () => existsSync(file), (exists) => exists, { timeout: 15_000 });
      const text = readFileSync(file, 'utf8');
      assert.match(text, /^# Fact sheet: seeds\n<!-- Corroborate fact sheet/);
      assert.match(text, /^5 articles · \d+ entities · \d+ dates · \d+ figures · 0 conflicts$/m);
      // after a re-index from disk, the workspace counts as many articles as before: the sheet is not one
      const indexed = () => (e2e().outputChannelText().match(/indexed \d+ articles/g) ?? []).length;
      const before = indexed();
      await page.runCommand('Corroborate: Re-index Workspace');
      await poll(async () => indexed(), (n) => n > before, { timeout: 30_000 });
      const now = await poll(() => statusArticles(page), (n) => n !== undefined, { timeout: 15_000 });
      assert.equal(now, articles, 'the saved fact sheet was indexed as an article');
      await page.runCommand('View: Close Editor');
    } finally {
      if (existsSync(file)) unlinkSync(file);
    }
  });
});
