// How the extension starts the language server's Node process. Kept apart from extension.ts (which imports vscode)
// so that the scale benchmark starts the server exactly as the extension does.

/**
 * Node options for the server process. `--max-semi-space-size=8` halves V8's young generation (16 MB semi-spaces
 * by default for a heap this size): the server's short-lived garbage is small (a hover, a keystroke's analysis),
 * and the warm 10x benchmark workspace peaked 30-50 MB lower with it, with no measured cost in cold or warm start,
 * hover or references (README, Performance). V8 flags are process-wide: the analysis workers get it too. Other
 * clients can pass the same options: `node --max-semi-space-size=8 dist/server.js --stdio`.
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=8'];
