// Helpers for the workbench parts our views live in: tree views in the side bar (by their title), the status bar item,
// webviews (the timeline's page is a frame inside a frame), quick inputs and the references peek. Kept apart from
// workbench.ts so the shared Workbench stays small; selectors of VS Code 1.139 (code-server 4.139).
import { existsSync, unlinkSync } from 'node:fs';
import type { Frame, Locator } from 'playwright-core';
import { poll } from './poll';
import { cssColorToHex, TOKEN_COLORS } from './settings';
import type { Workbench } from './workbench';

export const VIEW_SELECTORS = {
  /** A side-bar pane by its title: `.pane` whose header's aria-label is "<title> Section". */
  pane: (title: string) => `.pane:has(> .pane-header[aria-label="${title} Section"])`,
  paneRow: '.pane-body .monaco-list-row',
  statusItem: (id: string) => `[id="${id}"]`,
  quickInputBox: '.quick-input-widget .quick-input-box input',
  quickInputRow: '.quick-input-widget .quick-input-list .monaco-list-row',
  peek: '.peekview-widget',
  peekRow: '.peekview-widget .ref-tree .monaco-list-row',
  walkthroughStep: '.getting-started-step',
} as const;

/** The status bar item of our extension (publisher.name.id). */
export const STATUS_ITEM_ID = 'corroborate.corroborate.corroborate.status';

export function pane(w: Workbench, title: string): Locator {
  return w.page.locator(VIEW_SELECTORS.pane(title));
}

/** Opens a pane if it is collapsed (clicking its header). */
export async function expandPane(w: Workbench, title: string): Promise<void> {
  const header = w.page.locator(`.pane-header[aria-label="${title} Section"]`);
  await header.waitFor({ state: 'visible', timeout: 15_000 });
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
}

/** Collapses a pane (to give the others room). */
export async function collapsePane(w: Workbench, title: string): Promise<void> {
  const header = w.page.locator(`.pane-header[aria-label="${title} Section"]`);
  if ((await header.count()) === 0) return;
  if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
}

/** The accessible labels of the rows a tree view shows now. */
export async function treeRows(w: Workbench, title: string): Promise<string[]> {
  return pane(w, title)
    .locator(VIEW_SELECTORS.paneRow)
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') ?? ''));
}

/** Waits until the tree's rows satisfy `accept`, returning the last rows seen. */
export function waitForRows(w: Workbench, title: string, accept: (rows: string[]) => boolean, timeout = 30_000): Promise<string[]> {
  return poll(() => treeRows(w, title), accept, { timeout, interval: 250 });
}

/** Clicks the first row whose accessible label matches `label`. */
/** The row of a tree view with this label (waiting up to 30 s for one to show). */
async function rowLabelled(w: Workbench, title: string, label: RegExp) {
  const index = await poll(
    async () => (await treeRows(w, title)).findIndex((row) => label.test(row)),
    (i) => i >= 0,
    { timeout: 30_000 },
  );
  if (index < 0) throw new Error(`no row ${label} in ${title}: ${JSON.stringify(await treeRows(w, title))}`);
  return pane(w, title).locator(VIEW_SELECTORS.paneRow).nth(index);
}

export async function clickRow(w: Workbench, title: string, label: RegExp): Promise<string> {
  // A view refreshed between finding the row and clicking it (the index changed) shifts its rows: the row is found
  // again until the one about to be clicked still has the label.
  for (let attempt = 0; ; attempt++) {
    const row = await rowLabelled(w, title, label);
    const text = (await row.getAttribute('aria-label')) ?? '';
    if (!label.test(text) && attempt < 5) continue;
    await row.click();
    return text;
  }
}

/** Expands a collapsed row (clicking its twistie), found by its label. */
export async function expandRow(w: Workbench, title: string, label: RegExp): Promise<void> {
  const row = await rowLabelled(w, title, label);
  if ((await row.getAttribute('aria-expanded')) === 'false') await row.locator('.monaco-tl-twistie').click();
}

