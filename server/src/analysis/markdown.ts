// Markdown masking: replaces what is not prose (front matter, code, link targets, HTML tags, markup characters)
// with spaces, keeping line breaks, so every later stage sees prose at the original offsets.
//
// Blanked out (and reported in `excluded`): YAML (---) or TOML (+++) front matter; fenced (``` ~~~) and indented code
// blocks; inline code; link and image targets "](...)" with their brackets, reference links "][ref]" and reference
// definitions; footnote markers "[^1]"; HTML comments, tags and <script>/<style> blocks; autolinks <https://...>;
// heading markers (#, setext underlines), block-quote ">" and list markers, thematic breaks, table pipes and delimiter
// rows, emphasis markers (* _ ~~) and backslash escapes.
// Line by line, one pass; every lookahead is bounded (a closing backtick run is found through per-length queues, a
// link target within 2,000 characters), so time is linear even on a 200,000-character line.
import type { ArticleDate, Span } from './types';
import { tokenize } from './tokenize';
import { DateScanner } from './datescan';
import { isoDay, isValidDay } from './calendar';

export interface MaskedText {
  readonly text: string;
  readonly excluded: readonly Span[];
  /** `date:` from YAML front matter, when present and valid. */
  readonly frontMatterDate?: ArticleDate;
}

interface Line {
  /** Start of the line's content, end of its content (before the line break), and start of the next line. */
  readonly start: number;
  readonly end: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lines.push({ start, end: i });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lines.push({ start, end: text.length });
  return lines;
}

const MAX_TARGET = 500;
const ATX = /^ {0,3}(#{1,6})(?=[ \t]|$)[ \t]*/;
const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;
const THEMATIC = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]\n]{1,999}\]:[ \t]*\S/;
const LIST_MARKER = /^[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]+\[[ xX]\])?(?=[ \t]|$)[ \t]*/;
const QUOTE_MARKER = /^[ \t]{0,3}>[ \t]?/;
const HTML_BLOCK_OPEN = /^ {0,3}<(script|style|pre|textarea)(?=[\s>]|$)/i;
const AUTOLINK = /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]{0,2000}>|<[^\s@<>()]{1,64}@[^\s@<>()]{1,255}>/y;
const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]{0,30}(?:\s[^<>]{0,2000})?\/?>/y;

