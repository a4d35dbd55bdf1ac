// The Entities and Facts views, the status bar and the timeline, as a reporter uses them in VS Code: the views list
// what the server found and follow the index as files change; a click reveals a mention; the status bar counts the
// articles and conflicts; the timeline places the dates, shows a sentence on hover and opens a date on click.
import { strict as assert } from 'node:assert';
import { unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { e2e } from './hooks';
import { poll } from './harness/poll';
import {
  answerInput,
  clickRow,
  collapsePane,
  expandPane,
  expandRow,
  problemRows,
  removePlanted,
  runPickerCommand,
  setSectionExpanded,
  setSideBarWidth,
  waitForTokenColours,
  statusText,
  STATUS_ITEM_ID,
  VIEW_SELECTORS,
  waitForRows,
  waitForStatus,
  webviewFrame,
} from './harness/views';
import { seedName } from './seeds';

const SEED_003 = seedName('003');
const SEED_004 = seedName('004');

const PLANTED = [
  { name: 'views-deployment.txt', text: 'Russia keeps its forces in Syria\n\nNovember 6, 2017\n\nSome 4,300 Russian military are deployed in Syria, the defence ministry said.\n' },
  { name: 'views-briefing.txt', text: 'Kremlin briefing on Syria\n\nNovember 6, 2017\n\nThe Kremlin said 5,000 Russian troops are stationed in Syria.\n' },
];

function cursor(): Promise<string> {
  return e2e().page.page.locator('#status\\.editor\\.selection').innerText();
}

/** The side bar's width before these tests widened it. */
let sideBarWidth = 0;

describe('e2e: the Entities view', function () {
  before(async function () {
    const page = e2e().page;
    await page.openFile(SEED_003);
    await page.focusView('Entities');
    // give the Explorer's views room: a wider side bar, and the file list and the outline folded away
    sideBarWidth = await setSideBarWidth(page, 560);
    await setSectionExpanded(page, 'Explorer Section', false);
    for (const other of ['Outline', 'Timeline', 'Facts']) await collapsePane(page, other);
  });

  after(async function () {
    await e2e().page.runCommand('Corroborate: Clear Entities Filter').catch(() => undefined);
  });

  it('lists the entities by kind, each with its spellings, article count and mentions', async function () {
    const page = e2e().page;
    const rows = await waitForRows(page, 'Entities', (r) => r.some((row) => /^People \d+$/.test(row)) && r.some((row) => row.startsWith('Mikhail Bogdanov')));
    assert.ok(rows.some((row) => /^People \d+$/.test(row)), JSON.stringify(rows));
    const bogdanov = rows.find((row) => row.startsWith('Mikhail Bogdanov'));
    assert.match(bogdanov ?? '', /Bogdanov · 3 articles · 8 mentions/, JSON.stringify(rows));
  });

  it('finds Hmeimim by the spelling "Khmeimim" in the filter box, and reveals a mention on click', async function () {
    const page = e2e().page;
    await page.runCommand('Corroborate: Filter Entities…');
    await answerInput(page, 'Khmeimim');
    // the base, whichever of its spellings names it: one place written three ways across the five seeds
    const base = /^(Hmeimim|Khmeimim|Hemeimeem), Places, /;
    const rows = await waitForRows(page, 'Entities', (r) => r.some((row) => base.test(row)) && !r.some((row) => row.startsWith('Syria,')));
    const hmeimim = rows.find((row) => base.test(row));
    assert.ok(hmeimim, JSON.stringify(rows));
    for (const spelling of ['Hmeimim', 'Khmeimim', 'Hemeimeem']) assert.ok(hmeimim.includes(spelling), `${spelling} is not among the spellings: ${hmeimim}`);
    assert.match(hmeimim, / · 5 articles · \d+ mentions$/);
    assert.ok(!rows.some((row) => row.startsWith('People')), `the filter left other entities: ${JSON.stringify(rows)}`);
    const message = await page.page.locator(`${VIEW_SELECTORS.pane('Entities')} .message`).first().innerText().catch(() => '');
    assert.match(message, /^Filter “Khmeimim”: \d+ entit(y|ies)$/, `view message: ${message}`);

    await expandRow(page, 'Entities', base);
    await expandRow(page, 'Entities', new RegExp(`^${SEED_004.replace(/\./g, '\\.')}`));
    const mentions = await waitForRows(page, 'Entities', (r) => r.some((row) => /^Hemeimeem, line \d+ of/.test(row)));
    const first = mentions.find((row) => /^Hemeimeem Air Base, line \d+ of/.test(row));
    assert.ok(first, `no mention row for Hemeimeem Air Base: ${JSON.stringify(mentions)}`);
    const line = Number(/line (\d+)/.exec(first)![1]);
    await page.screenshot('entities-view-filtered');
    await clickRow(page, 'Entities', /^Hemeimeem Air Base, line \d+ of/);
    const tab = await poll(() => page.activeTabLabel(), (label) => label.includes(SEED_004), { timeout: 15_000 });
    assert.ok(tab.includes(SEED_004), `the mention opened "${tab}"`);
    const at = await poll(cursor, (text) => text.startsWith(`Ln ${line},`), { timeout: 10_000 });
    assert.ok(at.startsWith(`Ln ${line},`), `cursor at "${at}", not line ${line}`);
    assert.match(at, /\(18 selected\)/, 'the mention "Hemeimeem Air Base" is not selected');
    await waitForTokenColours(page);
    await page.screenshot('entities-view-mention-revealed');
  });

  it('follows the index: an article written to disk adds its people, deleting it removes them', async function () {
    const page = e2e().page;
    const file = path.join(e2e().workspaceDir, 'views-new-article.txt');
    await page.runCommand('Corroborate: Filter Entities…');
    await answerInput(page, 'Lavrov');
    try {
      writeFileSync(file, 'Moscow talks\n\nForeign Minister Sergei Lavrov met Syrian officials in Moscow on Monday.\n');
      const rows = await waitForRows(page, 'Entities', (r) => r.some((row) => row.startsWith('Sergei Lavrov,')));
      assert.ok(rows.some((row) => row.startsWith('Sergei Lavrov, People')), JSON.stringify(rows));
    } finally {
      unlinkSync(file);
    }
    const after = await waitForRows(page, 'Entities', (r) => !r.some((row) => row.startsWith('Sergei Lavrov')));
    assert.ok(!after.some((row) => row.startsWith('Sergei Lavrov')), JSON.stringify(after));
  });
});

describe('e2e: the status bar and the Facts view, with a planted conflict', function () {
  const files = () => PLANTED.map((p) => path.join(e2e().workspaceDir, p.name));

  before(async function () {
    // start from the seeds alone: an editor still open on an article another scenario planted (and deleted) keeps
    // that article in the index until the editor closes
    await e2e().page.runCommand('View: Close All Editors');
  });

  after(async function () {
    const status = await removePlanted(e2e().page, files(), (text) => text.includes('5 articles · 0 conflicts'));
    assert.match(status, /5 articles · 0 conflicts/, 'the planted articles did not leave the index');
    await e2e().page.runCommand('View: Hide Panel').catch(() => undefined);
    // the Explorer as the other scenarios expect it
    await setSectionExpanded(e2e().page, 'Explorer Section', true);
    if (sideBarWidth > 0) await setSideBarWidth(e2e().page, sideBarWidth);
  });

  it('shows "5 articles · 0 conflicts" for the seeds', async function () {
    const text = await waitForStatus(e2e().page, (t) => t.includes('5 articles · 0 conflicts'));
    assert.match(text, /5 articles · 0 conflicts/);
  });

  it('counts a conflict as soon as two articles of one day disagree, and opens the Problems panel on click', async function () {
    const page = e2e().page;
    for (const [i, file] of files().entries()) writeFileSync(file, PLANTED[i]!.text);
    const text = await waitForStatus(page, (t) => t.includes('7 articles · 2 conflicts'));
    assert.match(text, /7 articles · 2 conflicts/);
    await page.page.locator(VIEW_SELECTORS.statusItem(STATUS_ITEM_ID)).click();
    const problems = await poll(() => problemRows(page), (rows) => rows.some((row) => row.includes('5,000 Russian troops in views-briefing.txt')), { timeout: 30_000 });
    assert.ok(problems.some((row) => row.includes('5,000 Russian troops in views-briefing.txt')), JSON.stringify(problems));
    await page.screenshot('status-bar-conflicts-problems');
  });

  it('lists the conflicts first in the Facts view, then the figures by what they count; a click opens the figure', async function () {
    const page = e2e().page;
    await page.runCommand('View: Hide Panel').catch(() => undefined);
    await page.focusView('Facts');
    await collapsePane(page, 'Entities');
    await expandPane(page, 'Facts');
    const rows = await waitForRows(page, 'Facts', (r) => r.some((row) => row.startsWith('Conflicts')) && r.some((row) => /^5,000, warning/.test(row)));
    assert.match(rows[0] ?? '', /^Conflicts/, `the first row is not the conflicts: ${JSON.stringify(rows)}`);
    const group = rows.find((row) => /^Russian (military|troops)/.test(row));
    assert.match(group ?? '', /count · deployed · 3 articles · 2 conflicts|count .*2 conflicts/, JSON.stringify(rows));
    assert.ok(rows.some((row) => /^some 4,300, .*000_164a9749a017def4\.txt line \d+/i.test(row)), `the seed's undated "some 4,300" is not listed: ${JSON.stringify(rows)}`);
    await expandRow(page, 'Facts', /^Some 4,300 Russian military here/);
    await waitForRows(page, 'Facts', (r) => r.some((row) => /^5,000 Russian troops .*views-briefing\.txt/.test(row)));
    await clickRow(page, 'Facts', /^5,000, warning/);
    const tab = await poll(() => page.activeTabLabel(), (label) => label.includes('views-briefing.txt'), { timeout: 15_000 });
    assert.ok(tab.includes('views-briefing.txt'), `the figure opened "${tab}"`);
    await waitForTokenColours(page);
    await page.screenshot('facts-view-conflicts');
    const at = await poll(cursor, (t) => t.startsWith('Ln 5,'), { timeout: 10_000 });
    // "5,000" selected: the cursor stands at its end (column 23)
    assert.match(at, /^Ln 5, Col 23 \(5 selected\)/, `cursor: ${at}`);
  });
});

describe('e2e: the timeline', function () {
  after(async function () {
    await e2e().page.runCommand('View: Close All Editors').catch(() => undefined);
  });

  it('places every resolved date of the workspace on a time axis, one row per article', async function () {
    const page = e2e().page;
    await page.openFile(SEED_003);
    await page.runCommand('Corroborate: Show Timeline');
    const frame = await webviewFrame(page, 'body[data-state="ready"] #chart svg');
    const summary = await frame.locator('#summary').innerText();
    assert.match(summary, /^\d+ dates · 5 articles$/, summary);
    const marks = await frame.locator('.mark').count();
    assert.equal(marks, Number(/^(\d+)/.exec(summary)![1]), 'a date without a mark');
    const lanes = await frame.locator('.lane-label title').allTextContents();
    assert.ok(lanes.some((lane) => lane.includes('004_')) && lanes.some((lane) => lane.includes('003_')), JSON.stringify(lanes));
    assert.equal(await frame.locator('.article-date').count(), 2, 'seeds 003 and 004 have dates of their own');
    // no mark hides another: marks of nearby days go to separate rows of their lane
    const overlapping = await frame.locator('circle.mark').evaluateAll((circles) => {
      const at = circles.map((c) => ({ x: Number(c.getAttribute('cx')), y: Number(c.getAttribute('cy')) }));
      return at.filter((a, i) => at.some((b, j) => j > i && Math.abs(a.x - b.x) < 10 && Math.abs(a.y - b.y) < 10)).length;
    });
    assert.equal(overlapping, 0, 'marks drawn on top of each other');
    assert.match(await frame.locator('#notes').innerText(), /000_164a9749a017def4\.txt: 9 relative dates without an article date/);
    assert.equal(await frame.locator('body').getAttribute('data-csp-violations'), null, 'the page broke its content security policy');
    await page.screenshot('timeline-workspace');
  });

  it('shows the article and the sentence on hover, and opens the date on click', async function () {
    const page = e2e().page;
    const frame = await webviewFrame(page, 'body[data-state="ready"] #chart svg');
    await frame.locator('#zoom-in').click();
    await frame.locator('#zoom-in').click();
    const monday = frame.locator('.mark[data-iso="2024-12-16"]');
    await monday.scrollIntoViewIfNeeded();
    await monday.hover();
    const tooltip = frame.locator('#tooltip');
    await tooltip.waitFor({ state: 'visible', timeout: 10_000 });
    const text = await tooltip.innerText();
    assert.match(text, /“on Monday”/, text);
    assert.match(text, /Monday 16 December 2024/, text);
    assert.match(text, /003_5605dda33168d3ec\.txt · line 7/, text);
    assert.match(text, /Kremlin spokesman Dmitry Peskov said on Monday/, text);
    await waitForTokenColours(page);
    await page.screenshot('timeline-hover-sentence');
    await monday.click();
    const tab = await poll(() => page.activeTabLabel(), (label) => label.includes(SEED_003), { timeout: 15_000 });
    assert.ok(tab.includes(SEED_003));
    const at = await poll(cursor, (t) => t.startsWith('Ln 7,'), { timeout: 10_000 });
    assert.match(at, /^Ln 7, Col \d+ \(9 selected\)/, `cursor: ${at}`);
  });

  it('narrows to the active article', async function () {
    const page = e2e().page;
    const frame = await webviewFrame(page, 'body[data-state="ready"] #chart svg');
    await frame.locator('#scope-article').click();
    const summary = await poll(() => frame.locator('#summary').innerText(), (t) => t.includes(SEED_003), { timeout: 15_000 });
    assert.match(summary, new RegExp(`^6 dates · ${SEED_003}`), summary);
    assert.deepEqual(await frame.locator('.lane-label title').allTextContents(), [`${SEED_003} · dated 2024-12-17`]);
    await frame.locator('#scope-workspace').click();
  });

  it('follows the colour theme, high contrast included', async function () {
    const page = e2e().page;
    await page.page.mouse.move(5, 5);
    await runPickerCommand(page, 'Preferences: Color Theme');
    await answerInput(page, 'Dark High Contrast');
    const frame = await webviewFrame(page, 'body.vscode-high-contrast #chart svg');
    const strokes = await frame.locator('.mark').evaluateAll((marks) =>
      marks.map((mark) => (globalThis as unknown as { getComputedStyle(e: unknown): { strokeWidth: string } }).getComputedStyle(mark).strokeWidth),
    );
    assert.ok(strokes.length > 0 && strokes.every((width) => width === '2px'), `high contrast does not outline every mark with 2px: ${JSON.stringify(strokes)}`);
    await page.screenshot('timeline-high-contrast');
    await runPickerCommand(page, 'Preferences: Color Theme');
    await answerInput(page, 'Light Modern');
    await webviewFrame(page, 'body.vscode-light #chart svg');
    assert.match(await statusText(page), /articles/);
  });
});

export { SEED_004 };
