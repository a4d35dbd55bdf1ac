// The texts of articles for snippets, read when a hover needs them: the editor's text for open documents, the
// file's for the others. The index keeps no text (tens of thousands of articles), so a hover that lists eight other
// articles reads eight small files; the last 512 texts read are kept (a few megabytes: hovers across a large
// workspace miss a smaller cache most of the time), and a text whose file changed since is read
// again. Reads are synchronous: an article is a few kilobytes from the page cache, far cheaper than a trip through
// the thread pool.
import { readFileSync, statSync } from 'node:fs';
import { isMarkdownPath } from '../articles';
import { decodeArticle } from '../cli/read';
import { pathOfUri } from '../workspace/indexer';
import { ArticleText } from './viewText';

/** Files larger than this are not read for a snippet (the hover shows the link without one). */
const MAX_BYTES = 1024 * 1024;

export class ArticleTexts {
  private readonly cache = new Map<string, { text: ArticleText; size: number; mtimeMs: number }>();

  constructor(
    /** An open document's text and whether it is Markdown, if the editor has it open. */
    private readonly openText: (uri: string) => { text: string; markdown: boolean } | undefined,
    private readonly capacity = 512,
  ) {}

  textOf(uri: string): ArticleText | undefined {
    const open = this.openText(uri);
    if (open) return new ArticleText(open.text, open.markdown);
    const filePath = pathOfUri(uri);
    if (filePath === undefined) return undefined;
    try {
      const stat = statSync(filePath);
      if (!stat.isFile() || stat.size > MAX_BYTES) return undefined;
      const cached = this.cache.get(uri);
      if (cached && cached.size === stat.size && cached.mtimeMs === stat.mtimeMs) {
        this.cache.delete(uri);
        this.cache.set(uri, cached);
        return cached.text;
      }
      const decoded = decodeArticle(readFileSync(filePath));
      if (decoded.binary) return undefined;
      const text = new ArticleText(decoded.text, isMarkdownPath(filePath));
      this.cache.set(uri, { text, size: stat.size, mtimeMs: stat.mtimeMs });
      if (this.cache.size > this.capacity) this.cache.delete(this.cache.keys().next().value!);
      return text;
    } catch {
      return undefined;
    }
  }
}
