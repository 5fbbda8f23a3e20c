// Hosted anywhere: under a deep sub-path, under a strict Content-Security-
// Policy, offline on a second visit, updated on the next visit, and private:
// no request leaves the origin and none carries charter text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, DIST } from './support/server.mjs';
import { launch, openPage } from './support/browser.mjs';
import { openPart } from './support/app.mjs';

const servers = [];
const contexts = [];
after(async () => {
  for (const c of contexts) await c.close();
  for (const s of servers) await s.close();
});
async function start(options) {
  const s = await serve(options);
  servers.push(s);
  return s;
}
async function browser(options) {
  const c = await launch(options);
  contexts.push(c);
  return c;
}

/** The header the README tells hosts to send, from the script it names. */
function cspHeader(dist = DIST) {
  const line = execFileSync('python3', [new URL('../../scripts/csp.py', import.meta.url).pathname, join(dist, 'index.html')], {
    encoding: 'utf8',
  }).trim();
  const [name, value] = line.split(/:\s(.*)/s);
  assert.equal(name, 'Content-Security-Policy');
  return value;
}

async function waitForServiceWorker(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    }
  });
}

test('host: dist works copied under a deep sub-path, titled in both languages', async () => {
  const server = await start({ base: '/csss/outils/coplanifier/' });
  const { page, problems } = await openPage(await browser(), server.url);
  await page.getByRole('heading', { level: 1, name: 'Coplanifier' }).waitFor();
  await page.waitForFunction(() => document.title.includes('planifier ensemble'));
  await page.getByRole('button', { name: "Ouvrir l'exemple" }).click();
  await page.locator('.board-column').nth(3).waitFor();
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.waitForFunction(() => document.title.includes('plan a community of practice'));
  const description = await page.getAttribute('meta[name="description"]', 'content');
  assert.match(description, /community of practice/);
  const manifest = server.requests.find((r) => r.path.endsWith('manifest.webmanifest'));
  assert.ok(manifest, 'the web manifest is served from the sub-path');
  assert.ok(server.requests.every((r) => r.path.startsWith('/csss/outils/coplanifier/')), 'every file is under the sub-path');
  assert.deepEqual(problems, []);
});

test('host: the app runs under the strict Content-Security-Policy, with no violation', async () => {
  const server = await start({ headers: { 'content-security-policy': cspHeader() } });
  const context = await browser();
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const { page, problems } = await openPage(context, server.url);
  await page.getByRole('button', { name: "Ouvrir l'exemple" }).click();
  await (await openPart(page, 'goals')).locator('.note-add').click();
  await page.keyboard.type('sous CSP');
  await page.getByRole('link', { name: 'Charte' }).click();
  await page.locator('.share-qr, [data-testid="share-qr-none"]').first().waitFor();
  await page.getByRole('link', { name: 'Parcours guidé' }).click();
  await page.locator('.guide-step').waitFor();
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
});

test('host: a second visit works with the network cut', async () => {
  const server = await start();
  const context = await browser();
  const { page, problems } = await openPage(context, server.url);
  await page.getByRole('heading', { level: 1, name: 'Coplanifier' }).waitFor();
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Coplanifier' }).waitFor();
  await page.getByRole('button', { name: "Ouvrir l'exemple" }).click();
  await page.locator('.board-column').nth(3).waitFor();
  await context.setOffline(false);
  assert.deepEqual(problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED')), []);
});

test('host: a new build reaches people on their next visit', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'coplanifier-builds-'));
  const [a, b] = [join(dir, 'a'), join(dir, 'b')];
  await cp(DIST, a, { recursive: true });
  await cp(DIST, b, { recursive: true });
  const index = join(b, 'index.html');
  await writeFile(index, (await readFile(index, 'utf8')).replace('<head>', '<head>\n  <meta name="coplanifier-build" content="B">'));
  const server = await start({ root: a });
  const context = await browser();
  const { page } = await openPage(context, server.url);
  await page.getByRole('heading', { level: 1, name: 'Coplanifier' }).waitFor();
  await waitForServiceWorker(page);
  assert.equal(await page.locator('meta[name="coplanifier-build"]').count(), 0);
  server.setRoot(b);
  await page.goto(server.url);
  await page.getByRole('heading', { level: 1, name: 'Coplanifier' }).waitFor();
  assert.equal(await page.getAttribute('meta[name="coplanifier-build"]', 'content'), 'B', 'the new build is shown');
});

