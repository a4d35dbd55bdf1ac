// Bundles the extension client, the language server, its analysis worker, the CLI and the timeline webview into dist/.
//   node esbuild.mjs               one development build (source maps, not minified)
//   node esbuild.mjs --watch       rebuild on change
//   node esbuild.mjs --production  minified, with source maps, as shipped in the .vsix
import * as esbuild from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: production,
  logLevel: 'info',
  define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
};

/** Model and data files the server reads at run time sit next to the bundle. */
const copyAssets = {
  name: 'copy-assets',
  setup(build) {
    build.onEnd(() => {
      mkdirSync('dist', { recursive: true });
      if (existsSync('server/models')) {
        for (const file of readdirSync('server/models')) cpSync(`server/models/${file}`, `dist/${file}`);
      }
    });
  },
};

const builds = [
  // Only the client runs inside VS Code, so only it may import (and must not bundle) `vscode`.
  { ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  {
    ...common,
    // worker: the analysis worker thread the server and the CLI start (dist/worker.js, beside them)
    entryPoints: { server: 'server/src/server.ts', cli: 'server/src/cli.ts', worker: 'server/src/worker.ts' },
    outdir: 'dist',
    // ESM builds first: jsonc-parser's UMD build requires its modules dynamically, which a bundle cannot follow.
    mainFields: ['module', 'main'],
    plugins: [copyAssets],
  },
  // The timeline webview's script and style sheet run in the browser (client/webview has its own tsconfig, with DOM).
  {
    ...common,
    platform: 'browser',
    format: 'iife',
    entryPoints: [
      { in: 'client/webview/timeline.ts', out: 'timeline-webview' },
      { in: 'client/webview/timeline.css', out: 'timeline-webview' },
    ],
    outdir: 'dist',
  },
];

const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
if (watch) {
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  await Promise.all(contexts.map((context) => context.rebuild()));
  await Promise.all(contexts.map((context) => context.dispose()));
}
