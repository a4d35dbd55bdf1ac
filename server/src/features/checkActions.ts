// Quick fixes for the consistency checks. Each is a WorkspaceEdit the user accepts (the server never writes a file):
// the check's own text fixes ("use 5,000, as in kremlin-briefing.txt", "change Tuesday to Monday"), and three reviewed
// edits of `.corroborate.json`: "not the same fact", "ignore this finding", "turn the check off for this file".
import * as path from 'node:path';
import { applyEdits, modify, parseTree, type Node } from 'jsonc-parser';
import {
  CodeActionKind,
  type ChangeAnnotation,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { LineIndex } from '../analysis/lines';
import type { RatedFinding } from '../checks/index';
import { CONFIG_FILE_NAME } from '../workspace/config';
import { pathOfUri, uriOfPath } from '../workspace/indexer';
import { workspaceEdit, type EditCapabilities, type PlannedEdit, type VersionOf } from './edits';
import { rangeOf, type DisplayPath } from './ranges';

export interface ConfigFileAccess {
  readonly folders: () => readonly string[];
  readonly readText: (uri: string) => Promise<string | undefined>;
}

export interface CheckActionContext {
  readonly relative: (uri: string) => string | undefined;
  readonly display: DisplayPath;
  readonly versionOf: VersionOf;
  readonly capabilities: EditCapabilities & { readonly createFiles?: boolean };
  readonly config: ConfigFileAccess;
  readonly diagnosticOf: (finding: RatedFinding) => Diagnostic;
}

const CHECK_NAMES: Record<string, string> = {
  'cross-file-figure': 'cross-file figure check',
  'within-file-figure': 'within-file figure check',
  'percent-sum': 'percent sum check',
  'unit-conversion': 'unit conversion check',
  'date-arithmetic': 'date arithmetic check',
  'list-count': 'list count check',
  'weekday-date': 'weekday check',
};

function overlaps(finding: RatedFinding, params: CodeActionParams): boolean {
  const range = rangeOf(finding.at);
  const { start, end } = params.range;
  const before = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character < b.character);
  return !before(range.end, start) && !before(end, range.start);
}

/** The folder holding an article (the innermost workspace folder), whose `.corroborate.json` the edit goes to. */
function folderOf(uri: string, folders: readonly string[]): string | undefined {
  const filePath = pathOfUri(uri);
  if (filePath === undefined) return undefined;
  let best: string | undefined;
  for (const folder of folders) {
    if ((filePath.startsWith(folder + path.sep) || filePath.startsWith(`${folder}/`)) && (!best || folder.length > best.length)) best = folder;
  }
  return best;
}

/** An edit appending `value` to the list `section` of `.corroborate.json` (created when missing). */
async function configEdit(
  article: string,
  section: 'notSameFact' | 'ignore' | 'off',
  value: unknown,
  label: string,
  context: CheckActionContext,
): Promise<WorkspaceEdit | undefined> {
  const folder = folderOf(article, context.config.folders());
  if (!folder) return undefined;
  const configUri = uriOfPath(path.join(folder, CONFIG_FILE_NAME));
  const text = await context.config.readText(configUri);
  const annotation: ChangeAnnotation = { label, needsConfirmation: true, description: CONFIG_FILE_NAME };
  const formattingOptions = { insertSpaces: true, tabSize: 2, eol: '\n' };
  if (text === undefined) {
    if (!context.capabilities.createFiles || !context.capabilities.documentChanges) return undefined;
    const content = applyEdits('{}', modify('{}', [section], [value], { formattingOptions })) + '\n';
    return {
      documentChanges: [
        { kind: 'create', uri: configUri, options: { ignoreIfExists: true }, ...(context.capabilities.changeAnnotations ? { annotationId: 'config' } : {}) },
        { textDocument: { uri: configUri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: content, ...(context.capabilities.changeAnnotations ? { annotationId: 'config' } : {}) }] },
      ],
      ...(context.capabilities.changeAnnotations ? { changeAnnotations: { config: annotation } } : {}),
    };
  }
  const root: Node | undefined = parseTree(text);
  if (root && root.type !== 'object') return undefined;
  const existing = root?.children?.find((property) => property.children?.[0]?.value === section)?.children?.[1];
  const edits = existing?.type === 'array'
    ? modify(text, [section, existing.children?.length ?? 0], value, { formattingOptions, isArrayInsertion: true })
    : modify(text.trim() ? text : '{}', [section], [value], { formattingOptions });
  const lines = new LineIndex(text);
  const planned: PlannedEdit[] = edits.map((edit) => ({
    uri: configUri,
    range: { start: lines.position(edit.offset), end: lines.position(edit.offset + edit.length) },
    newText: edit.content,
    annotation: 'config',
  }));
  return workspaceEdit(planned, { config: annotation }, context.versionOf, context.capabilities);
}

/** The quick fixes for the findings that touch the requested range. */
export async function checkCodeActions(findings: readonly RatedFinding[], params: CodeActionParams, context: CheckActionContext): Promise<CodeAction[]> {
  const only = params.context.only;
  if (only && !only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`) || kind === CodeActionKind.Empty)) return [];
  const actions: CodeAction[] = [];
  for (const finding of findings) {
    if (!overlaps(finding, params)) continue;
    const diagnostic = context.diagnosticOf(finding);
    const diagnostics = [diagnostic];
    for (const fix of finding.fixes) {
      const planned: PlannedEdit[] = fix.changes.map((change) => ({ uri: change.uri, range: rangeOf(change.at), newText: change.newText, annotation: 'fix' }));
      const edit = workspaceEdit(planned, { fix: { label: fix.title, needsConfirmation: false } }, context.versionOf, { documentChanges: context.capabilities.documentChanges, changeAnnotations: false });
      actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics, edit, ...(fix.preferred ? { isPreferred: true } : {}) });
    }
    const file = context.relative(finding.uri);
    if (file === undefined) continue;
    if (finding.facts) {
      const [a, b] = finding.facts;
      const entry = [
        { file: context.relative(a.uri) ?? context.display(a.uri), figure: a.figure },
        { file: context.relative(b.uri) ?? context.display(b.uri), figure: b.figure },
      ];
      const edit = await configEdit(finding.uri, 'notSameFact', entry, `Not the same fact: “${a.figure}” and “${b.figure}”`, context);
      if (edit) actions.push({ title: `Not the same fact: “${a.figure}” (${context.display(a.uri)}) and “${b.figure}” (${context.display(b.uri)})`, kind: CodeActionKind.QuickFix, diagnostics, edit });
    }
    const ignore = await configEdit(finding.uri, 'ignore', { check: finding.check, file, text: finding.text }, `Ignore this finding (${finding.check})`, context);
    if (ignore) actions.push({ title: `Ignore this finding (record it in ${CONFIG_FILE_NAME})`, kind: CodeActionKind.QuickFix, diagnostics, edit: ignore });
    const off = await configEdit(finding.uri, 'off', { files: file, checks: [finding.check] }, `Turn off the ${CHECK_NAMES[finding.check]} for ${file}`, context);
    if (off) actions.push({ title: `Turn off the ${CHECK_NAMES[finding.check]} for this file`, kind: CodeActionKind.QuickFix, diagnostics, edit: off });
  }
  return actions;
}