export function maskMarkdown(text: string): MaskedText {
  const spans: Span[] = [];
  const mask = (start: number, end: number) => {
    if (end > start) spans.push({ start, end });
  };
  const lines = splitLines(text);
  let first = 0;
  let frontMatterDate: ArticleDate | undefined;

  // front matter: --- ... --- (or ...) at the very top; +++ ... +++ for TOML
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const opener = lines.length > 1 ? text.slice(lines[0]!.start + bom, lines[0]!.end).trimEnd() : '';
  if (opener === '---' || opener === '+++') {
    for (let n = 1; n < lines.length; n++) {
      const content = text.slice(lines[n]!.start, lines[n]!.end).trimEnd();
      if (content === opener || (opener === '---' && content === '...')) {
        mask(0, lines[n]!.end);
        frontMatterDate = frontMatterDateOf(text, lines.slice(1, n), opener === '+++');
        first = n + 1;
        break;
      }
    }
  }

  let fence: { char: string; length: number } | undefined;
  let htmlBlock: string | undefined;
  let inComment = false;
  let prevBlank = true;
  let inIndentedCode = false;
  let inList = false;
  let inTable = false;
  let prevParagraph: Line | undefined;

  for (let n = first; n < lines.length; n++) {
    const line = lines[n]!;
    const content = text.slice(line.start, line.end);
    const blank = content.trim() === '';

    if (fence) {
      mask(line.start, line.end);
      const close = fenceAt(content);
      if (close && close.rest.trim() === '' && close.char === fence.char && close.length >= fence.length) fence = undefined;
      prevBlank = false;
      continue;
    }
    if (htmlBlock) {
      mask(line.start, line.end);
      if (content.toLowerCase().includes(`</${htmlBlock}>`)) htmlBlock = undefined;
      continue;
    }
    let from = line.start;
    if (inComment) {
      const close = content.indexOf('-->');
      if (close < 0) {
        mask(line.start, line.end);
        continue;
      }
      mask(line.start, line.start + close + 3);
      inComment = false;
      from = line.start + close + 3;
    }
    if (blank) {
      prevBlank = true;
      inTable = false;
      prevParagraph = undefined;
      continue;
    }
    // whole-line block patterns are only tried on lines short enough to be markup (and to keep regexes linear)
    const short = content.length <= 1000;
    if (from === line.start) {
      const fenceOpen = fenceAt(content);
      if (fenceOpen && !(fenceOpen.char === '`' && fenceOpen.rest.includes('`'))) {
        fence = { char: fenceOpen.char, length: fenceOpen.length };
        mask(line.start, line.end);
        prevBlank = false;
        prevParagraph = undefined;
        continue;
      }
      const htmlOpen = HTML_BLOCK_OPEN.exec(content);
      if (htmlOpen) {
        mask(line.start, line.end);
        const tag = htmlOpen[1]!.toLowerCase();
        if (!content.toLowerCase().includes(`</${tag}>`)) htmlBlock = tag;
        prevParagraph = undefined;
        continue;
      }
      // indented code: four spaces or a tab after a blank line (or more code), outside a list
      const indented = /^(?: {4}|\t)/.test(content);
      if (indented && !inList && (prevBlank || inIndentedCode) && !prevParagraph) {
        mask(line.start, line.end);
        inIndentedCode = true;
        prevBlank = false;
        continue;
      }
      inIndentedCode = false;
      if (REFERENCE_DEFINITION.test(content)) {
        mask(line.start, line.end);
        prevBlank = false;
        continue;
      }
      if (short && THEMATIC.test(content) && !(prevParagraph && /^ {0,3}-+[ \t]*$/.test(content))) {
        mask(line.start, line.end);
        prevBlank = false;
        prevParagraph = undefined;
        continue;
      }
      if (short && prevParagraph && SETEXT.test(content)) {
        mask(line.start, line.end);
        prevParagraph = undefined;
        prevBlank = false;
        continue;
      }
      if (short && isTableDelimiter(content) && prevParagraph && text.slice(prevParagraph.start, prevParagraph.end).includes('|')) {
        mask(line.start, line.end);
        for (let k = prevParagraph.start; k < prevParagraph.end; k++) if (text.charCodeAt(k) === 124) mask(k, k + 1);
        inTable = true;
        prevBlank = false;
        continue;
      }
      // block markers at the start of the line: > quotes (nested), list markers, heading #s
      let k = line.start;
      for (let guard = 0; guard < 10; guard++) {
        const rest = text.slice(k, Math.min(line.end, k + 40));
        const quote = QUOTE_MARKER.exec(rest);
        if (quote) {
          mask(k, k + quote[0].length);
          k += quote[0].length;
          continue;
        }
        const list = LIST_MARKER.exec(rest);
        if (list && !(short && THEMATIC.test(text.slice(k, line.end)))) {
          mask(k, k + list[0].length);
          k += list[0].length;
          inList = true;
          continue;
        }
        break;
      }
      if (k === line.start && prevBlank && !/^[ \t]/.test(content)) inList = false;
      const atx = ATX.exec(text.slice(k, Math.min(line.end, k + 40)));
      if (atx) {
        mask(k, k + atx[0].length);
        k += atx[0].length;
        // a closing sequence: "## Title ##"
        const closing = closingHashes(text, k, line.end);
        if (closing < line.end) mask(closing, line.end);
      }
      from = k;
    }
    if (inTable) for (let k = from; k < line.end; k++) if (text.charCodeAt(k) === 124) mask(k, k + 1);
    inComment = maskInline(text, from, line.end, mask);
    prevBlank = false;
    prevParagraph = line;
  }

  const excluded = mergeSpans(spans);
  return { text: applyMask(text, excluded), excluded, ...(frontMatterDate ? { frontMatterDate } : {}) };
}

/**
 * Inline markup in [start, end): code spans, autolinks, HTML, comments, link targets, emphasis, escapes. Returns
 * whether an HTML comment is still open at the end of the line.
 */
