// Consistency diagnostics over real LSP: pull (document and workspace) with related information across files, a
// refresh when another file changes, quick fixes that produce the right edits; push for a client without pull.
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  ClientCapabilities,
  CodeAction,
  Diagnostic,
  DocumentDiagnosticReport,
  Range,
  TextEdit,
  WorkspaceDiagnosticReport,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import { fileUri, LspSession, SERVER_JS } from './harness';

const SYRIA = 'Russia keeps its forces in Syria\n\nNovember 6, 2017\n\nSome 4,300 Russian military are deployed in Syria, the defence ministry said.\n';
const KREMLIN = 'Kremlin briefing on Syria\n\nNovember 6, 2017\n\nThe Kremlin said 5,000 Russian troops are stationed in Syria.\n\nThey hold 85 percent of the land; the remaining 25 percent is contested.\n';

function workspace(config = '{}\n'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'corroborate-diagnostics-'));
  writeFileSync(path.join(dir, 'syria-deployment.txt'), SYRIA);
  writeFileSync(path.join(dir, 'kremlin-briefing.txt'), KREMLIN);
  writeFileSync(path.join(dir, '.corroborate.json'), config);
  return dir;
}

async function startIndexed(dir: string, capabilities?: ClientCapabilities): Promise<LspSession> {
  const session = await LspSession.start({ workspaceFolder: dir, ...(capabilities ? { capabilities } : {}) });
  await session.waitFor(() => session.logs.some((line) => /indexed \d+ articles/.test(line)), 'the workspace to be indexed');
  return session;
}

function textIn(text: string, range: Range): string {
  return text.split(/\r\n|\r|\n/)[range.start.line]!.slice(range.start.character, range.end.character);
}

/** Applies text edits (non-overlapping) to a text. */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const offsetOf = (line: number, character: number) => {
    const lines = text.split('\n');
    let offset = 0;
    for (let i = 0; i < line; i++) offset += lines[i]!.length + 1;
    return offset + character;
  };
  const sorted = [...edits].sort((a, b) => offsetOf(b.range.start.line, b.range.start.character) - offsetOf(a.range.start.line, a.range.start.character));
  let out = text;
  for (const edit of sorted) {
    out = out.slice(0, offsetOf(edit.range.start.line, edit.range.start.character)) + edit.newText + out.slice(offsetOf(edit.range.end.line, edit.range.end.character));
  }
  return out;
}

/** A file URI as the absolute path it names, to compare URIs however the server spelled them. */
const fileKey = (uri: string) => path.resolve(fileURLToPath(uri));

/** The edits a workspace edit makes to one file (documentChanges or changes). */
function editsFor(edit: WorkspaceEdit, uri: string): TextEdit[] {
  const fromChanges = Object.entries(edit.changes ?? {}).filter(([u]) => fileKey(u) === fileKey(uri)).flatMap(([, e]) => e);
  const fromDocuments = (edit.documentChanges ?? []).flatMap((change) => ('textDocument' in change && fileKey(change.textDocument.uri) === fileKey(uri) ? change.edits : []));
  return [...fromChanges, ...(fromDocuments as TextEdit[])];
}

async function pull(session: LspSession, uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
  return session.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) });
}

function itemsOf(report: DocumentDiagnosticReport): Diagnostic[] {
  assert.equal(report.kind, 'full');
  return (report as { items: Diagnostic[] }).items;
}

