// The words around an annotation, for the views: the sentence a date or a figure is stated in, the line a mention
// sits on. The index keeps no article text, so the views read it (an open document's, or the file's) and cut it here.
// Pure: text in, strings out; every cut is bounded, whatever the length of the line or paragraph.
import { LineIndex } from '../analysis/lines';
import { maskMarkdown } from '../analysis/markdown';
import { splitSentences } from '../analysis/sentences';
import { tokenize } from '../analysis/tokenize';
import type { Span } from '../analysis/types';
import { snippetAround } from '../workspace/summary';

/** The longest sentence shown, in characters (longer ones are cut around the annotation). */
export const MAX_SENTENCE_CHARS = 280;
/** How far from the annotation the sentence splitter looks, each way. */
const WINDOW = 1500;

/** One article's text as the analysis saw it (Markdown markup blanked out), with its lines. */
export class ArticleText {
  readonly text: string;
  private lineIndex: LineIndex | undefined;

  constructor(raw: string, markdown: boolean) {
    this.text = markdown ? maskMarkdown(raw).text : raw;
  }

  get lines(): LineIndex {
    this.lineIndex ??= new LineIndex(this.text);
    return this.lineIndex;
  }

  /** Whether `span` holds `expected` (the text may have changed on disk since it was indexed). */
  holds(span: Span, expected: string): boolean {
    return this.text.slice(span.start, span.end).replace(/\s+/g, ' ') === expected.replace(/\s+/g, ' ');
  }

  /** The sentence around `span`, white space collapsed, cut to MAX_SENTENCE_CHARS around the span. */
  sentenceAround(span: Span): string {
    const from = Math.max(0, span.start - WINDOW);
    const to = Math.min(this.text.length, span.end + WINDOW);
    // start at a paragraph break when there is one in the window, so the splitter starts at a sentence start
    const before = this.text.slice(from, span.start);
    const paragraph = Math.max(before.lastIndexOf('\n\n'), before.lastIndexOf('\r\n\r\n'));
    const start = paragraph >= 0 ? from + paragraph : from;
    const window = this.text.slice(start, to);
    const tokens = tokenize(window);
    const at = span.start - start;
    const sentence = splitSentences(tokens).find((s) => s.start <= at && at < s.end) ?? { start: at, end: span.end - start };
    return cutAround(window, sentence, { start: at, end: span.end - start });
  }

  /** The span's line, cut around it. */
  lineAround(span: Span): string {
    return snippetAround(this.text, this.lines, span).snippet.trim();
  }
}

/** `window.slice(sentence)` with white space collapsed; when longer than the maximum, cut around `focus`. */
function cutAround(window: string, sentence: Span, focus: Span): string {
  let start = sentence.start;
  let end = sentence.end;
  let prefix = '';
  let suffix = '';
  if (end - start > MAX_SENTENCE_CHARS) {
    const half = Math.floor((MAX_SENTENCE_CHARS - (focus.end - focus.start)) / 2);
    const from = Math.max(start, focus.start - Math.max(half, 20));
    const to = Math.min(end, Math.max(focus.end, from + MAX_SENTENCE_CHARS));
    if (from > start) {
      const space = window.indexOf(' ', from);
      start = space >= 0 && space < focus.start ? space + 1 : from;
      prefix = '…';
    }
    if (to < end) {
      const space = window.lastIndexOf(' ', to);
      end = space > focus.end ? space : to;
      suffix = '…';
    }
  }
  return `${prefix}${window.slice(start, end).replace(/\s+/g, ' ').trim()}${suffix}`;
}
