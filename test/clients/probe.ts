// Runs ../shared/tools/lsp-probe (Neovim as a headless LSP client) against the bundled server and parses its report.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT, SHARED_DIR } from '../helpers/seeds';

export const SERVER_JS = path.join(ROOT, 'dist', 'server.js');
export const PROBE = SHARED_DIR ? path.join(SHARED_DIR, 'tools', 'lsp-probe', 'lsp-probe.sh') : undefined;

export interface ProbeToken {
  readonly line: number;
  readonly col: number;
  readonly length: number;
  readonly type: string;
  readonly modifiers: string[];
  readonly text: string;
}

export interface ProbeHover {
  readonly status: string;
  readonly spec: string;
  readonly rendered?: string;
  readonly result: unknown;
}

/** The parts of lsp-probe's JSON report these tests read (see its README). */
export interface ProbeReport {
  readonly ok: boolean;
  readonly exit_code: number;
  readonly problems: string[];
  readonly client: { name: string; version: string };
  readonly server: {
    info?: { name: string; version?: string };
    capabilities?: { semanticTokensProvider?: { legend?: { tokenTypes: string[]; tokenModifiers: string[] } }; hoverProvider?: unknown };
  };
  readonly hover: ProbeHover[];
  readonly semantic_tokens: { status: string; tokens: ProbeToken[]; decode_problems?: unknown[] };
  readonly server_stderr_tail?: string;
}

/** Single-quotes a word for sh (the probe runs its --cmd through sh -c). */
function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

export interface ProbeRun {
  readonly report: ProbeReport;
  readonly exitCode: number | null;
  readonly stderr: string;
}

/** Opens `file` in Neovim with our server (node dist/server.js --stdio), hovers at each spec, asks for tokens. */
export function runProbe(file: string, hovers: string[], workspace: string): Promise<ProbeRun> {
  if (!PROBE || !existsSync(PROBE)) throw new Error(`lsp-probe not found at ${PROBE}`);
  if (!existsSync(SERVER_JS)) throw new Error(`${SERVER_JS} is missing: run "node esbuild.mjs" first`);
  const args = [
    '--cmd',
    `${shellQuote(process.execPath)} ${shellQuote(SERVER_JS)} --stdio`,
    '--file',
    file,
    '--workspace',
    workspace,
    // The server publishes no diagnostics for a lone consistent article; do not wait long for them.
    '--no-diagnostics-ok',
    '--timeout',
    '5',
    ...hovers.flatMap((spec) => ['--hover', `text:${spec}`]),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [PROBE, ...args], { cwd: workspace, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (exitCode) => {
      try {
        resolve({ report: JSON.parse(stdout) as ProbeReport, exitCode, stderr });
      } catch {
        reject(new Error(`lsp-probe printed no JSON report (exit ${exitCode}):\n${stdout.slice(0, 2000)}\n${stderr.slice(-2000)}`));
      }
    });
  });
}