function maskInline(text: string, start: number, end: number, mask: (s: number, e: number) => void): boolean {
  // backtick runs of the line, for matching code spans in linear time
  const runs: Array<{ pos: number; len: number }> = [];
  for (let k = start; k < end; k++) {
    if (text.charCodeAt(k) === 96) {
      let m = k;
      while (m < end && text.charCodeAt(m) === 96) m++;
      runs.push({ pos: k, len: m - k });
      k = m - 1;
    }
  }
  const queues = new Map<number, number[]>(); // length -> positions (ascending) of later runs
  for (const run of runs) {
    let q = queues.get(run.len);
    if (!q) queues.set(run.len, (q = []));
    q.push(run.pos);
  }
  const heads = new Map<number, number>();
  const nextRun = (len: number, after: number): number | undefined => {
    const q = queues.get(len);
    if (!q) return undefined;
    let h = heads.get(len) ?? 0;
    while (h < q.length && q[h]! <= after) h++;
    heads.set(len, h);
    return q[h];
  };
  // the next occurrence of a character at or after a position; positions only grow, so one search serves many
  const nextCache = new Map<string, number>();
  const nextOf = (ch: string, from: number): number => {
    const cached = nextCache.get(ch);
    if (cached !== undefined && (cached === -1 || cached >= from)) return cached;
    const found = text.indexOf(ch, from);
    nextCache.set(ch, found);
    return found;
  };
  const openBrackets: number[] = [];
  let k = start;
  while (k < end) {
    const c = text.charCodeAt(k);
    if (c === 92 /* \ */ && k + 1 < end && /[!-/:-@[-`{-~]/.test(text[k + 1]!)) {
      mask(k, k + 1);
      k += 2;
      continue;
    }
    if (c === 96 /* ` */) {
      let m = k;
      while (m < end && text.charCodeAt(m) === 96) m++;
      const len = m - k;
      const close = nextRun(len, k);
      if (close !== undefined) {
        mask(k, close + len);
        k = close + len;
      } else {
        k = m;
      }
      continue;
    }
    if (c === 60 /* < */) {
      if (text.startsWith('<!--', k)) {
        const close = text.indexOf('-->', k + 4);
        if (close < 0 || close + 3 > end) {
          mask(k, end);
          return true;
        }
        mask(k, close + 3);
        k = close + 3;
        continue;
      }
      AUTOLINK.lastIndex = k;
      if (AUTOLINK.test(text) && AUTOLINK.lastIndex <= end) {
        mask(k, AUTOLINK.lastIndex);
        k = AUTOLINK.lastIndex;
        continue;
      }
      HTML_TAG.lastIndex = k;
      if (HTML_TAG.test(text) && HTML_TAG.lastIndex <= end) {
        mask(k, HTML_TAG.lastIndex);
        k = HTML_TAG.lastIndex;
        continue;
      }
      k++;
      continue;
    }
    if (c === 33 /* ! */ && text.charCodeAt(k + 1) === 91) {
      openBrackets.push(k);
      k += 2;
      continue;
    }
    if (c === 91 /* [ */) {
      // footnote marker "[^1]"
      if (text.charCodeAt(k + 1) === 94) {
        const close = nextOf(']', k);
        if (close > 0 && close < end && close - k < 100) {
          mask(k, close + 1);
          k = close + 1;
          continue;
        }
      }
      openBrackets.push(k);
      k++;
      continue;
    }
    if (c === 93 /* ] */) {
      const next = text.charCodeAt(k + 1);
      const closeParen = next === 40 ? nextOf(')', k) : -1;
      const targetEnd = next === 40
        ? (closeParen > 0 && closeParen < Math.min(end, k + 1 + MAX_TARGET) ? linkTargetEnd(text, k + 1, end) : undefined)
        : next === 91 ? referenceEnd(text, k + 1, end) : undefined;
      if (targetEnd !== undefined) {
        const open = openBrackets.pop();
        if (open !== undefined) mask(open, text.charCodeAt(open) === 33 ? open + 2 : open + 1);
        mask(k, targetEnd);
        k = targetEnd;
        continue;
      }
      k++;
      continue;
    }
    if (c === 42 /* * */ || c === 95 /* _ */ || (c === 126 /* ~ */ && text.charCodeAt(k + 1) === 126)) {
      let m = k;
      while (m < end && text.charCodeAt(m) === c) m++;
      const before = k > start ? text[k - 1]! : ' ';
      const after = m < end ? text[m]! : ' ';
      const spaceBefore = /\s/.test(before);
      const spaceAfter = /\s/.test(after);
      // a flanking run (touching text on one side) is emphasis; "5 * 3" and snake_case are left alone
      const intraword = c === 95 && /[\p{L}\p{N}]/u.test(before) && /[\p{L}\p{N}]/u.test(after);
      if (!(spaceBefore && spaceAfter) && !intraword) mask(k, m);
      k = m;
      continue;
    }
    k++;
  }
  return false;
}

/** A code fence at the start of a line: up to three spaces, then three or more backticks or tildes. */
function fenceAt(content: string): { char: string; length: number; rest: string } | undefined {
  let k = 0;
  while (k < 3 && content.charCodeAt(k) === 32) k++;
  const c = content[k];
  if (c !== '`' && c !== '~') return undefined;
  let m = k;
  while (m < content.length && content[m] === c) m++;
  if (m - k < 3) return undefined;
  return { char: c, length: m - k, rest: content.slice(m) };
}

/** A table's delimiter row: "|---|:---:|", "--- | ---" (cells of dashes with optional colons, separated by pipes). */
function isTableDelimiter(content: string): boolean {
  let row = content.trim();
  if (!row.includes('|')) return false;
  if (row.startsWith('|')) row = row.slice(1);
  if (row.endsWith('|')) row = row.slice(0, -1);
  const cells = row.split('|');
  return cells.length > 0 && cells.every((cell) => /^:?-+:?$/.test(cell.trim()));
}

/** Start of a heading's closing "#" sequence ("## Title ##"), or `end` when there is none. */
function closingHashes(text: string, start: number, end: number): number {
  let k = end;
  while (k > start && (text.charCodeAt(k - 1) === 32 || text.charCodeAt(k - 1) === 9)) k--;
  const hashesEnd = k;
  while (k > start && text.charCodeAt(k - 1) === 35) k--;
  if (k === hashesEnd) return end;
  const hashesStart = k;
  if (hashesStart === start) return start; // the heading is only hashes
  if (text.charCodeAt(k - 1) !== 32 && text.charCodeAt(k - 1) !== 9) return end;
  while (k > start && (text.charCodeAt(k - 1) === 32 || text.charCodeAt(k - 1) === 9)) k--;
  return k;
}

/**
 * Mentions found in the masked text, checked against the original: one that spans masked markup other than emphasis
 * markers ("10-20 ](x) per cent") is dropped; the others take their text from the original ("some **4,300**").
 */
export function keepProse<T extends Span & { readonly text: string }>(mentions: T[], original: string, excluded: readonly Span[]): T[] {
  if (excluded.length === 0) return mentions;
  const kept: T[] = [];
  const newIndex: number[] = [];
  for (const mention of mentions) {
    newIndex.push(kept.length);
    // first excluded span that ends after the mention starts
    let lo = 0;
    let hi = excluded.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (excluded[mid]!.end <= mention.start) lo = mid + 1;
      else hi = mid;
    }
    let ok = true;
    let touched = false;
    for (let e = lo; e < excluded.length && excluded[e]!.start < mention.end && ok; e++) {
      touched = true;
      const from = Math.max(excluded[e]!.start, mention.start);
      const to = Math.min(excluded[e]!.end, mention.end);
      for (let k = from; k < to && ok; k++) {
        const c = original.charCodeAt(k);
        ok = c === 42 || c === 95 || c === 126 || c === 32 || c === 9;
      }
    }
    if (!ok) {
      newIndex[newIndex.length - 1] = -1;
      continue;
    }
    kept.push(touched ? { ...mention, text: original.slice(mention.start, mention.end) } : mention);
  }
  if (kept.length === mentions.length) return kept;
  // figures refer to each other by index (a conversion names the figure it restates): renumber
  return kept.map((mention) => {
    const of = (mention as { conversionOf?: number }).conversionOf;
    if (of === undefined) return mention;
    const { conversionOf: _dropped, ...rest } = mention as T & { conversionOf?: number };
    void _dropped;
    const target = newIndex[of] ?? -1;
    return (target >= 0 ? { ...rest, conversionOf: target } : rest) as unknown as T;
  });
}

/** End (exclusive) of "(target "title")" starting at `open` (a "("), parentheses balanced, or undefined. */
function linkTargetEnd(text: string, open: number, end: number): number | undefined {
  let depth = 0;
  const limit = Math.min(end, open + MAX_TARGET);
  for (let k = open; k < limit; k++) {
    const c = text.charCodeAt(k);
    if (c === 92) {
      k++;
      continue;
    }
    if (c === 40) depth++;
    else if (c === 41) {
      depth--;
      if (depth === 0) return k + 1;
    }
  }
  return undefined;
}

/** End of "[ref]" starting at `open` (a "["). */
function referenceEnd(text: string, open: number, end: number): number | undefined {
  const limit = Math.min(end, open + 1000);
  for (let k = open + 1; k < limit; k++) {
    const c = text.charCodeAt(k);
    if (c === 93) return k + 1;
    if (c === 91) return undefined;
  }
  return undefined;
}

/** Sorted, non-overlapping spans; touching spans are joined. */
function mergeSpans(spans: Span[]): Span[] {
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) {
      if (span.end > last.end) merged[merged.length - 1] = { start: last.start, end: span.end };
    } else {
      merged.push({ ...span });
    }
  }
  return merged;
}

