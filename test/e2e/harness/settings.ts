// The user settings of the test workbench: quiet, predictable, and with one distinct colour per token type of ours so a
// test can read back from the page which type the server gave a word.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../../helpers/seeds';

/** One colour per semantic token type we contribute; none appears in the default light theme's text colours. */
export const TOKEN_COLORS = {
  person: '#c2185b',
  organization: '#6a1b9a',
  place: '#2e7d32',
  group: '#ef6c00',
  date: '#1565c0',
  figure: '#b71c1c',
} as const satisfies Record<string, string>;

export type TokenType = keyof typeof TOKEN_COLORS;

/** The token types the manifest contributes; a new one without a test colour is a harness error, not a silent gap. */
export function manifestTokenTypes(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    contributes?: { semanticTokenTypes?: { id: string }[] };
  };
  return (manifest.contributes?.semanticTokenTypes ?? []).map((type) => type.id);
}

export function checkTokenColorsCoverManifest(): void {
  const missing = manifestTokenTypes().filter((type) => !(type in TOKEN_COLORS));
  if (missing.length > 0) throw new Error(`test/e2e/harness/settings.ts: give these token types a colour: ${missing.join(', ')}`);
}

/** Settings for every e2e workbench (on top of BASE_SETTINGS in scripts/e2e/code-server.mjs). */
export function e2eSettings(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    'workbench.colorTheme': 'Default Light Modern',
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    // No fade-in: a screenshot taken right after a hover appears shows it fully drawn.
    'workbench.reduceMotion': 'on',
    'editor.hover.delay': 100,
    'editor.hover.sticky': true,
    'editor.cursorBlinking': 'solid',
    'editor.minimap.enabled': false,
    'editor.occurrencesHighlight': 'off',
    'editor.selectionHighlight': false,
    'editor.renderWhitespace': 'none',
    'editor.wordWrap': 'on',
    'editor.semanticHighlighting.enabled': true,
    'editor.semanticTokenColorCustomizations': { enabled: true, rules: { ...TOKEN_COLORS } },
    'files.autoSave': 'off',
    ...extra,
  };
}

/** "rgb(21, 101, 192)" -> "#1565c0"; anything else comes back unchanged. */
export function cssColorToHex(color: string): string {
  const match = /^rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)$/.exec(color.trim());
  if (!match) return color;
  const hex = [match[1], match[2], match[3]].map((part) => Number(part).toString(16).padStart(2, '0')).join('');
  return `#${hex}`;
}

/** The token type whose test colour this is, if any. */
export function tokenTypeOfColor(hex: string): TokenType | undefined {
  return (Object.keys(TOKEN_COLORS) as TokenType[]).find((type) => TOKEN_COLORS[type] === hex.toLowerCase());
}
