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
const MARK_RADIUS = 5;
const MIN_ZOOM = 1;
const MAX_ZOOM = 64;

interface State {
  zoom: number;
}

const state: State = { zoom: 1, ...((vscode.getState() as State | undefined) ?? {}) };
let current: Extract<ToWebview, { type: 'data' }> | undefined;

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
  const available = Math.max(320, chart.clientWidth - LABEL_WIDTH - 24);
  const width = Math.round(available * state.zoom);
  const height = AXIS_HEIGHT + lanes.length * LANE_HEIGHT + 8;
  const root = svg('svg', { width: LABEL_WIDTH + width + 16, height, role: 'group', 'aria-label': 'Dates on a time axis, one row per article' }, chart);
  root.classList.add('timeline');

  // lanes: a label and a guide line per article
  lanes.forEach((article, i) => {
    const y = AXIS_HEIGHT + i * LANE_HEIGHT;
    svg('rect', { x: 0, y, width: LABEL_WIDTH + width + 16, height: LANE_HEIGHT, class: i % 2 ? 'lane odd' : 'lane' }, root);
    const label = svg('text', { x: 8, y: y + LANE_HEIGHT / 2 + 4, class: 'lane-label' }, root);
    label.textContent = article.path.length > 30 ? `…${article.path.slice(-29)}` : article.path;
    svg('title', {}, label).textContent = `${article.path}${article.date ? ` · dated ${article.date}` : ' · no article date'}`;
  });

  const plot = svg('g', { transform: `translate(${LABEL_WIDTH},0)` }, root);
  // the axis
  for (const tick of ticks(span, width)) {
    const x = xOf(tick.day, span, width);
    svg('line', { x1: x, x2: x, y1: AXIS_HEIGHT - 6, y2: height, class: 'tick' }, plot);
    const text = svg('text', { x: x + 3, y: AXIS_HEIGHT - 10, class: 'tick-label' }, plot);
    text.textContent = tick.label;
  }
  svg('line', { x1: 0, x2: width, y1: AXIS_HEIGHT - 6, y2: AXIS_HEIGHT - 6, class: 'axis' }, plot);

  // each article's own date
  lanes.forEach((article, i) => {
    if (article.day === undefined) return;
    const x = xOf(article.day + 0.5, span, width);
    const y = AXIS_HEIGHT + i * LANE_HEIGHT + LANE_HEIGHT / 2;
    const marker = svg('path', { d: `M ${x} ${y - 8} L ${x + 6} ${y} L ${x} ${y + 8} L ${x - 6} ${y} Z`, class: 'article-date' }, plot);
    svg('title', {}, marker).textContent = `${article.path} is dated ${article.date} (${article.dateSource})`;
  });

  // the dates
  const marks = svg('g', { class: 'marks' }, plot);
  for (const item of result.items) {
    const lane = laneOf.get(item.uri);
    if (lane === undefined) continue;
    const y = AXIS_HEIGHT + lane * LANE_HEIGHT + LANE_HEIGHT / 2;
    const x1 = xOf(item.firstDay, span, width);
    const x2 = xOf(item.lastDay + 1, span, width);
    const classes = ['mark', item.relative ? 'relative' : 'absolute', item.approximate ? 'approximate' : ''].filter(Boolean).join(' ');
    const mark =
      x2 - x1 > MARK_RADIUS * 2
        ? svg('rect', { x: x1, y: y - 5, width: x2 - x1, height: 10, rx: 4, class: `${classes} span` }, marks)
        : svg('circle', { cx: (x1 + x2) / 2, cy: y, r: MARK_RADIUS, class: classes }, marks);
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
  state.zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
  vscode.setState(state);
  render();
}

document.getElementById('zoom-in')!.addEventListener('click', () => setZoom(state.zoom * 2));
document.getElementById('zoom-out')!.addEventListener('click', () => setZoom(state.zoom / 2));
document.getElementById('zoom-fit')!.addEventListener('click', () => setZoom(1));
for (const scope of ['workspace', 'article'] as const) {
  document.getElementById(`scope-${scope}`)!.addEventListener('click', () => {
    setScopeButtons(scope);
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
