// The walkthrough (Help > Welcome > Walkthroughs): its steps, and the buttons that open the samples, show the hover
// on "Khmeimim" and add an example conflict (the workspace is a copy of the seeds: the samples are already open).
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { e2e } from './hooks';
import { poll } from './harness/poll';
import { pickItem, removePlanted, runPickerCommand, waitForStatus } from './harness/views';
import { seedName } from './seeds';

const TITLE = 'Fact-check articles with Corroborate';
const STEPS = [
  'Open the sample articles',
  'Hover a name: one place, every spelling',
  'Catch figures that contradict each other',
  'Work through the Entities and Facts views',
  'Put the dates on a timeline',
];
const EXAMPLE_FILES = ['walkthrough-deployment.txt', 'walkthrough-briefing.txt'];

async function openWalkthrough(): Promise<void> {
  const page = e2e().page;
  await runPickerCommand(page, 'Welcome: Open Walkthrough');
  await pickItem(page, new RegExp(TITLE));
  await page.page.locator('.getting-started-step').first().waitFor({ state: 'visible', timeout: 20_000 });
}

/** Expands a step by its title and clicks one of its buttons. */
async function runStepButton(step: string, button: string): Promise<void> {
  const page = e2e().page.page;
  const row = page.locator('.getting-started-step').filter({ hasText: step }).first();
  if (!(await row.getAttribute('class'))?.includes('expanded')) await row.locator('.step-title').click();
  await row.locator('.button-link, a').filter({ hasText: button }).first().click();
}

describe('e2e: the walkthrough', function () {
  after(async function () {
    await removePlanted(e2e().page, EXAMPLE_FILES.map((name) => path.join(e2e().workspaceDir, name)));
  });

  it('lists its steps', async function () {
    await openWalkthrough();
    const titles = await e2e().page.page.locator('.getting-started-step .step-title').allInnerTexts();
    assert.deepEqual(titles.map((t) => t.trim()), STEPS);
    await e2e().page.screenshot('walkthrough-steps');
  });

  it('opens the sample article that writes "Khmeimim" and shows its hover', async function () {
    const page = e2e().page;
    await runStepButton(STEPS[0]!, 'Open the Sample Articles');
    const tab = await poll(() => page.activeTabLabel(), (label) => label.includes(seedName('003')), { timeout: 15_000 });
    assert.ok(tab.includes(seedName('003')), tab);
    await openWalkthrough();
    await runStepButton(STEPS[1]!, 'Show the Hover');
    const hover = await poll(() => page.visibleHoverText(), (text) => /Hemeimeem/.test(text), { timeout: 30_000 });
    assert.match(hover, /Hmeimim/, hover);
    await page.screenshot('walkthrough-hover');
  });

  it('adds an example conflict that the status bar counts', async function () {
    const page = e2e().page;
    await openWalkthrough();
    await runStepButton(STEPS[2]!, 'Add an Example Conflict');
    for (const name of EXAMPLE_FILES) {
      await poll(async () => existsSync(path.join(e2e().workspaceDir, name)), (exists) => exists, { timeout: 15_000 });
    }
    const status = await waitForStatus(page, (text) => text.includes('7 articles · 2 conflicts'));
    assert.match(status, /7 articles · 2 conflicts/);
    await openWalkthrough();
    // a finished step is checked
    const done = await page.page.locator('.getting-started-step[aria-checked="true"] .step-title').allInnerTexts();
    assert.ok(done.map((t) => t.trim()).includes(STEPS[2]!), `the conflicts step is not marked done: ${JSON.stringify(done)}`);
    await page.screenshot('walkthrough-progress');
  });
});
