// Launches Debian's Chromium through playwright-core (never a downloaded
// browser) and watches every page for console errors and failed requests.
import { chromium } from 'playwright-core';
import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// Each profile is a few MB: they are removed when the spec's process ends
// (its browsers are closed by then), so that test runs do not fill the disk.
const profiles = [];
process.on('exit', () => {
  for (const dir of profiles) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // A browser still writing there: the system's temp cleanup will do.
    }
  }
});

/**
 * A browser context with its own profile: a fresh empty one, or `profile`
 * (the `profile` of an earlier context) to reopen the same browser after it
 * was closed or killed.
 */
export async function launch({ locale = 'fr-CA', viewport = { width: 1280, height: 900 }, profile } = {}) {
  const userDataDir = profile ?? (await mkdtemp(join(tmpdir(), 'coplanifier-e2e-')));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ARGS,
    locale,
    viewport,
  });
  if (!profiles.includes(userDataDir)) profiles.push(userDataDir);
  context.profile = userDataDir;
  return context;
}

/**
 * Opens a page that records what a person would call broken: console errors,
 * uncaught exceptions, and requests that failed or answered 4xx/5xx.
 */
export async function openPage(context, url) {
  const page = context.pages()[0] ?? (await context.newPage());
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`exception: ${err.message}`));
  page.on('requestfailed', (req) => {
    // A reload or a closed tab cancels what was still loading (the favicon,
    // say): the browser's doing, not a failure anyone would see.
    const error = req.failure()?.errorText;
    if (error !== 'net::ERR_ABORTED') problems.push(`failed: ${req.url()} ${error}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`http ${res.status()}: ${res.url()}`);
  });
  if (url) await page.goto(url);
  return { page, problems };
}
