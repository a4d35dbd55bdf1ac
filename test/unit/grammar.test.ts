// The TextMate grammar in syntaxes/, run through VS Code's own TextMate engine (vscode-textmate + oniguruma).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { ROOT, readSeed } from '../helpers/seeds';

const GRAMMARS: Record<string, string> = {
  'text.article.corroborate': 'syntaxes/article.tmLanguage.json',
  'text.article.injection.corroborate': 'syntaxes/article-injection.tmLanguage.json',
};

let grammar: textmate.IGrammar;

/** The spans of `line` that carry `scope`, as text. */
function scoped(line: string, scope: string): string[] {
  const result = grammar.tokenizeLine(line, textmate.INITIAL);
  const spans: string[] = [];
  let current = '';
  let end = -1;
  for (const token of result.tokens) {
    const text = line.slice(token.startIndex, token.endIndex);
    if (token.scopes.some((s) => s.startsWith(scope))) {
      current = token.startIndex === end ? current + text : (current && spans.push(current), text);
      end = token.endIndex;
    }
  }
  if (current) spans.push(current);
  return spans.map((s) => s.trim()).filter(Boolean);
}

describe('TextMate grammar', () => {
  before(async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
    await oniguruma.loadWASM(wasm);
    const registry = new textmate.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName: string) => {
        const file = GRAMMARS[scopeName];
        if (!file) return null;
        return textmate.parseRawGrammar(readFileSync(path.join(ROOT, file), 'utf8'), path.join(ROOT, file));
      },
    });
    const loaded = await registry.loadGrammar('text.article.corroborate');
    assert.ok(loaded, 'grammar failed to load');
    grammar = loaded;
  });

  it('colours absolute, numeric and relative dates', () => {
    assert.deepEqual(scoped('This post was last modified on December 17, 2024 1:03 pm', 'string.other.date'), ['December 17, 2024']);
    assert.deepEqual(scoped('12/09/2017 09:03 by admin', 'string.other.date'), ['12/09/2017']);
    assert.deepEqual(scoped('began in March 2011 with protests', 'string.other.date'), ['March 2011']);
    assert.deepEqual(scoped('Peskov said on Monday.', 'string.other.date'), ['on Monday']);
    assert.deepEqual(scoped('Last Friday, Syrian state media', 'string.other.date'), ['Last Friday']);
    assert.deepEqual(scoped('But in 2014, Daesh seized', 'string.other.date'), ['2014']);
  });

  it('colours figures, with money, percentages and scales, but not years, times or phone numbers', () => {
    assert.deepEqual(scoped('some 4,300 Russian military', 'constant.numeric.figure'), ['4,300']);
    assert.deepEqual(scoped('about 85 percent of the territory', 'constant.numeric.figure'), ['85 percent']);
    assert.deepEqual(scoped('a $450m deal and 4.8 billion more', 'constant.numeric.figure'), ['$450m', '4.8 billion']);
    assert.deepEqual(scoped('two military bases', 'constant.numeric.figure'), ['two']);
    assert.deepEqual(scoped('[Phone] 02-398-8585 at 09:03', 'constant.numeric.figure'), []);
    assert.deepEqual(scoped('the 2017 contract', 'constant.numeric.figure'), []);
  });

  it('colours every seed without throwing, and finds dates in each dated seed', () => {
    for (const seed of ['000', '001', '002', '003', '004']) {
      const dates = readSeed(seed)
        .split(/\r?\n/)
        .flatMap((line) => scoped(line, 'string.other.date'));
      assert.ok(dates.length > 0, `no dates coloured in seed ${seed}`);
    }
  });

  it('injects into Markdown outside code', () => {
    const injection = JSON.parse(readFileSync(path.join(ROOT, GRAMMARS['text.article.injection.corroborate']!), 'utf8'));
    assert.match(injection.injectionSelector, /^L:text\.html\.markdown/);
    assert.match(injection.injectionSelector, /-markup\.fenced_code/);
    assert.deepEqual(
      injection.patterns.map((p: { include: string }) => p.include),
      ['text.article.corroborate#dates', 'text.article.corroborate#figures'],
    );
  });
});
