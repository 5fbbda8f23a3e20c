// Share links in Chromium, as the app itself measures them (User Timing
// measures "coplanifier-link-encode" and "coplanifier-link-decode"): each
// corpus charter is opened, its charter view shows the link (encoding it),
// and the link is opened in another page (decoding it). Prints the median
// of a few runs at CPU 1x and 4x (CDP throttling). A bench, not a test:
// nothing is asserted on the times.
//   node bench/links.mjs [--runs 5] [--charters 03-half-fr,...]
import { resolve } from 'node:path';
import { launch, openPage } from '../tests/e2e/support/browser.mjs';
import { serve } from '../tests/e2e/support/server.mjs';

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const RUNS = Number(arg('runs', 5));
const CHARTERS = arg('charters', '01-starting-fr,03-half-fr,04-half-en,07-large-fr,08-half-fr-held-out,11-full-fr-held-out').split(',');
const CORPUS = resolve(import.meta.dirname, 'corpus');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function recordLinks() {
  window.__links = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name.startsWith('coplanifier-link-')) window.__links.push([e.name, e.duration]);
  }).observe({ entryTypes: ['measure'] });
}

const measured = async (page, name) => {
  await page.waitForFunction((n) => window.__links.some(([k]) => k === n), name);
  return page.evaluate((n) => window.__links.filter(([k]) => k === n).map(([, d]) => d).at(-1), name);
};

const server = await serve();
const context = await launch();
await context.addInitScript(recordLinks);
console.log('| charter | CPU | link chars | encode ms (median) | decode ms (median) |');
console.log('|---|---:|---:|---:|---:|');
for (const name of CHARTERS) {
  for (const rate of [1, 4]) {
    const encode = [];
    const decode = [];
    let chars = 0;
    for (let run = 0; run < RUNS; run++) {
      const { page } = await openPage(context, server.url);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      await page.locator('#open-file').setInputFiles(resolve(CORPUS, `${name}.coplanifier.json`));
      await page.getByTestId('incoming').getByRole('button').first().click();
      await page.getByRole('link', { name: 'Charte' }).click();
      encode.push(await measured(page, 'coplanifier-link-encode'));
      const link = await page.locator('#share-link').inputValue();
      chars = link.length - link.indexOf('#') - 1;
      await page.evaluate(() => localStorage.clear());
      await page.goto('about:blank');
      await page.goto(link);
      await page.getByTestId('incoming').waitFor();
      decode.push(await measured(page, 'coplanifier-link-decode'));
      await page.close();
    }
    console.log(`| ${name} | ${rate}x | ${chars} | ${median(encode).toFixed(1)} | ${median(decode).toFixed(1)} |`);
  }
}
await context.close();
await server.close();
