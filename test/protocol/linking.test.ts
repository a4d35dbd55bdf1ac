// Cross-file linking over real LSP: the server indexes a copy of the seeds without the client opening them, and
// hover, references, definition, highlights, symbols, code lens, quick fixes and rename work across files; file-system
// changes and .corroborate.json are followed.
import { strict as assert } from 'node:assert';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync, renameSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  CodeAction,
  CodeLens,
  Diagnostic,
  DocumentHighlight,
  DocumentSymbol,
  Location,
  Range,
  SymbolInformation,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import { SEEDS_DIR } from '../helpers/seeds';
import { fileUri, LspSession, positionOf, SERVER_JS } from './harness';

const HMEIMIM_SPELLINGS = /^(Hmeimim|Khmeimim|Hemeimeem)$/i;
const SEED_003 = '003_5605dda33168d3ec.txt';
const SEED_004 = '004_ae0a4df6b0a86d07.txt';
const SEED_002 = '002_0652c80a75994f52.txt';

function copyOfSeeds(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'corroborate-linking-'));
  cpSync(SEEDS_DIR, dir, { recursive: true });
  return dir;
}

/** The text a range covers in a file on disk (single-line ranges). */
function textAt(uri: string, range: Range): string {
  const lines = readFileSync(fileURLToPath(uri), 'utf8').split(/\r\n|\r|\n/);
  return lines[range.start.line]!.slice(range.start.character, range.end.character);
}