test('host: no request leaves the origin and none carries charter text', async () => {
  const server = await start();
  const context = await browser();
  const seen = [];
  context.on('request', (r) => seen.push({ url: r.url(), body: r.postData() ?? '' }));
  const { page, problems } = await openPage(context, server.url + '#/canvas/details');
  const marker = 'MARQUEUR-PRIVE-7f3a9';
  await page.locator('#charter-title').fill(marker);
  await (await openPart(page, 'mission')).locator('textarea').fill(marker);
  await page.getByTestId('save-status').getByText('Enregistré dans ce navigateur').waitFor();
  await page.getByRole('link', { name: 'Charte' }).click();
  const link = await page.locator('#share-link').inputValue();
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger le Markdown' }).click()]);
  const other = await context.newPage();
  await other.goto(link);
  await other.getByTestId('incoming').waitFor();
  const origin = new URL(server.url).origin;
  const foreign = seen.filter((r) => !r.url.startsWith(origin) && !r.url.startsWith('blob:') && !r.url.startsWith('data:'));
  assert.deepEqual(foreign, [], 'no request to another origin');
  const leaks = [...seen.map((r) => r.url + r.body), ...server.requests.map((r) => r.url + r.body)].filter((t) =>
    t.includes(marker),
  );
  assert.deepEqual(leaks, [], 'no request carries the text');
  assert.ok(server.requests.length > 3);
  assert.deepEqual(problems, []);
});

/** Opens the app and waits for the page that says it cannot start. */
async function cannotStart(context, url) {
  const { page, problems } = await openPage(context, url);
  const said = page.getByRole('alert');
  await said.getByRole('heading', { name: 'Coplanifier ne démarre pas' }).waitFor({ timeout: 20_000 });
  await said.getByRole('heading', { name: 'Coplanifier does not start' }).waitFor();
  assert.equal(await page.getByRole('heading', { level: 1, name: 'Coplanifier', exact: true }).count(), 0);
  return problems;
}

test('host: under a policy that forbids WebAssembly the page says it cannot start, in both languages', async () => {
  const strict = cspHeader().replace(" 'wasm-unsafe-eval'", '');
  assert.ok(!strict.includes('wasm-unsafe-eval'));
  const server = await start({ headers: { 'content-security-policy': strict } });
  const problems = await cannotStart(await browser(), server.url);
  assert.ok(problems.some((p) => /WebAssembly|wasm|Content Security Policy/i.test(p)), problems.join('\n'));
});

test('host: a browser without WebAssembly gets the same page', async () => {
  const server = await start();
  const context = await browser();
  await context.addInitScript(() => {
    delete window.WebAssembly;
  });
  await cannotStart(context, server.url);
});

test('host: in a sandboxed frame whose host did not allow the app files, the frame says it cannot start', async () => {
  const server = await start();
  const dir = await mkdtemp(join(tmpdir(), 'coplanifier-intranet-'));
  await writeFile(
    join(dir, 'index.html'),
    `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Intranet</title></head>
<body><iframe sandbox="allow-scripts" src="${server.url}?embed" title="Coplanifier" width="600" height="700"></iframe></body></html>`,
  );
  const host = await start({ root: dir, host: '127.0.0.2' });
  const { page } = await openPage(await browser(), host.url);
  const frame = page.frameLocator('iframe[title="Coplanifier"]');
  await frame.getByRole('heading', { name: 'Coplanifier ne démarre pas' }).waitFor({ timeout: 20_000 });
});

test('host: once the app starts, the waiting page is gone', async () => {
  const server = await start();
  const { page, problems } = await openPage(await browser(), server.url);
  await page.getByRole('heading', { level: 1, name: 'Coplanifier' }).waitFor();
  assert.equal(await page.locator('#boot').count(), 0);
  assert.equal(await page.getByText('Chargement de Coplanifier').count(), 0);
  assert.deepEqual(problems, []);
});
