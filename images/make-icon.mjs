// Renders images/icon.png (128x128, transparent corners) from the SVG below with Debian's Chromium through
// playwright-core. Run `node images/make-icon.mjs` after changing the drawing, and commit the PNG.
// The drawing: an article page whose lines carry the highlights Corroborate adds (a date, a figure, a name),
// and a check mark for a fact that holds.
import { chromium } from 'playwright-core';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const size = 128;

const svg = `
<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 128 128">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#23406b"/>
      <stop offset="1" stop-color="#152a48"/>
    </linearGradient>
  </defs>
  <rect x="4" y="4" width="120" height="120" rx="24" fill="url(#bg)"/>
  <!-- the page, with a folded corner -->
  <path d="M30 20 H78 L98 40 V108 H30 Z" fill="#f7f4ec"/>
  <path d="M78 20 V40 H98 Z" fill="#d9d3c3"/>
  <!-- text lines; three carry highlights: a date (amber), a figure (teal), a name (rose) -->
  <rect x="38" y="32" width="32" height="6" rx="3" fill="#9aa3b0"/>
  <rect x="38" y="46" width="18" height="6" rx="3" fill="#e6a817"/>
  <rect x="60" y="46" width="30" height="6" rx="3" fill="#9aa3b0"/>
  <rect x="38" y="60" width="24" height="6" rx="3" fill="#9aa3b0"/>
  <rect x="66" y="60" width="14" height="6" rx="3" fill="#1fa39a"/>
  <rect x="38" y="74" width="12" height="6" rx="3" fill="#9aa3b0"/>
  <rect x="54" y="74" width="22" height="6" rx="3" fill="#d9566b"/>
  <rect x="38" y="88" width="22" height="6" rx="3" fill="#9aa3b0"/>
  <!-- the check -->
  <circle cx="94" cy="94" r="21" fill="#2e9d5b" stroke="#152a48" stroke-width="5"/>
  <path d="M84 94.5 L91 101.5 L104.5 87" fill="none" stroke="#ffffff" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  const out = path.join(here, 'icon.png');
  await page.locator('svg').screenshot({ path: out, omitBackground: true });
  process.stdout.write(`wrote ${out}\n`);
} finally {
  await browser.close();
}
