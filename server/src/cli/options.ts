// A small option parser: --name value, --name=value, and positional arguments.
import { UsageError } from './main';

export interface ParsedArgs {
  readonly positional: string[];
  readonly options: Map<string, string>;
}

export function parseArgs(args: readonly string[], known: Record<string, readonly string[] | 'string'>): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--') || arg === '--') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const allowed = known[name];
    if (!allowed) throw new UsageError(`unknown option --${name}`);
    const value = eq < 0 ? args[++i] : arg.slice(eq + 1);
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    if (allowed !== 'string' && !allowed.includes(value)) {
      throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got '${value}')`);
    }
    options.set(name, value);
  }
  return { positional, options };
}
