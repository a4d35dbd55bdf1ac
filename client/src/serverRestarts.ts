// What the client does when the language server stops unexpectedly (a crash, an out-of-memory kill): start it again
// and say so once, in plain words, pointing at the output channel; if it keeps stopping (5 times within 3 minutes),
// leave it stopped and say that instead, so a broken server does not restart forever. No `vscode` import at run time
// (the LanguageClient's enums are mirrored), so this is unit-tested without an editor.
import type { CloseHandlerResult, ErrorHandler, ErrorHandlerResult } from 'vscode-languageclient/node';

/** vscode-languageclient's ErrorAction and CloseAction values. */
const ErrorAction = { Continue: 1, Shutdown: 2 } as const;
const CloseAction = { DoNotRestart: 1, Restart: 2 } as const;

export interface RestartPolicyOptions {
  /** Shows a message to the user (a notification). */
  readonly notify: (message: string) => void;
  /** Writes to the output channel. */
  readonly log: (message: string) => void;
  /** Restarts allowed within `windowMs` before giving up. */
  readonly maxRestarts?: number;
  readonly windowMs?: number;
  readonly now?: () => number;
}

export const RESTARTED_MESSAGE = 'The Corroborate language server stopped unexpectedly and was restarted. Details are in the Corroborate output.';
export const GAVE_UP_MESSAGE = 'The Corroborate language server stopped unexpectedly 5 times in 3 minutes and will not be restarted. Details are in the Corroborate output; the command “Corroborate: Restart Language Server” starts it again.';

export function serverErrorHandler(options: RestartPolicyOptions): ErrorHandler {
  const maxRestarts = options.maxRestarts ?? 4;
  const windowMs = options.windowMs ?? 3 * 60 * 1000;
  const now = options.now ?? Date.now;
  const restarts: number[] = [];
  let told = false;
  return {
    error(error, _message, count): ErrorHandlerResult {
      options.log(`Connection to the language server failed: ${error?.message ?? String(error)}`);
      // a few write/read errors can be transient; after that the connection is given up (and `closed` decides)
      return count !== undefined && count <= 3 ? { action: ErrorAction.Continue, handled: true } : { action: ErrorAction.Shutdown, handled: true };
    },
    closed(): CloseHandlerResult {
      const at = now();
      while (restarts.length > 0 && at - restarts[0]! > windowMs) restarts.shift();
      restarts.push(at);
      if (restarts.length > maxRestarts) {
        options.log('The language server stopped again; it is not restarted.');
        options.notify(GAVE_UP_MESSAGE);
        return { action: CloseAction.DoNotRestart, handled: true };
      }
      options.log('The language server stopped unexpectedly; restarting it.');
      if (!told) {
        told = true;
        options.notify(RESTARTED_MESSAGE);
      }
      return { action: CloseAction.Restart, handled: true };
    },
  };
}