/** The text of our status bar item. */
export async function statusText(w: Workbench): Promise<string> {
  return (await w.page.locator(VIEW_SELECTORS.statusItem(STATUS_ITEM_ID)).innerText({ timeout: 5000 })).trim();
}

export async function waitForStatus(w: Workbench, accept: (text: string) => boolean, timeout = 60_000): Promise<string> {
  const text = await poll(() => statusText(w), accept, { timeout, interval: 250 });
  if (!accept(text)) throw new Error(`the status bar still shows "${text}" after ${timeout / 1000} s`);
  return text;
}

/**
 * Cleans up after a scenario that planted articles: closes every editor (an open document stays in the index until it
 * is closed, even when its file is gone; a failure to close is ignored), deletes the planted files that still exist,
 * then waits until the status bar satisfies `accept` (by default: the five seeds alone), returning its text.
 */
export async function removePlanted(
  w: Workbench,
  files: readonly string[],
  accept: (text: string) => boolean = (text) => text.includes('5 articles'),
): Promise<string> {
  await w.runCommand('View: Close All Editors').catch(() => undefined);
  for (const file of files) if (existsSync(file)) unlinkSync(file);
  return waitForStatus(w, accept);
}

/** Puts what a hover showed into the run's output (for people reading the log), one line. */
export function report(what: string, text: string): void {
  process.stderr.write(`      hover ${what}: ${text.replace(/\s+/g, ' ').trim()}\n`);
}

/** The frame of a webview whose page holds `selector` (webview pages are a frame inside the webview's frame). */
export async function webviewFrame(w: Workbench, selector: string, timeout = 30_000): Promise<Frame> {
  const frame = await poll(
    async () => {
      for (const candidate of w.page.frames()) {
        if (candidate === w.page.mainFrame()) continue;
        if (await candidate.$(selector).catch(() => null)) return candidate;
      }
      return undefined;
    },
    (found) => found !== undefined,
    { timeout, interval: 250 },
  );
  if (!frame) throw new Error(`no webview shows ${selector}`);
  return frame;
}

/** Types into the quick input that is open (an input box or a quick pick) and presses Enter. */
export async function answerInput(w: Workbench, text: string): Promise<void> {
  const input = w.page.locator(VIEW_SELECTORS.quickInputBox);
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(text);
  await w.page.keyboard.press('Enter');
}

/**
 * Picks a row of the open quick pick: types `filter` (default: the label's words) into its box, waits until the list
 * holds a matching row and has stopped changing, moves to that row with the arrow keys and presses Enter (clicking a
 * row of a list that is still changing can land on its neighbour).
 */
