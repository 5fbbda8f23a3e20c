// Embedded in an intranet page of another site, in a 600-px-wide frame,
// sandboxed or not: the app works, says where drafts are kept, and offers a
// download and the full page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './support/server.mjs';
import { launch, openPage } from './support/browser.mjs';

let app;
const others = [];
const contexts = [];
before(async () => {
  // Sandboxed frames have an opaque origin: their module script and wasm
  // requests are cross-origin, so the host allows them (see the README).
  app = await serve({ headers: { 'access-control-allow-origin': '*' } });
});
after(async () => {
  for (const c of contexts) await c.close();
  for (const s of others) await s.close();
  await app?.close();
});

/** An intranet page on another loopback origin (127.0.0.2) that frames the app. */
async function intranet(iframeAttributes) {
  const dir = await mkdtemp(join(tmpdir(), 'coplanifier-intranet-'));
  await writeFile(
    join(dir, 'index.html'),
    `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Intranet du CSS</title></head>
<body><h1>Outils pédagogiques</h1>
<iframe ${iframeAttributes} src="${app.url}?embed" title="Coplanifier" width="600" height="900" style="border:0"></iframe>
</body></html>`,
  );
  const host = await serve({ root: dir, host: '127.0.0.2' });
  others.push(host);
  const context = await launch();
  contexts.push(context);
  return openPage(context, host.url);
}

test('embed: the compact app works in a 600-px frame of another site and says where drafts live', async () => {
  const { page, problems } = await intranet('');
  const frame = page.frameLocator('iframe[title="Coplanifier"]');
  await frame.getByTestId('framed-note').getByText('dans ce cadre seulement').waitFor();
  await frame.getByRole('link', { name: 'Ouvrir la page complète' }).waitFor();
  assert.equal(await frame.locator('body.embed').count(), 1);
  await frame.getByRole('button', { name: "Ouvrir l'exemple" }).click();
  await frame.locator('.canvas-zone').nth(3).waitFor();
  const widths = await frame.locator('.canvas-zone').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
  assert.ok(widths.every((w) => w <= 600), 'the zones fit the frame');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    frame.getByTestId('framed-note').getByRole('button', { name: 'Télécharger une copie (JSON)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /\.coplanifier\.json$/);
  assert.deepEqual(problems, []);
});

test('embed: in a sandboxed frame without storage the app still works in memory and offers a way out', async () => {
  const { page, problems } = await intranet('sandbox="allow-scripts allow-downloads allow-popups"');
  const frame = page.frameLocator('iframe[title="Coplanifier"]');
  await frame.getByTestId('storage-banner').getByText('ne conserve pas les brouillons').waitFor();
  await frame.getByRole('button', { name: "Ouvrir l'exemple" }).click();
  await frame.locator('.canvas-zone').nth(3).waitFor();
  await frame.locator('[data-part="mission"] textarea').fill('Gardé en mémoire');
  await frame.getByRole('link', { name: 'Charte' }).click();
  await frame.getByText('Gardé en mémoire').waitFor();
  assert.deepEqual(problems, []);
});

test('embed: the start screen writes the iframe snippet for this address', async () => {
  const context = await launch();
  contexts.push(context);
  const { page, problems } = await openPage(context, app.url);
  await page.getByText('Intégrer Coplanifier dans un intranet').click();
  const code = await page.getByLabel('Code à copier').inputValue();
  assert.ok(code.startsWith(`<iframe src="${app.url}?embed"`), code);
  assert.match(code, /title="Coplanifier"/);
  assert.deepEqual(problems, []);
});
