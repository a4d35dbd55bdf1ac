// Rename an entity across files: every mention that spells the renamed name (by sound: "Khmeimim", "Hmeimim",
// "Hemeimeem", inside "... Air Base" too) gets the new name, as one workspace edit the user previews (each spelling a
// change annotation needing confirmation). Acronyms, short forms and aliases of the entity are left as written.
import { ResponseError, ErrorCodes, type Range, type WorkspaceEdit } from 'vscode-languageserver';
import type { WorkspaceIndex } from '../workspace/index';
import { coreRun, findNameRun, phoneticWords } from '../workspace/spelling';
import { workspaceEdit, type EditCapabilities, type PlannedEdit, type VersionOf } from './edits';
import { rangeOfRun, type DisplayPath } from './ranges';

export function prepareRename(index: WorkspaceIndex, uri: string, offset: number): { range: Range; placeholder: string } | null {
  const found = index.clusterAt(uri, offset);
  if (!found) return null;
  const run = coreRun(found.ref.mention);
  return { range: rangeOfRun(found.ref.mention, run), placeholder: found.ref.mention.text.slice(run.start, run.end) };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The edits that replace `oldName` (by sound) with `newName` in the given mentions. A new name with a different
 *  number of words replaces only mentions that are exactly the old name ("Assad" -> "Bashar al-Assad" must not turn
 *  "Bashar al-Assad" into "Bashar Bashar al-Assad"). */
export function planNameEdits(
  mentions: Iterable<{ uri: string; mention: { text: string; line: number; character: number; start: number; end: number; endLine?: number; endCharacter?: number } }>,
  oldName: string,
  newName: string,
  annotationPrefix: string,
): { edits: PlannedEdit[]; byOldText: Map<string, { mentions: number; uris: Set<string> }> } {
  const oldWords = phoneticWords(oldName);
  const sameLength = phoneticWords(newName).length === oldWords.length;
  const edits: PlannedEdit[] = [];
  const byOldText = new Map<string, { mentions: number; uris: Set<string> }>();
  for (const ref of mentions) {
    const run = findNameRun(ref.mention.text, oldWords);
    if (!run) continue;
    const oldText = ref.mention.text.slice(run.start, run.end);
    if (oldText === newName) continue;
    if (!sameLength && phoneticWords(ref.mention.text).length !== oldWords.length) continue;
    edits.push({ uri: ref.uri, range: rangeOfRun(ref.mention, run), newText: newName, annotation: `${annotationPrefix}${oldText}` });
    const entry = byOldText.get(oldText) ?? { mentions: 0, uris: new Set<string>() };
    entry.mentions++;
    entry.uris.add(ref.uri);
    byOldText.set(oldText, entry);
  }
  return { edits, byOldText };
}

export function rename(
  index: WorkspaceIndex,
  uri: string,
  offset: number,
  newName: string,
  versionOf: VersionOf,
  capabilities: EditCapabilities,
  displayPath: DisplayPath,
): WorkspaceEdit | null {
  const found = index.clusterAt(uri, offset);
  if (!found) return null;
  const name = newName.replace(/\s+/g, ' ').trim();
  if (!name) throw new ResponseError(ErrorCodes.InvalidParams, 'The new name is empty.');
  if (/[\r\n]/.test(newName)) throw new ResponseError(ErrorCodes.InvalidParams, 'A name cannot span lines.');
  const run = coreRun(found.ref.mention);
  const oldName = found.ref.mention.text.slice(run.start, run.end);
  const { edits, byOldText } = planNameEdits(index.mentionsOf(found.cluster), oldName, name, 'rename:');
  const annotations: Record<string, { label: string; description: string; needsConfirmation: boolean }> = {};
  for (const [oldText, { mentions, uris }] of byOldText) {
    const files = [...uris].map(displayPath).sort();
    annotations[`rename:${oldText}`] = {
      label: `“${oldText}” → “${name}”`,
      description: `${plural(mentions, 'mention')} in ${plural(uris.size, 'article')}: ${files.slice(0, 5).join(', ')}${files.length > 5 ? ', …' : ''}`,
      needsConfirmation: true,
    };
  }
  return workspaceEdit(edits, annotations, versionOf, capabilities);
}
