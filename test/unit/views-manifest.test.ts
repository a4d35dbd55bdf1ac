// The manifest's editor contributions and what ships with them: commands (prefix, category, every one used in a menu or
// a walkthrough exists), views, the walkthrough's media (each page and picture exists and is packaged), the fields
// the Marketplace and Open VSX want, and the README's settings table (every setting, with its default).
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { minimatch } from 'minimatch';
import { ROOT } from '../helpers/seeds';

interface Manifest {
  name: string;
  publisher: string;
  version: string;
  license: string;
  icon: string;
  repository: { type: string; url: string };
  engines: { vscode: string };
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    views: Record<string, { id: string; name: string }[]>;
    viewsWelcome: { view: string; contents: string }[];
    walkthroughs: { id: string; steps: { id: string; description: string; media: { markdown?: string; image?: string }; completionEvents?: string[] }[] }[];
    configuration: { properties: Record<string, { default: unknown }> };
  };
}

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;
const contributes = manifest.contributes;
const commandIds = new Set(contributes.commands.map((c) => c.command));
const viewIds = Object.values(contributes.views).flat().map((v) => v.id);
/** Commands VS Code makes for each view ("<view id>.focus") and built-in ones we link to. */
const implicit = new Set([...viewIds.map((id) => `${id}.focus`)]);

/** Whether vsce would put a file in the .vsix under our .vscodeignore (an allow-list: `**` then `!` patterns). */
function packaged(file: string): boolean {
  const patterns = readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const excluded = patterns.filter((p) => !p.startsWith('!')).some((p) => minimatch(file, p, { dot: true }));
  const kept = patterns.filter((p) => p.startsWith('!')).some((p) => minimatch(file, p.slice(1), { dot: true }));
  return !excluded || kept;
}

describe('manifest: editor contributions', function () {
  it('names every command corroborate.* in the Corroborate category', function () {
    for (const command of contributes.commands) {
      assert.match(command.command, /^corroborate\./, command.command);
      assert.equal(command.category, 'Corroborate', `${command.command} has no Corroborate category`);
      assert.ok(command.title.length > 0);
    }
  });

  it('uses only commands that exist in menus, welcome content and the walkthrough', function () {
    for (const [menu, items] of Object.entries(contributes.menus)) {
      for (const item of items) assert.ok(commandIds.has(item.command), `${menu}: ${item.command} is not contributed`);
    }
    const linked = [
      ...contributes.viewsWelcome.map((w) => w.contents),
      ...contributes.walkthroughs.flatMap((w) => w.steps.map((s) => s.description)),
    ].flatMap((text) => [...text.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]!));
    assert.ok(linked.length >= 10);
    for (const command of linked) assert.ok(commandIds.has(command) || implicit.has(command), `a link to the unknown command ${command}`);
    for (const step of contributes.walkthroughs.flatMap((w) => w.steps)) {
      for (const event of step.completionEvents ?? []) {
        const [kind, id] = event.split(':') as [string, string];
        if (kind === 'onCommand') assert.ok(commandIds.has(id) || implicit.has(id), `${step.id}: ${event}`);
        if (kind === 'onView') assert.ok(viewIds.includes(id), `${step.id}: ${event}`);
      }
    }
  });

  it('puts the Entities and Facts views in the Explorer, each with welcome content', function () {
    assert.deepEqual(contributes.views.explorer?.map((v) => [v.id, v.name]), [
      ['corroborate.entities', 'Entities'],
      ['corroborate.facts', 'Facts'],
    ]);
    assert.deepEqual(contributes.viewsWelcome.map((w) => w.view).sort(), ['corroborate.entities', 'corroborate.facts']);
  });

  it('ships every page and picture of the walkthrough, and the sample articles it opens', function () {
    for (const step of contributes.walkthroughs.flatMap((w) => w.steps)) {
      const media = step.media.markdown ?? step.media.image;
      assert.ok(media, `${step.id} has no media`);
      assert.ok(existsSync(path.join(ROOT, media)), `${media} is missing`);
      assert.ok(packaged(media), `${media} is not packaged`);
      if (step.media.markdown) {
        const page = readFileSync(path.join(ROOT, step.media.markdown), 'utf8');
        for (const [, image] of page.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)) {
          const file = path.posix.join(path.posix.dirname(step.media.markdown), image!);
          assert.ok(existsSync(path.join(ROOT, file)), `${step.media.markdown}: ${file} is missing`);
          assert.ok(packaged(file), `${file} is not packaged`);
        }
      }
    }
    for (const seed of ['000_164a9749a017def4.txt', '003_5605dda33168d3ec.txt']) assert.ok(packaged(`seeds/${seed}`), `seeds/${seed} is not packaged`);
    for (const unwanted of ['server/src/server.ts', 'test/unit/views-manifest.test.ts', 'dist/server.js.map', 'dist/cli.js', 'client/webview/timeline.ts', 'images/make-icon.mjs']) {
      assert.ok(!packaged(unwanted), `${unwanted} would be packaged`);
    }
    for (const needed of ['dist/client.js', 'dist/server.js', 'dist/timeline-webview.js', 'dist/timeline-webview.css', 'package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'images/icon.png']) {
      assert.ok(packaged(needed), `${needed} would not be packaged`);
    }
  });

  it('has what the Marketplace and Open VSX ask for: publisher, name, version, licence, repository, a 128 px icon', function () {
    assert.match(manifest.publisher, /^[a-z0-9][a-z0-9-]*$/);
    assert.match(manifest.name, /^[a-z0-9][a-z0-9-]*$/);
    assert.match(manifest.version, /^\d+\.\d+\.\d+$/);
    assert.equal(manifest.license, 'MIT');
    assert.match(readFileSync(path.join(ROOT, 'LICENSE'), 'utf8'), /^MIT License/);
    assert.equal(manifest.repository.type, 'git');
    assert.match(manifest.repository.url, /^https:\/\//);
    assert.match(manifest.engines.vscode, /^\^1\.\d+\.\d+$/);
    const icon = readFileSync(path.join(ROOT, manifest.icon));
    assert.equal(icon.subarray(1, 4).toString('ascii'), 'PNG');
    assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128]);
  });
});

describe('README: settings table', function () {
  it('lists every setting of the manifest with its default', function () {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const rows = readme.split('\n').filter((line) => line.startsWith('| `corroborate.'));
    for (const [key, property] of Object.entries(contributes.configuration.properties)) {
      const row = rows.find((line) => line.startsWith(`| \`${key}\` |`));
      assert.ok(row, `the README's settings table has no row for ${key}`);
      const defaults = Array.isArray(property.default) ? property.default : [property.default];
      for (const value of defaults) {
        if (value === '') assert.match(row, /\| empty \|/, `${key}: the default (empty) is not shown`);
        else assert.ok(row.includes(`\`${String(value)}\``), `${key}: the default ${JSON.stringify(value)} is not in its row`);
      }
    }
  });
});
