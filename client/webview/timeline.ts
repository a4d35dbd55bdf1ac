// The timeline webview's script (bundled to dist/timeline-webview.js, loaded with the page's nonce): draws every
// resolved date on a time axis, one lane per article, with the article's own date marked; hovering or focusing a date
// shows the article and the sentence; clicking it (or Enter) opens it in the editor. Everything is built with DOM
// calls and textContent (no HTML strings), and positions are SVG attributes, so the strict CSP holds.
import type { TimelineArticle, TimelineItem, TimelineResult } from '../../server/src/protocol';
import type { FromWebview, TimelineScope, ToWebview } from './messages';
import { describeSpan, paddedSpan, ticks, xOf, type Span } from './layout';

declare function acquireVsCodeApi(): { postMessage(message: FromWebview): void; getState(): unknown; setState(state: unknown): void };

const vscode = acquireVsCodeApi();
const SVG = 'http://www.w3.org/2000/svg';
const LANE_HEIGHT = 30;
const AXIS_HEIGHT = 28;
const LABEL_WIDTH = 210;
const RIGHT_MARGIN = 36;
const MARK_RADIUS = 5;
/** Marks of one article closer than this (px) go to separate sub-rows of its lane. */
const MARK_GAP = 2;
const ROW_HEIGHT = 12;
const MIN_ZOOM = 1;
const MAX_ZOOM = 64;

interface State {
  zoom: number;
}

const state: State = { zoom: 1, ...((vscode.getState() as State | undefined) ?? {}) };
let current: Extract<ToWebview, { type: 'data' }> | undefined;
/** Where (0..1 of the axis) the view is centred after a zoom; the median date of the last drawing. */
let anchor: number | undefined;
let medianFraction: number | undefined;
/** The last drawing's label column and plot widths (px). */
let drawn = { labelWidth: 0, width: 0 };

const chart = document.getElementById('chart')!;
const tooltip = document.getElementById('tooltip')!;
const summary = document.getElementById('summary')!;
const empty = document.getElementById('empty')!;
const notes = document.getElementById('notes')!;

// A violation would mean the page does something the policy forbids: report it (the tests read it back).
document.addEventListener('securitypolicyviolation', (event) => {
  document.body.dataset.cspViolations = String(Number(document.body.dataset.cspViolations ?? '0') + 1);
  vscode.postMessage({ type: 'csp', detail: `${event.violatedDirective}: ${event.blockedURI}` });
});

function svg<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number>, parent?: Element): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  parent?.appendChild(element);
  return element;
}

function html<K extends keyof HTMLElementTagNameMap>(name: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(name);
  if (text !== undefined) element.textContent = text;
  if (className) element.className = className;
  return element;
}

