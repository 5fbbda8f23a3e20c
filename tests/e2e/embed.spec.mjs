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
import { openPart } from './support/app.mjs';

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
  const note = frame.getByTestId('framed-note');
  // Partitioned or blocked: the browser decides; the note says which.
  await note.getByText(/dans ce cadre seulement|le navigateur ne garde rien/).waitFor();
  await note.getByRole('button', { name: 'Ouvrir la page complète' }).waitFor();
  assert.equal(await frame.locator('body.embed').count(), 1);
  await frame.getByRole('button', { name: "Ouvrir l'exemple" }).click();
  await frame.locator('.board-column').nth(3).waitFor();
  const widths = await frame.locator('.board-column').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
  assert.ok(widths.every((w) => w <= 600), 'the zones fit the frame');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    note.getByRole('button', { name: 'Télécharger une copie (JSON)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /\.coplanifier\.json$/);
  assert.deepEqual(problems, []);
});

test('embed: "Ouvrir la page complète" takes the charter typed in the frame along', async () => {
  const { page, problems } = await intranet('');
  const frame = page.frameLocator('iframe[title="Coplanifier"]');
  await frame.getByRole('link', { name: 'Canevas' }).click();
  await frame.getByRole('link', { name: 'Vue détaillée' }).click();
  await frame.locator('#charter-title').fill('Tapée dans le cadre');
  await frame.locator('[data-part="mission"] textarea').fill('Une mission écrite dans l’intranet');
  const [full] = await Promise.all([
    page.context().waitForEvent('page'),
    frame.getByTestId('framed-note').getByRole('button', { name: 'Ouvrir la page complète' }).click(),
  ]);
  await full.getByTestId('incoming').getByText('Tapée dans le cadre').waitFor();
  assert.ok(!full.url().includes('embed'), `the full page, not the compact one: ${full.url()}`);
  await full.getByRole('button', { name: 'Enregistrer comme nouveau brouillon' }).click();
  assert.equal(await (await openPart(full, 'mission')).locator('textarea').inputValue(), 'Une mission écrite dans l’intranet');
  assert.deepEqual(problems, []);
});

test('embed: share links made in the frame open the full app, not the compact one', async () => {
  const { page, problems } = await intranet('');
  const frame = page.frameLocator('iframe[title="Coplanifier"]');
  await frame.getByRole('button', { name: "Ouvrir l'exemple" }).click();
  await frame.getByRole('link', { name: 'Charte' }).click();
  const link = await frame.locator('#share-link').inputValue();
  assert.ok(link.startsWith(app.url + '#c'), link);
  assert.ok(!link.includes('embed'), link);
  assert.deepEqual(problems, []);
});

test('embed: a sandboxed frame without storage says it once, works in memory and asks in the page', async () => {
  const { page, problems } = await intranet('sandbox="allow-scripts allow-downloads allow-popups"');
  const frame = page.frameLocator('iframe[title="Coplanifier"]');
  const note = frame.getByTestId('framed-note');
  await note.getByText('le navigateur ne garde rien').waitFor();
  // One note, one download button: not two stacked banners.
  assert.equal(await frame.getByTestId('storage-banner').count(), 0);
  assert.equal(await frame.getByRole('button', { name: 'Télécharger une copie (JSON)' }).count(), 1);
  const height = await note.evaluate((e) => e.getBoundingClientRect().height);
  assert.ok(height <= 150, `the note takes ${height} px of the frame`);
  await frame.getByRole('button', { name: "Ouvrir l'exemple" }).click();
  await frame.locator('[data-card="mission"]').click();
  await frame.locator('[data-part="mission"] textarea').fill('Gardé en mémoire');
  await frame.getByRole('link', { name: 'Charte' }).click();
  await frame.getByText('Gardé en mémoire').waitFor();
  // Without allow-modals window.confirm would answer "no" in silence: the app asks in the page.
  await frame.getByRole('link', { name: 'Accueil' }).click();
  await frame.getByRole('button', { name: "Ouvrir l'exemple" }).click();
  const question = frame.getByRole('alertdialog');
  await question.getByText("n'a pas pu être enregistré").waitFor();
  await question.getByRole('button', { name: "Garder ce qui est à l'écran" }).click();
  await frame.getByRole('link', { name: 'Charte' }).click();
  await frame.getByText('Gardé en mémoire').waitFor();
  assert.deepEqual(problems, []);
});

test('embed: a frame sandboxed without downloads or new windows explains what to do instead', async () => {
  const { page, problems } = await intranet('sandbox="allow-scripts allow-same-origin"');
  const frame = page.frameLocator('iframe[title="Coplanifier"]');
  const note = frame.getByTestId('framed-note');
  await frame.getByRole('button', { name: "Ouvrir l'exemple" }).click();
  await frame.locator('.board-column').nth(3).waitFor();
  await note.getByRole('button', { name: 'Télécharger une copie (JSON)' }).click();
  await note.getByText('Ce cadre bloque peut-être les téléchargements').waitFor();
  await note.getByRole('button', { name: 'Ouvrir la page complète' }).click();
  const url = note.getByLabel('Ce cadre ne peut pas ouvrir de nouvelle page');
  await url.waitFor();
  const value = await url.inputValue();
  assert.ok(value.startsWith(app.url + '#c'), value);
  // Chromium reports the blocked download and pop-up on the console; the app has said it.
  const others = problems.filter((p) => !/sandbox|allow-downloads|allow-popups/i.test(p));
  assert.deepEqual(others, []);
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
