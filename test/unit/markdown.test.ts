// Markdown masking: what is not prose becomes spaces (same length, line breaks kept), and front matter dates the article.
import { strict as assert } from 'node:assert';
import { maskMarkdown } from '../../server/src/analysis/markdown';
import { analyze } from '../../server/src/analysis/analyze';

/** The masked text with runs of spaces collapsed, for readable assertions. */
const prose = (text: string) => maskMarkdown(text).text.replace(/\s+/g, ' ').trim();

function assertShape(text: string) {
  const masked = maskMarkdown(text);
  assert.equal(masked.text.length, text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n' || c === '\r') assert.equal(masked.text[i], c, `line break lost at ${i}`);
    else assert.ok(masked.text[i] === c || masked.text[i] === ' ', `character ${i} changed to something other than a space`);
  }
  for (const span of masked.excluded) {
    assert.ok(span.start < span.end && span.end <= text.length);
    assert.equal(masked.text.slice(span.start, span.end).trim(), '', `excluded span ${span.start}-${span.end} not blank`);
  }
  for (let i = 1; i < masked.excluded.length; i++) assert.ok(masked.excluded[i]!.start > masked.excluded[i - 1]!.end, 'excluded spans overlap or touch');
}

describe('markdown: front matter', () => {
  it('blanks YAML front matter and reads its date', () => {
    const text = '---\ntitle: "Bases in Syria"\ndate: 2024-12-17\ntags: [russia]\n---\nRussia said on Monday it would stay.\n';
    const masked = maskMarkdown(text);
    assert.equal(prose(text), 'Russia said on Monday it would stay.');
    assert.deepEqual(masked.excluded[0], { start: 0, end: text.indexOf('\nRussia') });
    assert.equal(masked.frontMatterDate?.iso, '2024-12-17');
    assert.equal(masked.frontMatterDate?.source, 'front-matter');
    assert.equal(text.slice(masked.frontMatterDate!.span!.start, masked.frontMatterDate!.span!.end), '2024-12-17');
    assertShape(text);
  });

  it('reads a full timestamp, a quoted date, a written date, and other date keys', () => {
    const date = (yaml: string) => maskMarkdown(`---\n${yaml}\n---\nText.`).frontMatterDate?.iso;
    assert.equal(date('date: 2024-12-17T10:30:00Z'), '2024-12-17');
    assert.equal(date('date: "2024-12-17"'), '2024-12-17');
    assert.equal(date("date: '2024-12-17 10:30'"), '2024-12-17');
    assert.equal(date('date: December 17, 2024'), '2024-12-17');
    assert.equal(date('date: 17 December 2024  # the publication day'), '2024-12-17');
    assert.equal(date('publishDate: 2024-12-17'), '2024-12-17');
    assert.equal(date('published: 2024-12-01\ndate: 2024-12-17'), '2024-12-17');
    assert.equal(date('date: 2024-02-30'), undefined);
    assert.equal(date('date: soon'), undefined);
    assert.equal(date('title: no date here'), undefined);
    assert.equal(maskMarkdown('+++\ndate = 2024-12-17\n+++\nText.').frontMatterDate?.iso, '2024-12-17');
  });

  it('needs front matter to open on the first line and to close', () => {
    assert.equal(maskMarkdown('Intro\n---\ndate: 2024-12-17\n---\n').frontMatterDate, undefined);
    assert.equal(maskMarkdown('---\ndate: 2024-12-17\nno closing line').frontMatterDate, undefined);
  });

  it('makes the front-matter date the article\'s date', () => {
    const analysis = analyze('---\ndate: 2024-12-17\n---\nPeskov said on Monday that talks go on.\n', { markdown: true });
    assert.equal(analysis.articleDate?.source, 'front-matter');
    assert.equal(analysis.dates.find((d) => d.text === 'on Monday')?.value?.iso, '2024-12-16');
    assert.ok(!analysis.dates.some((d) => d.text.includes('2024-12-17')), 'a date inside front matter was analysed');
  });
});