export async function pickItem(w: Workbench, label: RegExp, filter = label.source.replace(/^\^/, '').replace(/\\/g, '').replace(/[^\w\s’'-]/g, ' ').trim()): Promise<void> {
  const input = w.page.locator(VIEW_SELECTORS.quickInputBox);
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(filter);
  const rows = w.page.locator(VIEW_SELECTORS.quickInputRow);
  const labels = () => rows.evaluateAll((elements) => elements.map((e) => e.getAttribute('aria-label') ?? ''));
  let previous = '';
  const settled = await poll(
    async () => {
      const now = await labels();
      const key = JSON.stringify(now);
      const stable = key === previous;
      previous = key;
      return stable ? now : [];
    },
    (now) => now.some((text) => label.test(text)),
    { timeout: 15_000, interval: 300 },
  );
  const index = settled.findIndex((text) => label.test(text));
  if (index < 0) throw new Error(`no quick pick row ${label} (typed "${filter}"): ${JSON.stringify(await labels())}`);
  for (let i = 0; i < index; i++) await w.page.keyboard.press('ArrowDown');
  await w.page.keyboard.press('Enter');
}

/** The accessible labels of the references peek's rows (files and their mentions). */
export async function peekRows(w: Workbench): Promise<string[]> {
  await w.page.locator(VIEW_SELECTORS.peek).first().waitFor({ state: 'visible', timeout: 15_000 });
  return w.page.locator(VIEW_SELECTORS.peekRow).evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') ?? ''));
}

/** The text of the active editor's first `lines` view lines (as rendered). */
export async function editorLines(w: Workbench, lines = 3): Promise<string[]> {
  const rendered = w.page.locator('.editor-group-container.active .editor-instance .monaco-editor .view-lines .view-line');
  const texts = await rendered.evaluateAll((elements) =>
    elements
      .map((e) => ({ top: parseFloat((e as unknown as { style: { top: string } }).style.top || '0'), text: (e.textContent ?? '').replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.top - b.top)
      .map((e) => e.text),
  );
  return texts.slice(0, lines);
}

/** The Problems panel's rows (opening the panel), read in one go so that rows redrawn meanwhile do not stall it. */
export async function problemRows(w: Workbench): Promise<string[]> {
  const panel = w.page.locator('.markers-panel');
  if (!(await panel.isVisible())) await w.page.keyboard.press('Control+Shift+M');
  await panel.waitFor({ state: 'visible', timeout: 10_000 });
  return panel.locator('.monaco-list-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') ?? row.textContent ?? ''));
}

/** The number of articles the status bar counts now ("7 articles · 2 conflicts" -> 7). */
export async function statusArticles(w: Workbench): Promise<number | undefined> {
  const match = /([\d,]+) articles?/.exec(await statusText(w));
  return match ? Number(match[1]!.replace(/,/g, '')) : undefined;
}

/**
 * Runs a palette command that opens a quick pick of its own (Color Theme, Open Walkthrough): Workbench.runCommand waits
 * for the palette to close, which such a command never lets it do. Picks the palette row whose label is `title`.
 */
export async function runPickerCommand(w: Workbench, title: string): Promise<void> {
  await w.page.keyboard.press('Escape');
  await w.page.keyboard.press('F1');
  const input = w.page.locator(VIEW_SELECTORS.quickInputBox);
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await pickItem(w, new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'i'), `>${title}`);
}

/** Drags the side bar's edge to make it `width` pixels wide (its views show more of each row); returns the old width. */
export async function setSideBarWidth(w: Workbench, width: number): Promise<number> {
  const box = await w.page.locator('.part.sidebar').boundingBox();
  if (!box) throw new Error('no side bar');
  const x = box.x + box.width;
  const y = box.y + box.height / 2;
  await w.page.mouse.move(x, y);
  await w.page.mouse.down();
  await w.page.mouse.move(box.x + width, y, { steps: 8 });
  await w.page.mouse.up();
  return box.width;
}

/** Collapses or expands a side-bar section by the start of its header's label ("Explorer Section: seeds"). */
export async function setSectionExpanded(w: Workbench, labelStart: string, expanded: boolean): Promise<void> {
  const header = w.page.locator(`.pane-header[aria-label^="${labelStart}"]`).first();
  if ((await header.count()) === 0) return;
  if (((await header.getAttribute('aria-expanded')) === 'true') !== expanded) await header.click();
}

/** Waits until a text editor on screen shows words in our semantic token colours (the server's tokens have arrived),
 *  so a screenshot shows the article as a reporter sees it. */
export async function waitForTokenColours(w: Workbench): Promise<boolean> {
  const colours = Object.values(TOKEN_COLORS).map((hex) => hex.toLowerCase());
  return poll(
    () =>
      w.page
        .locator('.editor-instance .monaco-editor .view-lines span span')
        .evaluateAll((spans) => spans.map((span) => (globalThis as unknown as { getComputedStyle(e: unknown): { color: string } }).getComputedStyle(span).color))
        .then((found) => found.map(cssColorToHex).some((hex) => colours.includes(hex))),
    (coloured) => coloured,
    { timeout: 20_000 },
  );
}
