// One real-editor session: the extension packaged as a .vsix, installed into a throw-away code-server profile, a copy
// of the seeds as the workspace, code-server on 127.0.0.1, and the workbench open in Chromium.
// stop() takes everything down again (code-server's whole process group: extension host, our language server).
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  createProfile,
  EXTENSION_ID,
  folderUrl,
  installExtension,
  listExtensions,
  packageExtension,
  startCodeServer,
  type CodeServer,
  type Profile,
} from '../../../scripts/e2e/code-server.mjs';
import { ROOT, SEEDS_DIR } from '../../helpers/seeds';
import { checkTokenColorsCoverManifest, e2eSettings } from './settings';
import { Workbench } from './workbench';

export const ARTIFACTS_DIR = path.join(ROOT, 'test-results', 'e2e');

export interface SessionOptions {
  /** The folder to copy as the workspace (default: seeds/). Tests never touch the repository's own files. */
  readonly workspaceSource?: string;
  /** Extra user settings. */
  readonly settings?: Record<string, unknown>;
  /** An existing .vsix to install instead of packaging one (CORROBORATE_E2E_VSIX sets it too). */
  readonly vsix?: string;
  readonly log?: (message: string) => void;
}

function makeWritable(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) makeWritable(full);
    else chmodSync(full, statSync(full).mode | 0o200);
  }
}

export class CodeServerSession {
  workbench: Workbench | undefined;

  private constructor(
    /** Everything of this session lives here (removed at stop() unless CORROBORATE_E2E_KEEP=1). */
    readonly tempDir: string,
    /** The workspace folder the workbench has open: a copy of the seeds. */
    readonly workspaceDir: string,
    readonly profile: Profile,
    readonly vsix: string,
    readonly server: CodeServer,
    private readonly log: (message: string) => void,
  ) {}

  static async start(options: SessionOptions = {}): Promise<CodeServerSession> {
    const log = options.log ?? ((message: string) => process.stderr.write(`[e2e] ${message}\n`));
    checkTokenColorsCoverManifest();
    const tempDir = mkdtempSync(path.join(os.tmpdir(), 'corroborate-e2e-'));
    const workspaceSource = options.workspaceSource ?? SEEDS_DIR;
    const workspaceDir = path.join(tempDir, 'workspace', path.basename(workspaceSource));
    let vsix: string;
    let profile: Profile;
    let server: CodeServer;
    try {
      cpSync(workspaceSource, workspaceDir, { recursive: true });
      makeWritable(workspaceDir);
      vsix = options.vsix ?? process.env.CORROBORATE_E2E_VSIX ?? packageExtension({ log });
      profile = createProfile(path.join(tempDir, 'profile'), e2eSettings(options.settings));
      log(`installing ${vsix}`);
      await installExtension(profile, vsix);
      server = await startCodeServer(profile, { log });
    } catch (error) {
      rmSync(tempDir, { recursive: true, force: true });
      throw error;
    }
    const session = new CodeServerSession(tempDir, workspaceDir, profile, vsix, server, log);
    // Interrupted runs (Ctrl+C: code-server.mjs kills code-server and exits) leave no temp folder behind either.
    process.on('exit', session.removeTempDirOnExit);
    try {
      session.workbench = await Workbench.open(folderUrl(server, workspaceDir), {
        userDataDir: path.join(tempDir, 'chromium'),
        artifactsDir: ARTIFACTS_DIR,
        workspaceDir,
      });
    } catch (error) {
      await session.stop();
      throw error;
    }
    return session;
  }

  /** The workbench; throws if the browser is not open. */
  get page(): Workbench {
    if (!this.workbench) throw new Error('the workbench is not open');
    return this.workbench;
  }

  /** The extensions code-server has installed in this profile, as publisher.name@version. */
  installedExtensions(): Promise<string[]> {
    return listExtensions(this.profile);
  }

  /** Our language servers that are running now: processes of code-server's group that run the installed dist/server.js. */
  languageServerProcesses(): { pid: number; commandLine: string }[] {
    const found: { pid: number; commandLine: string }[] = [];
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const commandLine = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim();
        if (commandLine.includes(this.profile.extensionsDir) && /[\\/]dist[\\/]server\.js\b/.test(commandLine)) {
          found.push({ pid: Number(entry), commandLine });
        }
      } catch {
        /* the process ended meanwhile */
      }
    }
    return found;
  }

  /** Log files VS Code wrote for an output channel of ours (e.g. "Corroborate"), newest first. */
  outputChannelLogs(channel: string): string[] {
    const logsDir = path.join(this.profile.userDataDir, 'logs');
    const found: string[] = [];
    const walk = (dir: string): void => {
      if (!existsSync(dir)) return;
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.log') && entry.name.includes(channel)) found.push(full);
      }
    };
    walk(logsDir);
    return found.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  }

  /** What our output channel holds so far ('' if VS Code wrote no log file for it yet). */
  outputChannelText(channel = 'Corroborate'): string {
    const [newest] = this.outputChannelLogs(channel);
    return newest ? readFileSync(newest, 'utf8') : '';
  }

  /** Closes the browser, stops code-server and all it started, keeps the logs in test-results/e2e/logs. */
  async stop(): Promise<void> {
    await this.workbench?.close();
    this.workbench = undefined;
    await this.server.stop();
    const left = this.languageServerProcesses();
    if (left.length > 0) this.log(`WARNING: language server processes left after stop: ${left.map((p) => p.pid).join(', ')}`);
    this.keepLogs();
    process.removeListener('exit', this.removeTempDirOnExit);
    if (process.env.CORROBORATE_E2E_KEEP === '1') this.log(`kept ${this.tempDir}`);
    else rmSync(this.tempDir, { recursive: true, force: true });
  }

  private readonly removeTempDirOnExit = (): void => {
    if (process.env.CORROBORATE_E2E_KEEP !== '1') rmSync(this.tempDir, { recursive: true, force: true });
  };

  private keepLogs(): void {
    const target = path.join(ARTIFACTS_DIR, 'logs');
    try {
      rmSync(target, { recursive: true, force: true });
      mkdirSync(target, { recursive: true });
      if (existsSync(this.profile.logFile)) cpSync(this.profile.logFile, path.join(target, 'code-server.log'));
      const vscodeLogs = path.join(this.profile.userDataDir, 'logs');
      if (existsSync(vscodeLogs)) cpSync(vscodeLogs, path.join(target, 'vscode'), { recursive: true });
    } catch (error) {
      this.log(`could not keep the logs: ${String(error)}`);
    }
  }
}

export { EXTENSION_ID };
