// Mocha root hooks for the real-editor tests (loaded by test/e2e/.mocharc.json): one code-server session for all
// test files, a screenshot after every test (test-results/e2e/<title>.png, failed ones too), and everything stopped
// at the end even when a test or a hook fails. Tests reach the session through e2e().
import type { Context } from 'mocha';
import { CodeServerSession } from './harness/session';

let session: CodeServerSession | undefined;
let startedAt = 0;
let scenarios = 0;

/** The running session (started once, before the first test file). */
export function e2e(): CodeServerSession {
  if (!session) throw new Error('the e2e session did not start (see the "before all" hook error)');
  return session;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 100);
}

export const mochaHooks = {
  async beforeAll(this: Context) {
    // Packaging, installing the .vsix, starting code-server and Chromium; the code-server install itself is done by
    // scripts/e2e/setup.mjs before mocha starts (npm run test:e2e), but is done here too if it is missing.
    this.timeout(15 * 60_000);
    startedAt = Date.now();
    session = await CodeServerSession.start();
  },

  async afterEach(this: Context) {
    const test = this.currentTest;
    if (!session?.workbench || !test) return;
    scenarios++;
    const name = `${slug(test.fullTitle())}${test.state === 'failed' ? '-FAILED' : ''}`;
    try {
      await session.workbench.screenshot(name);
    } catch (error) {
      process.stderr.write(`[e2e] screenshot ${name} failed: ${String(error)}\n`);
    }
  },

  async afterAll(this: Context) {
    this.timeout(60_000);
    try {
      if (session) await session.stop();
    } finally {
      session = undefined;
      const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
      process.stderr.write(`\nE2E run time: ${seconds} s (${scenarios} scenarios, including packaging and code-server start)\n`);
    }
  },
};
