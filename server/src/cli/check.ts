// corroborate check [PATH...]: the consistency checks over files and folders, with the same index, checks and
// .corroborate.json as the editor. Output: `file:line:col: severity [check] message` lines (text), JSON, or SARIF
// 2.1.0 (for code-scanning uploads). Exit code 0: nothing at or above --fail-on; 1: findings at or above it;
// 2: a usage or I/O error.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CheckRunner, CHECK_KINDS, DEFAULT_CHECK_SETTINGS, atLeast, type RatedFinding, type Severity } from '../checks/index';
import { CHECK_DOCS } from '../checks/docs';
import { nodeFileSystem } from '../workspace/fileSystem';
import { pathOfUri, uriOfPath, WorkspaceIndexer } from '../workspace/indexer';
import { endOf, type Located } from '../workspace/summary';
import { parseArgs } from './options';
import { UsageError } from './main';

export const TOOL_VERSION = '0.1.0';

interface Place {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

function placeOf(file: string, at: Located): Place {
  const end = endOf(at);
  return { file, line: at.line + 1, column: at.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

export async function checkCommand(args: readonly string[]): Promise<number> {
  const { positional, options } = parseArgs(args, { format: ['text', 'json', 'sarif'], 'fail-on': ['warning', 'error', 'never'] });
  const format = options.get('format') ?? 'text';
  const failOn = options.get('fail-on') ?? 'warning';
  const targets = positional.length > 0 ? positional : ['.'];
  const folders: string[] = [];
  const files: string[] = [];
  for (const target of targets) {
    const stat = await fs.stat(target).catch(() => undefined);
    if (!stat) {
      process.stderr.write(`corroborate: ${target}: no such file or folder\n`);
      return 2;
    }
    if (stat.isDirectory()) folders.push(path.resolve(target));
    else if (stat.isFile()) files.push(path.resolve(target));
    else throw new UsageError(`${target} is neither a file nor a folder`);
  }
  const indexer = new WorkspaceIndexer(nodeFileSystem);
  // a file given on its own is read with its folder's .corroborate.json, and named relative to that folder
  const roots = [...folders, ...files.map((file) => path.dirname(file)).filter((dir) => !folders.some((f) => dir === f || dir.startsWith(f + path.sep)))];
  indexer.setFolders([...new Set(roots)]);
  await indexer.loadConfig();
  for (const file of indexer.configFileProblems) {
    for (const problem of file.problems) process.stderr.write(`corroborate: ${pathOfUri(file.uri)}: ${problem.severity}: ${problem.message}\n`);
  }
  const articles = new Set<string>(files);
  for (const folder of folders) for (const file of await indexer.discover(folder)) articles.add(file);
  const list = [...articles].sort();
  const progress = list.length >= 200;
  const tty = process.stderr.isTTY === true;
  let lastShown = -1;
  let read = 0;
  for (const [i, file] of list.entries()) {
    const summary = await indexer.load(file);
    if (summary) {
      indexer.index.set(uriOfPath(file), summary);
      read++;
    }
    if (progress) {
      const percent = Math.floor(((i + 1) / list.length) * 100);
      if (tty) process.stderr.write(`\rcorroborate: checking ${i + 1}/${list.length}`);
      else if (percent >= lastShown + 10) {
        process.stderr.write(`corroborate: read ${i + 1}/${list.length} articles (${percent}%)\n`);
        lastShown = percent;
      }
    }
  }
  if (progress && tty) process.stderr.write('\r\x1b[K');
  for (const skipped of indexer.skipped.values()) process.stderr.write(`corroborate: ${skipped.message}\n`);
  indexer.index.flush();
  const cwd = process.cwd();
  const shown = (uri: string) => {
    const filePath = pathOfUri(uri) ?? uri;
    const relative = path.relative(cwd, filePath);
    return relative.startsWith('..') || path.isAbsolute(relative) ? filePath : relative.split(path.sep).join('/');
  };
  const relativeToRoot = (uri: string) => {
    const filePath = pathOfUri(uri);
    if (filePath === undefined) return undefined;
    const root = indexer.workspaceFolders.filter((f) => filePath.startsWith(f + path.sep)).sort((a, b) => b.length - a.length)[0];
    return root ? path.relative(root, filePath).split(path.sep).join('/') : undefined;
  };
  const runner = new CheckRunner(indexer.index, { relative: relativeToRoot, display: (uri) => relativeToRoot(uri) ?? shown(uri) });
  const findings: RatedFinding[] = [];
  for (const file of list) findings.push(...runner.findings(uriOfPath(file), DEFAULT_CHECK_SETTINGS));
  if (format === 'json') process.stdout.write(JSON.stringify(jsonReport(findings, read, shown), null, 2) + '\n');
  else if (format === 'sarif') process.stdout.write(JSON.stringify(sarifReport(findings, shown), null, 2) + '\n');
  else {
    for (const finding of findings) {
      const at = placeOf(shown(finding.uri), finding.at);
      process.stdout.write(`${at.file}:${at.line}:${at.column}: ${finding.severity} [${finding.check}] ${finding.message}\n`);
    }
  }
  const count = (severity: Severity) => findings.filter((f) => f.severity === severity).length;
  const filesWith = new Set(findings.map((f) => f.uri)).size;
  process.stderr.write(
    `corroborate: ${findings.length} problem${findings.length === 1 ? '' : 's'} (${count('error')} errors, ${count('warning')} warnings, ${count('information') + count('hint')} notes) in ${filesWith} of ${read} article${read === 1 ? '' : 's'}\n`,
  );
  if (failOn === 'never') return 0;
  return findings.some((f) => atLeast(f.severity, failOn as Severity)) ? 1 : 0;
}

function jsonReport(findings: readonly RatedFinding[], articles: number, shown: (uri: string) => string) {
  return {
    tool: { name: 'corroborate', version: TOOL_VERSION },
    articles,
    findings: findings.map((f) => ({
      ...placeOf(shown(f.uri), f.at),
      severity: f.severity,
      check: f.check,
      message: f.message,
      text: f.text,
      related: f.related.map((r) => ({ ...placeOf(shown(r.uri), r.at), message: r.message })),
      fixes: f.fixes.map((fix) => ({ title: fix.title, changes: fix.changes.map((c) => ({ ...placeOf(shown(c.uri), c.at), newText: c.newText })) })),
    })),
  };
}

const SARIF_LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** SARIF 2.1.0, as GitHub code scanning takes it: relative artifact URIs against %SRCROOT%, rules with help,
 *  1-based UTF-16 columns, a partial fingerprint per result. */
function sarifReport(findings: readonly RatedFinding[], shown: (uri: string) => string) {
  const location = (uri: string, at: Located) => {
    const place = placeOf(shown(uri), at);
    return {
      physicalLocation: {
        artifactLocation: { uri: encodeURI(place.file), uriBaseId: 'SRCROOT' },
        region: { startLine: place.line, startColumn: place.column, endLine: place.endLine, endColumn: place.endColumn },
      },
    };
  };
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Corroborate',
            version: TOOL_VERSION,
            rules: CHECK_KINDS.map((kind) => ({
              id: kind,
              name: CHECK_DOCS[kind].title.replace(/[^A-Za-z]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : '')),
              shortDescription: { text: CHECK_DOCS[kind].title },
              fullDescription: { text: CHECK_DOCS[kind].short },
              help: { text: `${CHECK_DOCS[kind].short} Not flagged: ${CHECK_DOCS[kind].spares}` },
              defaultConfiguration: { level: 'warning' },
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(process.cwd() + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        results: findings.map((f) => ({
          ruleId: f.check,
          ruleIndex: CHECK_KINDS.indexOf(f.check),
          level: SARIF_LEVELS[f.severity],
          message: { text: f.message },
          locations: [location(f.uri, f.at)],
          ...(f.related.length > 0 ? { relatedLocations: f.related.map((r, i) => ({ id: i + 1, ...location(r.uri, r.at), message: { text: r.message } })) } : {}),
          partialFingerprints: { 'corroborate/v1': createHash('sha256').update(`${f.check}\u0000${shown(f.uri)}\u0000${f.text}\u0000${f.message}`).digest('hex').slice(0, 32) },
        })),
      },
    ],
  };
}
