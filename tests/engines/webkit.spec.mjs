// The smoke journey in WebKitGTK (Debian's webkit2gtk-driver and its
// MiniBrowser), driven by selenium-webdriver. The browser needs a display:
// the test command runs this file under xvfb-run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Builder } from 'selenium-webdriver';
import { serve } from '../e2e/support/server.mjs';
import { journey } from './journey.mjs';

const MINIBROWSER = process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
let server;
let locales;

/**
 * A French-Canadian locale for the browser, compiled into a folder of its
 * own (glibc reads LOCPATH): WebKitGTK takes its language from the C
 * library's locale, and Debian images ship only C.
 */
function frenchLocale(dir) {
  spawnSync('localedef', ['-i', 'fr_CA', '-f', 'UTF-8', join(dir, 'fr_CA.UTF-8')], { stdio: 'ignore' });
  assert.ok(existsSync(join(dir, 'fr_CA.UTF-8')), 'localedef could not build fr_CA.UTF-8 (Debian package locales)');
  return { LOCPATH: dir, LANGUAGE: 'fr_CA:fr', LANG: 'fr_CA.UTF-8' };
}

/** A free loopback port for WebKitWebDriver. */
function freePort() {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });
}

/**
 * Waits until WebKitWebDriver answers its status endpoint, or fails with
 * what stopped it. A cold machine can take many seconds to load WebKit's
 * libraries, so the wait is bounded by time (a minute), not by a count.
 */
async function ready(url, child) {
  let gone = null;
  child.once('exit', (code, signal) => (gone = `exited (${signal ?? code})`));
  child.once('error', (err) => (gone = err.message));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`WebKitWebDriver ${gone}: ${stderrOf(child)}`);
    try {
      const res = await fetch(`${url}/status`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`WebKitWebDriver did not answer within a minute: ${stderrOf(child)}`);
}

/** The last lines the driver wrote to stderr, for the failure message. */
function stderrOf(child) {
  return (child.stderrText ?? '').trim().split('\n').slice(-5).join(' | ') || '(nothing on stderr)';
}

let env;
const drivers = [];
before(async () => {
  server = await serve();
  locales = await mkdtemp(join(tmpdir(), 'coplanifier-locales-'));
  env = { ...process.env, ...frenchLocale(locales) };
});
after(async () => {
  for (const w of drivers) w.kill();
  await server?.close();
  if (locales) await rm(locales, { recursive: true, force: true });
});

/** A WebKitWebDriver of its own (each serves one session at a time). */
async function webdriverServer() {
  const port = await freePort();
  const process = spawn('WebKitWebDriver', [`--port=${port}`], { stdio: ['ignore', 'ignore', 'pipe'], env });
  process.stderrText = '';
  process.stderr.on('data', (chunk) => {
    process.stderrText = (process.stderrText + chunk).slice(-4000);
  });
  drivers.push(process);
  const url = `http://127.0.0.1:${port}`;
  await ready(url, process);
  return { url, process };
}

/** A MiniBrowser session (its own, ephemeral, website data), as the journey's driver. */
async function webkit() {
  const wd = await webdriverServer();
  const caps = {
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
  };
  const d = await new Builder().usingServer(wd.url).withCapabilities(caps).build();
  const script = (fn, args) => d.executeScript(`return (${fn}).apply(null, arguments)`, ...args);
  return {
    goto: (url) => d.get(url),
    run: (fn, ...args) => script(fn, args),
    yieldTurn: () => d.executeAsyncScript('requestAnimationFrame(() => arguments[arguments.length - 1]())'),
    async click(find, name) {
      const el = await script(find, [name]);
      assert.ok(el, `nothing to click named ${name}`);
      await el.click();
    },
    async type(css, text) {
      const el = await d.findElement({ css });
      await el.sendKeys(text);
    },
    async setFile(css, path) {
      await (await d.findElement({ css })).sendKeys(path);
    },
    resize: (width, height) => d.manage().window().setRect({ width, height }),
    reload: () => d.navigate().refresh(),
    newProfile: () => webkit(),
    async close() {
      await d.quit();
      wd.process.kill();
    },
  };
}

test('webkit: open, example, type, reload, link, second profile, file, guided path, language', async () => {
  const driver = await webkit();
  try {
    await journey(driver, server.url, 'WebKit');
  } finally {
    await driver.close();
  }
});
