// The article summary: positions in UTF-16 lines and characters (CRLF, astral characters), snippets, and that it is
// plain data a worker thread can send and a persisted index can store.
import { strict as assert } from 'node:assert';
import { LineIndex } from '../../server/src/analysis/lines';
import { endOf, snippetAround } from '../../server/src/workspace/summary';
import { summaryOf } from './workspace-fixtures';

describe('article summary', function () {
  it('places mentions by line and UTF-16 character, across CRLF and astral characters', function () {
    const text = 'Intro 😀 line\r\nThen 🇸🇾 Hmeimim and\rLatakia.';
    const summary = summaryOf(text, [['Hmeimim', 'place'], ['Latakia', 'place']]);
    const [hmeimim, latakia] = summary.entities;
    assert.equal(text.slice(hmeimim!.start, hmeimim!.end), 'Hmeimim');
    assert.deepEqual([hmeimim!.line, hmeimim!.character], [1, 10]);
    assert.deepEqual(endOf(hmeimim!), { line: 1, character: 17 });
    assert.deepEqual([latakia!.line, latakia!.character], [2, 0]);
    assert.equal(summary.lineCount, 3);
  });

  it('keeps no snippets (hovers cut them from the text on demand), and snippetAround cuts a short window', function () {
    const text = `${'word '.repeat(40)}the base at Hmeimim is busy ${'more '.repeat(40)}\nHmeimim again.`;
    const summary = summaryOf(text, [['Hmeimim', 'place']]);
    const [first, second] = summary.entities;
    assert.equal(first!.snippet, undefined);
    assert.equal(second!.snippet, undefined);
    const { snippet, at } = snippetAround(text, new LineIndex(text), first!);
    assert.ok(snippet.length < 160, snippet);
    assert.equal(snippet.slice(at, at + 7), 'Hmeimim');
    assert.match(snippet, /^\.\.\..*the base at Hmeimim is busy.*\.\.\.$/);
  });

  it('records the definitions an article makes', function () {
    const text = 'Hayat Tahrir al-Sham (HTS) took Damascus. ISIS, also called IS, lost. HTS (Hayat Tahrir al-Sham) again.';
    const summary = summaryOf(text, [['Hayat Tahrir al-Sham', 'organization'], ['HTS', 'organization'], ['ISIS', 'organization'], ['IS', 'organization']]);
    assert.deepEqual(
      summary.definitions.map((d) => [d.kind, d.short, d.long]),
      [['acronym', 'HTS', 'Hayat Tahrir al-Sham'], ['aka', 'IS', 'ISIS'], ['acronym', 'HTS', 'Hayat Tahrir al-Sham']],
    );
  });

  it('finds bracketed acronyms the tagger did not tag', function () {
    const summary = summaryOf('The Islamic State (ISIS) said.', [['Islamic State', 'organization']]);
    assert.deepEqual(summary.definitions.map((d) => [d.short, d.long]), [['ISIS', 'Islamic State']]);
  });

  it('is plain data: survives JSON and structured clone unchanged', function () {
    const summary = summaryOf('Hmeimim near Latakia on 8 December 2024, with 4,300 troops.', [['Hmeimim', 'place'], ['Latakia', 'place']]);
    assert.deepEqual(JSON.parse(JSON.stringify(summary)), summary);
    assert.deepEqual(structuredClone(summary), summary);
    assert.ok(!('tokens' in summary) && !('text' in summary));
  });

  it('handles an empty article', function () {
    const summary = summaryOf('', []);
    assert.equal(summary.length, 0);
    assert.deepEqual(summary.entities, []);
  });
});