describe('protocol: consistency diagnostics (pull)', function () {
  let dir: string;
  let session: LspSession;
  let syriaUri: string;
  let kremlinUri: string;

  before(async function () {
    assert.ok(existsSync(SERVER_JS), `${SERVER_JS} is missing: run "node esbuild.mjs" first`);
    dir = workspace();
    session = await startIndexed(dir);
    syriaUri = await session.open(path.join(dir, 'syria-deployment.txt'));
    kremlinUri = fileUri(path.join(dir, 'kremlin-briefing.txt'));
  });

  after(async function () {
    if (session) await session.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('declares pull diagnostics with inter-file dependencies and workspace diagnostics', function () {
    assert.deepEqual(session.initializeResult.capabilities.diagnosticProvider, { identifier: 'corroborate', interFileDependencies: true, workspaceDiagnostics: true });
  });

  it('reports the cross-file conflict in plain words, with the other mention as related information', async function () {
    const items = itemsOf(await pull(session, syriaUri));
    const conflict = items.find((d) => d.code === 'cross-file-figure');
    assert.ok(conflict, JSON.stringify(items));
    assert.equal(conflict.message, 'Some 4,300 Russian military here; 5,000 Russian troops in kremlin-briefing.txt (2017-11-06)');
    assert.equal(conflict.severity, 2);
    assert.equal(conflict.source, 'corroborate');
    assert.match(conflict.codeDescription?.href ?? '', /README\.md#check-cross-file-figure$/);
    assert.equal(textIn(SYRIA, conflict.range), 'Some 4,300');
    const related = conflict.relatedInformation ?? [];
    assert.equal(related.length, 1);
    assert.equal(fileKey(related[0]!.location.uri), path.join(dir, 'kremlin-briefing.txt'));
    assert.equal(textIn(KREMLIN, related[0]!.location.range), '5,000');
  });

  it('answers "unchanged" for an unchanged result id', async function () {
    const first = await pull(session, syriaUri);
    const second = await pull(session, syriaUri, (first as { resultId?: string }).resultId);
    assert.equal(second.kind, 'unchanged');
  });

  it('reports every article with problems in a workspace pull, the closed ones too', async function () {
    const report = await session.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
    const byFile = new Map(report.items.map((item) => [path.basename(fileURLToPath(item.uri)), item]));
    const kremlin = byFile.get('kremlin-briefing.txt');
    assert.ok(kremlin && kremlin.kind === 'full', JSON.stringify(report));
    assert.deepEqual(kremlin.items.map((d) => d.code).sort(), ['cross-file-figure', 'percent-sum']);
    assert.ok(byFile.has('syria-deployment.txt'));
  });

  it('offers quick fixes that produce the right edits', async function () {
    const items = itemsOf(await pull(session, syriaUri));
    const conflict = items.find((d) => d.code === 'cross-file-figure')!;
    const actions = await session.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: syriaUri },
      range: conflict.range,
      context: { diagnostics: [conflict], only: ['quickfix'] },
    });
    const titles = actions.map((a) => a.title);
    const use = actions.find((a) => a.title.startsWith('Use “5,000”'));
    assert.ok(use, JSON.stringify(titles));
    assert.equal(applyEdits(SYRIA, editsFor(use.edit!, syriaUri)), SYRIA.replace('Some 4,300', '5,000'));
    const configUri = fileUri(path.join(dir, '.corroborate.json'));
    const config = readFileSync(path.join(dir, '.corroborate.json'), 'utf8');
    const expectConfig = (title: RegExp, check: (value: Record<string, unknown>) => void) => {
      const action = actions.find((a) => title.test(a.title));
      assert.ok(action, `${title} not in ${JSON.stringify(titles)}`);
      assert.ok(action.edit?.changeAnnotations, 'a reviewed edit: it carries a change annotation');
      assert.ok(Object.values(action.edit.changeAnnotations).every((a) => a.needsConfirmation));
      check(JSON.parse(applyEdits(config, editsFor(action.edit, configUri))) as Record<string, unknown>);
    };
    expectConfig(/^Not the same fact/, (value) =>
      assert.deepEqual(value.notSameFact, [[{ file: 'syria-deployment.txt', figure: 'Some 4,300' }, { file: 'kremlin-briefing.txt', figure: '5,000' }]]),
    );
    expectConfig(/^Ignore this finding/, (value) => assert.deepEqual(value.ignore, [{ check: 'cross-file-figure', file: 'syria-deployment.txt', text: 'Some 4,300' }]));
    expectConfig(/^Turn off the cross-file figure check for this file/, (value) => assert.deepEqual(value.off, [{ files: 'syria-deployment.txt', checks: ['cross-file-figure'] }]));
  });

  it('asks the client to refresh, and reports the change, when another file changes on disk', async function () {
    const before = session.requestsFromServer.filter((r) => r.method === 'workspace/diagnostic/refresh').length;
    const first = await session.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
    const previousResultIds = first.items.map((item) => ({ uri: item.uri, value: (item as { resultId: string }).resultId }));
    // a workspace pull with nothing new is held open until something changes
    const held = session.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds });
    writeFileSync(path.join(dir, 'kremlin-briefing.txt'), KREMLIN.replace('5,000', '4,300').replace('25 percent', '15 percent'));
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: kremlinUri, type: 2 }] });
    const report = await held;
    const kremlin = report.items.find((item) => path.basename(fileURLToPath(item.uri)) === 'kremlin-briefing.txt');
    assert.ok(kremlin && kremlin.kind === 'full', JSON.stringify(report));
    assert.deepEqual(kremlin.items, []);
    await session.waitFor(() => session.requestsFromServer.filter((r) => r.method === 'workspace/diagnostic/refresh').length > before, 'workspace/diagnostic/refresh');
    const items = itemsOf(await pull(session, syriaUri));
    assert.deepEqual(items.filter((d) => d.code === 'cross-file-figure'), []);
  });

  it('drops a finding once .corroborate.json says "not the same fact"', async function () {
    writeFileSync(path.join(dir, 'kremlin-briefing.txt'), KREMLIN);
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: kremlinUri, type: 2 }] });
    await session.waitFor(async () => itemsOf(await pull(session, syriaUri)).some((d) => d.code === 'cross-file-figure'), 'the conflict to come back');
    writeFileSync(path.join(dir, '.corroborate.json'), JSON.stringify({ notSameFact: [[{ file: 'syria-deployment.txt', figure: 'Some 4,300' }, { file: 'kremlin-briefing.txt', figure: '5,000' }]] }));
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(dir, '.corroborate.json')), type: 2 }] });
    await session.waitFor(async () => !itemsOf(await pull(session, syriaUri)).some((d) => d.code === 'cross-file-figure'), 'the conflict to be dropped');
  });

  it('applies the severity settings, and turns a check off', async function () {
    writeFileSync(path.join(dir, '.corroborate.json'), '{}\n');
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(dir, '.corroborate.json')), type: 2 }] });
    await session.setSettings({ checks: { crossFileFigure: 'error', percentSum: 'off' } });
    await session.waitFor(async () => {
      const items = itemsOf(await pull(session, kremlinUri));
      return items.length > 0 && items.every((d) => d.code !== 'percent-sum') && items.some((d) => d.code === 'cross-file-figure' && d.severity === 1);
    }, 'errors and no percent-sum problems');
  });
});

