// What the client tells the server at start-up about storage and threads (LSP initializationOptions), with
// environment variables for clients that cannot pass options. Validated: anything malformed is ignored, with a note.
//   storagePath    a folder the server may write its persisted index into (VS Code: the extension's workspace
//                  storage folder); none: no persisted index. Env: CORROBORATE_STORAGE_PATH.
//   workerThreads  analysis worker threads (0: analyse on the main thread); default one per core, at most 4.
//                  Env: CORROBORATE_WORKER_THREADS.
import * as path from 'node:path';

export interface StartupOptions {
  readonly storagePath?: string;
  readonly workerThreads?: number;
  /** What was malformed and ignored. */
  readonly problems: readonly string[];
}

export function readStartupOptions(initializationOptions: unknown, env: NodeJS.ProcessEnv = process.env): StartupOptions {
  const problems: string[] = [];
  const options = typeof initializationOptions === 'object' && initializationOptions !== null ? (initializationOptions as Record<string, unknown>) : {};
  let storagePath: string | undefined;
  const rawStorage = options.storagePath ?? env.CORROBORATE_STORAGE_PATH;
  if (typeof rawStorage === 'string' && rawStorage.length > 0) {
    if (path.isAbsolute(rawStorage)) storagePath = rawStorage;
    else problems.push(`storagePath ${JSON.stringify(rawStorage)} is not an absolute path: no persisted index`);
  } else if (rawStorage !== undefined && rawStorage !== null && rawStorage !== '') {
    problems.push('storagePath must be a string: no persisted index');
  }
  let workerThreads: number | undefined;
  const rawThreads = options.workerThreads ?? (env.CORROBORATE_WORKER_THREADS !== undefined ? Number(env.CORROBORATE_WORKER_THREADS) : undefined);
  if (rawThreads !== undefined && rawThreads !== null) {
    if (typeof rawThreads === 'number' && Number.isInteger(rawThreads) && rawThreads >= 0 && rawThreads <= 16) workerThreads = rawThreads;
    else problems.push(`workerThreads ${JSON.stringify(rawThreads)} is not a whole number from 0 to 16: using the default`);
  }
  return { ...(storagePath ? { storagePath } : {}), ...(workerThreads !== undefined ? { workerThreads } : {}), problems };
}
