// The smoke journey in Firefox ESR (Debian's firefox-esr), driven by
// puppeteer-core over WebDriver BiDi: never a downloaded browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { serve } from '../e2e/support/server.mjs';
import { journey } from './journey.mjs';

const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
let server;
const dirs = [];
before(async () => {
  server = await serve();
});
after(async () => {
  await server?.close();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

/** A Firefox with a profile of its own, wrapped as the journey's driver. */
async function firefox(problems) {
  const userDataDir = await mkdtemp(join(tmpdir(), 'coplanifier-firefox-'));
  dirs.push(userDataDir);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir,
    // A French-speaking teacher's browser.
    extraPrefsFirefox: { 'intl.accept_languages': 'fr-CA, fr' },
  });
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  page.on('pageerror', (e) => problems.push(`exception: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  return {
    goto: (url) => page.goto(url),
    run: (fn, ...args) => page.evaluate(fn, ...args),
    yieldTurn: () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r()))),
    async click(find, name) {
      const el = (await page.evaluateHandle(find, name)).asElement();
      assert.ok(el, `nothing to click named ${name}`);
      await el.click();
    },
    type: async (css, text) => {
      await page.focus(css);
      await page.keyboard.type(text);
    },
    async setFile(css, path) {
      const input = await page.$(css);
      await input.uploadFile(path);
    },
    resize: (width, height) => page.setViewport({ width, height }),
    reload: () => page.reload(),
    newProfile: () => firefox(problems),
    close: () => browser.close(),
  };
}

test('firefox: open, example, type, reload, link, second profile, file, guided path, language', async () => {
  const problems = [];
  const driver = await firefox(problems);
  try {
    await journey(driver, server.url, 'Firefox');
  } finally {
    await driver.close();
  }
  assert.deepEqual(problems, []);
});