/** Links `[label](file:///...#Lnn)` in a hover. */
function linksIn(markdown: string): { uri: string; line: number }[] {
  return [...markdown.matchAll(/\]\((file:\/\/[^)#]+)#L(\d+)\)/g)].map((m) => ({ uri: m[1]!, line: Number(m[2]) }));
}

function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

async function startIndexed(dir: string, settings: unknown = {}): Promise<LspSession> {
  const session = await LspSession.start({ workspaceFolder: dir, settings });
  await session.waitFor(() => session.logs.some((line) => /indexed \d+ articles/.test(line)), 'the workspace to be indexed');
  return session;
}

describe('protocol: cross-file linking', function () {
  let dir: string;
  let session: LspSession;
  let uri003: string;

  before(async function () {
    assert.ok(existsSync(SERVER_JS), `${SERVER_JS} is missing: run "node esbuild.mjs" first`);
    dir = copyOfSeeds();
    session = await startIndexed(dir);
    uri003 = await session.open(path.join(dir, SEED_003));
  });

  after(async function () {
    if (session) await session.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('declares the linking features', function () {
    const capabilities = session.initializeResult.capabilities;
    for (const name of ['referencesProvider', 'definitionProvider', 'documentHighlightProvider', 'workspaceSymbolProvider', 'documentSymbolProvider', 'codeLensProvider', 'codeActionProvider', 'renameProvider'] as const) {
      assert.ok(capabilities[name], `${name} missing`);
    }
    assert.deepEqual(capabilities.renameProvider, { prepareProvider: true });
  });

  it('indexes every article without the client opening them, reporting progress', function () {
    assert.ok(session.logs.some((line) => /indexed 5 articles/.test(line)), session.logs.join('\n'));
    const kinds = session.progress.map((p) => p.value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds[kinds.length - 1], 'end');
    assert.ok(session.progress.some((p) => /5\/5/.test(p.value.message ?? '')), JSON.stringify(session.progress));
  });

  it('watches the article globs and .corroborate.json (dynamic registration)', function () {
    const registrations = session.requestsFromServer
      .filter((r) => r.method === 'client/registerCapability')
      .flatMap((r) => (r.params as { registrations: { method: string; registerOptions?: { watchers?: { globPattern: string }[] } }[] }).registrations);
    const watchers = registrations.filter((r) => r.method === 'workspace/didChangeWatchedFiles').flatMap((r) => r.registerOptions?.watchers ?? []);
    const globs = watchers.map((w) => w.globPattern);
    assert.ok(globs.includes('**/*.txt'), JSON.stringify(globs));
    assert.ok(globs.includes('**/.corroborate.json'));
  });

  it('hover on "Khmeimim" links to the articles that spell it Hmeimim and Hemeimeem, at the exact line', async function () {
    const text = await session.hoverText(uri003, 'Khmeimim');
    assert.match(text, /Place/);
    assert.match(text, /Spellings: .*Hmeimim.*|Spellings: .*Hemeimeem.*/);
    const links = linksIn(text);
    const files = links.map((link) => path.basename(fileURLToPath(link.uri))).sort();
    assert.ok(files.includes(SEED_002), `no link to ${SEED_002}: ${text}`);
    assert.ok(files.includes(SEED_004), `no link to ${SEED_004}: ${text}`);
    assert.ok(!files.includes(SEED_003), 'the hovered article itself is not in "Also in"');
    for (const link of links) {
      const line = readFileSync(fileURLToPath(link.uri), 'utf8').split(/\r\n|\r|\n/)[link.line - 1]!;
      assert.match(line, /Hmeimim|Khmeimim|Hemeimeem/, `line ${link.line} of ${link.uri} does not mention the base: ${line}`);
    }
    assert.match(text, /\*\*(Hmeimim|Hemeimeem)[^*]*\*\*/, 'the snippet shows the mention in bold');
  });

  it('references on "Khmeimim" give every mention in every file, under every spelling', async function () {
    const locations = await session.request<Location[]>('textDocument/references', {
      textDocument: { uri: uri003 },
      position: positionOf(session.textOf(uri003), 'Khmeimim'),
      context: { includeDeclaration: true },
    });
    const files = new Set(locations.map((l) => path.basename(fileURLToPath(l.uri))));
    assert.ok(files.has(SEED_002) && files.has(SEED_003) && files.has(SEED_004), JSON.stringify([...files]));
    const spellings = new Set<string>();
    for (const location of locations) {
      const covered = textAt(location.uri, location.range);
      const core = covered.replace(/\s+(Air Base|air base|base)$/i, '');
      assert.match(core, HMEIMIM_SPELLINGS, `reference covers "${covered}"`);
      spellings.add(core.toLowerCase());
    }
    assert.ok(spellings.size >= 2, `only ${[...spellings].join(', ')}`);
  });

  it('definition goes to the first mention in the workspace (the earliest-dated article)', async function () {
    const location = await session.request<Location | null>('textDocument/definition', {
      textDocument: { uri: uri003 },
      position: positionOf(session.textOf(uri003), 'Khmeimim'),
    });
    assert.ok(location);
    assert.equal(path.basename(fileURLToPath(location.uri)), SEED_004); // 12/09/2017; 003 is from December 2024
    assert.match(textAt(location.uri, location.range), /Hemeimeem/);
  });

  it('document highlights mark the entity\'s mentions in this article only, every form', async function () {
    const uri002 = await session.open(path.join(dir, SEED_002));
    const highlights = await session.request<DocumentHighlight[]>('textDocument/documentHighlight', {
      textDocument: { uri: uri002 },
      position: positionOf(session.textOf(uri002), 'Bogdanov', 1),
    });
    const lines = session.textOf(uri002).split('\n');
    const covered = highlights.map((h) => lines[h.range.start.line]!.slice(h.range.start.character, h.range.end.character));
    assert.ok(covered.some((t) => t === 'Mikhail Bogdanov'), JSON.stringify(covered));
    assert.ok(covered.filter((t) => /^Bogdanov$/.test(t)).length >= 2, JSON.stringify(covered));
    await session.close(uri002);
  });

  it('workspace symbols find an entity by any of its spellings', async function () {
    for (const query of ['Khmeimim', 'Hemeimeem', 'hmeimim']) {
      const symbols = await session.request<SymbolInformation[]>('workspace/symbol', { query });
      assert.ok(symbols.length > 0, query);
      assert.match(symbols[0]!.name, HMEIMIM_SPELLINGS, `${query}: ${JSON.stringify(symbols[0])}`);
      assert.match(symbols[0]!.containerName ?? '', /place · \d+ mentions in \d+ articles/);
    }
    const all = await session.request<SymbolInformation[]>('workspace/symbol', { query: '' });
    assert.ok(all.some((s) => s.name === 'Syria') && all.some((s) => s.name === 'Russia'));
  });

  it('document symbols outline the article\'s entities, dates and figures', async function () {
    const symbols = await session.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uri003 } });
    const names = symbols.map((s) => s.name);
    assert.ok(names.includes('Places') && names.includes('Dates') && names.includes('Figures'), JSON.stringify(names));
    const places = symbols.find((s) => s.name === 'Places')!.children!.map((s) => s.name);
    assert.ok(places.includes('Damascus') && places.includes('Moscow'), JSON.stringify(places));
    const dates = symbols.find((s) => s.name === 'Dates')!.children!;
    assert.ok(dates.some((d) => /December 17, 2024/.test(d.name) && d.detail === '2024-12-17'), JSON.stringify(dates.map((d) => [d.name, d.detail])));
    for (const group of symbols) {
      for (const child of group.children ?? []) {
        const inside = (outer: Range, inner: Range) =>
          (outer.start.line < inner.start.line || (outer.start.line === inner.start.line && outer.start.character <= inner.start.character)) &&
          (outer.end.line > inner.end.line || (outer.end.line === inner.end.line && outer.end.character >= inner.end.character));
        assert.ok(inside(group.range, child.range), `${child.name} outside ${group.name}`);
        assert.ok(inside(child.range, child.selectionRange), `${child.name}: selection outside range`);
      }
    }
  });

  it('code lens over the first mention of each entity: "N mentions in M articles", showing the references', async function () {
    const lenses = await session.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uri003 } });
    assert.ok(lenses.length > 5);
    const lines = session.textOf(uri003).split('\n');
    const damascusLens = lenses.find((lens) => lines[lens.range.start.line]!.slice(lens.range.start.character, lens.range.end.character) === 'Damascus');
    assert.ok(damascusLens, 'a lens over Damascus');
    assert.equal(damascusLens.range.start.line, positionOf(session.textOf(uri003), 'Damascus').line, 'over the first mention');
    const resolved = await session.request<CodeLens>('codeLens/resolve', damascusLens);
    assert.match(resolved.command!.title, /^5 mentions in 5 articles$/);
    assert.equal(resolved.command!.command, 'corroborate.showReferences');
    const [, , locations] = resolved.command!.arguments as [string, unknown, Location[]];
    assert.equal(locations.length, 5);
  });

  it('a quick fix on a variant spelling uses the workspace\'s spelling, as a reviewed edit', async function () {
    const position = positionOf(session.textOf(uri003), 'Khmeimim');
    const actions = await session.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uri003 },
      range: { start: position, end: position },
      context: { diagnostics: [] },
    });
    const fix = actions.find((a) => /^Use '(Hmeimim|Hemeimeem)' \(as in \d+ other articles?\)$/.test(a.title));
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(fix.kind, 'quickfix');
    const preferred = /^Use '([^']+)'/.exec(fix.title)![1]!;
    const edits = fix.edit!.documentChanges!.flatMap((change) => ('edits' in change ? change.edits : [])) as (TextEdit & { annotationId?: string })[];
    assert.equal(edits.length, 1);
    assert.equal(edits[0]!.newText, preferred);
    assert.equal(session.textOf(uri003).split('\n')[edits[0]!.range.start.line]!.slice(edits[0]!.range.start.character, edits[0]!.range.end.character), 'Khmeimim');
    assert.equal(fix.edit!.changeAnnotations![edits[0]!.annotationId!]!.needsConfirmation, true);
  });

  it('rename changes every spelling of the name across files as one annotated workspace edit', async function () {
    const position = positionOf(session.textOf(uri003), 'Khmeimim');
    const prepared = await session.request<{ range: Range; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: uri003 }, position });
    assert.equal(prepared.placeholder, 'Khmeimim');
    const edit = await session.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: uri003 }, position, newName: 'Hmeimim' });
    const changes = edit.documentChanges!.filter((c): c is { textDocument: { uri: string; version: number | null }; edits: (TextEdit & { annotationId?: string })[] } => 'edits' in c);
    const files = changes.map((c) => path.basename(fileURLToPath(c.textDocument.uri)));
    assert.ok(files.includes(SEED_003) && files.includes(SEED_004), JSON.stringify(files));
    assert.ok(!files.includes(SEED_002), '002 already says Hmeimim: nothing to change there');
    for (const change of changes) {
      const open = change.textDocument.uri === uri003;
      assert.equal(change.textDocument.version, open ? 1 : null, 'open documents carry their version');
      for (const textEdit of change.edits) {
        assert.equal(textEdit.newText, 'Hmeimim');
        assert.match(textAt(change.textDocument.uri, textEdit.range), /^(Khmeimim|Hemeimeem)$/);
        assert.equal(edit.changeAnnotations![textEdit.annotationId!]!.needsConfirmation, true);
      }
    }
    // applying it leaves the other names alone: Latakia, the "Air Base" words, the rest of the text
    const file004 = path.join(dir, SEED_004);
    const lines = readFileSync(file004, 'utf8').split('\n');
    for (const textEdit of changes.find((c) => c.textDocument.uri.endsWith(SEED_004))!.edits.slice().reverse()) {
      const line = lines[textEdit.range.start.line]!;
      lines[textEdit.range.start.line] = line.slice(0, textEdit.range.start.character) + textEdit.newText + line.slice(textEdit.range.end.character);
    }
    const renamed = lines.join('\n');
    const count = (text: string, word: string) => text.split(word).length - 1;
    const original = readFileSync(file004, 'utf8');
    const edits004 = changes.find((c) => c.textDocument.uri.endsWith(SEED_004))!.edits.length;
    assert.equal(count(original, 'Hemeimeem') - count(renamed, 'Hemeimeem'), edits004, 'each edit replaced one Hemeimeem');
    assert.equal(renamed.replace(/Hmeimim/g, 'Hemeimeem'), original, 'nothing else changed');
    assert.match(renamed, /Hmeimim Air Base \(Syria\)/);
  });

  it('shows spelling variants as information diagnostics when the setting is on', async function () {
    await session.setSettings({ diagnostics: { spellingVariants: true } });
    const diagnostics = await session.waitFor(
      () => session.diagnostics.get(uri003)?.filter((d) => d.code === 'spelling-variant'),
      'spelling-variant diagnostics',
    );
    const khmeimim = diagnostics.find((d) => /“Khmeimim” is spelled “(Hmeimim|Hemeimeem)” in \d+ other articles?/.test(messageOf(d)));
    assert.ok(khmeimim, JSON.stringify(diagnostics.map(messageOf)));
    assert.equal(khmeimim.severity, 3);
    assert.ok(khmeimim.relatedInformation?.length);
    await session.setSettings({});
    await session.waitFor(() => session.diagnostics.get(uri003)?.length === 0, 'diagnostics cleared when the setting is off');
  });
});