/** The text with every excluded character but line breaks replaced by a space (same length, same offsets). */
function applyMask(text: string, excluded: readonly Span[]): string {
  if (excluded.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const span of excluded) {
    parts.push(text.slice(at, span.start));
    parts.push(text.slice(span.start, span.end).replace(/[^\r\n]/g, ' '));
    at = span.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

const DATE_KEYS = ['date', 'published', 'publishdate', 'pubdate', 'date_published', 'datepublished', 'publish_date'];

/** `date:` (or `published:`, `pubDate:` ...) in front matter: YYYY-MM-DD, an ISO timestamp, or "December 17, 2024". */
function frontMatterDateOf(text: string, lines: readonly Line[], toml: boolean): ArticleDate | undefined {
  let best: { rank: number; date: ArticleDate } | undefined;
  for (const line of lines) {
    const content = text.slice(line.start, line.end);
    const pair = keyValue(content, toml ? '=' : ':');
    if (!pair) continue;
    const rank = DATE_KEYS.indexOf(pair.key.toLowerCase());
    if (rank < 0 || (best && best.rank <= rank)) continue;
    // a trailing comment: "date: 2024-12-17  # publication"
    let raw = pair.value;
    const comments = [raw.indexOf(' #'), raw.indexOf('\t#')].filter((at) => at >= 0);
    if (comments.length > 0) raw = raw.slice(0, Math.min(...comments));
    let value = raw.trim();
    let offset = line.start + pair.valueStart + (raw.length - raw.trimStart().length);
    const quoted = /^(["'])(.*)\1$/.exec(value);
    if (quoted) {
      value = quoted[2]!;
      offset += 1;
    }
    const date = parseFrontMatterDate(value);
    if (!date) continue;
    best = {
      rank,
      date: {
        date,
        iso: isoDay(date.year, date.month, date.day),
        source: 'front-matter',
        span: { start: offset, end: offset + value.length },
        text: value,
      },
    };
  }
  return best?.date;
}

/** "key: value" (or "key = value"): a key of letters and underscores, the separator, the rest. */
function keyValue(content: string, separator: string): { key: string; value: string; valueStart: number } | undefined {
  let k = 0;
  while (k < content.length && /[A-Za-z_]/.test(content[k]!)) k++;
  if (k === 0) return undefined;
  const key = content.slice(0, k);
  while (content[k] === ' ' || content[k] === '\t') k++;
  if (content[k] !== separator) return undefined;
  k++;
  while (content[k] === ' ' || content[k] === '\t') k++;
  return { key, value: content.slice(k), valueStart: k };
}

function parseFrontMatterDate(value: string): { year: number; month: number; day: number } | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d{2}:\d{2})/.exec(value);
  if (iso) {
    const [year, month, day] = [+iso[1]!, +iso[2]!, +iso[3]!];
    return isValidDay(year, month, day) ? { year, month, day } : undefined;
  }
  if (value.length > 80) return undefined;
  const tokens = tokenize(value);
  for (const raw of new DateScanner(tokens).scan()) {
    if (raw.year !== undefined && raw.month !== undefined && raw.day !== undefined) return { year: raw.year, month: raw.month, day: raw.day };
  }
  return undefined;
}
