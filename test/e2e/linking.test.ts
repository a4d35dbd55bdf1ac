// Cross-file linking as a reporter meets it in VS Code: hovering "Khmeimim" in seed 003 shows the articles that spell
// the base Hmeimim and Hemeimeem, each a link to the line; clicking one opens that article at that line.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { e2e } from './hooks';
import { poll } from './harness/poll';
import { report, waitForStatus } from './harness/views';
import { seedName } from './seeds';

const SEED_003 = seedName('003');
const SEED_004 = seedName('004');

/** 1-based line of the first line of a workspace file matching `pattern`. */
function firstLine(file: string, pattern: RegExp): number {
  const lines = readFileSync(path.join(e2e().workspaceDir, file), 'utf8').split(/\r\n|\r|\n/);
  const index = lines.findIndex((line) => pattern.test(line));
  assert.ok(index >= 0, `${pattern} is not in ${file}`);
  return index + 1;
}

describe('e2e: cross-file linking in the hover', function () {
  it('hovering "Khmeimim" in seed 003 lists the articles that write Hmeimim and Hemeimeem, with line links', async function () {
    const page = e2e().page;
    await page.openFile(SEED_003);
    // every article indexed: the hover lists them all
    await waitForStatus(page, (text) => /5 articles · /.test(text));
    const link004 = `${SEED_004}:${firstLine(SEED_004, /Hemeimeem/)}`;
    const text = await page.hoverText('Khmeimim Air Base', { part: 'Khmeimim', until: (shown) => shown.includes(link004), timeout: 60_000 });
    report('seed 003 "Khmeimim"', text);
    assert.match(text, /Hmeimim/, 'the hover does not name the entity Hmeimim');
    assert.match(text, /Spellings:.*Hemeimeem/s, 'the hover does not list the spelling Hemeimeem');
    assert.ok(text.includes(link004), `no link to ${link004} in: ${text}`);
    const link000 = `${seedName('000')}:${firstLine(seedName('000'), /Hmeimim/)}`;
    assert.ok(text.includes(link000), `no link to ${link000} (Hmeimim) in: ${text}`);
    await page.screenshot('linking-hover-khmeimim');
  });

  it('clicking the link to seed 004 opens it at the line that writes Hemeimeem', async function () {
    const page = e2e().page;
    const line = firstLine(SEED_004, /Hemeimeem/);
    const link = `${SEED_004}:${line}`;
    // the hover is sticky and still open from the previous test; show it again if it was dismissed
    if (!(await page.visibleHoverText()).includes(link)) {
      await page.hoverText('Khmeimim Air Base', { part: 'Khmeimim', until: (shown) => shown.includes(link) });
    }
    await page.clickHoverLink(link);
    const tab = await poll(() => page.activeTabLabel(), (label) => label.includes(SEED_004), { timeout: 15_000 });
    assert.ok(tab.includes(SEED_004), `the link opened "${tab}"`);
    const cursor = await poll(() => page.page.locator('#status\\.editor\\.selection').innerText(), (text) => text.startsWith(`Ln ${line},`), { timeout: 10_000 });
    assert.ok(cursor.startsWith(`Ln ${line},`), `the cursor is at "${cursor}", not on line ${line}`);
    await page.screenshot('linking-opened-hemeimeem');
  });
});