describe('protocol: linking follows the file system and .corroborate.json', function () {
  let dir: string;
  let session: LspSession;

  beforeEach(async function () {
    dir = copyOfSeeds();
    session = await startIndexed(dir);
  });

  afterEach(async function () {
    if (session) await session.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const linkedFiles = async (uri: string, needle: string) =>
    linksIn(await session.hoverText(uri, needle)).map((link) => path.basename(fileURLToPath(link.uri))).sort();

  it('a deleted file\'s mentions vanish from other files\' hovers; a created one appears; a renamed one moves', async function () {
    const uri003 = await session.open(path.join(dir, SEED_003));
    assert.ok((await linkedFiles(uri003, 'Khmeimim')).includes(SEED_004));
    unlinkSync(path.join(dir, SEED_004));
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(dir, SEED_004)), type: 3 }] });
    await session.waitFor(async () => !(await linkedFiles(uri003, 'Khmeimim')).includes(SEED_004), '004 to vanish from the hover');

    writeFileSync(path.join(dir, 'new-report.txt'), 'MOSCOW (Reuters) - Russian jets flew from the Hmeimim air base near Latakia in Syria on Monday.\n');
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(dir, 'new-report.txt')), type: 1 }] });
    await session.waitFor(async () => (await linkedFiles(uri003, 'Khmeimim')).includes('new-report.txt'), 'the new file in the hover');

    renameSync(path.join(dir, 'new-report.txt'), path.join(dir, 'renamed-report.txt'));
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: fileUri(path.join(dir, 'new-report.txt')), type: 3 },
        { uri: fileUri(path.join(dir, 'renamed-report.txt')), type: 1 },
      ],
    });
    await session.waitFor(async () => {
      const files = await linkedFiles(uri003, 'Khmeimim');
      return files.includes('renamed-report.txt') && !files.includes('new-report.txt');
    }, 'the renamed file in the hover');
  });

  it('a changed file on disk is re-read; an open one follows its editor text instead', async function () {
    const uri003 = await session.open(path.join(dir, SEED_003));
    const file002 = path.join(dir, SEED_002);
    writeFileSync(file002, readFileSync(file002, 'utf8').replace(/Hmeimim/g, 'the airport'));
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(file002), type: 2 }] });
    await session.waitFor(async () => !(await linkedFiles(uri003, 'Khmeimim')).includes(SEED_002), '002 to leave the cluster');
    // editing the open article re-analyses it: its Khmeimim disappears from 004's references
    await session.replaceText(uri003, session.textOf(uri003).replace('Khmeimim', 'Kremlin'));
    const uri004 = await session.open(path.join(dir, SEED_004));
    await session.waitFor(async () => {
      const refs = await session.request<Location[]>('textDocument/references', {
        textDocument: { uri: uri004 },
        position: positionOf(session.textOf(uri004), 'Hemeimeem'),
        context: { includeDeclaration: true },
      });
      return !refs.some((r) => r.uri === uri003);
    }, 'the edited article to leave the references');
  });

  it('re-indexes when the article settings change: an excluded file leaves the links', async function () {
    const uri003 = await session.open(path.join(dir, SEED_003));
    assert.ok((await linkedFiles(uri003, 'Khmeimim')).includes(SEED_004));
    await session.setSettings({ articles: { exclude: ['004_*'] } });
    await session.waitFor(async () => !(await linkedFiles(uri003, 'Khmeimim')).includes(SEED_004), '004 excluded');
    await session.setSettings({});
    await session.waitFor(async () => (await linkedFiles(uri003, 'Khmeimim')).includes(SEED_004), '004 back');
  });

  it('reads aliases from .corroborate.json, reports a malformed file as diagnostics, and keeps the defaults', async function () {
    const uri003 = await session.open(path.join(dir, SEED_003));
    const configPath = path.join(dir, '.corroborate.json');
    const configUri = fileUri(configPath);
    writeFileSync(configPath, '{ "aliases": [["Hmeimim", "Jableh"]] }\n');
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 1 }] });
    await session.waitFor(async () => /Hmeimim|Hemeimeem/.test(await session.hoverText(uri003, 'Jableh')), 'Jableh linked to Hmeimim');
    assert.deepEqual(session.diagnostics.get(configUri), []);

    writeFileSync(configPath, '{ "aliases": [["Hmeimim", "Jableh"] ');
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    const problems = await session.waitFor(() => {
      const list = session.diagnostics.get(configUri);
      return list && list.length > 0 ? list : undefined;
    }, 'config diagnostics');
    assert.match(messageOf(problems[0]!), /not valid JSON/);
    assert.equal(problems[0]!.severity, 1);
    await session.waitFor(async () => !/Hemeimeem|Hmeimim/.test(await session.hoverText(uri003, 'Jableh')), 'the alias dropped, defaults in force');
    const islamicState = await session.hoverText(uri003, 'Islamic State');
    assert.match(islamicState, /Daesh|ISIS/, 'the default alias list still applies');

    unlinkSync(configPath);
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 3 }] });
    await session.waitFor(() => session.diagnostics.get(configUri)?.length === 0, 'config diagnostics cleared');
  });
});