describe('protocol: problems of a deleted article (pull)', function () {
  let dir: string;
  let session: LspSession;

  before(async function () {
    dir = workspace();
    session = await startIndexed(dir);
  });

  after(async function () {
    if (session) await session.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('clears them in the next workspace pull, after the editor closed the article and its file was deleted', async function () {
    // as VS Code's client does: a document pull while open; on close a last pull whose answer it ignores (the
    // document is no longer visible: here the file is already gone, so that answer is empty), then no result id for
    // that article in workspace pulls; it keeps showing the problems of the pull made while the article was open
    const file = path.join(dir, 'syria-deployment.txt');
    const uri = await session.open(file);
    assert.ok(itemsOf(await pull(session, uri)).length > 0, 'the open article has no problems');
    await session.close(uri);
    rmSync(file);
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 3 }] });
    await session.waitFor(async () => itemsOf(await pull(session, uri)).length === 0, 'the deleted article to have no problems');
    const emptyReport = async (previousResultIds: { uri: string; value: string }[]) => {
      const report = await session.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds });
      const own = report.items.find((item) => fileKey(item.uri) === path.resolve(file));
      return own !== undefined && own.kind === 'full' && own.items.length === 0 ? own : undefined;
    };
    const cleared = await session.waitFor(() => emptyReport([]), 'an empty report for the deleted article');
    // sent again in the next pull (a client that still tracked the closing document ignored the first one), even
    // though the client now holds its result id
    const again = await emptyReport([{ uri: cleared.uri, value: cleared.resultId! }]);
    assert.ok(again, 'the empty report is not repeated');
    assert.notEqual(again.resultId, undefined);
  });
});

describe('protocol: consistency diagnostics (push, for a client without pull)', function () {
  let dir: string;
  let session: LspSession;

  before(async function () {
    dir = workspace();
    session = await startIndexed(dir, {
      workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
      textDocument: { publishDiagnostics: { relatedInformation: true } },
    });
  });

  after(async function () {
    if (session) await session.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('declares no pull provider and publishes every article’s problems, with related information across files', async function () {
    assert.equal(session.initializeResult.capabilities.diagnosticProvider, undefined);
    const kremlinUri = fileUri(path.join(dir, 'kremlin-briefing.txt'));
    const find = (uri: string) => [...session.diagnostics].find(([u]) => fileKey(u) === fileKey(uri))?.[1];
    const published = await session.waitFor(() => {
      const list = find(kremlinUri);
      return list && list.length > 0 ? list : undefined;
    }, 'publishDiagnostics for kremlin-briefing.txt');
    const conflict = published.find((d) => d.code === 'cross-file-figure')!;
    assert.equal(conflict.message, '5,000 Russian troops here; Some 4,300 Russian military in syria-deployment.txt (2017-11-06)');
    assert.equal(path.basename(fileURLToPath(conflict.relatedInformation![0]!.location.uri)), 'syria-deployment.txt');
    // fixing the other article clears this one's conflict
    writeFileSync(path.join(dir, 'syria-deployment.txt'), SYRIA.replace('Some 4,300', '5,000'));
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(dir, 'syria-deployment.txt')), type: 2 }] });
    await session.waitFor(() => !(find(kremlinUri) ?? []).some((d) => d.code === 'cross-file-figure'), 'the conflict to be cleared');
  });
});

describe('protocol: settings asked for per workspace folder', function () {
  let dir: string;
  let session: LspSession;

  before(async function () {
    dir = workspace();
    // forty more articles
    for (let i = 1; i <= 40; i++) writeFileSync(path.join(dir, `wire-${i}.txt`), SYRIA.replace('Some 4,300', `Some ${4300 + 10 * i}`));
    session = await startIndexed(dir);
  });

  after(async function () {
    if (session) await session.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('asks the client once per folder, not once per article, when every article’s checks are rated', async function () {
    const report = await session.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
    assert.ok(report.items.some((item) => /wire-\d+\.txt$/.test(item.uri)), JSON.stringify(report.items.map((item) => item.uri)));
    const scopes = session.requestsFromServer
      .filter((request) => request.method === 'workspace/configuration')
      .flatMap((request) => (request.params as { items: { scopeUri?: string }[] }).items.map((item) => item.scopeUri ?? ''));
    // one request per article, scoped to it, before
    assert.ok(scopes.length >= 1 && scopes.length <= 2, `${scopes.length} configuration requests for 42 articles`);
    for (const scope of scopes) assert.equal(fileKey(scope), path.resolve(dir));
  });
});
