// The extension in a real VS Code (code-server): the packaged .vsix installs, opening an article activates it, its
// language server starts, and the server answers the editor's requests.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { SERVER_EXEC_ARGV } from '../../client/src/serverProcess';
import { ROOT } from '../helpers/seeds';
import { e2e } from './hooks';
import { EXTENSION_ID } from './harness/session';
import { poll } from './harness/poll';
import { seedName } from './seeds';

const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('e2e: the extension in code-server', function () {
  it('installs from the packaged .vsix', async function () {
    const installed = await e2e().installedExtensions();
    assert.ok(installed.includes(`${EXTENSION_ID}@${version}`), `installed: ${JSON.stringify(installed)}`);
  });

  it('activates on an article and starts its language server from the installed .vsix', async function () {
    const session = e2e();
    await session.page.openFile(seedName('003'));
    const servers = await poll(async () => session.languageServerProcesses(), (found) => found.length > 0, { timeout: 60_000 });
    assert.equal(servers.length, 1, `language server processes: ${JSON.stringify(servers)}`);
    const running = await poll(
      () => session.page.runningExtensions(),
      (rows) => rows.some((row) => row.includes('Corroborate')),
      { timeout: 30_000, interval: 1000 },
    );
    assert.ok(running.some((row) => row.includes('Corroborate')), `running extensions: ${JSON.stringify(running)}`);
  });

  it('keeps one language server running, without errors, while the editor asks for tokens and hovers', async function () {
    const session = e2e();
    await session.page.openFile(seedName('003'));
    const before = await poll(async () => session.languageServerProcesses(), (found) => found.length === 1, { timeout: 60_000 });
    // started with the extension's Node options (the memory the benchmark measures depends on them)
    for (const option of SERVER_EXEC_ARGV) assert.ok(before[0]!.commandLine.split(' ').includes(option), before[0]!.commandLine);
    await session.page.openFile(seedName('000'));
    // Each hover is a request to the server, each opened file a round of semantic-token requests; what they return is
    // the business of the dates-and-figures tests: here the server must survive them and say nothing alarming.
    for (const word of ['Syria', 'Last Friday', 'some 4,300']) await session.page.hoverText(word, { timeout: 3000 });
    await session.page.openFile(seedName('003'));
    await session.page.hoverText('on Monday', { part: 'Monday', timeout: 3000 });
    const after = session.languageServerProcesses();
    assert.deepEqual(after.map((p) => p.pid), before.map((p) => p.pid), 'the language server was restarted or stopped');
    const log = session.outputChannelText('Corroborate');
    assert.doesNotMatch(log, /\[error\]|crashed|Connection to server got closed|Server process exited/i, log);
    const toasts = await session.page.notifications();
    assert.ok(!toasts.some((toast) => /corroborate/i.test(toast)), `notifications: ${JSON.stringify(toasts)}`);
  });
});
