// LSP ranges and locations of indexed mentions, from the positions the summary keeps (no file read).
import type { Location, Range } from 'vscode-languageserver';
import { endOf, type Located } from '../workspace/summary';
import type { MentionRef } from '../workspace/index';
import type { TextRun } from '../workspace/spelling';

export function rangeOf(located: Located): Range {
  return { start: { line: located.line, character: located.character }, end: endOf(located) };
}

/** The range of a run of a mention's text ("Khmeimim" in "Khmeimim Air Base"); the whole mention when it spans lines. */
export function rangeOfRun(located: Located, run: TextRun): Range {
  if (located.endLine !== undefined) return rangeOf(located);
  return {
    start: { line: located.line, character: located.character + run.start },
    end: { line: located.line, character: located.character + run.end },
  };
}

export function locationOf(ref: MentionRef): Location {
  return { uri: ref.uri, range: rangeOf(ref.mention) };
}

/** "sub/003_kremlin.txt" for a file under a workspace folder, the file name otherwise. */
export type DisplayPath = (uri: string) => string;
