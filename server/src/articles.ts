// Which files are articles: the include/exclude globs, relative to the workspace folder that holds them.
import { Minimatch } from 'minimatch';
import type { Settings } from './settings';

const GLOB_OPTIONS = { dot: true, nocase: process.platform === 'win32' || process.platform === 'darwin' };

function trimTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 1 && path.charCodeAt(end - 1) === 47) end--;
  return path.slice(0, end);
}

/** The innermost of `folders` that contains `filePath` (as given in `folders`), with its length once normalised. */
function innermostFolder(filePath: string, folders: readonly string[]): { folder: string; rootLength: number } | undefined {
  const normalized = filePath.replace(/\\/g, '/');
  let best: { folder: string; rootLength: number } | undefined;
  for (const folder of folders) {
    const root = trimTrailingSlashes(folder.replace(/\\/g, '/'));
    if (normalized.startsWith(root + '/') && (!best || root.length > best.rootLength)) best = { folder, rootLength: root.length };
  }
  return best;
}

/** Path of `filePath` relative to the innermost folder that contains it, with forward slashes, or undefined. */
export function relativeToFolders(filePath: string, folders: readonly string[]): string | undefined {
  const best = innermostFolder(filePath, folders);
  return best === undefined ? undefined : filePath.replace(/\\/g, '/').slice(best.rootLength + 1);
}

/** The innermost of `folders` that contains `filePath`, or undefined. */
export function folderOf(filePath: string, folders: readonly string[]): string | undefined {
  return innermostFolder(filePath, folders)?.folder;
}

/** Compiled globs: compiling a pattern costs far more than matching it, and tens of thousands of paths are tested.
 *  Each is compiled to a regular expression (matching with `Minimatch.match` walks the pattern for every path: a
 *  tenth of a warm start at 22,250 articles); a pattern minimatch cannot turn into one is matched the slow way. */
const compiled = new Map<string, (path: string) => boolean>();

function globMatcher(glob: string): (path: string) => boolean {
  let matcher = compiled.get(glob);
  if (!matcher) {
    const minimatch = new Minimatch(glob, GLOB_OPTIONS);
    const regex = minimatch.makeRe();
    matcher = regex ? (path: string) => regex.test(path) : (path: string) => minimatch.match(path);
    if (compiled.size > 1000) compiled.clear();
    compiled.set(glob, matcher);
  }
  return matcher;
}

/** Whether a file (path relative to its workspace folder, or a bare name) is an article under the settings. */
export function isArticlePath(relativePath: string, settings: Settings): boolean {
  const path = relativePath.replace(/\\/g, '/');
  const matches = (glob: string) => globMatcher(glob)(path);
  return settings.articles.include.some(matches) && !settings.articles.exclude.some(matches);
}

export function isMarkdownPath(path: string): boolean {
  return /\.(md|markdown|mdown|mkd)$/i.test(path);
}