describe('markdown: code and markup', () => {
  it('blanks fenced and indented code blocks and inline code', () => {
    const text = 'Intro.\n\n```js\nconst troops = 4300;\n```\n\n~~~\n2,000 troops\n~~~\n\n    indented 999 code\n\nSome `4,300` here.\n';
    assert.equal(prose(text), 'Intro. Some here.');
    const masked = maskMarkdown(text).text;
    assert.ok(!/4300|2,000|999|4,300/.test(masked), masked);
    assert.ok(masked.includes('Intro.') && masked.includes('Some') && masked.includes('here.'));
    assertShape(text);
    assert.deepEqual(analyze(text, { markdown: true }).figures, []);
  });

  it('keeps an indented paragraph inside a list and a fence left open to the end', () => {
    assert.match(maskMarkdown('- item\n\n    continued 40 troops\n').text, /continued 40 troops/);
    assert.doesNotMatch(maskMarkdown('Text\n\n```\n40 troops never closed').text, /40/);
  });

  it('blanks link targets, images, reference links and definitions, footnotes, autolinks', () => {
    const text = 'See [the report](https://example.com/2017/12/09 "Title 5") and ![a map](map-2017.png).\n' +
      'Also [text][ref], [^1] and <https://example.com/4300>.\n\n[ref]: https://example.com/2,000\n';
    assert.equal(prose(text), 'See the report and a map . Also text , and .');
    assertShape(text);
    assert.deepEqual(analyze(text, { markdown: true }).dates, []);
  });

  it('blanks HTML tags and comments (also across lines) and script blocks, keeping text between tags', () => {
    const text = '<p class="lead">Some <b>4,300</b> troops</p>\n<!-- draft: 5,000\nstill a comment -->\nAfter.\n<script>\nvar x = 2017;\n</script>\nEnd.';
    assert.equal(prose(text), 'Some 4,300 troops After. End.');
    assertShape(text);
    // "Some <b>4,300" spans a masked tag that is not emphasis: dropped rather than shown with markup in it
    const figures = analyze(text, { markdown: true }).figures;
    assert.deepEqual(figures.map((f) => f.text), []);
  });

  it('blanks heading, emphasis, quote, list and table markers', () => {
    const text = '# Bases in **Syria** #\n\nSome *4,300* troops and __two__ bases.\n\n> quoted\n\n- one\n1. two\n\n| a | b |\n|---|:-:|\n| 1 | 2 |\n\nTitle\n=====\n\n---\n';
    assert.equal(prose(text), 'Bases in Syria Some 4,300 troops and two bases. quoted one two a b 1 2 Title');
    assertShape(text);
  });

  it('leaves snake_case, arithmetic and lone brackets alone', () => {
    assert.equal(maskMarkdown('snake_case and 5 * 3 and [not a link]').text, 'snake_case and 5 * 3 and [not a link]');
  });

  it('keeps the text of a figure written with emphasis inside it, and drops one that spans a link target', () => {
    const analysis = analyze('They sent some **4,300** troops and 10-20 [x](y) per cent more.', { markdown: true });
    const some = analysis.figures.find((f) => f.value === 4300)!;
    assert.equal(some.text, 'some **4,300');
    for (const f of analysis.figures) assert.equal(analysis.text.slice(f.start, f.end), f.text);
    assert.ok(!analysis.figures.some((f) => f.text.includes('](')));
  });

  it('keeps CRLF line endings and offsets', () => {
    const text = '---\r\ndate: 2024-12-17\r\n---\r\n# Title\r\n\r\nPeskov said on Monday it **would** stay.\r\n';
    assertShape(text);
    const analysis = analyze(text, { markdown: true });
    assert.equal(analysis.articleDate?.iso, '2024-12-17');
    const monday = analysis.dates.find((d) => d.text === 'on Monday')!;
    assert.equal(monday.start, text.indexOf('on Monday'));
    assert.equal(monday.value?.iso, '2024-12-16');
  });
});

describe('markdown: hostile input', () => {
  it('stays linear on long lines of markup characters', () => {
    for (const unit of ['`', '[', '](', '*', '_', '<', '<!--', '\\', '|', '#', '~', '[^']) {
      const text = unit.repeat(Math.ceil(200_000 / unit.length));
      const masked = maskMarkdown(text);
      assert.equal(masked.text.length, text.length, unit);
    }
    const mixed = 'a `b` [c](d) *e* <f> '.repeat(10_000);
    assertShape(mixed);
  });

  it('handles empty input, a lone front-matter fence and emoji', () => {
    assert.deepEqual(maskMarkdown(''), { text: '', excluded: [] });
    assertShape('---');
    assertShape('😀 **bold** `co😀de` [l😀nk](😀)');
  });
});
