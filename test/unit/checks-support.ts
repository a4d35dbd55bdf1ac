// Helpers for the consistency-check tests: an in-memory workspace analysed by the real pipeline (tagger included),
// a check runner over it, and lookups of findings by the text they are on.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CheckRunner, DEFAULT_CHECK_SETTINGS, type CheckPaths, type CheckSettings, type RatedFinding } from '../../server/src/checks/index';
import { MemoryFileSystem } from '../../server/src/workspace/fileSystem';
import { pathOfUri, uriOfPath, WorkspaceIndexer } from '../../server/src/workspace/indexer';
import { ROOT } from '../helpers/seeds';

export const WS = '/ws';

/** The fixture workspace of the checks' tests. */
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'checks');

/** The articles (.txt) of a folder: { name: text }, in directory order. */
export function articlesIn(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir)) if (name.endsWith('.txt')) files[name] = readFileSync(path.join(dir, name), 'utf8');
  return files;
}

export interface CheckWorkspace {
  readonly fs: MemoryFileSystem;
  readonly indexer: WorkspaceIndexer;
  readonly runner: CheckRunner;
  /** Findings of one file (name relative to the workspace). */
  findings(file: string, settings?: CheckSettings): RatedFinding[];
  /** Every finding, as "file: [check] text". */
  all(settings?: CheckSettings): string[];
  uri(file: string): string;
}

const relative = (uri: string) => {
  const filePath = pathOfUri(uri);
  return filePath && filePath.startsWith(`${WS}/`) ? filePath.slice(WS.length + 1) : undefined;
};

/** Paths as the checks name them: relative to the workspace folder. */
export const CHECK_PATHS: CheckPaths = { relative, display: (uri) => relative(uri) ?? uri };

/** Every finding of a runner, as "file: [check] text". */
export function findingLines(runner: CheckRunner, settings: CheckSettings = DEFAULT_CHECK_SETTINGS): string[] {
  return [...runner.allFindings(settings)].flatMap(([u, list]) => list.map((f) => `${relative(u)}: [${f.check}] ${f.text}`));
}

/** A workspace of articles { "a.txt": text } (plus ".corroborate.json" if given), indexed. */
export async function checkWorkspace(files: Record<string, string>): Promise<CheckWorkspace> {
  const fs = new MemoryFileSystem(Object.fromEntries(Object.entries(files).map(([name, text]) => [path.posix.join(WS, name), text])));
  const indexer = new WorkspaceIndexer(fs);
  indexer.setFolders([WS]);
  await indexer.indexAll();
  const runner = new CheckRunner(indexer.index, CHECK_PATHS);
  const uri = (file: string) => uriOfPath(path.posix.join(WS, file));
  return {
    fs,
    indexer,
    runner,
    uri,
    findings: (file, settings = DEFAULT_CHECK_SETTINGS) => runner.findings(uri(file), settings),
    all: (settings = DEFAULT_CHECK_SETTINGS) => findingLines(runner, settings),
  };
}

/** A one-article workspace, dated, for checks of one article. */
export async function oneArticle(body: string, date = 'November 6, 2017'): Promise<CheckWorkspace> {
  return checkWorkspace({ 'a.txt': `Title\n\n${date}\n\n${body}\n` });
}