function setScopeButtons(scope: TimelineScope): void {
  for (const id of ['workspace', 'article'] as const) {
    const button = document.getElementById(`scope-${id}`)!;
    button.setAttribute('aria-checked', String(id === scope));
    button.classList.toggle('selected', id === scope);
  }
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function render(): void {
  hideTooltip();
  chart.replaceChildren();
  notes.replaceChildren();
  if (!current) return;
  const { result, scope } = current;
  setScopeButtons(scope);
  const undated = result.articles.filter((a) => a.unresolved > 0);
  const where = scope === 'article' ? (current.articleName ?? 'no article open') : plural(result.articles.length, 'article');
  summary.textContent = `${plural(result.total, 'date')} · ${where}${result.total > result.items.length ? ` · showing the first ${result.items.length}` : ''}`;
  if (result.items.length === 0) {
    empty.hidden = false;
    empty.textContent = scope === 'article' && !current.articleName ? 'Open an article to see its dates.' : 'No resolved dates here.';
  } else {
    empty.hidden = true;
    draw(result);
  }
  if (undated.length > 0) {
    notes.appendChild(html('h2', 'Dates left unresolved'));
    const list = html('ul');
    for (const article of undated) {
      list.appendChild(html('li', `${article.path}: ${plural(article.unresolved, 'relative date')} without an article date (Corroborate: Set Article Date gives it one)`));
    }
    notes.appendChild(list);
  }
}

function lanesOf(result: TimelineResult): TimelineArticle[] {
  const withItems = new Set(result.items.map((item) => item.uri));
  return result.articles.filter((article) => withItems.has(article.uri));
}

function draw(result: TimelineResult): void {
  const lanes = lanesOf(result);
  const laneOf = new Map(lanes.map((article, i) => [article.uri, i]));
  let first = Infinity;
  let last = -Infinity;
  for (const item of result.items) {
    first = Math.min(first, item.firstDay);
    last = Math.max(last, item.lastDay);
  }
  for (const article of lanes) {
    if (article.day === undefined) continue;
    first = Math.min(first, article.day);
    last = Math.max(last, article.day);
  }
  const span: Span = paddedSpan(first, last);
  const labelWidth = Math.min(LABEL_WIDTH, Math.max(110, Math.floor(chart.clientWidth * 0.3)));
  // the whole chart fits the page at zoom 1 (the right margin keeps the last tick label in view)
  const available = Math.max(240, chart.clientWidth - labelWidth - RIGHT_MARGIN);
  const width = Math.round(available * state.zoom);

  // where each date goes: its x extent, and a sub-row of its lane so that no mark hides another
  const placed = result.items
    .filter((item) => laneOf.has(item.uri))
    .map((item) => {
      const x1 = xOf(item.firstDay, span, width);
      const x2 = xOf(item.lastDay + 1, span, width);
      const isSpan = x2 - x1 > MARK_RADIUS * 2;
      const mid = (x1 + x2) / 2;
      return { item, lane: laneOf.get(item.uri)!, isSpan, x1, x2, left: isSpan ? x1 : mid - MARK_RADIUS, right: isSpan ? x2 : mid + MARK_RADIUS, row: 0 };
    })
    .sort((a, b) => a.lane - b.lane || a.left - b.left);
  const rowEnds = lanes.map(() => [] as number[]);
  for (const mark of placed) {
    const ends = rowEnds[mark.lane]!;
    let row = ends.findIndex((end) => end + MARK_GAP <= mark.left);
    if (row < 0) row = ends.push(-Infinity) - 1;
    ends[row] = mark.right;
    mark.row = row;
  }
  const laneHeights = rowEnds.map((ends) => Math.max(LANE_HEIGHT, ends.length * ROW_HEIGHT + 10));
  const laneTops: number[] = [];
  let y = AXIS_HEIGHT;
  for (const height of laneHeights) {
    laneTops.push(y);
    y += height;
  }
  const height = y + 8;
  /** The centre line of a sub-row of a lane. */
  const rowY = (lane: number, row: number) => {
    const rows = rowEnds[lane]!.length || 1;
    return laneTops[lane]! + laneHeights[lane]! / 2 + (row - (rows - 1) / 2) * ROW_HEIGHT;
  };

  // the article names stay in view while the plot scrolls sideways
  const labels = svg('svg', { width: labelWidth, height, class: 'timeline labels', 'aria-hidden': 'true' }, chart);
  const scroller = html('div', undefined, 'plot-scroll');
  chart.appendChild(scroller);
  const root = svg('svg', { width: width + RIGHT_MARGIN, height, role: 'group', 'aria-label': 'Dates on a time axis, one row per article' }, scroller);
  root.classList.add('timeline');

  // lanes: a label and a band per article
  lanes.forEach((article, i) => {
    svg('rect', { x: 0, y: laneTops[i]!, width: labelWidth, height: laneHeights[i]!, class: i % 2 ? 'lane odd' : 'lane' }, labels);
    svg('rect', { x: 0, y: laneTops[i]!, width: width + RIGHT_MARGIN, height: laneHeights[i]!, class: i % 2 ? 'lane odd' : 'lane' }, root);
    const label = svg('text', { x: 8, y: laneTops[i]! + laneHeights[i]! / 2 + 4, class: 'lane-label' }, labels);
    label.textContent = article.path;
    // keep the end of a long path (the file name), cut to the column as the font draws it
    for (let keep = article.path.length - 1; keep > 4 && label.getComputedTextLength() > labelWidth - 14; keep--) {
      label.textContent = `…${article.path.slice(-keep)}`;
    }
    svg('title', {}, label).textContent = `${article.path}${article.date ? ` · dated ${article.date}` : ' · no article date'}`;
  });

  const plot = svg('g', {}, root);
  // the axis
  for (const tick of ticks(span, width)) {
    const x = xOf(tick.day, span, width);
    svg('line', { x1: x, x2: x, y1: AXIS_HEIGHT - 6, y2: height, class: 'tick' }, plot);
    const text = svg('text', { x: x + 3, y: AXIS_HEIGHT - 10, class: 'tick-label' }, plot);
    text.textContent = tick.label;
  }
  svg('line', { x1: 0, x2: width, y1: AXIS_HEIGHT - 6, y2: AXIS_HEIGHT - 6, class: 'axis' }, plot);

  // each article's own date: a diamond across its lane
  lanes.forEach((article, i) => {
    if (article.day === undefined) return;
    const x = xOf(article.day + 0.5, span, width);
    const top = laneTops[i]! + 3;
    const bottom = laneTops[i]! + laneHeights[i]! - 3;
    const marker = svg('g', { class: 'article-date' }, plot);
    svg('line', { x1: x, x2: x, y1: top, y2: bottom, class: 'article-date-line' }, marker);
    svg('path', { d: `M ${x} ${top} L ${x + 5} ${top + 5} L ${x} ${top + 10} L ${x - 5} ${top + 5} Z` }, marker);
    svg('title', {}, marker).textContent = `${article.path} is dated ${article.date} (from its ${article.dateSource})`;
  });

  // the dates
  const marks = svg('g', { class: 'marks' }, plot);
  for (const { item, lane, isSpan, x1, x2, row } of placed) {
    const cy = rowY(lane, row);
    const classes = ['mark', item.relative ? 'relative' : 'absolute', item.approximate ? 'approximate' : ''].filter(Boolean).join(' ');
    const mark = isSpan
      ? svg('rect', { x: x1, y: cy - 4, width: x2 - x1, height: 8, rx: 3, class: `${classes} span` }, marks)
      : svg('circle', { cx: (x1 + x2) / 2, cy, r: MARK_RADIUS, class: classes }, marks);
    const article = lanes[lane]!;
    mark.setAttribute('tabindex', '0');
    mark.setAttribute('role', 'button');
    mark.setAttribute('aria-label', `${item.text}: ${item.iso}, in ${article.path}, line ${item.range.start.line + 1}${item.sentence ? `. ${item.sentence}` : ''}`);
    mark.dataset.uri = item.uri;
    mark.dataset.iso = item.iso;
    const show = () => showTooltip(mark, item, article);
    mark.addEventListener('mouseenter', show);
    mark.addEventListener('focus', show);
    mark.addEventListener('mouseleave', hideTooltip);
    mark.addEventListener('blur', hideTooltip);
    mark.addEventListener('click', () => open(item));
    mark.addEventListener('keydown', (event: Event) => {
      const key = (event as KeyboardEvent).key;
      if (key === 'Enter' || key === ' ') {
        event.preventDefault();
        open(item);
      }
    });
  }
  // zoomed in: keep the anchor (the median date when zooming from the whole span) in the middle of the view
  if (state.zoom > 1 && anchor !== undefined) {
    scroller.scrollLeft = anchor * width - scroller.clientWidth / 2;
  }
  drawn = { labelWidth, width };
  if (placed.length > 0) medianFraction = (placed.map((p) => (p.x1 + p.x2) / 2).sort((a, b) => a - b)[placed.length >> 1]!) / width;
}

function open(item: TimelineItem): void {
  vscode.postMessage({ type: 'open', uri: item.uri, range: item.range });
}

function showTooltip(mark: SVGElement, item: TimelineItem, article: TimelineArticle): void {
  tooltip.replaceChildren();
  const head = html('div', undefined, 'tooltip-head');
  head.appendChild(html('strong', `“${item.text}”`));
  head.appendChild(html('span', ` ${describeSpan(item.firstDay, item.lastDay, item.precision)}${item.approximate ? ' (approximate)' : ''}`));
  tooltip.appendChild(head);
  tooltip.appendChild(html('div', `${article.path} · line ${item.range.start.line + 1}${article.date ? ` · article dated ${article.date}` : ''}`, 'tooltip-where'));
  if (item.sentence) tooltip.appendChild(html('blockquote', item.sentence, 'tooltip-sentence'));
  tooltip.appendChild(html('div', item.explanation, 'tooltip-how'));
  tooltip.appendChild(html('div', 'Click to open', 'tooltip-hint'));
  tooltip.hidden = false;
  const box = mark.getBoundingClientRect();
  const tip = tooltip.getBoundingClientRect();
  const left = Math.min(window.innerWidth - tip.width - 8, Math.max(8, box.left + box.width / 2 - tip.width / 2));
  const below = box.bottom + 8 + tip.height < window.innerHeight;
  // CSSOM properties (not a style attribute): allowed by the page's policy
  tooltip.style.left = `${left + window.scrollX}px`;
  tooltip.style.top = `${(below ? box.bottom + 8 : box.top - tip.height - 8) + window.scrollY}px`;
}

function hideTooltip(): void {
  tooltip.hidden = true;
}

function setZoom(zoom: number): void {
  const previous = state.zoom;
  state.zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
  vscode.setState(state);
  // zooming from the whole span centres the dates (the median one); zooming further keeps the view's centre
  const scroller = chart.querySelector<HTMLElement>('.plot-scroll');
  anchor = previous <= 1 || drawn.width === 0 || !scroller ? medianFraction : (scroller.scrollLeft + scroller.clientWidth / 2) / drawn.width;
  render();
  anchor = undefined;
}

document.getElementById('zoom-in')!.addEventListener('click', () => setZoom(state.zoom * 2));
document.getElementById('zoom-out')!.addEventListener('click', () => setZoom(state.zoom / 2));
document.getElementById('zoom-fit')!.addEventListener('click', () => setZoom(1));
for (const scope of ['workspace', 'article'] as const) {
  document.getElementById(`scope-${scope}`)!.addEventListener('click', () => {
    setScopeButtons(scope);
    state.zoom = 1;
    vscode.setState(state);
    summary.textContent = 'Loading…';
    vscode.postMessage({ type: 'scope', scope });
  });
}
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') hideTooltip();
});
let resizeTimer: number | undefined;
window.addEventListener('resize', () => {
  window.clearTimeout(resizeTimer);
  resizeTimer = window.setTimeout(render, 100);
});

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (message.type === 'data') {
    current = message;
    document.body.dataset.state = 'ready';
    render();
  } else if (message.type === 'error') {
    summary.textContent = `Could not load the dates: ${message.message}`;
    document.body.dataset.state = 'error';
  }
});

vscode.postMessage({ type: 'ready' });
