// The timeline webview: its page's content security policy (nothing remote, no inline script or style, a fresh nonce on
// the one script and the one style sheet), a static guard on its script (DOM calls and textContent only), and the time
// axis arithmetic (ticks that fit, positions, values in words).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { contentSecurityPolicy, makeNonce, timelinePage } from '../../client/src/timeline/html';
import { describeSpan, paddedSpan, ticks, xOf } from '../../client/webview/layout';
import { ROOT } from '../helpers/seeds';

const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';
const DAY = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000;

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

describe('timeline page: content security policy', function () {
  const page = timelinePage({ cspSource: CSP_SOURCE, scriptUri: `${CSP_SOURCE}/dist/timeline-webview.js`, styleUri: `${CSP_SOURCE}/dist/timeline-webview.css`, nonce: 'abc123XYZ' });

  it('allows only the extension’s own script and styles, each with the nonce', function () {
    const policy = directives(contentSecurityPolicy(CSP_SOURCE, 'abc123XYZ'));
    assert.deepEqual(policy.get('default-src'), ["'none'"]);
    assert.deepEqual(policy.get('script-src'), ["'nonce-abc123XYZ'"]);
    assert.deepEqual(policy.get('style-src'), [CSP_SOURCE, "'nonce-abc123XYZ'"]);
    assert.deepEqual(policy.get('img-src'), [CSP_SOURCE, 'data:']);
    for (const values of policy.values()) {
      for (const value of values) assert.ok(!/unsafe-|^\*$|^https?:$|^http:/.test(value), `a loose source: ${value}`);
    }
  });

  it('puts the policy in the page, and the nonce on its one script and one style sheet', function () {
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page);
    assert.ok(meta, 'no CSP meta tag');
    assert.equal(meta[1], contentSecurityPolicy(CSP_SOURCE, 'abc123XYZ'));
    const scripts = [...page.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.deepEqual(scripts, [`<script nonce="abc123XYZ" src="${CSP_SOURCE}/dist/timeline-webview.js">`]);
    const links = [...page.matchAll(/<link\b[^>]*>/g)].map((m) => m[0]);
    assert.deepEqual(links, [`<link rel="stylesheet" nonce="abc123XYZ" href="${CSP_SOURCE}/dist/timeline-webview.css">`]);
  });

  it('has no inline script, style element, style attribute or event handler', function () {
    assert.doesNotMatch(page, /<style\b/);
    assert.doesNotMatch(page, /\sstyle=/);
    assert.doesNotMatch(page, /\son[a-z]+=/i);
    assert.doesNotMatch(page, /<script(?![^>]*\ssrc=)[^>]*>/, 'an inline script');
    assert.doesNotMatch(page, /https?:\/\/(?!file\+\.vscode-resource)/, 'a remote resource');
  });

  it('makes a fresh nonce each time', function () {
    const nonces = new Set(Array.from({ length: 20 }, () => makeNonce()));
    assert.equal(nonces.size, 20);
    for (const nonce of nonces) assert.match(nonce, /^[A-Za-z0-9]{16,}$/);
  });

  it('builds its script from DOM calls and textContent only', function () {
    const script = readFileSync(path.join(ROOT, 'client', 'webview', 'timeline.ts'), 'utf8');
    for (const risky of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'eval(', 'new Function', "setAttribute('style'", 'cssText']) {
      assert.ok(!script.includes(risky), `the webview script uses ${risky}`);
    }
    const css = readFileSync(path.join(ROOT, 'client', 'webview', 'timeline.css'), 'utf8');
    assert.doesNotMatch(css, /@import|url\(\s*['"]?https?:/, 'the style sheet loads a remote resource');
    assert.match(css, /body\.vscode-high-contrast/, 'no high-contrast styles');
  });
});

describe('timeline page: the time axis', function () {
  it('pads the span by a few percent, at least a week each side', function () {
    assert.deepEqual(paddedSpan(100, 100), { first: 93, last: 108 });
    const wide = paddedSpan(DAY(1986, 1, 1), DAY(2024, 12, 31));
    assert.ok(wide.first < DAY(1986, 1, 1) - 300 && wide.last > DAY(2024, 12, 31) + 300);
  });

  it('maps days to x linearly', function () {
    const span = { first: 0, last: 100 };
    assert.equal(xOf(0, span, 500), 0);
    assert.equal(xOf(50, span, 500), 250);
    assert.equal(xOf(100, span, 500), 500);
  });

  it('labels decades, years, months or days, as many as fit', function () {
    const decades = ticks(paddedSpan(DAY(1986, 1, 1), DAY(2024, 12, 31)), 300);
    assert.ok(decades.length >= 2 && decades.length <= 5, JSON.stringify(decades));
    assert.ok(decades.every((t) => /^\d{4}$/.test(t.label) && Number(t.label) % 10 === 0), JSON.stringify(decades));
    const years = ticks({ first: DAY(2015, 1, 1), last: DAY(2024, 12, 31) }, 1200);
    assert.deepEqual(years.map((t) => t.label), ['2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024']);
    const months = ticks({ first: DAY(2024, 1, 1), last: DAY(2024, 12, 31) }, 1200);
    assert.deepEqual(months.slice(0, 3).map((t) => t.label), ['2024', 'Feb 2024', 'Mar 2024']);
    const days = ticks({ first: DAY(2024, 12, 9), last: DAY(2024, 12, 18) }, 1000);
    assert.equal(days[0]!.label, '9 Dec 2024');
    assert.equal(days[1]!.label, '10 Dec');
    for (const list of [decades, years, months, days]) {
      const xs = list.map((t) => t.day);
      assert.deepEqual(xs, [...xs].sort((a, b) => a - b));
    }
    // never closer than the spacing asked for
    for (const [list, span, width] of [[years, { first: DAY(2015, 1, 1), last: DAY(2024, 12, 31) }, 1200], [days, { first: DAY(2024, 12, 9), last: DAY(2024, 12, 18) }, 1000]] as const) {
      for (let i = 1; i < list.length; i++) assert.ok(xOf(list[i]!.day, span, width) - xOf(list[i - 1]!.day, span, width) >= 80 - 1e-9);
    }
  });

  it('puts a value in words for the tooltip', function () {
    assert.equal(describeSpan(DAY(2024, 12, 16), DAY(2024, 12, 16), 'day'), 'Monday 16 December 2024');
    assert.equal(describeSpan(DAY(2011, 3, 1), DAY(2011, 3, 31), 'month'), 'March 2011');
    assert.equal(describeSpan(DAY(2014, 1, 1), DAY(2014, 12, 31), 'year'), '2014');
    assert.equal(describeSpan(DAY(1990, 1, 1), DAY(1999, 12, 31), 'decade'), '1990–1999');
    assert.equal(describeSpan(DAY(2024, 12, 9), DAY(2024, 12, 15), 'week'), '9 December 2024 – 15 December 2024');
  });
});
