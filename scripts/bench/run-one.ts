// Runs one benchmark function in this process and prints its JSON result on stdout (used by scripts/bench/index.ts).
import * as path from 'node:path';

async function run(): Promise<void> {
  const [module, exportName] = process.argv.slice(2);
  if (!module || !exportName) throw new Error('usage: run-one.ts MODULE EXPORT');
  const loaded = (await import(path.resolve(module))) as Record<string, unknown>;
  const bench = (loaded[exportName] ?? (loaded.default as Record<string, unknown> | undefined)?.[exportName]) as
    | (() => unknown)
    | undefined;
  if (typeof bench !== 'function') throw new Error(`${module} has no function ${exportName}`);
  const result = await bench();
  process.stdout.write(JSON.stringify(result) + '\n');
}

run().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
