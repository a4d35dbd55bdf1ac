// The VS Code workbench in Chromium, driven the way a user drives it: keyboard shortcuts, the command palette, the
// mouse over a word. Every wait is for a condition (with a generous overall time-out), never a fixed sleep.
// Selectors are those of VS Code 1.139 (code-server 4.139); keep them here, so a change in VS Code is fixed once.
import { mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { SHOW_TEXT, type BrowserWindow, type DomRect, type DomText } from './dom';
import { poll, sleep } from './poll';
import { cssColorToHex, tokenTypeOfColor, type TokenType } from './settings';

export const SELECTORS = {
  workbench: '.monaco-workbench',
  explorerRow: '.explorer-folders-view .monaco-list-row',
  quickInput: '.quick-input-widget',
  quickInputBox: '.quick-input-widget .quick-input-box input',
  quickInputRow: '.quick-input-widget .quick-input-list .monaco-list-row',
  activeEditor: '.editor-group-container.active .editor-instance .monaco-editor',
  activeTab: '.editor-group-container.active .tab.active',
  cursorPosition: '#status\\.editor\\.selection',
  hover: '.monaco-hover:not(.hidden) .hover-contents',
  problemsRow: '.markers-panel .monaco-list-row',
  notificationToast: '.notifications-toasts .notification-toast',
  runningExtensionRow: '.runtime-extensions-editor .monaco-list-row',
} as const;

export interface LocateOptions {
  /** Which appearance of the needle in the file, counting from 0 (default 0). */
  readonly occurrence?: number;
  /** The part of the needle to aim at, e.g. "Monday" in "on Monday" (default: the whole needle). */
  readonly part?: string;
}

/** Where a piece of text is on screen, and how it is painted. */
export interface TextOnScreen {
  /** Page coordinates of the text's box. */
  readonly box: { x: number; y: number; width: number; height: number };
  /** The distinct text colours of its characters, as #rrggbb. */
  readonly colors: string[];
  /** The rendered (view) line it sits on, as the page shows it. */
  readonly lineText: string;
}

export interface HoverOptions extends LocateOptions {
  /** Keep hovering until the hover text satisfies this (default: any text at all). */
  readonly until?: (text: string) => boolean;
  readonly timeout?: number;
}

export interface LaunchOptions {
  /** Chromium's profile folder (a throw-away one). */
  readonly userDataDir: string;
  /** Where screenshots go. */
  readonly artifactsDir: string;
  /** The workspace folder on disk, to find where a needle is in a file. */
  readonly workspaceDir: string;
  readonly viewport?: { width: number; height: number };
  readonly chromiumPath?: string;
}

export class Workbench {
  /** Absolute path of the file opened last with openFile(). */
  private activeFile: string | undefined;
  readonly consoleErrors: string[] = [];

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly options: LaunchOptions,
  ) {}

  /** Starts Debian's Chromium (never a downloaded browser) and opens the workbench at `url`. */
  static async open(url: string, options: LaunchOptions): Promise<Workbench> {
    const context = await chromium.launchPersistentContext(options.userDataDir, {
      executablePath: options.chromiumPath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      viewport: options.viewport ?? { width: 1400, height: 900 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      // tsx compiles this file with esbuild's keepNames, which wraps functions passed to page.evaluate() in a
      // `__name(...)` helper that exists only in Node; give the page a no-op one.
      await context.addInitScript('globalThis.__name = globalThis.__name || ((target) => target);');
      const page = context.pages()[0] ?? (await context.newPage());
      const workbench = new Workbench(context, page, options);
      page.on('console', (message) => {
        if (message.type() === 'error') workbench.consoleErrors.push(message.text());
      });
      await page.goto(url);
      await page.locator(SELECTORS.workbench).waitFor({ state: 'visible', timeout: 90_000 });
      // The folder is open once the explorer lists its files.
      await page.locator(SELECTORS.explorerRow).first().waitFor({ state: 'visible', timeout: 60_000 });
      return workbench;
    } catch (error) {
      await context.close().catch(() => {});
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => {});
  }

  /** Saves a screenshot as <artifactsDir>/<name>.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(this.options.artifactsDir, { recursive: true });
    const file = path.join(this.options.artifactsDir, `${name.replace(/[^\w.-]+/g, '-').replace(/^-|-$/g, '')}.png`);
    // Hovers fade in even with reduced motion: finish animations first so the picture shows what a user reads.
    await this.page.screenshot({ path: file, animations: 'disabled' });
    return file;
  }

  /** Opens a file of the workspace by name through Quick Open (Ctrl+P), and waits until its editor is active. */
  async openFile(relativePath: string): Promise<void> {
    const name = path.basename(relativePath);
    try {
      await this.quickInput('Control+P', relativePath, (label) => (label.startsWith(name) ? 0 : label.includes(name) ? 1 : -1));
    } catch (error) {
      // Quick Open lists the workspace's files from a cache made when it was first used, so a file a test wrote since
      // may be missing: open it by its path with File: Open File... (a quick input with a path in code-server) instead.
      if (!/no matching row/.test(String(error))) throw error;
      await this.openByPath(path.join(this.options.workspaceDir, relativePath));
    }
    const tab = await poll(
      async () => (await this.page.locator(SELECTORS.activeTab).getAttribute('aria-label', { timeout: 1000 })) ?? '',
      (label) => label.includes(name),
      { timeout: 30_000 },
    );
    if (!tab.includes(name)) throw new Error(`opening ${relativePath}: the active tab is "${tab}"`);
    await this.page.locator(`${SELECTORS.activeEditor} .view-lines .view-line`).first().waitFor({ state: 'visible', timeout: 30_000 });
    this.activeFile = path.join(this.options.workspaceDir, relativePath);
  }

  /** Opens a file by its absolute path through File: Open File... (code-server's path dialog). */
  private async openByPath(absolutePath: string): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('F1');
    const input = this.page.locator(SELECTORS.quickInputBox);
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill('>File: Open File...');
    const first = this.page.locator(SELECTORS.quickInputRow).first();
    await poll(async () => (await first.getAttribute('aria-label', { timeout: 1000 })) ?? '', (label) => label.startsWith('File: Open File...'), { timeout: 10_000 });
    await this.page.keyboard.press('Enter');
    // the palette gives way to the path dialog in the same widget
    await poll(() => input.inputValue(), (value) => value.startsWith('/'), { timeout: 10_000 });
    await input.fill(absolutePath);
    // the dialog completes the path as it is typed: wait until it shows ours, then accept it
    await poll(() => input.inputValue(), (value) => value === absolutePath, { timeout: 5000 });
    await this.page.keyboard.press('Enter');
  }

  /** Runs a command from the command palette by its title as the palette shows it ("Corroborate: Show Output"). */
  async runCommand(title: string): Promise<void> {
    const wanted = title.toLowerCase();
    await this.quickInput(
      'F1',
      title,
      (label) => {
        const text = label.toLowerCase();
        return text === wanted || text.startsWith(`${wanted},`) ? 0 : text.includes(wanted) ? 1 : -1;
      },
      '>',
    );
  }

  /** Moves the cursor with Go to Line (Ctrl+G), 1-based line and column, and waits until the status bar agrees. */
  async goTo(line: number, column: number): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator(SELECTORS.quickInputBox);
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    const expected = `Ln ${line}, Col ${column}`;
    const seen = await poll(() => this.page.locator(SELECTORS.cursorPosition).innerText({ timeout: 1000 }), (text) => text.includes(expected), {
      timeout: 10_000,
    });
    if (!seen.includes(expected)) throw new Error(`Go to ${line}:${column}: the status bar shows "${seen}"`);
  }

  /** Line and column (1-based, UTF-16 columns as VS Code counts them) of a needle in the active file on disk. */
  positionOf(needle: string, options: LocateOptions = {}): { line: number; column: number } {
    if (!this.activeFile) throw new Error('no file opened with openFile()');
    const text = readFileSync(this.activeFile, 'utf8');
    let index = -1;
    for (let i = 0; i <= (options.occurrence ?? 0); i++) {
      index = text.indexOf(needle, index + 1);
      if (index < 0) throw new Error(`"${needle}" (occurrence ${options.occurrence ?? 0}) is not in ${this.activeFile}`);
    }
    const part = options.part ?? needle;
    const within = needle.indexOf(part);
    if (within < 0) throw new Error(`"${part}" is not part of "${needle}"`);
    const offset = index + within;
    const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
    return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
  }

  /**
   * Brings a needle of the active file into view (moving the cursor to it) and measures it on screen: its box and
   * the colours its characters are painted in.
   */
  async locate(needle: string, options: LocateOptions = {}): Promise<TextOnScreen> {
    const { line, column } = this.positionOf(needle, options);
    await this.goTo(line, column);
    const part = options.part ?? needle;
    // The cursor now sits at the part's first character: find the rendered line it is on, then the appearance of the
    // part on that line nearest the cursor (a line may hold the word more than once; wrapping splits model lines).
    const found = await poll(() => this.measureAtCursor(part), (result) => result !== undefined, { timeout: 10_000 });
    if (!found) throw new Error(`"${part}" is not rendered at the cursor (${line}:${column})`);
    return found;
  }

  private async measureAtCursor(part: string): Promise<TextOnScreen | undefined> {
    return this.page.evaluate(
      ({ part, editorSelector, showText }) => {
        const { document, getComputedStyle } = globalThis as unknown as BrowserWindow;
        const editor = document.querySelector(editorSelector);
        const cursor = editor?.querySelector('.cursors-layer .cursor');
        if (!editor || !cursor) return undefined;
        const caret = cursor.getBoundingClientRect();
        const middle = caret.top + caret.height / 2;
        const viewLine = [...editor.querySelectorAll('.view-lines .view-line')].find((element) => {
          const box = element.getBoundingClientRect();
          return box.top <= middle && middle < box.bottom;
        });
        if (!viewLine) return undefined;
        const nodes: { node: DomText; start: number }[] = [];
        let text = '';
        const walker = document.createTreeWalker(viewLine, showText);
        while (walker.nextNode()) {
          const node = walker.currentNode as DomText;
          nodes.push({ node, start: text.length });
          text += node.data;
        }
        text = text.replace(/\u00a0/g, ' ');
        const at = (offset: number) => {
          const entry = [...nodes].reverse().find((candidate) => candidate.start <= offset)!;
          return { node: entry.node, offset: offset - entry.start };
        };
        let best: { distance: number; start: number; box: DomRect } | undefined;
        for (let start = text.indexOf(part); start >= 0; start = text.indexOf(part, start + 1)) {
          const range = document.createRange();
          const from = at(start);
          const to = at(start + part.length - 1);
          range.setStart(from.node, from.offset);
          range.setEnd(to.node, to.offset + 1);
          const box = range.getBoundingClientRect();
          const distance = Math.abs(box.left - caret.left);
          if (!best || distance < best.distance) best = { distance, start, box };
        }
        if (!best) return undefined;
        const colors = new Set<string>();
        for (let offset = best.start; offset < best.start + part.length; offset++) {
          if (text[offset] === ' ') continue;
          const element = at(offset).node.parentElement;
          if (element) colors.add(getComputedStyle(element).color);
        }
        return {
          box: { x: best.box.left, y: best.box.top, width: best.box.width, height: best.box.height },
          colors: [...colors],
          lineText: text,
        };
      },
      { part, editorSelector: SELECTORS.activeEditor, showText: SHOW_TEXT },
    ).then((result) => result && { ...result, colors: result.colors.map(cssColorToHex) });
  }

  /** The colour(s) a needle (or its `part`) is painted in, as #rrggbb. */
  async tokenColors(needle: string, options: LocateOptions = {}): Promise<string[]> {
    return (await this.locate(needle, options)).colors;
  }

  /** Which of our token types the needle is painted as (by the test colours), or a description of what it is. */
  async tokenType(needle: string, options: LocateOptions = {}): Promise<TokenType | string> {
    const colors = await this.tokenColors(needle, options);
    const types = colors.map((color) => tokenTypeOfColor(color) ?? color);
    return types.length === 1 ? types[0]! : `mixed: ${types.join(', ')}`;
  }

  /** Text of the editor hover that is showing now, or '' when none is. */
  async visibleHoverText(): Promise<string> {
    const hovers = this.page.locator(SELECTORS.hover);
    const texts: string[] = [];
    for (let i = 0; i < (await hovers.count()); i++) {
      const hover = hovers.nth(i);
      if (await hover.isVisible()) texts.push((await hover.innerText()).trim());
    }
    return texts.filter(Boolean).join('\n---\n');
  }

  /**
   * Points the mouse at a needle and returns the hover text VS Code shows, waiting (re-hovering as a user would)
   * until it satisfies `until` or the time is up; returns what was last shown ('' for no hover at all).
   */
  async hoverText(needle: string, options: HoverOptions = {}): Promise<string> {
    const until = options.until ?? ((text: string) => text.length > 0);
    let attempt = 0;
    return poll(
      async () => {
        attempt++;
        await this.page.keyboard.press('Escape');
        if (attempt % 3 === 0) {
          // Every third try from the keyboard, as a user of a screen reader would: the cursor on the word, then
          // "Show or Focus Hover". A mouse hover can miss when the editor scrolls or a notification covers the word.
          const { line, column } = this.positionOf(needle, options);
          await this.goTo(line, column + 1);
          await this.runCommand('Show or Focus Hover');
        } else {
          // Located afresh each time (the editor may have scrolled since); leave the word and come back, so VS Code
          // sees a fresh mouse move.
          const target = await this.locate(needle, options);
          const x = target.box.x + target.box.width / 2;
          const y = target.box.y + target.box.height / 2;
          await this.page.mouse.move(x, y + target.box.height * 3 + 40);
          await this.page.mouse.move(x + (attempt % 2 === 0 ? -1 : 1), y, { steps: 4 });
        }
        return poll(() => this.visibleHoverText(), (text) => text.length > 0 && !/^Loading/.test(text), {
          timeout: 3000,
          interval: 100,
        });
      },
      until,
      { timeout: options.timeout ?? 30_000, interval: 200 },
    );
  }

  /**
   * Clicks a link in the hover that is showing (e.g. "003_5605dda33168d3ec.txt:7" for a mention in another article)
   * and waits until the active editor's tab changes or the cursor moves.
   */
  async clickHoverLink(linkText: string | RegExp): Promise<void> {
    const link = this.page.locator(`${SELECTORS.hover} a`).filter({ hasText: linkText }).first();
    await link.waitFor({ state: 'visible', timeout: 10_000 });
    const before = `${await this.activeTabLabel()}|${await this.page.locator(SELECTORS.cursorPosition).innerText()}`;
    await link.click();
    const after = await poll(
      async () => `${await this.activeTabLabel()}|${await this.page.locator(SELECTORS.cursorPosition).innerText()}`,
      (now) => now !== before,
      { timeout: 15_000 },
    );
    if (after === before) throw new Error(`clicking the hover link ${String(linkText)} went nowhere`);
  }

  /** The accessible label of the active editor tab (file name, folder). */
  async activeTabLabel(): Promise<string> {
    return (await this.page.locator(SELECTORS.activeTab).getAttribute('aria-label', { timeout: 5000 })) ?? '';
  }

  /** Focuses a view by its name through the command palette ("Explorer", "Problems", a view we contribute). */
  async focusView(name: string): Promise<void> {
    await this.runCommand(`Focus on ${name} View`);
  }

  /** How many squiggles of a kind the active editor shows now. */
  async squiggleCount(kind: 'error' | 'warning' | 'info' | 'hint'): Promise<number> {
    return this.page.locator(`${SELECTORS.activeEditor} .squiggly-${kind}`).count();
  }

  /** Moves the mouse away and dismisses any hover. */
  async clearHover(): Promise<void> {
    await this.page.mouse.move(5, 5);
    await this.page.keyboard.press('Escape');
  }

  /** The rows of the Problems panel (opening it), as their accessible labels. */
  async problems(): Promise<string[]> {
    if (!(await this.page.locator('.markers-panel').isVisible())) await this.page.keyboard.press('Control+Shift+M');
    await this.page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 10_000 });
    // read in one go: the list changes under a row-by-row reader as problems come and go
    return this.page.locator(SELECTORS.problemsRow).evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') ?? row.textContent ?? ''));
  }

  /** Texts of the notification toasts on screen. */
  async notifications(): Promise<string[]> {
    const toasts = this.page.locator(SELECTORS.notificationToast);
    const texts: string[] = [];
    for (let i = 0; i < (await toasts.count()); i++) texts.push((await toasts.nth(i).innerText()).trim());
    return texts;
  }

  /** The rows of "Developer: Show Running Extensions" (name, activation time, ...), as text. */
  async runningExtensions(): Promise<string[]> {
    await this.runCommand('Developer: Show Running Extensions');
    const rows = this.page.locator(SELECTORS.runningExtensionRow);
    await rows.first().waitFor({ state: 'visible', timeout: 30_000 });
    // The list renders only the rows in view: page through it until no new row appears.
    const texts = new Set<string>();
    await rows.first().click();
    for (let page = 0; page < 20; page++) {
      const before = texts.size;
      for (const text of await rows.allInnerTexts()) texts.add(text.replace(/\s+/g, ' ').trim());
      if (page > 0 && texts.size === before) break;
      await this.page.keyboard.press('PageDown');
    }
    await this.runCommand('View: Close Editor');
    await rows.first().waitFor({ state: 'hidden', timeout: 10_000 });
    return [...texts];
  }

  /**
   * Opens a quick input with `shortcut`, types `query` and accepts the best row: `rank` gives each row's accessible
   * label a rank (0 best, a negative number: not a candidate). `prefix` is what the input starts with (">" for the
   * command palette). The list can still change while results come in, so a row is clicked by its label, and the
   * whole pick is retried until it lands.
   */
  private async quickInput(shortcut: string, query: string, rank: (label: string) => number, prefix = ''): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press(shortcut);
    const input = this.page.locator(SELECTORS.quickInputBox);
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`${prefix}${query}`);
    const rows = this.page.locator(SELECTORS.quickInputRow);
    const opened = Date.now();
    const labels = () => rows.evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label') ?? ''));
    const picked = await poll(
      async () => {
        const ranked = (await labels())
          .map((label, index) => ({ label, index, rank: rank(label) }))
          .filter((row) => row.rank >= 0)
          .sort((a, b) => a.rank - b.rank || a.index - b.index);
        const best = ranked[0];
        // A near match is taken only once the list has had time to show an exact one.
        if (!best || (best.rank > 0 && Date.now() - opened < 1500)) return false;
        const row = rows.nth(best.index);
        if ((await row.getAttribute('aria-label', { timeout: 1000 })) !== best.label) return false;
        await row.click({ timeout: 2000 });
        return true;
      },
      (done) => done,
      { timeout: 20_000, interval: 200 },
    ).catch(() => false);
    if (!picked) throw new Error(`quick input "${prefix}${query}": no matching row among ${JSON.stringify(await labels().catch(() => []))}`);
    await this.page.locator(SELECTORS.quickInput).waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => sleep(0));
  }

}
