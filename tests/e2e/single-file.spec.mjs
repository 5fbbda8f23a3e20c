// The one-file build (scripts/single-file.py): coplanifier.html alone in a
// folder, opened by double-click (file://), works with no server, no network
// and nothing next to it, and keeps drafts across a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST as BUILT } from './support/server.mjs';
import { launch, openPage } from './support/browser.mjs';
import { openPart } from './support/app.mjs';

// COPLANIFIER_DIST points the spec at another build (a copy of dist/).
const DIST = process.env.COPLANIFIER_DIST ? resolve(process.env.COPLANIFIER_DIST) : BUILT;
const SCRIPT = resolve(import.meta.dirname, '..', '..', 'scripts', 'single-file.py');

let dir;
let file;
let context;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'coplanifier-one-file-'));
  file = join(dir, 'coplanifier.html');
  const said = execFileSync('python3', [SCRIPT, '--dist', DIST, '--out', file], { encoding: 'utf8' });
  assert.match(said, /coplanifier\.html \d+ bytes/);
  context = await launch();
});
after(async () => {
  await context?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('one file: opens from file:// alone, shows the example canvas, keeps a draft across a reload, asks nothing of the network', async () => {
  const { page, problems } = await openPage(context);
  const requests = [];
  page.on('request', (req) => requests.push(req.url()));
  await page.goto(pathToFileURL(file).href);

  await page.getByRole('heading', { level: 1, name: 'Coplanifier' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');

  await page.getByRole('button', { name: "Ouvrir l'exemple" }).click();
  await page.locator('.board-column').nth(4).waitFor();
  assert.equal(await page.locator('.board-column').count(), 5);

  const mission = async () => (await openPart(page, 'mission')).locator('textarea');
  await (await mission()).fill('Écrit depuis une clé USB');
  await page.reload();
  assert.equal(await (await mission()).inputValue(), 'Écrit depuis une clé USB', 'the draft survives a reload under file://');
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('coplanifier.draft.')));
  assert.ok(kept.length >= 1, 'the draft is in localStorage');

  // Its links point to this file: said where they are offered.
  await page.getByRole('link', { name: 'Charte' }).click();
  await page.getByTestId('share-local-file').getByText('ne s\'ouvriront que sur cet ordinateur').waitFor();

  const elsewhere = requests.filter((url) => !/^(file|data|blob):/.test(url));
  assert.deepEqual(elsewhere, [], 'no request leaves the file');
  assert.ok(
    requests.every((url) => !url.startsWith('file:') || url.startsWith(pathToFileURL(file).href)),
    `only the page itself is read from disk: ${requests.filter((u) => u.startsWith('file:'))}`,
  );
  assert.deepEqual(problems, []);
});

test('one file: the script stops with a clear message when the build is missing', async () => {
  const empty = await mkdtemp(join(tmpdir(), 'coplanifier-no-dist-'));
  try {
    const out = join(empty, 'out.html');
    const run = spawnSync('python3', [SCRIPT, '--dist', empty, '--out', out], { encoding: 'utf8' });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /index\.html not found/);
    await assert.rejects(stat(out), 'nothing is written');
  } finally {
    await rm(empty, { recursive: true, force: true });
  }
});
