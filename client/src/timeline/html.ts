// The timeline webview's page: a strict content security policy (nothing remote, no inline script or style; the one
// script and the one style sheet come from the extension and carry a fresh nonce), and the skeleton the script fills.
// Pure (no vscode import), so unit tests check the policy.
import { randomBytes } from 'node:crypto';

export interface TimelinePageInput {
  /** `webview.cspSource`: the origin the webview serves the extension's files from. */
  readonly cspSource: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly nonce?: string;
}

export function makeNonce(): string {
  return randomBytes(18).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

/** The Content-Security-Policy of the page: only the extension's own script and styles, both with the nonce. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

export function timelinePage(input: TimelinePageInput): string {
  const nonce = input.nonce ?? makeNonce();
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attribute(contentSecurityPolicy(input.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" nonce="${nonce}" href="${attribute(input.styleUri)}">
<title>Corroborate timeline</title>
</head>
<body>
<header class="toolbar" role="toolbar" aria-label="Timeline">
  <div class="scope" role="radiogroup" aria-label="Dates of">
    <button type="button" id="scope-workspace" role="radio" aria-checked="true">Workspace</button>
    <button type="button" id="scope-article" role="radio" aria-checked="false">This article</button>
  </div>
  <div class="zoom">
    <button type="button" id="zoom-out" aria-label="Zoom out" title="Zoom out">−</button>
    <button type="button" id="zoom-fit" aria-label="Fit" title="Fit">Fit</button>
    <button type="button" id="zoom-in" aria-label="Zoom in" title="Zoom in">+</button>
  </div>
  <span id="summary" class="summary" aria-live="polite">Loading…</span>
</header>
<main>
  <div id="chart" class="chart"></div>
  <p id="empty" class="empty" hidden></p>
  <section id="notes" class="notes" aria-label="Articles without a date"></section>
</main>
<div id="tooltip" class="tooltip" role="tooltip" hidden></div>
<script nonce="${nonce}" src="${attribute(input.scriptUri)}"></script>
</body>
</html>
`;
}
