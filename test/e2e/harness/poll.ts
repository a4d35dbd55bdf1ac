// Waiting for conditions instead of sleeping: probe until the value is acceptable or the time is up.

export interface PollOptions {
  /** Overall time to wait, in ms (default 30 s). */
  readonly timeout?: number;
  /** Pause between probes, in ms (default 250). */
  readonly interval?: number;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Calls `probe` until `accept` says yes, and resolves with that value; when the time is up, resolves with the last
 * value seen so that the caller's assertion shows what was actually there. Throws only when `probe` never once
 * produced a value (its last error then says why).
 */
export async function poll<T>(probe: () => Promise<T>, accept: (value: T) => boolean, options: PollOptions = {}): Promise<T> {
  const deadline = Date.now() + (options.timeout ?? 30_000);
  const interval = options.interval ?? 250;
  let last: { value: T } | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      last = { value };
      if (accept(value)) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) break;
    await sleep(interval);
  }
  if (last) return last.value;
  throw lastError instanceof Error ? lastError : new Error(`poll: nothing probed: ${String(lastError)}`);
}
