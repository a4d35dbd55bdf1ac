// A planted cross-file conflict, as a reporter meets it in VS Code: two articles of the same day written into the
// session's temporary copy of the workspace (never the repository's seeds), a warning in the Problems panel that
// names the other article and its figure, and its related-information row opening that article.
import { strict as assert } from 'node:assert';
import { unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { e2e } from './hooks';
import { poll } from './harness/poll';
import { removePlanted, waitForStatus } from './harness/views';

const HERE = 'planted-conflict-deployment.txt';
const THERE = 'planted-conflict-briefing.txt';
const HERE_TEXT = 'Russia keeps its forces in Syria\n\nNovember 6, 2017\n\nSome 4,300 Russian military are deployed in Syria, the defence ministry said.\n';
const THERE_TEXT = 'Kremlin briefing on Syria\n\nNovember 6, 2017\n\nThe Kremlin said 5,000 Russian troops are stationed in Syria.\n';
const MESSAGE = `5,000 Russian troops in ${THERE}`;

describe('e2e: a cross-file figure conflict in the Problems panel', function () {
  let files: string[] = [];

  before(function () {
    const dir = e2e().workspaceDir;
    files = [path.join(dir, HERE), path.join(dir, THERE)];
    writeFileSync(files[1]!, THERE_TEXT);
    writeFileSync(files[0]!, HERE_TEXT);
  });

  after(async function () {
    await removePlanted(e2e().page, files);
    // leave the workbench as the other scenarios expect it: no panel taking the editor's room
    await e2e().page.runCommand('View: Hide Panel').catch(() => undefined);
  });

  it('shows a warning naming the other article, whose related link opens it', async function () {
    const page = e2e().page;
    await page.openFile(HERE);
    const squiggles = await poll(() => page.squiggleCount('warning'), (n) => n > 0, { timeout: 60_000 });
    assert.ok(squiggles > 0, 'no warning squiggle in the article');
    const rows = await poll(() => page.problems(), (labels) => labels.some((label) => label.includes(MESSAGE)), { timeout: 30_000 });
    const problem = rows.find((label) => label.includes(MESSAGE));
    assert.ok(problem, `no problem naming ${THERE}: ${JSON.stringify(rows)}`);
    process.stderr.write(`      problem: ${problem}\n`);
    assert.match(problem, /Some 4,300 Russian military here/);

    // the related information is a row under the problem: expand the problem if VS Code shows it collapsed
    const workbench = page.page;
    const relatedRow = workbench.locator('.markers-panel .monaco-list-row').filter({ has: workbench.locator('.related-info-resource', { hasText: THERE }) }).first();
    if (!(await relatedRow.isVisible())) {
      const problemRow = workbench.locator('.markers-panel .monaco-list-row').filter({ hasText: 'Some 4,300 Russian military here' }).first();
      await problemRow.click();
      await workbench.keyboard.press('ArrowRight');
    }
    await relatedRow.waitFor({ state: 'visible', timeout: 15_000 });
    await page.screenshot('consistency-cross-file-conflict-problems-panel');
    await relatedRow.click();
    const tab = await poll(() => page.activeTabLabel(), (label) => label.includes(THERE), { timeout: 15_000 });
    assert.ok(tab.includes(THERE), `the related link opened "${tab}", not ${THERE}`);
  });

  it('clears both warnings from the Problems panel once the editors are closed and the articles deleted', async function () {
    const page = e2e().page;
    await page.runCommand('View: Close All Editors');
    for (const file of files) unlinkSync(file);
    await waitForStatus(page, (text) => text.includes('5 articles'));
    const planted = (row: string) => row.includes('Russian');
    const left = await poll(() => page.problems(), (rows) => !rows.some(planted), { timeout: 30_000 });
    const stale = left.filter(planted);
    assert.deepEqual(stale, [], 'problems of the deleted articles are still listed');
  });
});
