// Typing on a large charter, in Debian's Chromium (a bench, not a test: it
// asserts nothing and prints ratios against baselines built in the same run).
//
//   node bench/typing.mjs [--keys N] [--charters a,b,c] [--dist DIR]
//   (after a release build; --dist measures another build, e.g. an older one)
//
// For each charter of bench/corpus (20, 160, 200 and 400 notes by default):
// - latency: N keys typed at 60 ms intervals into a note in the middle of the
//   canvas; each key from its keydown to the end of the task that handles it,
//   style and layout included, at CPU 1x and 4x (CDP throttling), against a
//   plain page with as many text fields and no app, built in the same run;
// - the save of each keystroke, as the app itself measures it (a User Timing
//   measure, "coplanifier-save"), at both CPU speeds.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { launch, openPage } from '../tests/e2e/support/browser.mjs';
import { serve } from '../tests/e2e/support/server.mjs';

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const KEYS = Number(arg('keys', 60));
const CHARTERS = arg('charters', '03-half-fr,07-large-fr,09-notes-200-fr,10-notes-400-fr').split(',');
const CORPUS = resolve(import.meta.dirname, 'corpus');

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const fmt = (x) => x.toFixed(1);

/**
 * Records, in the page, each key's work: from its keydown to the end of the
 * task that handles it (the input handlers and every effect they set off),
 * with the style and layout it calls for. Painting and waiting for the next
 * frame are left out: they are the same for any page and only add noise.
 */
function recordLatency() {
  window.__latency = [];
  document.addEventListener(
    'keydown',
    (e) => {
      const start = e.timeStamp;
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        void document.documentElement.getBoundingClientRect().height;
        void document.body.offsetHeight;
        window.__latency.push(performance.now() - start);
      };
      ch.port2.postMessage(0);
    },
    true,
  );
}

/** Types KEYS characters at 60 ms intervals into `field` and returns each key's latency. */
async function typeInto(page, field) {
  await field.click();
  await page.keyboard.press('End');
  await page.evaluate(recordLatency);
  const text = 'abcdefghijklmnopqrstuvwxyz0123456789'.repeat(4).slice(0, KEYS);
  await page.keyboard.type(text, { delay: 60 });
  await page.waitForFunction((n) => window.__latency.length >= n, KEYS);
  return page.evaluate(() => window.__latency);
}

/** Collects, in the page, the app's own measure of each save (platform::timed). */
function recordSaves() {
  window.__saves = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'coplanifier-save') window.__saves.push(e.duration);
  }).observe({ entryTypes: ['measure'] });
}

/** Opens a corpus charter on the canvas, as a person opens a received file. */
async function openCharter(page, url, name) {
  await page.goto(url);
  await page.locator('#open-file').setInputFiles(resolve(CORPUS, `${name}.coplanifier.json`));
  await page.getByTestId('incoming').waitFor();
  await page.getByTestId('incoming').getByRole('button').first().click();
  await page.locator('.canvas-zone').first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.note-text').length > 0);
}

async function throttle(page, rate) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return cdp;
}

const server = await serve(arg('dist', null) ? { root: resolve(arg('dist')) } : {});
const rows = [];
for (const name of CHARTERS) {
  const notes = JSON.parse(await readFile(resolve(CORPUS, `${name}.coplanifier.json`), 'utf8'));
  const count = Object.values(notes.charter)
    .filter((v) => v && typeof v === 'object' && !Array.isArray(v))
    .flatMap((q) => Object.entries(q))
    .filter(([, v]) => Array.isArray(v) && v.some((n) => n && typeof n === 'object' && 'text' in n))
    .reduce((n, [, v]) => n + v.length, 0);
  const row = { name, notes: count };
  for (const rate of [1, 4]) {
    const context = await launch({ viewport: { width: 1366, height: 768 } });
    const { page } = await openPage(context);
    await openCharter(page, server.url, name);
    const fields = await page.locator('textarea, input[type="text"]').count();
    await throttle(page, rate);
    await page.evaluate(recordSaves);
    const app = await typeInto(page, page.locator('.note-text').nth(Math.floor(count / 2)));
    row[`save${rate}`] = await page.evaluate(() => window.__saves);
    // The plain page, in the same browser: the same number of fields.
    const plain = await context.newPage();
    await plain.setContent(
      `<!DOCTYPE html><html><body>${'<textarea rows="2"></textarea>'.repeat(fields)}</body></html>`,
    );
    await throttle(plain, rate);
    const base = await typeInto(plain, plain.locator('textarea').nth(Math.floor(fields / 2)));
    row[`app${rate}`] = app;
    row[`plain${rate}`] = base;
    row.fields = fields;
    await context.close();
  }
  rows.push(row);
  console.error(`typing: ${name} done`);
}
await server.close();

console.log(`Typing ${KEYS} keys at 60 ms intervals into a note in the middle of the canvas (1366x768): each key from its keydown to the end of its handling, style and layout included, in ms; "plain" is a page with as many text fields and no app, in the same browser and run.\n`);
console.log('| charter | notes | fields | CPU 1x app median / p95 | plain p95 | ratio p95 | CPU 4x app median / p95 | plain p95 | ratio p95 |');
console.log('|---|---:|---:|---|---:|---:|---|---:|---:|');
for (const r of rows) {
  const cells = [1, 4].map((rate) => {
    const a = r[`app${rate}`];
    const p = r[`plain${rate}`];
    return `${fmt(quantile(a, 0.5))} / ${fmt(quantile(a, 0.95))} | ${fmt(quantile(p, 0.95))} | ${(quantile(a, 0.95) / quantile(p, 0.95)).toFixed(2)}`;
  });
  console.log(`| ${r.name} | ${r.notes} | ${r.fields} | ${cells[0]} | ${cells[1]} |`);
}
const first = rows[0];
const last = rows[rows.length - 1];
console.log(
  `\n${last.name} p95 / ${first.name} p95: CPU 1x ${(quantile(last.app1, 0.95) / quantile(first.app1, 0.95)).toFixed(2)}, CPU 4x ${(quantile(last.app4, 0.95) / quantile(first.app4, 0.95)).toFixed(2)}`,
);
console.log(`\nThe save of each keystroke (encode the draft, check and write it), as the app measures it (User Timing "coplanifier-save"), in ms.\n`);
console.log('| charter | notes | CPU 1x median / p95 | CPU 4x median / p95 |');
console.log('|---|---:|---|---|');
for (const r of rows) {
  const cell = (xs) => (xs.length ? `${fmt(quantile(xs, 0.5))} / ${fmt(quantile(xs, 0.95))}` : 'none measured');
  console.log(`| ${r.name} | ${r.notes} | ${cell(r.save1)} | ${cell(r.save4)} |`);
}
