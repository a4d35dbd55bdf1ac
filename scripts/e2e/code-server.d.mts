// Types for code-server.mjs.
export declare const REPO_ROOT: string;
export declare const EXTENSION_ID: string;
export declare const BASE_SETTINGS: Readonly<Record<string, unknown>>;

export interface Profile {
  dir: string;
  userDataDir: string;
  extensionsDir: string;
  xdgConfigHome: string;
  xdgDataHome: string;
  xdgCacheHome: string;
  /** TMPDIR of code-server and what it starts (its IPC sockets land there). */
  tmpDir: string;
  configFile: string;
  logFile: string;
}

export interface CodeServer {
  url: string;
  port: number;
  /** code-server's pid, also the id of its process group. */
  pid: number;
  profile: Profile;
  /** Stops code-server and everything it started; resolves when they are gone. */
  stop(): Promise<void>;
}

export declare function packageExtension(options?: { log?: (message: string) => void }): string;
export declare function createProfile(
  dir: string,
  settings?: Record<string, unknown>,
  options?: { keepExistingSettings?: boolean },
): Profile;
export declare function installExtension(profile: Profile, vsix: string): Promise<string>;
export declare function listExtensions(profile: Profile): Promise<string[]>;
export declare function freePort(): Promise<number>;
export declare function stopProcessGroup(pgid: number, options?: { graceMs?: number }): Promise<void>;
export declare function startCodeServer(
  profile: Profile,
  options?: {
    port?: number;
    timeoutMs?: number;
    log?: (message: string) => void;
    /** Kill code-server and exit on SIGINT/SIGTERM (default true). */
    killOnSignals?: boolean;
  },
): Promise<CodeServer>;
export declare function folderUrl(server: CodeServer, folder: string): string;
