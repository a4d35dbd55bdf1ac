// Which files are articles: the include/exclude globs, compiled to regular expressions, decide as minimatch does.
import { strict as assert } from 'node:assert';
import { Minimatch } from 'minimatch';
import { folderOf, isArticlePath, relativeToFolders } from '../../server/src/articles';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/settings';

const DEFAULT_INCLUDE = [...DEFAULT_SETTINGS.articles.include];
const DEFAULT_EXCLUDE = [...DEFAULT_SETTINGS.articles.exclude];

function settingsWith(include: string[], exclude: string[]): Settings {
  return { ...DEFAULT_SETTINGS, articles: { ...DEFAULT_SETTINGS.articles, include, exclude } };
}

const PATHS = [
  'a.txt', 'notes/a.txt', 'deep/er/still/b.md', 'x.markdown', 'y.article', 'z.docx', 'README', '.hidden/a.txt',
  '.a.txt', 'node_modules/pkg/readme.md', 'src/node_modules/x.txt', '.git/COMMIT_EDITMSG.txt', 'dist/out.txt',
  'distant/a.txt', 'out/x.md', 'fact-sheet-2024.md', 'desk/fact-sheet.md', 'desk/fact-sheets/a.md', 'a.TXT',
  'drafts/2024/draft-1.txt', 'archive/2017/x.txt', 'sp ace/ünïcödé.txt', 'a.txt.bak', 'txt', 'a/b/c/d/e/f/g.md',
];
const PATTERNS = [
  ...DEFAULT_INCLUDE, ...DEFAULT_EXCLUDE, 'drafts/**', '**/draft-*.txt', 'archive/201[0-9]/*.txt', '*.txt',
  '**/*.{txt,md}', '!(dist)/**/*.txt', '**/?.txt', 'desk/**',
];

describe('articles: include and exclude globs', function () {
  it('decides every path as minimatch would, pattern by pattern', function () {
    const options = { dot: true, nocase: process.platform === 'win32' || process.platform === 'darwin' };
    for (const pattern of PATTERNS) {
      const expected = new Minimatch(pattern, options);
      for (const file of PATHS) {
        const got = isArticlePath(file, settingsWith([pattern], []));
        assert.equal(got, expected.match(file), `${pattern} on ${file}`);
      }
    }
  });

  it('takes text, Markdown and .article files by default, and leaves out tool folders and fact sheets', function () {
    const defaults = settingsWith(DEFAULT_INCLUDE, DEFAULT_EXCLUDE);
    const articles = PATHS.filter((file) => isArticlePath(file, defaults));
    assert.deepEqual(articles, [
      'a.txt', 'notes/a.txt', 'deep/er/still/b.md', 'x.markdown', 'y.article', '.hidden/a.txt', '.a.txt',
      'distant/a.txt', 'desk/fact-sheets/a.md', 'drafts/2024/draft-1.txt', 'archive/2017/x.txt',
      'sp ace/ünïcödé.txt', 'a/b/c/d/e/f/g.md',
    ]);
  });
});

describe('the workspace folder of a file', function () {
  const folders = ['/news', '/news/desk/', '/archive'];

  it('is the innermost folder that holds it, as the folder list spells it, with the path relative to it', function () {
    assert.equal(folderOf('/news/desk/a.txt', folders), '/news/desk/');
    assert.equal(relativeToFolders('/news/desk/a.txt', folders), 'a.txt');
    assert.equal(folderOf('/news/deskwork/a.txt', folders), '/news');
    assert.equal(relativeToFolders('/news/deskwork/a.txt', folders), 'deskwork/a.txt');
    assert.equal(folderOf('/archive/2017/x.md', folders), '/archive');
  });

  it('is undefined outside every folder (the file is then its own settings scope)', function () {
    assert.equal(folderOf('/elsewhere/a.txt', folders), undefined);
    assert.equal(folderOf('/newsroom/a.txt', folders), undefined);
    assert.equal(relativeToFolders('/elsewhere/a.txt', folders), undefined);
  });

  it('reads Windows separators', function () {
    assert.equal(folderOf('C:\\news\\desk\\a.txt', ['C:\\news']), 'C:\\news');
    assert.equal(relativeToFolders('C:\\news\\desk\\a.txt', ['C:\\news']), 'desk/a.txt');
  });
});
