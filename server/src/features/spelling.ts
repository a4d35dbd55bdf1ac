// Spelling variants of one entity: an information diagnostic (off by default) on a name spelled differently from
// the rest of the workspace, and quick fixes to use the workspace's spelling in this article or in every article.
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver';
import type { ClusterView, MentionRef, WorkspaceIndex } from '../workspace/index';
import { coreRun, variantOf, type VariantInfo } from '../workspace/spelling';
import { workspaceEdit, type EditCapabilities, type VersionOf } from './edits';
import { rangeOfRun, locationOf, type DisplayPath } from './ranges';
import { planNameEdits } from './rename';

export const SPELLING_VARIANT_CODE = 'spelling-variant';
const MAX_DIAGNOSTICS = 100;

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function message(variant: VariantInfo): string {
  const others = variant.group.spellings.filter((s) => s !== variant.preferred && s !== variant.spelling);
  const also = others.length > 0 ? `; also “${others.map((s) => s.text).join('”, “')}”` : '';
  return `“${variant.spelling.text}” is spelled “${variant.preferred.text}” in ${plural(variant.otherArticles, 'other article')}${also}`;
}

export function spellingVariantDiagnostics(index: WorkspaceIndex, uri: string, displayPath: DisplayPath): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const { cluster, mentions } of index.clustersIn(uri)) {
    for (const ref of mentions) {
      const variant = variantOf(cluster, ref);
      if (!variant) continue;
      const example = variant.preferred.mentions.find((m) => m.uri !== uri) ?? variant.preferred.mentions[0]!;
      diagnostics.push({
        range: rangeOfRun(ref.mention, coreRun(ref.mention)),
        severity: DiagnosticSeverity.Information,
        source: 'corroborate',
        code: SPELLING_VARIANT_CODE,
        message: message(variant),
        relatedInformation: [{ location: locationOf(example), message: `“${variant.preferred.text}” in ${displayPath(example.uri)}` }],
        data: { preferred: variant.preferred.text },
      });
      if (diagnostics.length >= MAX_DIAGNOSTICS) return diagnostics;
    }
  }
  return diagnostics;
}

function editFor(
  refs: readonly MentionRef[],
  variant: VariantInfo,
  label: string,
  versionOf: VersionOf,
  capabilities: EditCapabilities,
): WorkspaceEdit {
  const { edits } = planNameEdits(refs, variant.spelling.text, variant.preferred.text, 'spelling:');
  const annotations: Record<string, { label: string; needsConfirmation: boolean; description: string }> = {};
  for (const edit of edits) annotations[edit.annotation] = { label, needsConfirmation: true, description: `${plural(edits.length, 'mention')}` };
  return workspaceEdit(edits, annotations, versionOf, capabilities);
}

/** Quick fixes for the variant spellings among the mentions touching [start, end] of an article. */
export function spellingCodeActions(
  index: WorkspaceIndex,
  uri: string,
  start: number,
  end: number,
  versionOf: VersionOf,
  capabilities: EditCapabilities,
  diagnostics: readonly Diagnostic[] = [],
): CodeAction[] {
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  for (const { cluster, mentions } of index.clustersIn(uri)) {
    for (const ref of mentions) {
      if (ref.mention.end < start || ref.mention.start > end) continue;
      const variant = variantOf(cluster, ref);
      if (!variant || seen.has(variant.spelling.key)) continue;
      seen.add(variant.spelling.key);
      actions.push(...actionsFor(cluster, ref, variant, versionOf, capabilities, diagnostics));
    }
  }
  return actions;
}

function actionsFor(
  cluster: ClusterView,
  ref: MentionRef,
  variant: VariantInfo,
  versionOf: VersionOf,
  capabilities: EditCapabilities,
  diagnostics: readonly Diagnostic[],
): CodeAction[] {
  const preferred = variant.preferred.text;
  const related = diagnostics.filter((d) => d.code === SPELLING_VARIANT_CODE && d.range.start.line === ref.mention.line);
  const here = variant.spelling.mentions.filter((m) => m.uri === ref.uri);
  const actions: CodeAction[] = [
    {
      title: `Use '${preferred}' (as in ${plural(variant.otherArticles, 'other article')})`,
      kind: CodeActionKind.QuickFix,
      isPreferred: true,
      ...(related.length ? { diagnostics: related } : {}),
      edit: editFor(here, variant, `“${variant.spelling.text}” → “${preferred}” in this article`, versionOf, capabilities),
    },
  ];
  const everywhere = variant.group.spellings.filter((s) => s !== variant.preferred).flatMap((s) => s.mentions);
  const articles = new Set(everywhere.map((m) => m.uri)).size;
  if (articles > 1 || everywhere.length > here.length) {
    const edits: MentionRef[] = everywhere;
    const plannedBySpelling = variant.group.spellings
      .filter((s) => s !== variant.preferred)
      .flatMap((s) => planNameEdits(s.mentions, s.text, preferred, 'spelling:').edits);
    const annotations: Record<string, { label: string; needsConfirmation: boolean; description: string }> = {};
    for (const edit of plannedBySpelling) {
      const old = edit.annotation.slice('spelling:'.length);
      annotations[edit.annotation] = { label: `“${old}” → “${preferred}”`, needsConfirmation: true, description: cluster.canonical };
    }
    actions.push({
      title: `Use '${preferred}' in every article (${plural(edits.length, 'mention')} in ${plural(articles, 'article')})`,
      kind: CodeActionKind.QuickFix,
      edit: workspaceEdit(plannedBySpelling, annotations, versionOf, capabilities),
    });
  }
  return actions;
}
