// Types for setup.mjs (kept beside it so TypeScript tests and scripts can import it).
export declare const CODE_SERVER_VERSION: string;
export declare const NODE_VERSION: string;
export interface CodeServerInstall {
  /** The cache folder, e.g. ~/.cache/corroborate. */
  cache: string;
  nodeDir: string;
  /** Node 24's binary, which runs code-server. */
  node: string;
  codeServerDir: string;
  /** code-server's entry script (run it with `node`). */
  codeServerEntry: string;
}
export declare function cacheDir(): string;
export declare function paths(): CodeServerInstall;
export declare function isInstalled(): boolean;
/** Installs whatever is missing; resolves with the paths. Safe to call every time. */
export declare function ensureCodeServer(): Promise<CodeServerInstall>;
