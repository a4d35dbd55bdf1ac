// Fact sheets are Markdown, but not articles: they repeat the articles' names and figures, and analysing them would
// count every name twice and compare a figure with its own summary. A document with the fact-sheet marker on one of
// its first lines (an exported sheet, untitled or saved) is never sent to the server; the decision is taken when it
// opens.
import type * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { FACT_SHEET_MARKER } from '../../server/src/protocol';

const factSheets = new Set<string>();

export function isFactSheet(document: vscode.TextDocument): boolean {
  for (let line = 0; line < Math.min(3, document.lineCount); line++) if (document.lineAt(line).text.trim() === FACT_SHEET_MARKER) return true;
  return false;
}

export const factSheetMiddleware: Middleware = {
  didOpen: (document, next) => {
    if (!isFactSheet(document)) return next(document);
    factSheets.add(document.uri.toString());
    return Promise.resolve();
  },
  didChange: (event, next) => (factSheets.has(event.document.uri.toString()) ? Promise.resolve() : next(event)),
  didSave: (document, next) => (factSheets.has(document.uri.toString()) ? Promise.resolve() : next(document)),
  didClose: (document, next) => {
    if (factSheets.delete(document.uri.toString())) return Promise.resolve();
    return next(document);
  },
};
