// Workspace edits across files, with change annotations that ask the user to confirm (VS Code shows a preview), and
// the plain `changes` form for clients without document changes or annotations.
import type { AnnotatedTextEdit, ChangeAnnotation, Range, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver';

export interface PlannedEdit {
  readonly uri: string;
  readonly range: Range;
  readonly newText: string;
  /** Annotation id (edits of one spelling share one, so the preview groups them). */
  readonly annotation: string;
}

export interface EditCapabilities {
  readonly documentChanges: boolean;
  readonly changeAnnotations: boolean;
}

/** The open version of a document, or null for a file on disk. */
export type VersionOf = (uri: string) => number | null;

function compareRanges(a: Range, b: Range): number {
  return a.start.line - b.start.line || a.start.character - b.start.character;
}

export function workspaceEdit(
  planned: readonly PlannedEdit[],
  annotations: Record<string, ChangeAnnotation>,
  versionOf: VersionOf,
  capabilities: EditCapabilities,
): WorkspaceEdit {
  const byUri = new Map<string, PlannedEdit[]>();
  for (const edit of planned) byUri.set(edit.uri, [...(byUri.get(edit.uri) ?? []), edit]);
  const uris = [...byUri.keys()].sort();
  if (!capabilities.documentChanges) {
    const changes: Record<string, TextEdit[]> = {};
    for (const uri of uris) changes[uri] = byUri.get(uri)!.sort((a, b) => compareRanges(a.range, b.range)).map(({ range, newText }) => ({ range, newText }));
    return { changes };
  }
  const documentChanges: TextDocumentEdit[] = uris.map((uri) => ({
    textDocument: { uri, version: versionOf(uri) },
    edits: byUri
      .get(uri)!
      .sort((a, b) => compareRanges(a.range, b.range))
      .map(({ range, newText, annotation }): TextEdit | AnnotatedTextEdit =>
        capabilities.changeAnnotations ? { range, newText, annotationId: annotation } : { range, newText },
      ),
  }));
  return capabilities.changeAnnotations ? { documentChanges, changeAnnotations: annotations } : { documentChanges };
}
